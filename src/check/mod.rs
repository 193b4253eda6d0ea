//! Checking GeoJSON files: every problem with its line and column, never a
//! panic, in one streaming pass whose memory does not grow with the file
//! unless the geometry is asked for.
//!
//! The JSON itself is parsed by `serde_json`; `reader` wraps the input to
//! know where the parser is, and the visitors in `object`, `lists`, `coords` and
//! `members` check RFC 7946 structure as values stream past.

mod context;
mod coords;
mod events;
mod fatal;
mod guesses;
mod handler;
mod lists;
mod members;
mod object;
mod ranges;
mod reader;
mod run;
mod shape;

use std::fmt;
use std::io::Read;

use serde::de::DeserializeSeed as _;

pub use context::MAX_PROBLEMS;
pub use events::{EventsSchema, EventsValidator};
pub use run::{run_check, run_check_with};

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The file is not valid.
    Error,
    /// The file is usable, but something deserves a look.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// One problem found in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// 1-based line, when the problem has a place.
    pub line: Option<usize>,
    /// 1-based column in bytes, when the problem has a place.
    pub column: Option<usize>,
    /// What is wrong, starting with the JSON path when there is one.
    pub message: String,
}

impl Problem {
    /// An error about the whole file.
    pub fn file_error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// The problem as `FILE:LINE:COL: error: message` (or `FILE: error: …`).
    pub fn in_file<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        InFile(file, self)
    }
}

struct InFile<'a>(&'a str, &'a Problem);

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InFile(file, p) = self;
        match (p.line, p.column) {
            (Some(line), Some(column)) => write!(f, "{file}:{line}:{column}: ")?,
            (Some(line), None) => write!(f, "{file}:{line}: ")?,
            _ => write!(f, "{file}: ")?,
        }
        write!(f, "{}: {}", p.severity, p.message)
    }
}

/// A feature read from a valid file, for drawing as an overlay.
#[derive(Clone, Debug, PartialEq)]
pub struct OverlayFeature {
    /// Line where the feature starts.
    pub line: usize,
    /// Column where the feature starts.
    pub column: usize,
    /// The feature's `id`, if any.
    pub id: Option<serde_json::Value>,
    /// Its geometry; `None` for a null or empty one.
    pub geometry: Option<geo::Geometry<f64>>,
    /// Its `properties` (an object, or null).
    pub properties: serde_json::Value,
}

/// Whether to keep what was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Only check: memory stays bounded whatever the file's size.
    Nothing,
    /// Also keep every feature's geometry and properties.
    Features,
}

/// The outcome of checking one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The file name used in messages.
    pub name: String,
    /// The first [`MAX_PROBLEMS`] problems, in the order found.
    pub problems: Vec<Problem>,
    /// All errors found, including those not kept.
    pub errors: usize,
    /// All warnings found, including those not kept.
    pub warnings: usize,
    /// The features, when asked for and the file has no errors. A bare
    /// geometry becomes one feature with null properties.
    pub features: Option<Vec<OverlayFeature>>,
}

impl Report {
    /// True when the file has no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        self.errors == 0
    }

    /// Problems found but not kept.
    pub fn omitted(&self) -> usize {
        (self.errors + self.warnings).saturating_sub(self.problems.len())
    }

    /// Adds a problem found by a later check (events validation).
    pub fn push(&mut self, problem: Problem) {
        match problem.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if problem.severity == Severity::Error {
            self.features = None;
        }
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(problem);
        }
    }

    /// Writes one line per kept problem, and a note on any not kept.
    pub fn write_to(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        for problem in &self.problems {
            writeln!(out, "{}", problem.in_file(&self.name))?;
        }
        let omitted = self.omitted();
        if omitted > 0 {
            writeln!(
                out,
                "{}: note: {omitted} more problems not shown",
                self.name
            )?;
        }
        Ok(())
    }
}

/// Checks GeoJSON held in memory and keeps its features for drawing.
pub fn check_geojson(name: &str, bytes: &[u8]) -> Report {
    check_reader(name, bytes, Keep::Features)
}

/// Checks GeoJSON read from `input` in one streaming pass.
pub fn check_reader(name: &str, input: impl Read, keep: Keep) -> Report {
    let (mut reader, tracker) = reader::TrackingReader::new(input);
    let ctx = context::Ctx {
        tracker,
        sink: Default::default(),
        keep: keep == Keep::Features,
    };
    let mut features = None;
    match reader.skip_bom() {
        Err(e) => ctx
            .sink
            .borrow_mut()
            .push(Problem::file_error(format!("cannot read: {e}"))),
        Ok(bom) => {
            if bom {
                ctx.sink.borrow_mut().push(Problem {
                    severity: Severity::Warning,
                    line: Some(1),
                    column: Some(1),
                    message: "byte order mark at the start (JSON forbids it); ignored".into(),
                });
            }
            let mut de = serde_json::Deserializer::from_reader(&mut reader);
            let root = object::Object {
                ctx: &ctx,
                path: context::Path::ROOT,
                expect: object::Expect::Top,
            };
            let result = handler::Value(root)
                .deserialize(&mut de)
                .and_then(|out| de.end().map(|()| out));
            match result {
                Ok(out) => {
                    let start = ctx.tracker.borrow().first_solid().unwrap_or_default();
                    features = Some(into_features(out, start));
                }
                Err(e) => {
                    let problem = fatal::describe(&e, &ctx.tracker, &mut reader);
                    ctx.sink.borrow_mut().push(problem);
                }
            }
        }
    }
    let sink = ctx.sink.into_inner();
    let keep_features = ctx.keep && sink.errors == 0;
    Report {
        name: name.to_owned(),
        problems: sink.kept,
        errors: sink.errors,
        warnings: sink.warnings,
        features: features.filter(|_| keep_features),
    }
}

fn into_features(out: object::Out, start: reader::Pos) -> Vec<OverlayFeature> {
    match out {
        object::Out::Nothing => Vec::new(),
        object::Out::Collection(features) => features,
        object::Out::Feature(feature) => vec![feature],
        object::Out::Geometry(geometry) => vec![OverlayFeature {
            line: start.line,
            column: start.column,
            id: None,
            geometry,
            properties: serde_json::Value::Null,
        }],
    }
}
