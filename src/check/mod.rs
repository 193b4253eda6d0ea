//! Checking GeoJSON files: every problem with its line and column, never a
//! panic, in one streaming pass whose memory does not grow with the file
//! unless the geometry is asked for.
//!
//! The JSON itself is parsed by `serde_json`; `reader` wraps the input to
//! know where the parser is, and the visitors in `object`, `lists`, `coords` and
//! `members` check RFC 7946 structure as values stream past.

mod context;
mod coords;
mod fatal;
mod guesses;
mod handler;
mod judge;
mod members;
mod node;
mod object;
mod ranges;
mod reader;
mod reserved;
mod shape;
mod types;

use std::io::Read;

use serde::de::DeserializeSeed as _;

use crate::diagnostic::{Diagnostic, Severity};
pub use context::MAX_PROBLEMS;

/// A member GeoJSON does not define at the top level of a file (an events
/// file's `sources`), kept with the content.
#[derive(Clone, Debug, PartialEq)]
pub struct ForeignMember {
    /// The member's name.
    pub name: String,
    /// Line where its value starts.
    pub line: usize,
    /// Column (in characters) where its value starts.
    pub column: usize,
    /// The value.
    pub value: serde_json::Value,
}

/// A feature read from a valid file, with where it starts.
#[derive(Clone, Debug, PartialEq)]
pub struct OverlayFeature {
    /// Line where the feature starts.
    pub line: usize,
    /// Column (in characters) where the feature starts.
    pub column: usize,
    /// The feature's `id`, if any.
    pub id: Option<serde_json::Value>,
    /// Its geometry; `None` for a null or empty one.
    pub geometry: Option<geo::Geometry<f64>>,
    /// Its `properties` (an object, or null).
    pub properties: serde_json::Value,
}

/// What becomes of each feature of a FeatureCollection as soon as it is
/// read, so that a large file need not be held whole as JSON values: an
/// events file's features are made events a batch at a time.
pub trait FeatureTaker {
    /// Takes the `index`th feature, with the top-level members GeoJSON
    /// does not define that came before the `features` member; gives it
    /// back when it is to be kept in the report after all.
    fn take(
        &self,
        index: usize,
        feature: OverlayFeature,
        foreign: &[ForeignMember],
    ) -> Option<OverlayFeature>;
}

/// Whether to keep what was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    /// Only check: memory stays bounded whatever the file's size.
    Nothing,
    /// Also keep every feature's geometry and properties, and the
    /// members GeoJSON does not define at the top level.
    Features,
}

/// The outcome of checking one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The file name used in messages.
    pub name: String,
    /// The first [`MAX_PROBLEMS`] problems, in the order found.
    pub problems: Vec<Diagnostic>,
    /// All errors found, including those not kept.
    pub errors: usize,
    /// All warnings found, including those not kept.
    pub warnings: usize,
    /// The features, when asked for and the file has no errors. A bare
    /// geometry becomes one feature with null properties.
    pub features: Option<Vec<OverlayFeature>>,
    /// The top-level members GeoJSON does not define, when features are kept.
    pub foreign: Vec<ForeignMember>,
    /// Whether the top-level value is a FeatureCollection.
    pub is_collection: bool,
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
    pub fn push(&mut self, problem: Diagnostic) {
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
    checked(name, input, keep, None)
}

/// Checks GeoJSON read from `input` in one streaming pass, keeping what
/// is read and handing each feature of a collection to `taker` as soon as
/// it is read (the report keeps those it gives back).
pub fn check_reader_taking(name: &str, input: impl Read, taker: &dyn FeatureTaker) -> Report {
    checked(name, input, Keep::Features, Some(taker))
}

/// [`check_reader`], with a taker of features when given.
fn checked(name: &str, input: impl Read, keep: Keep, taker: Option<&dyn FeatureTaker>) -> Report {
    let (mut reader, tracker) = reader::TrackingReader::new(input);
    let ctx = context::Ctx {
        tracker,
        sink: Default::default(),
        keep: keep == Keep::Features,
        foreign: Default::default(),
        taker,
    };
    let mut features = None;
    let mut foreign = Vec::new();
    let mut is_collection = false;
    match reader.skip_bom() {
        Err(e) => ctx
            .sink
            .borrow_mut()
            .push(Diagnostic::error(format!("cannot read: {e}"))),
        Ok(bom) => {
            if bom {
                ctx.sink.borrow_mut().push(
                    Diagnostic::warning("byte order mark at the start (JSON forbids it); ignored")
                        .at(1, 1),
                );
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
                    is_collection = matches!(out, object::Out::Collection(..));
                    let start = ctx.tracker.borrow().first_solid().unwrap_or_default();
                    let (kept, members) = into_features(out, start);
                    features = Some(kept);
                    foreign = members;
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
        foreign: if keep_features { foreign } else { Vec::new() },
        is_collection,
    }
}

fn into_features(
    out: object::Out,
    start: reader::Pos,
) -> (Vec<OverlayFeature>, Vec<ForeignMember>) {
    match out {
        object::Out::Nothing => (Vec::new(), Vec::new()),
        object::Out::Collection(features, foreign) => (features, foreign),
        object::Out::Feature(feature) => (vec![feature], Vec::new()),
        object::Out::Geometry(geometry) => (
            vec![OverlayFeature {
                line: start.line,
                column: start.column,
                id: None,
                geometry,
                properties: serde_json::Value::Null,
            }],
            Vec::new(),
        ),
    }
}
