//! Bringing users' files in: importers that recognise a file and read it
//! into events or an overlay, and the loader that runs them on worker
//! threads with progress and cancel.
//!
//! An [`Importer`] sniffs a file (its name and first bytes) and loads it in
//! one pass, returning what it read and every problem as a [`Diagnostic`].
//! [`builtin`] lists the importers the app tries, in order; a new format is
//! one more implementation added there.

pub mod acled;
mod cells;
pub mod counting;
mod csv_record;
pub mod csv_rows;
pub mod dataset;
pub mod geojson;
pub mod loader;
pub mod ucdp;

use std::io::Read;
use std::path::Path;

use crate::data::Data;
use crate::data::events::Loaded;
use crate::data::geodata::overlay::Overlay;

/// A problem of a file the user opened, for the Problems window.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    /// The file's name.
    pub file: String,
    /// What is wrong.
    pub diagnostic: crate::diagnostic::Diagnostic,
}

impl FileProblem {
    /// The problem as `FILE:LINE:COL: error: message`.
    pub fn line(&self) -> String {
        self.diagnostic.in_file(&self.file).to_string()
    }
}

/// How a file is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// Events when the file holds events, else an overlay.
    Anything,
    /// Events only (`--events FILE`).
    Events,
}

/// What an importer is given besides the bytes.
pub struct ImportContext<'a> {
    /// The file's name, for messages.
    pub name: &'a str,
    /// Where the file is (texts kept beside it are read from its folder).
    pub path: &'a Path,
    /// What the caller wants of it.
    pub want: Want,
    /// The data already loaded: references may name its events.
    pub loaded: &'a Data,
    /// The id the overlay gets, if the file becomes one.
    pub overlay_id: u64,
}

/// What an importer read.
pub enum Imported {
    /// Events (with the collection when the file could be used).
    Events(Loaded),
    /// An overlay layer.
    Overlay(Overlay),
    /// Nothing usable: every problem found.
    Failed(Vec<crate::diagnostic::Diagnostic>),
}

/// Reads one kind of file.
pub trait Importer: Send + Sync {
    /// The kind of file, in words ("GeoJSON").
    fn name(&self) -> &'static str;

    /// Whether this importer reads the file at `path` starting with `head`
    /// (its first bytes, at most a few kilobytes).
    fn sniff(&self, path: &Path, head: &[u8]) -> bool;

    /// Reads the whole file from `input`.
    fn load(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Imported;
}

/// The importers the app tries, in order.
pub fn builtin() -> Vec<Box<dyn Importer>> {
    vec![
        Box::new(geojson::GeoJsonImporter),
        Box::new(acled::AcledImporter),
        Box::new(ucdp::UcdpImporter),
    ]
}

/// Reads a dataset CSV (ACLED or UCDP GED, told by the header row in
/// `head`, the file's first bytes, which `input` also starts with); `None`
/// when the header is neither.
pub fn read_dataset_csv(name: &str, head: &[u8], input: &mut dyn Read) -> Option<dataset::CsvLoad> {
    let path = Path::new(name);
    if acled::AcledImporter.sniff(path, head) {
        Some(acled::read(name, input))
    } else if ucdp::UcdpImporter.sniff(path, head) {
        Some(ucdp::read(name, input))
    } else {
        None
    }
}

/// The first of `importers` that reads the file, if any.
pub fn choose<'a>(
    importers: &'a [Box<dyn Importer>],
    path: &Path,
    head: &[u8],
) -> Option<&'a dyn Importer> {
    importers
        .iter()
        .find(|i| i.sniff(path, head))
        .map(|b| b.as_ref())
}
