//! Turns one GeoJSON feature into an [`Event`], collecting every problem
//! with its properties rather than stopping at the first.

use geo::CoordsIter as _;
use serde::Deserialize as _;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::event::{CATEGORIES, Event, EventKind, Figures, Quote, Verification};
use super::event_error::Problem;
use super::time::EventTime;

/// The properties the schema knows.
const KNOWN: &[&str] = &[
    "id",
    "kind",
    "title",
    "start",
    "end",
    "date_text",
    "date_precision",
    "place",
    "place_ref",
    "geonameid",
    "location_precision",
    "uncertainty_km",
    "category",
    "summary",
    "actors",
    "quotes",
    "claimant",
    "side",
    "refers_to",
    "account_of",
    "figures",
    "verification",
    "geometry_note",
];

/// The feature's id, if it has a string one (for messages).
pub fn feature_id(feature: &Value) -> Option<String> {
    feature
        .get("properties")?
        .get("id")?
        .as_str()
        .map(str::to_owned)
}

/// Converts a feature, or returns every problem found in it.
pub fn to_event(feature: &Value, article: Option<&str>) -> Result<Event, Vec<Problem>> {
    let Some(object) = feature.as_object() else {
        return Err(vec![Problem::NotFeature(format!(
            "found {}",
            kind_of(feature)
        ))]);
    };
    if object.get("type").and_then(Value::as_str) != Some("Feature") {
        return Err(vec![Problem::NotFeature(
            "`type` is not \"Feature\"".into(),
        )]);
    }
    let Some(props) = object.get("properties").and_then(Value::as_object) else {
        return Err(vec![Problem::NotFeature("no `properties` object".into())]);
    };
    let mut r = Reader {
        props,
        problems: Vec::new(),
    };
    for key in props.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        r.problems.push(Problem::UnknownProperty(key.clone()));
    }
    let id = r.required("id");
    let kind = r.required("kind");
    let title = r.required("title");
    let start = r.time("start");
    let end = r.time("end");
    let category: Option<String> = r.optional("category");
    if let Some(c) = category.as_deref().filter(|c| !CATEGORIES.contains(c)) {
        r.invalid(
            "category",
            format!(
                "unknown value {c:?}; expected one of {}",
                CATEGORIES.join(", ")
            ),
        );
    }
    let uncertainty_km: Option<f64> = r.optional("uncertainty_km");
    if uncertainty_km.is_some_and(|u| !(u.is_finite() && u > 0.0)) {
        r.invalid(
            "uncertainty_km",
            "must be a positive number of kilometres".into(),
        );
    }
    let quotes: Vec<Quote> = r.optional("quotes").unwrap_or_default();
    if let Some(text) = article {
        check_quotes(&quotes, text, &mut r.problems);
    }
    let figures: Figures = r.optional("figures").unwrap_or_default();
    check_figures(&figures, &mut r.problems);
    let geometry_value = object.get("geometry").filter(|v| !v.is_null());
    let geometry = geometry(geometry_value, &mut r.problems);
    let geometry_note: Option<String> = r.optional("geometry_note");
    if geometry_value.is_none() && geometry_note.is_none() {
        r.problems.push(Problem::MissingGeometryNote);
    }
    let event = Event {
        id: id.unwrap_or_default(),
        kind: kind.unwrap_or(EventKind::Incident),
        title: title.unwrap_or_default(),
        start: start.unwrap_or(EventTime::Date(jiff::civil::Date::MIN)),
        end: end.unwrap_or(EventTime::Date(jiff::civil::Date::MIN)),
        date_text: r.optional("date_text"),
        date_precision: r.optional("date_precision"),
        place: r.optional("place"),
        place_ref: r.optional("place_ref"),
        geonameid: r.optional("geonameid"),
        location_precision: r.optional("location_precision"),
        uncertainty_km,
        category,
        summary: r.optional("summary"),
        actors: r.optional("actors").unwrap_or_default(),
        quotes,
        claimant: r.optional("claimant"),
        side: r.optional("side"),
        refers_to: r.optional("refers_to").unwrap_or_default(),
        account_of: r.optional("account_of"),
        figures,
        verification: r.optional::<Verification>("verification"),
        geometry,
        geometry_note,
    };
    if let (Some(s), Some(e)) = (start, end)
        && s.first_second() > e.first_second()
    {
        r.problems.push(Problem::StartAfterEnd {
            start: s.to_string(),
            end: e.to_string(),
        });
    }
    if event.kind == EventKind::Statement {
        let needs = [
            ("claimant", event.claimant.is_none()),
            ("side", event.side.is_none()),
            ("refers_to", event.refers_to.is_empty()),
        ];
        for (field, lacking) in needs {
            if lacking {
                r.problems.push(Problem::StatementNeeds(field));
            }
        }
        if event.account_of.is_some() {
            r.problems.push(Problem::AccountOfOnStatement);
        }
    }
    if r.problems.is_empty() {
        Ok(event)
    } else {
        Err(r.problems)
    }
}

