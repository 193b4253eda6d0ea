//! UCDP GED CSV files (the 49-column layout), one event per row: the
//! layout and the codes here, reading in `read.rs`, writing in
//! `write.rs`.
//!
//! `date_start` and `date_end` give the span; `date_prec` 1–5 says how
//! exactly (day, 2–6 days, week, month, year). `where_prec` 1–5 are drawn
//! as points with a radius that grows with the area named (none, 25, 50,
//! 125, 250 km); 6 (only the country: the point is its centroid) and 7
//! (over water or in international airspace: the point is a water area's
//! centroid or an estimate) are not drawn, and the event says why in its
//! `geometry_note`, keeping the dataset's point in its fields. The table
//! is in `assets/README.md`, "ACLED, UCDP GED and GDELT".

mod read;
mod write;

use std::io::{self, Read, Write};
use std::path::Path;

use super::delimited::dataset::CsvLoad;
use super::delimited::header_names;
use super::delimited::layout::{Dialect, Layout};
use crate::data::event::{DatePrecision, LocationPrecision};
use crate::data::events::Collection;
use crate::data::vocabulary::Symbol;
use crate::export::Exporter;
use crate::import::{Checked, ImportContext, Imported, Importer};

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
    dialect: Dialect::CSV,
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

/// UCDP GED CSV files, read and written.
pub struct Ucdp;

impl Importer for Ucdp {
    fn name(&self) -> &'static str {
        "UCDP GED CSV"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["csv"]
    }

    fn looks_like(&self) -> &'static str {
        "a header row naming where_prec and date_prec"
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

    fn check(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Checked {
        read(ctx.name, input).into_checked()
    }
}

impl Exporter for Ucdp {
    fn name(&self) -> &'static str {
        "ucdp"
    }

    fn label(&self) -> &'static str {
        "CSV, UCDP GED columns"
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

/// Reads a UCDP GED CSV file in one pass.
pub fn read(name: &str, input: &mut dyn Read) -> CsvLoad {
    super::delimited::dataset::read(name, input, &LAYOUT, read::event)
}

/// The `type_of_violence` code (1–3) of a category label, if it is one.
pub fn violence_code(label: &str) -> Option<usize> {
    VIOLENCE
        .iter()
        .position(|(l, _)| l.eq_ignore_ascii_case(label))
        .map(|i| i + 1)
}
