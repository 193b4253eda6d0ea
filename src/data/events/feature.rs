//! Turns one feature's properties and geometry into an [`Event`],
//! collecting every problem with them rather than stopping at the first.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::data::event::{Event, EventKind, Extraction, Figures, Quote, Verification};
use crate::data::events::checks::{check_figures, check_kind, check_quotes};
use crate::data::events::problem::Problem;
use crate::data::fields::Fields;
use crate::data::source::Source;
use crate::data::time::EventTime;
use crate::data::vocabulary::{List, Vocabulary};

/// The properties the schema knows.
const KNOWN: &[&str] = &[
    "id",
    "kind",
    "source",
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
    "fields",
    "extraction",
];

/// What every feature of one file is read against: its sources and the
/// vocabularies it declares.
pub struct FeatureContext<'a> {
    /// The file's sources; an event's `source` is an index into them.
    pub sources: &'a [Source],
    /// Each source's index, by id.
    pub source_ids: HashMap<&'a str, usize>,
    /// The declared vocabularies.
    pub vocabulary: &'a Vocabulary,
    /// Whether the file declares its sides (then no other may be used).
    pub sides_declared: bool,
    /// Whether the file declares its categories.
    pub categories_declared: bool,
    /// The ids of the declared sides and categories, for quick look-up
    /// (a dataset declares thousands of actors).
    pub declared_ids: [HashSet<&'a str>; 2],
}

impl<'a> FeatureContext<'a> {
    /// The context for a file's `sources` and declared `vocabulary`.
    pub fn new(
        sources: &'a [Source],
        vocabulary: &'a Vocabulary,
        sides_declared: bool,
        categories_declared: bool,
    ) -> Self {
        let ids = |list: &'a [crate::data::vocabulary::Term]| {
            list.iter().map(|t| t.id.as_str()).collect()
        };
        Self {
            sources,
            source_ids: sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect(),
            vocabulary,
            sides_declared,
            categories_declared,
            declared_ids: [ids(&vocabulary.sides), ids(&vocabulary.categories)],
        }
    }
}

/// The feature's `id` property, if it is a string (for messages).
pub fn feature_id(properties: &Value) -> Option<String> {
    properties.get("id")?.as_str().map(str::to_owned)
}

/// Converts a feature, or returns every problem found in it.
pub fn to_event(
    properties: &Value,
    geometry: Option<geo::Geometry<f64>>,
    ctx: &FeatureContext<'_>,
) -> Result<Event, Vec<Problem>> {
    let Some(props) = properties.as_object() else {
        return Err(vec![Problem::NoProperties]);
    };
    let mut r = Reader {
        props,
        problems: Vec::new(),
    };
    for key in props.keys().filter(|k| !KNOWN.contains(&k.as_str())) {
        r.problems.push(Problem::UnknownProperty(key.clone()));
    }
    let core = r.core(ctx);
    let checked = r.checked(ctx, core.source, geometry.is_some());
    let (start, end) = (core.start, core.end);
    let event = r.event(core, checked, geometry);
    if let (Some(s), Some(e)) = (start, end)
        && s.first_second() > e.first_second()
    {
        r.problems.push(Problem::StartAfterEnd {
            start: s.to_string(),
            end: e.to_string(),
        });
    }
    check_kind(&event, &mut r.problems);
    if r.problems.is_empty() {
        Ok(event)
    } else {
        Err(r.problems)
    }
}

/// The members every event has (`None` where missing or wrong).
struct Core {
    id: Option<String>,
    kind: Option<EventKind>,
    title: Option<String>,
    start: Option<EventTime>,
    end: Option<EventTime>,
    /// The index of its source.
    source: Option<usize>,
}

/// The optional members checked beyond their type.
struct Checked {
    category: Option<String>,
    side: Option<String>,
    uncertainty_km: Option<f64>,
    quotes: Vec<Quote>,
    figures: Figures,
    extraction: Option<Box<Extraction>>,
    geometry_note: Option<String>,
}

