//! An ACLED row as an event: its cells read, checked and mapped to the
//! model (the table is in `assets/README.md`, "ACLED, UCDP GED and
//! GDELT").

use geo::{Geometry, Point};
use jiff::ToSpan as _;
use jiff::civil::Date;

use super::{GEO_RADIUS_KM, split_actors, symbol};
use crate::data::event::{DatePrecision, Event, Figure, Figures, LocationPrecision};
use crate::data::time::EventTime;
use crate::formats::delimited::Row;
use crate::formats::delimited::builder::{Builder, incident};
use crate::formats::delimited::cells;
use crate::formats::delimited::columns::{Columns, RowCells};
use crate::formats::delimited::dataset::RowResult;

/// The cells of a row the model reads, trimmed.
struct Cells<'a> {
    id: &'a str,
    date: &'a str,
    event_type: &'a str,
    sub_event_type: &'a str,
    actor1: &'a str,
    actor2: &'a str,
    assoc1: &'a str,
    assoc2: &'a str,
    location: &'a str,
    notes: &'a str,
}

/// What the coded cells of a row say.
struct Values {
    date: Date,
    /// `time_precision` as an index: 0 day, 1 week, 2 month.
    time: usize,
    /// `geo_precision` as an index: 0 town, 1 near it, 2 region.
    place: usize,
    lat: f64,
    lon: f64,
    killed: Option<u64>,
}

/// One row as an event, or every problem of the row.
pub fn event(row: &Row<'_, '_>, columns: &Columns, b: &mut Builder) -> RowResult {
    let mut r = RowCells::new(row, columns);
    let cells = Cells {
        id: r.text("event_id_cnty"),
        date: r.text("event_date"),
        event_type: r.text("event_type"),
        sub_event_type: r.text("sub_event_type"),
        actor1: r.text("actor1"),
        actor2: r.text("actor2"),
        assoc1: r.text("assoc_actor_1"),
        assoc2: r.text("assoc_actor_2"),
        location: r.text("location"),
        notes: r.text("notes"),
    };
    let values = values(&cells, &mut r);
    let values = r.finish(values)?;
    let fields = b.fields(row, &[]).map_err(|d| vec![d])?;
    Ok(Event {
        fields,
        ..build(&cells, &values, b)
    })
}

/// Reads and checks the row's codes, dates, coordinates and count.
fn values(c: &Cells<'_>, r: &mut RowCells<'_, '_, '_>) -> Option<Values> {
    if c.id.is_empty() {
        r.fail("event_id_cnty", "no event id given");
    }
    if c.actor1.is_empty() {
        r.fail("actor1", "no actor given");
    }
    let date = r.value("event_date", c.date, cells::date);
    let time_code = r.text("time_precision");
    let time = r.value("time_precision", time_code, |t| {
        let meaning = "1 (day), 2 (week) or 3 (month)";
        cells::code(t, &["1", "2", "3"], "precision code", meaning)
    });
    let geo_code = r.text("geo_precision");
    let place = r.value("geo_precision", geo_code, |t| {
        let meaning = "1 (town), 2 (near a town) or 3 (region)";
        cells::code(t, &["1", "2", "3"], "precision code", meaning)
    });
    let (lat, lon) = (r.text("latitude"), r.text("longitude"));
    let lat = r.value("latitude", lat, |t| cells::coordinate(t, "latitude", 90.0));
    let lon = r.value("longitude", lon, |t| {
        cells::coordinate(t, "longitude", 180.0)
    });
    let fatalities = r.text("fatalities");
    let killed = r.optional("fatalities", fatalities, cells::count);
    Some(Values {
        date: date?,
        time: time?,
        place: place?,
        lat: lat?,
        lon: lon?,
        killed: killed?,
    })
}

/// The event the row's cells and values make (without its fields).
fn build(c: &Cells<'_>, v: &Values, b: &mut Builder) -> Event {
    let (start, end, date_precision, date_text) = dates(v.date, v.time, c.date);
    let kind_label = if c.sub_event_type.is_empty() {
        c.event_type
    } else {
        c.sub_event_type
    };
    let named = || {
        let second = (!c.actor2.is_empty()).then_some(c.actor2);
        std::iter::once(c.actor1)
            .chain(second)
            .chain(split_actors(c.assoc1))
            .chain(split_actors(c.assoc2))
    };
    let mut actors = Vec::with_capacity(named().count());
    for a in named() {
        b.add_side(a);
        actors.push(a.to_owned());
    }
    let location_precision = [
        LocationPrecision::Exact,
        LocationPrecision::Near,
        LocationPrecision::Region,
    ][v.place];
    Event {
        date_text,
        date_precision: Some(date_precision),
        place: (!c.location.is_empty()).then(|| c.location.to_owned()),
        location_precision: Some(location_precision),
        uncertainty_km: GEO_RADIUS_KM[v.place],
        category: Some(b.category(kind_label, symbol(c.event_type))),
        summary: (!c.notes.is_empty()).then(|| c.notes.to_owned()),
        side: Some(b.side(c.actor1)),
        actors,
        figures: Figures {
            killed: v.killed.map(|n| {
                Box::new(Figure {
                    as_stated: n.to_string(),
                    low: Some(n as f64),
                    high: Some(n as f64),
                })
            }),
            ..Figures::default()
        },
        geometry: Some(Geometry::Point(Point::new(v.lon, v.lat))),
        ..incident(c.id, title(kind_label, c.location), (start, end))
    }
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