/// Reads typed properties, recording problems.
struct Reader<'a> {
    /// The feature's properties.
    props: &'a Map<String, Value>,
    /// Problems so far.
    problems: Vec<Problem>,
}

impl Reader<'_> {
    /// Records an invalid property.
    fn invalid(&mut self, field: &str, message: String) {
        self.problems.push(Problem::Invalid {
            field: field.to_owned(),
            message,
        });
    }

    /// An optional property; absent and null are `None`.
    fn optional<T: DeserializeOwned>(&mut self, field: &str) -> Option<T> {
        let value = self.props.get(field).filter(|v| !v.is_null())?;
        match T::deserialize(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.invalid(field, e.to_string());
                None
            }
        }
    }

    /// A required property.
    fn required<T: DeserializeOwned>(&mut self, field: &'static str) -> Option<T> {
        if self.props.get(field).is_none_or(Value::is_null) {
            self.problems.push(Problem::Missing(field));
            return None;
        }
        self.optional(field)
    }

    /// A required `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` property.
    fn time(&mut self, field: &'static str) -> Option<EventTime> {
        let text: String = self.required(field)?;
        match EventTime::parse(&text) {
            Ok(t) => Some(t),
            Err(e) => {
                self.invalid(field, format!("{text:?} is not YYYY-MM-DD[THH:MM]: {e}"));
                None
            }
        }
    }
}

/// Checks each quote is the article's text at its byte span.
fn check_quotes(quotes: &[Quote], article: &str, problems: &mut Vec<Problem>) {
    for (index, q) in quotes.iter().enumerate() {
        let (start, end) = (q.start, q.end);
        match article.get(start..end).filter(|_| start < end) {
            None => problems.push(Problem::QuoteSpan {
                index,
                start,
                end,
                len: article.len(),
            }),
            Some(found) if found != q.text => problems.push(Problem::QuoteMismatch {
                index,
                start,
                end,
                found: found.chars().take(80).collect(),
                hint: article.find(q.text.as_str()).filter(|_| !q.text.is_empty()),
            }),
            Some(_) => {}
        }
    }
}

/// Checks each figure's low ≤ high and that neither is negative.
fn check_figures(figures: &Figures, problems: &mut Vec<Problem>) {
    let Figures {
        killed,
        injured,
        evacuated,
    } = figures;
    for (name, figure) in [
        ("killed", killed),
        ("injured", injured),
        ("evacuated", evacuated),
    ] {
        let Some(f) = figure else { continue };
        let bad_order = matches!((f.low, f.high), (Some(l), Some(h)) if l > h);
        let negative = f.low.is_some_and(|v| v < 0.0) || f.high.is_some_and(|v| v < 0.0);
        if bad_order || negative {
            problems.push(Problem::Invalid {
                field: format!("figures.{name}"),
                message: "low and high must be non-negative with low ≤ high".into(),
            });
        }
    }
}

/// Parses the feature's geometry (`None` when absent or invalid).
fn geometry(value: Option<&Value>, problems: &mut Vec<Problem>) -> Option<geo::Geometry<f64>> {
    let value = value?;
    let parsed = geojson::Geometry::deserialize(value)
        .map_err(|e| e.to_string())
        .and_then(|g| geo::Geometry::<f64>::try_from(&g).map_err(|e| e.to_string()));
    match parsed {
        Ok(g)
            if g.coords_iter()
                .all(|c| c.x.abs() <= 180.0 && c.y.abs() <= 90.0) =>
        {
            Some(g)
        }
        Ok(_) => {
            problems.push(Problem::Geometry(
                "coordinates outside longitude ±180, latitude ±90".into(),
            ));
            None
        }
        Err(e) => {
            problems.push(Problem::Geometry(e));
            None
        }
    }
}

/// A JSON value's kind, for messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
