//! What every visitor shares while one file is checked: where the parser is,
//! the problems found so far, and whether geometry is to be kept.

use std::cell::RefCell;
use std::fmt;

use super::reader::{Pos, SharedTracker};
use super::{FeatureTaker, ForeignMember};
use crate::diagnostic::{Diagnostic, Severity};

/// Problems kept per file; the rest are only counted.
pub const MAX_PROBLEMS: usize = 100;

/// One step of a path into the document.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    /// An object member.
    Key(&'static str),
    /// An array element.
    Index(usize),
}

/// A path from the root to a value, built on the stack as visitors descend.
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Option<Step>,
}

impl<'a> Path<'a> {
    /// The document itself.
    pub const ROOT: Path<'static> = Path {
        parent: None,
        step: None,
    };

    /// The path one member or element further down.
    pub fn join(&'a self, step: Step) -> Path<'a> {
        Path {
            parent: Some(self),
            step: Some(step),
        }
    }

    /// The last step, if any.
    pub fn last(&self) -> Option<Step> {
        self.step
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}")?;
        }
        match self.step {
            None => Ok(()),
            Some(Step::Index(i)) => write!(f, "[{i}]"),
            Some(Step::Key(k)) if self.parent.is_some_and(|p| p.step.is_some()) => {
                write!(f, ".{k}")
            }
            Some(Step::Key(k)) => write!(f, "{k}"),
        }
    }
}

/// Problems found so far, capped at [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
pub struct Sink {
    /// The problems kept, in the order found.
    pub kept: Vec<Diagnostic>,
    /// Errors found, kept or not.
    pub errors: usize,
    /// Warnings found, kept or not.
    pub warnings: usize,
}

impl Sink {
    /// Records a problem.
    pub fn push(&mut self, problem: Diagnostic) {
        match problem.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.kept.len() < MAX_PROBLEMS {
            self.kept.push(problem);
        }
    }

    /// Records, after its own, the problems of `other`, kept and counted.
    pub fn absorb(&mut self, other: Sink) {
        let (mut errors, mut warnings) = (other.errors, other.warnings);
        for problem in other.kept {
            match problem.severity {
                Severity::Error => errors -= 1,
                Severity::Warning => warnings -= 1,
            }
            self.push(problem);
        }
        self.errors += errors;
        self.warnings += warnings;
    }
}

/// The state shared by all visitors of one file.
pub struct Ctx<'t> {
    /// Where the parser is.
    pub tracker: SharedTracker,
    /// What was found.
    pub sink: RefCell<Sink>,
    /// Whether to build geometries and keep properties.
    pub keep: bool,
    /// The top-level members GeoJSON does not define, as read so far
    /// (when the content is kept).
    pub foreign: RefCell<Vec<ForeignMember>>,
    /// What takes each feature of the collection as it is read, if
    /// anything does (else every feature is kept).
    pub taker: Option<&'t dyn FeatureTaker>,
}

impl Ctx<'_> {
    /// Marks the start of a value about to be deserialised.
    pub fn begin_value(&self) {
        self.tracker.borrow_mut().begin_value();
    }

    /// Where the value being visited started.
    pub fn value_start(&self) -> Pos {
        self.tracker.borrow().value_start()
    }

    /// Records a problem at `at` about the value at `path` (the root when
    /// it has no steps).
    pub fn report(&self, severity: Severity, at: Pos, path: &Path<'_>, message: impl fmt::Display) {
        self.sink.borrow_mut().push(Diagnostic {
            severity,
            line: Some(at.line),
            column: Some(at.column),
            path: path.last().is_some().then(|| path.to_string()),
            message: message.to_string(),
        });
    }

    /// Records an error at `at`.
    pub fn error(&self, at: Pos, path: &Path<'_>, message: impl fmt::Display) {
        self.report(Severity::Error, at, path, message);
    }

    /// Records a warning at `at`.
    pub fn warn(&self, at: Pos, path: &Path<'_>, message: impl fmt::Display) {
        self.report(Severity::Warning, at, path, message);
    }

    /// Runs `f` with the problems it finds going to `sink` instead.
    pub fn redirected<R>(&self, sink: &RefCell<Sink>, f: impl FnOnce() -> R) -> R {
        std::mem::swap(&mut *self.sink.borrow_mut(), &mut *sink.borrow_mut());
        let result = f();
        std::mem::swap(&mut *self.sink.borrow_mut(), &mut *sink.borrow_mut());
        result
    }

    /// Errors found so far.
    pub fn error_count(&self) -> usize {
        self.sink.borrow().errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript() {
        let root = Path::ROOT;
        let features = root.join(Step::Key("features"));
        let f12 = features.join(Step::Index(12));
        let geometry = f12.join(Step::Key("geometry"));
        let coords = geometry.join(Step::Key("coordinates"));
        let ring = coords.join(Step::Index(0));
        let pos = ring.join(Step::Index(3));
        assert_eq!(pos.to_string(), "features[12].geometry.coordinates[0][3]");
        assert_eq!(root.join(Step::Key("bbox")).to_string(), "bbox");
    }
}
