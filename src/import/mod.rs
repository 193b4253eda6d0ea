//! Bringing users' files in: the [`Importer`] trait every readable format
//! implements, and the loader that runs importers on worker threads with
//! progress and cancel.
//!
//! An importer knows its format's name and file name endings, recognises a
//! file from its name and first bytes (`sniff`), and reads it in one pass,
//! returning what it read and every problem as a [`Diagnostic`]. The
//! formats themselves and the list the app tries live in
//! [`crate::formats`].

pub mod counting;
pub mod loader;

use std::io::Read;
use std::path::Path;

use crate::data::Data;
use crate::data::events::Loaded;
use crate::data::geodata::overlay::Overlay;
use crate::diagnostic::{Diagnostic, counts};

/// A problem of a file the user opened, for the Problems window.
#[derive(Clone, Debug, PartialEq)]
pub struct FileProblem {
    /// The file's name.
    pub file: String,
    /// What is wrong.
    pub diagnostic: Diagnostic,
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
    /// Events only (`--events FILE`, `check --events`).
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
    /// The text of an article source that names none of its own
    /// (`check --events --article FILE`).
    pub article: Option<&'a str>,
}

/// What an importer read.
pub enum Imported {
    /// Events (with the collection when the file could be used).
    Events(Loaded),
    /// An overlay layer.
    Overlay(Overlay),
    /// Nothing usable: every problem found.
    Failed(Vec<Diagnostic>),
}

/// What checking a file found: the problems listed, and how many there
/// were in all (a reader may list only the first hundred).
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// The problems listed, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// Errors found, listed or not.
    pub errors: usize,
    /// Warnings found, listed or not.
    pub warnings: usize,
}

impl Checked {
    /// A check that lists every problem it found.
    pub fn listing(diagnostics: Vec<Diagnostic>) -> Self {
        let (errors, warnings) = counts(&diagnostics);
        Self {
            diagnostics,
            errors,
            warnings,
        }
    }

    /// Problems found but not listed.
    pub fn omitted(&self) -> usize {
        (self.errors + self.warnings).saturating_sub(self.diagnostics.len())
    }
}

impl std::fmt::Debug for dyn Importer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads one format.
pub trait Importer: Send + Sync {
    /// The format's name in messages and in Open's filter ("ACLED CSV").
    fn name(&self) -> &'static str;

    /// The file name endings of the format, lowercase and without the dot
    /// ("csv"), for Open's filter and for naming the formats a file of
    /// that ending could be in.
    fn extensions(&self) -> &'static [&'static str];

    /// What a file of the format starts with, in words ("a header row
    /// naming event_id_cnty and event_date"), for the message about a file
    /// no format recognises.
    fn looks_like(&self) -> &'static str;

    /// Whether this importer reads the file at `path` starting with `head`
    /// (its first bytes, at most a few kilobytes).
    fn sniff(&self, path: &Path, head: &[u8]) -> bool;

    /// Reads the whole file from `input`.
    fn load(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Imported;

    /// Checks the whole file from `input` without keeping what it reads
    /// (`border-incidents check`): every problem, counted.
    fn check(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Checked;
}
