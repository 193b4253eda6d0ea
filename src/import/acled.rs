//! ACLED CSV exports: the current 31-column layout and older ones (without
//! `disorder_type`, `civilian_targeting` and `tags`, dates written like
//! "16 September 2022"), one event per row.
//!
//! How ACLED's codes become the event model (the table is in
//! `assets/README.md`, "ACLED and UCDP GED"): `time_precision` 1 is the day
//! recorded, 2 the week around it (ACLED records the middle of the week or
//! weekend), 3 the calendar month (ACLED records its middle);
//! `geo_precision` 1 is the town itself, 2 near it (within 25 km), 3 a
//! region coded to a provincial capital or a natural location (125 km).

use std::io::Read;
use std::path::Path;

use geo::{Geometry, Point};
use jiff::ToSpan as _;
use jiff::civil::Date;

use super::cells;
use super::csv_rows::{Row, header_names};
use super::dataset::{self, Builder, Columns, CsvLoad, Layout};
use super::{ImportContext, Imported, Importer};
use crate::data::event::{DatePrecision, Event, EventKind, Figure, Figures, LocationPrecision};
use crate::data::time::EventTime;
use crate::data::vocabulary::Symbol;
use crate::diagnostic::Diagnostic;

/// The columns of the current export, in order.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// The ACLED layout: what a file must have, and the columns read into the
/// event's members (`event_type` and the associated actors are also kept
/// in `fields`, to be shown and written back as they were).
pub const LAYOUT: Layout = Layout {
    dataset: "ACLED",
    required: &[
        "event_id_cnty",
        "event_date",
        "time_precision",
        "event_type",
        "actor1",
        "latitude",
        "longitude",
        "geo_precision",
    ],
    mapped: &[
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "notes",
        "fatalities",
    ],
    also_read: &["event_type", "assoc_actor_1", "assoc_actor_2"],
    spare: &[],
};

/// The uncertainty radius of each `geo_precision` code, in km.
pub const GEO_RADIUS_KM: [Option<f64>; 3] = [None, Some(25.0), Some(125.0)];

/// The map symbol of each ACLED event type.
pub fn symbol(event_type: &str) -> Symbol {
    const SYMBOLS: [(&str, Symbol); 5] = [
        ("battles", Symbol::Diamond),
        ("explosions/remote violence", Symbol::Triangle),
        ("strategic developments", Symbol::Square),
        ("protests", Symbol::Ring),
        ("riots", Symbol::Ring),
    ];
    SYMBOLS
        .iter()
        .find(|(name, _)| event_type.eq_ignore_ascii_case(name))
        .map_or(Symbol::Circle, |&(_, symbol)| symbol)
}

/// Reads ACLED CSV files.
pub struct AcledImporter;

impl Importer for AcledImporter {
    fn name(&self) -> &'static str {
        "ACLED CSV"
    }

    fn sniff(&self, _path: &Path, head: &[u8]) -> bool {
        let names = header_names(head);
        ["event_id_cnty", "event_date"]
            .iter()
            .all(|c| names.iter().any(|n| n == c))
    }

    fn load(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Imported {
        Imported::Events(read(ctx.name, input).into_loaded())
    }
}

