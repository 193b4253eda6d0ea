//! ACLED CSV exports: the current 31-column layout and older ones (without
//! `disorder_type`, `civilian_targeting` and `tags`, dates written like
//! "16 September 2022"), one event per row: the layout and the codes here,
//! reading in `read.rs`, writing in `write.rs`.
//!
//! How ACLED's codes become the event model (the table is in
//! `assets/README.md`, "ACLED, UCDP GED and GDELT"): `time_precision` 1 is
//! the day recorded, 2 the week around it (ACLED records the middle of the
//! week or weekend), 3 the calendar month (ACLED records its middle);
//! `geo_precision` 1 is the town itself, 2 near it (within 25 km), 3 a
//! region coded to a provincial capital or a natural location (125 km).

#[cfg(test)]
mod chunked_tests;
mod read;
mod write;

use std::io::{self, Read, Write};
use std::path::Path;

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::delimited::dataset::CsvLoad;
use super::delimited::layout::{Dialect, Layout};
use super::delimited::{cells, header_names};
use crate::data::event::{DatePrecision, Event};
use crate::data::events::Collection;
use crate::data::vocabulary::Symbol;
use crate::export::Exporter;
use crate::import::{Checked, ImportContext, Imported, Importer};

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
    dialect: Dialect::CSV,
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

/// ACLED CSV exports, read and written.
pub struct Acled;

impl Importer for Acled {
    fn name(&self) -> &'static str {
        "ACLED CSV"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["csv"]
    }

    fn looks_like(&self) -> &'static str {
        "a header row naming event_id_cnty and event_date"
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

    fn check(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Checked {
        read(ctx.name, input).into_checked()
    }
}

impl Exporter for Acled {
    fn name(&self) -> &'static str {
        "acled"
    }

    fn label(&self) -> &'static str {
        "CSV, ACLED columns"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["csv"]
    }

    fn left_out(&self) -> &'static str {
        "without a point left out: a CSV row needs one"
    }

    fn write(&self, collection: &Collection, out: &mut dyn Write) -> io::Result<Vec<String>> {
        write::write(collection, out)
    }
}

/// Reads an ACLED CSV file in one pass.
pub fn read(name: &str, input: &mut dyn Read) -> CsvLoad {
    super::delimited::dataset::read(name, input, &LAYOUT, read::event)
}

/// The names in an associated-actors cell ("A; B").
pub fn split_actors(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|a| !a.is_empty())
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
