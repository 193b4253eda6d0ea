//! UCDP GED CSV files (the 49-column layout), one event per row.
//!
//! `date_start` and `date_end` give the span; `date_prec` 1–5 says how
//! exactly (day, 2–6 days, week, month, year). `where_prec` 1–5 are drawn
//! as points with a radius that grows with the area named (none, 25, 50,
//! 125, 250 km); 6 (only the country: the point is its centroid) and 7
//! (over water or in international airspace: the point is a water area's
//! centroid or an estimate) are not drawn, and the event says why in its
//! `geometry_note`, keeping the dataset's point in its fields. The table
//! is in `assets/README.md`, "ACLED and UCDP GED".

use std::io::Read;
use std::path::Path;

use geo::{Geometry, Point};

use super::cells;
use super::csv_rows::{Row, header_names};
use super::dataset::{self, Builder, Columns, CsvLoad, Layout};
use super::{ImportContext, Imported, Importer};
use crate::data::event::{DatePrecision, Event, EventKind, Figure, Figures, LocationPrecision};
use crate::data::time::EventTime;
use crate::data::vocabulary::Symbol;
use crate::diagnostic::Diagnostic;

/// The columns of the GED CSV, in order.
pub const COLUMNS: [&str; 49] = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
];

/// The UCDP layout. `latitude` and `longitude` are kept in `fields` only
/// for the events that are not drawn (`where_prec` 6 and 7).
pub const LAYOUT: Layout = Layout {
    dataset: "UCDP GED",
    required: &[
        "id",
        "type_of_violence",
        "side_a",
        "where_prec",
        "latitude",
        "longitude",
        "date_prec",
        "date_start",
        "date_end",
        "best",
    ],
    mapped: &[
        "id",
        "type_of_violence",
        "side_a",
        "side_b",
        "where_prec",
        "where_coordinates",
        "latitude",
        "longitude",
        "date_prec",
        "date_start",
        "date_end",
        "best",
        "low",
        "high",
    ],
    also_read: &[],
    spare: &["latitude", "longitude"],
};

/// `where_prec` 1–7: the location precision, and the radius drawn (`None`
/// for the point itself); 6 and 7 are not drawn.
pub const WHERE: [(LocationPrecision, Option<f64>); 7] = [
    (LocationPrecision::Exact, None),
    (LocationPrecision::Near, Some(25.0)),
    (LocationPrecision::District, Some(50.0)),
    (LocationPrecision::Region, Some(125.0)),
    (LocationPrecision::Border, Some(250.0)),
    (LocationPrecision::Country, None),
    (LocationPrecision::Elsewhere, None),
];

/// `date_prec` 1–5.
pub const WHEN: [DatePrecision; 5] = [
    DatePrecision::Day,
    DatePrecision::Days,
    DatePrecision::Week,
    DatePrecision::Month,
    DatePrecision::Year,
];

/// `type_of_violence` 1–3: label and symbol.
pub const VIOLENCE: [(&str, Symbol); 3] = [
    ("State-based conflict", Symbol::Diamond),
    ("Non-state conflict", Symbol::Triangle),
    ("One-sided violence", Symbol::Circle),
];

/// Reads UCDP GED CSV files.
pub struct UcdpImporter;

impl Importer for UcdpImporter {
    fn name(&self) -> &'static str {
        "UCDP GED CSV"
    }

    fn sniff(&self, _path: &Path, head: &[u8]) -> bool {
        let names = header_names(head);
        ["where_prec", "date_prec"]
            .iter()
            .all(|c| names.iter().any(|n| n == c))
    }

    fn load(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Imported {
        Imported::Events(read(ctx.name, input).into_loaded())
    }
}

/// Reads a UCDP GED CSV file in one pass.
pub fn read(name: &str, input: &mut dyn Read) -> CsvLoad {
    dataset::read(name, input, &LAYOUT, event)
}