/// Reads an ACLED CSV file in one pass.
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
    let (id, date_cell, time_code) = (
        text("event_id_cnty"),
        text("event_date"),
        text("time_precision"),
    );
    let (event_type, sub_event_type) = (text("event_type"), text("sub_event_type"));
    let (actor1, actor2) = (text("actor1"), text("actor2"));
    let (assoc1, assoc2) = (text("assoc_actor_1"), text("assoc_actor_2"));
    let (location, notes, fatalities) = (text("location"), text("notes"), text("fatalities"));
    let (lat, lon, geo_code) = (text("latitude"), text("longitude"), text("geo_precision"));
    let mut fail = |name: &str, message: String| problems.push(c.problem(row, name, message));
    if id.is_empty() {
        fail("event_id_cnty", "no event id given".into());
    }
    if actor1.is_empty() {
        fail("actor1", "no actor given".into());
    }
    let when = cells::date(date_cell)
        .map_err(|m| fail("event_date", m))
        .ok();
    let time = cells::code(
        time_code,
        &["1", "2", "3"],
        "1 (day), 2 (week) or 3 (month)",
    )
    .map_err(|m| fail("time_precision", m))
    .ok();
    let place = cells::code(
        geo_code,
        &["1", "2", "3"],
        "1 (town), 2 (near a town) or 3 (region)",
    )
    .map_err(|m| fail("geo_precision", m))
    .ok();
    let lat = cells::coordinate(lat, "latitude", 90.0)
        .map_err(|m| fail("latitude", m))
        .ok();
    let lon = cells::coordinate(lon, "longitude", 180.0)
        .map_err(|m| fail("longitude", m))
        .ok();
    let killed = match fatalities {
        "" => None,
        f => cells::count(f).map_err(|m| fail("fatalities", m)).ok(),
    };
    let (Some(when), Some(time), Some(place), Some(lat), Some(lon)) = (when, time, place, lat, lon)
    else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let fields = b.fields(row, &[]).map_err(|d| vec![d])?;
    let (start, end, date_precision, date_text) = dates(when, time, date_cell);
    let kind_label = if sub_event_type.is_empty() {
        event_type
    } else {
        sub_event_type
    };
    let named = || {
        let second = (!actor2.is_empty()).then_some(actor2);
        std::iter::once(actor1)
            .chain(second)
            .chain(split_actors(assoc1))
            .chain(split_actors(assoc2))
    };
    let mut actors = Vec::with_capacity(named().count());
    for a in named() {
        b.add_side(a);
        actors.push(a.to_owned());
    }
    let side = b.side(actor1);
    Ok(Event {
        id: id.to_owned(),
        kind: EventKind::Incident,
        source: 0,
        title: title(kind_label, location),
        start,
        end,
        date_text,
        date_precision: Some(date_precision),
        place: (!location.is_empty()).then(|| location.to_owned()),
        place_ref: None,
        geonameid: None,
        location_precision: Some(
            [
                LocationPrecision::Exact,
                LocationPrecision::Near,
                LocationPrecision::Region,
            ][place],
        ),
        uncertainty_km: GEO_RADIUS_KM[place],
        category: Some(b.category(kind_label, symbol(event_type))),
        summary: (!notes.is_empty()).then(|| notes.to_owned()),
        side: Some(side),
        actors,
        quotes: Vec::new(),
        claimant: None,
        refers_to: Vec::new(),
        account_of: None,
        figures: Figures {
            killed: killed.map(|n| {
                Box::new(Figure {
                    as_stated: n.to_string(),
                    low: Some(n as f64),
                    high: Some(n as f64),
                })
            }),
            ..Figures::default()
        },
        verification: None,
        geometry: Some(Geometry::Point(Point::new(lon, lat))),
        geometry_note: None,
        fields,
        extraction: None,
    })
}

/// The names in an associated-actors cell ("A; B").
pub fn split_actors(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|a| !a.is_empty())
}

/// A short title: "Armed clash, Ak-Sai".
fn title(kind: &str, location: &str) -> String {
    match (kind.is_empty(), location.is_empty()) {
        (false, false) => format!("{kind}, {location}"),
        (false, true) => kind.to_owned(),
        (true, false) => location.to_owned(),
        (true, true) => "ACLED event".to_owned(),
    }
}

/// The time an event covers for the date ACLED records and its
/// `time_precision` (as an index: 0 day, 1 week, 2 month). The recorded
/// date is kept as `date_text` when it cannot be told from the span (a
/// month whose recorded day is not the 15th).
fn dates(
    d: Date,
    precision: usize,
    cell: &str,
) -> (EventTime, EventTime, DatePrecision, Option<String>) {
    let day = |d: Date| EventTime::Date(d);
    match precision {
        0 => (day(d), day(d), DatePrecision::Day, None),
        1 => {
            let from = d.checked_sub(3.days()).unwrap_or(d);
            let to = d.checked_add(3.days()).unwrap_or(d);
            (day(from), day(to), DatePrecision::Week, None)
        }
        _ => {
            let first = d.first_of_month();
            let last = d.last_of_month();
            let text = (d.day() != 15).then(|| cell.to_owned());
            (day(first), day(last), DatePrecision::Month, text)
        }
    }
}

/// The date ACLED records for an event's span: the day, the middle of a
/// week, or the day kept in `date_text` (else the 15th) of a month.
pub fn recorded_date(e: &Event) -> Date {
    let (start, end) = (e.start.date(), e.end.date());
    if let Some(kept) = e.date_text.as_deref().and_then(|t| cells::date(t).ok())
        && start <= kept
        && kept <= end
    {
        return kept;
    }
    match e.date_precision {
        Some(DatePrecision::Month) if start.first_of_month() == end.first_of_month() => {
            start.with().day(15).build().unwrap_or(start)
        }
        _ => {
            let days = (end - start).get_days() / 2;
            start.checked_add(days.days()).unwrap_or(start)
        }
    }
}
