//! Events as CSV in the ACLED export's 31 columns (`read.rs` reads them
//! back).
//!
//! The date written is the one ACLED records for the event's span (the
//! day, the middle of a week, the 15th or the kept day of a month), with
//! `time_precision` from the event's date precision; `geo_precision` comes
//! from its location precision. `actor1` is the first actor, `actor2` the
//! second unless it is one of the associated actors kept in the fields.

use std::io::{self, Write};

use super::{COLUMNS, LAYOUT, recorded_date, split_actors};
use crate::data::event::{DatePrecision, Event, LocationPrecision};
use crate::data::events::Collection;
use crate::formats::delimited::write::{Record, lat_lon, people, without_point, write_rows};

/// Writes the collection's events with a point as ACLED rows. Returns a
/// note for each event left out.
pub fn write(collection: &Collection, out: &mut dyn Write) -> io::Result<Vec<String>> {
    write_rows(out, LAYOUT.dialect, &COLUMNS, &collection.events, |e| {
        record(e, collection).ok_or_else(|| without_point(e, "ACLED"))
    })
}

/// The event as an ACLED row, or `None` when it has no point.
fn record(e: &Event, collection: &Collection) -> Option<Record<'static>> {
    let (lat, lon) = lat_lon(e, Some(4), ["latitude", "longitude"])?;
    let mut r = Record::from_fields(&COLUMNS, e);
    let date = recorded_date(e);
    r.set("event_id_cnty", e.id.clone());
    r.set("event_date", date.to_string());
    r.set("year", date.year().to_string());
    r.set("time_precision", time_precision(e).to_string());
    if let Some(c) = &e.category {
        r.set("sub_event_type", collection.vocabulary.category_label(c));
    }
    let (actor1, actor2) = main_actors(e, collection);
    r.set("actor1", actor1);
    r.set("actor2", actor2);
    let no_associated = ["assoc_actor_1", "assoc_actor_2"]
        .iter()
        .all(|c| e.fields.get(c).is_none());
    if no_associated && e.actors.len() > 2 {
        r.set("assoc_actor_1", e.actors[2..].join("; "));
    }
    r.set("location", e.place.clone().unwrap_or_default());
    r.set("latitude", lat);
    r.set("longitude", lon);
    r.set("geo_precision", geo_precision(e).to_string());
    if e.fields.get("source").is_none()
        && let Some(s) = collection.sources.get(e.source)
    {
        r.set("source", s.short_name());
    }
    r.set("notes", e.summary.clone().unwrap_or_default());
    if let Some(k) = &e.figures.killed {
        r.set("fatalities", people(&k.as_stated, k.low));
    }
    Some(r)
}

/// `actor1` and `actor2`: the first two actors, unless the second is one
/// of the associated actors kept in the fields (then there is no actor2).
fn main_actors(e: &Event, collection: &Collection) -> (String, String) {
    let side = e
        .side
        .as_deref()
        .map(|s| collection.vocabulary.side_label(Some(s)));
    let Some(first) = e.actors.first().map(String::as_str).or(side) else {
        return Default::default();
    };
    let associated = ["assoc_actor_1", "assoc_actor_2"]
        .iter()
        .filter_map(|c| e.fields.get(c))
        .flat_map(split_actors)
        .count();
    let second = if e.actors.len() > 1 + associated {
        e.actors[1].clone()
    } else {
        String::new()
    };
    (first.to_owned(), second)
}

/// ACLED's `time_precision`: 1 a day, 2 a week, 3 a month.
fn time_precision(e: &Event) -> u8 {
    match e.date_precision {
        Some(DatePrecision::Time | DatePrecision::Day) => 1,
        Some(DatePrecision::Days | DatePrecision::Week) => 2,
        Some(_) => 3,
        None => match (e.end.date() - e.start.date()).get_days() {
            0 => 1,
            1..=6 => 2,
            _ => 3,
        },
    }
}

/// ACLED's `geo_precision`: 1 the town, 2 near it, 3 a region.
fn geo_precision(e: &Event) -> u8 {
    use LocationPrecision as L;
    match e.location_precision {
        Some(L::Exact) => 1,
        Some(L::Near | L::District) => 2,
        Some(_) => 3,
        None => match e.uncertainty_km {
            None => 1,
            Some(km) if km <= 25.0 => 2,
            Some(_) => 3,
        },
    }
}