/// One row as an event, or every problem of the row.
fn event(row: &Row<'_, '_>, c: &Columns, b: &mut Builder) -> Result<Event, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut text = |name: &str| match c.text(row, name) {
        Ok(t) => t,
        Err(d) => {
            problems.push(d);
            ""
        }
    };
    let (id, violence) = (text("id"), text("type_of_violence"));
    let (side_a, side_b) = (text("side_a"), text("side_b"));
    let (where_code, place) = (text("where_prec"), text("where_coordinates"));
    let (lat, lon) = (text("latitude"), text("longitude"));
    let (date_code, from, to) = (text("date_prec"), text("date_start"), text("date_end"));
    let (best, low, high) = (text("best"), text("low"), text("high"));
    let mut fail = |name: &str, message: String| problems.push(c.problem(row, name, message));
    if id.is_empty() {
        fail("id", "no event id given".into());
    }
    if side_a.is_empty() {
        fail("side_a", "no side A given".into());
    }
    let violence = cells::code(
        violence,
        &["1", "2", "3"],
        "1 (state-based), 2 (non-state) or 3 (one-sided)",
    )
    .map_err(|m| fail("type_of_violence", m.replace("precision code", "code")))
    .ok();
    let codes = ["1", "2", "3", "4", "5", "6", "7"];
    let place_code = cells::code(where_code, &codes, "1 to 7")
        .map_err(|m| fail("where_prec", m))
        .ok();
    let date_code = cells::code(date_code, &codes[..5], "1 to 5")
        .map_err(|m| fail("date_prec", m))
        .ok();
    let lat_value = cells::coordinate(lat, "latitude", 90.0).map_err(|m| fail("latitude", m));
    let lon_value = cells::coordinate(lon, "longitude", 180.0).map_err(|m| fail("longitude", m));
    let start = cells::date(from).map_err(|m| fail("date_start", m)).ok();
    let end = cells::date(to).map_err(|m| fail("date_end", m)).ok();
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        fail("date_end", format!("the end {e} is before the start {s}"));
    }
    let mut figure = |name: &str, cell: &str| match cell {
        "" => None,
        t => cells::count(t).map_err(|m| fail(name, m)).ok(),
    };
    let best = figure("best", best);
    let (low, high) = (figure("low", low).or(best), figure("high", high).or(best));
    if let (Some(l), Some(m), Some(h)) = (low, best, high)
        && (l > m || m > h)
    {
        fail(
            "best",
            format!("low {l}, best {m} and high {h} are not in order"),
        );
    }
    let (Some(violence), Some(place_code), Some(date_code), Ok(lat_value), Ok(lon_value)) =
        (violence, place_code, date_code, lat_value, lon_value)
    else {
        return Err(problems);
    };
    let (Some(start), Some(end), Some(best)) = (start, end, best) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let (label, symbol) = VIOLENCE[violence];
    let (location_precision, uncertainty_km) = WHERE[place_code];
    let drawn = place_code < 5;
    let spare = if drawn { ["", ""] } else { [lat, lon] };
    let fields = b.fields(row, &spare).map_err(|d| vec![d])?;
    let (geometry, geometry_note) = if drawn {
        (
            Some(Geometry::Point(Point::new(lon_value, lat_value))),
            None,
        )
    } else {
        (None, Some(not_drawn(place_code, place)))
    };
    let side = b.side(side_a);
    let mut actors = vec![side_a.to_owned()];
    if !side_b.is_empty() {
        b.add_side(side_b);
        actors.push(side_b.to_owned());
    }
    Ok(Event {
        id: id.to_owned(),
        kind: EventKind::Incident,
        source: 0,
        title: if place.is_empty() {
            label.to_owned()
        } else {
            format!("{label}, {place}")
        },
        start: EventTime::Date(start),
        end: EventTime::Date(end),
        date_text: None,
        date_precision: Some(WHEN[date_code]),
        place: (!place.is_empty()).then(|| place.to_owned()),
        place_ref: None,
        geonameid: None,
        location_precision: Some(location_precision),
        uncertainty_km,
        category: Some(b.category(label, symbol)),
        summary: None,
        side: Some(side),
        actors,
        quotes: Vec::new(),
        claimant: None,
        refers_to: Vec::new(),
        account_of: None,
        figures: Figures {
            killed: Some(Box::new(Figure {
                as_stated: best.to_string(),
                low: low.map(|n| n as f64),
                high: high.map(|n| n as f64),
            })),
            ..Figures::default()
        },
        verification: None,
        geometry,
        geometry_note,
        fields,
        extraction: None,
    })
}

/// Why an event of `where_prec` 6 or 7 has no point.
fn not_drawn(place_code: usize, place: &str) -> String {
    let what = if place_code == 5 {
        "only the country is known (UCDP where_prec 6); its point is the country's centroid"
    } else {
        "over water or in international airspace (UCDP where_prec 7); its point is a water \
         area's centroid or an estimate"
    };
    let named = if place.is_empty() {
        String::new()
    } else {
        format!(" ({place})")
    };
    format!(
        "Not drawn: {what}{named}. The dataset's latitude and longitude are kept in its fields."
    )
}

/// The `type_of_violence` code (1–3) of a category label, if it is one.
pub fn violence_code(label: &str) -> Option<usize> {
    VIOLENCE
        .iter()
        .position(|(l, _)| l.eq_ignore_ascii_case(label))
        .map(|i| i + 1)
}
