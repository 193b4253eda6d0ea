//! Events as CSV in the UCDP GED's 49 columns (`read.rs` reads them
//! back): the span as `date_start` and `date_end` with `date_prec`, the
//! location precision as `where_prec`, the first two actors as sides A
//! and B, the dead as best, low and high.

use std::io::{self, Write};

use super::{COLUMNS, LAYOUT, violence_code};
use crate::data::event::{DatePrecision, Event, LocationPrecision};
use crate::data::events::Collection;
use crate::formats::delimited::write::{Record, lat_lon, people, without_point, write_rows};

/// Writes the collection's events with a point (or the dataset's point
/// kept in their fields) as UCDP GED rows. Returns a note for each event
/// left out.
pub fn write(collection: &Collection, out: &mut dyn Write) -> io::Result<Vec<String>> {
    write_rows(out, LAYOUT.dialect, &COLUMNS, &collection.events, |e| {
        record(e, collection).ok_or_else(|| without_point(e, "UCDP GED"))
    })
}

/// The event as a UCDP GED row, or `None` when it has no point.
fn record(e: &Event, collection: &Collection) -> Option<Record<'static>> {
    let (lat, lon) = lat_lon(e, None, ["latitude", "longitude"])?;
    let mut r = Record::from_fields(&COLUMNS, e);
    r.set("id", e.id.clone());
    if let Some(code) = e
        .category
        .as_deref()
        .and_then(|c| violence_code(collection.vocabulary.category_label(c)))
    {
        r.set("type_of_violence", code.to_string());
    }
    let side = e
        .side
        .as_deref()
        .map(|s| collection.vocabulary.side_label(Some(s)));
    let side_a = e
        .actors
        .first()
        .map(String::as_str)
        .or(side)
        .unwrap_or_default();
    r.set("side_a", side_a);
    r.set("side_b", e.actors.get(1).cloned().unwrap_or_default());
    r.set("where_prec", where_prec(e).to_string());
    r.set("where_coordinates", e.place.clone().unwrap_or_default());
    r.set("latitude", lat);
    r.set("longitude", lon);
    r.set("date_prec", date_prec(e).to_string());
    r.set("date_start", e.start.date().to_string());
    r.set("date_end", e.end.date().to_string());
    if e.fields.get("year").is_none() {
        r.set("year", e.start.date().year().to_string());
    }
    if let Some(k) = &e.figures.killed {
        r.set("best", people(&k.as_stated, k.low));
        r.set("low", people("", k.low));
        r.set("high", people("", k.high.or(k.low)));
    }
    Some(r)
}

/// UCDP's `where_prec` 1–7.
fn where_prec(e: &Event) -> u8 {
    use LocationPrecision as L;
    match e.location_precision {
        Some(L::Exact) | None => 1,
        Some(L::Near) => 2,
        Some(L::District) => 3,
        Some(L::Region) => 4,
        Some(L::Border) => 5,
        Some(L::Country) => 6,
        Some(L::Elsewhere) => 7,
    }
}

/// UCDP's `date_prec` 1–5.
fn date_prec(e: &Event) -> u8 {
    match e.date_precision {
        Some(DatePrecision::Time | DatePrecision::Day) => 1,
        Some(DatePrecision::Days) => 2,
        Some(DatePrecision::Week) => 3,
        Some(DatePrecision::Month) => 4,
        Some(DatePrecision::Year | DatePrecision::Years) => 5,
        None => match (e.end.date() - e.start.date()).get_days() {
            0 => 1,
            1..=5 => 2,
            6..=7 => 3,
            8..=31 => 4,
            _ => 5,
        },
    }
}
