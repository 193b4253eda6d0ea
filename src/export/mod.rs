//! Writing a collection of events out: as an events GeoJSON file (through
//! `data::events::write`) or as CSV in the ACLED or UCDP GED column layout,
//! the layouts `crate::import` reads.
//!
//! A CSV row needs a point: events without one are left out and listed.
//! Columns the model has no member for come from the event's `fields`
//! (where the importers keep them), so a dataset read and written back
//! keeps every column of its layout.

pub mod acled;
mod rows;
pub mod ucdp;

use std::io::{self, Write};

use crate::data::events::Collection;
use crate::data::events::write::write_geojson;

/// The formats events can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// An events GeoJSON file (`assets/README.md`).
    GeoJson,
    /// CSV in the ACLED export's 31 columns.
    Acled,
    /// CSV in the UCDP GED's 49 columns.
    Ucdp,
}

impl Format {
    /// The format's name, as `--to` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::GeoJson => "geojson",
            Self::Acled => "acled",
            Self::Ucdp => "ucdp",
        }
    }
}

/// Writes `collection` to `out` in `format`. Returns a note for each
/// event left out (a CSV row needs a point).
pub fn write(
    collection: &Collection,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<Vec<String>> {
    match format {
        Format::GeoJson => write_geojson(collection, out).map(|()| Vec::new()),
        Format::Acled => acled::write(collection, out),
        Format::Ucdp => ucdp::write(collection, out),
    }
}