impl Reader<'_> {
    /// Reads the members every event has.
    fn core(&mut self, ctx: &FeatureContext<'_>) -> Core {
        Core {
            id: self.required("id"),
            kind: self.required("kind"),
            title: self.required("title"),
            start: self.time("start"),
            end: self.time("end"),
            source: self.source(ctx),
        }
    }

    /// Reads and checks the optional members that must agree with the
    /// file (vocabularies, the source's text) or lie in a range; a feature
    /// without geometry needs a note saying why.
    fn checked(
        &mut self,
        ctx: &FeatureContext<'_>,
        source: Option<usize>,
        has_geometry: bool,
    ) -> Checked {
        let category: Option<String> = self.optional("category");
        if let Some(c) = &category {
            self.check_term(ctx, List::Categories, "category", c);
        }
        let side: Option<String> = self.optional("side");
        if let Some(s) = &side {
            self.check_term(ctx, List::Sides, "side", s);
        }
        let uncertainty_km: Option<f64> = self.optional("uncertainty_km");
        if uncertainty_km.is_some_and(|u| !(u.is_finite() && u > 0.0)) {
            self.invalid(
                "uncertainty_km",
                "must be a positive number of kilometres".into(),
            );
        }
        let quotes: Vec<Quote> = self.optional("quotes").unwrap_or_default();
        if let Some(s) = source.and_then(|i| ctx.sources.get(i)) {
            check_quotes(&quotes, s, &mut self.problems);
        }
        let figures: Figures = self.optional("figures").unwrap_or_default();
        check_figures(&figures, &mut self.problems);
        let extraction: Option<Box<Extraction>> = self.optional("extraction");
        if extraction
            .as_ref()
            .is_some_and(|x| !(0.0..=1.0).contains(&x.confidence))
        {
            self.invalid(
                "extraction.confidence",
                "must be a number from 0 to 1".into(),
            );
        }
        let geometry_note: Option<String> = self.optional("geometry_note");
        if !has_geometry && geometry_note.is_none() {
            self.problems.push(Problem::MissingGeometryNote);
        }
        Checked {
            category,
            side,
            uncertainty_km,
            quotes,
            figures,
            extraction,
            geometry_note,
        }
    }

    /// The event, with the members read so far and the rest, which need
    /// only be of their type.
    fn event(
        &mut self,
        core: Core,
        checked: Checked,
        geometry: Option<geo::Geometry<f64>>,
    ) -> Event {
        Event {
            id: core.id.unwrap_or_default(),
            kind: core.kind.unwrap_or(EventKind::Incident),
            source: core.source.unwrap_or_default(),
            title: core.title.unwrap_or_default(),
            start: core
                .start
                .unwrap_or(EventTime::Date(jiff::civil::Date::MIN)),
            end: core.end.unwrap_or(EventTime::Date(jiff::civil::Date::MIN)),
            date_text: self.optional("date_text"),
            date_precision: self.optional("date_precision"),
            place: self.optional("place"),
            place_ref: self.optional("place_ref"),
            geonameid: self.optional("geonameid"),
            location_precision: self.optional("location_precision"),
            uncertainty_km: checked.uncertainty_km,
            category: checked.category,
            summary: self.optional("summary"),
            actors: self.optional("actors").unwrap_or_default(),
            quotes: checked.quotes,
            claimant: self.optional("claimant"),
            side: checked.side,
            refers_to: self.optional("refers_to").unwrap_or_default(),
            account_of: self.optional("account_of"),
            figures: checked.figures,
            verification: self.optional::<Box<Verification>>("verification"),
            geometry,
            geometry_note: checked.geometry_note,
            fields: self.optional::<Fields>("fields").unwrap_or_default(),
            extraction: checked.extraction,
        }
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

    /// The index of the event's source: the one named, or the file's only one.
    fn source(&mut self, ctx: &FeatureContext<'_>) -> Option<usize> {
        match self.optional::<String>("source") {
            Some(id) => {
                let found = ctx.source_ids.get(id.as_str()).copied();
                if found.is_none() {
                    self.problems.push(Problem::UnknownSource(id));
                }
                found
            }
            None if ctx.sources.len() == 1 => Some(0),
            None => {
                self.problems.push(Problem::WhichSource);
                None
            }
        }
    }

    /// Checks that `id` is in a declared vocabulary.
    fn check_term(&mut self, ctx: &FeatureContext<'_>, list: List, field: &str, id: &str) {
        let (declared, ids) = match list {
            List::Sides => (ctx.sides_declared, &ctx.declared_ids[0]),
            List::Categories => (ctx.categories_declared, &ctx.declared_ids[1]),
        };
        let terms = ctx.vocabulary.list(list);
        if declared && !ids.contains(id) {
            let ids: Vec<&str> = terms.iter().map(|t| t.id.as_str()).collect();
            let message = format!(
                "{id:?} is not in the file's vocabulary; expected one of {}",
                ids.join(", ")
            );
            self.invalid(field, message);
        }
    }
}
