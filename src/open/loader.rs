//! Loading files on worker threads, one per file, with progress and cancel.
//!
//! A file opened as an overlay is checked by [`crate::check::check_reader`]
//! while it streams in. It is taken for an events file instead when it is a
//! valid GeoJSON file whose features (at least one) all have both a `kind`
//! and a `start` property — the two members every event in the events schema
//! has; it is then read again and parsed as events.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::layer::OverlayLayer;
use super::reader::{CANCELLED, CountingReader};
use crate::check::{Keep, OverlayFeature, Problem, Report, Severity, check_reader};
use crate::data::event::Event;

/// How to read a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An overlay layer, or events when the file looks like events.
    Detect,
    /// An events file.
    Events,
}

/// What loading a file gave.
pub enum Outcome {
    /// An overlay layer.
    Layer(Box<OverlayLayer>),
    /// Events to add.
    Events {
        /// The file's name.
        name: String,
        /// Its events, validated against the article.
        events: Vec<Event>,
    },
    /// The file could not be used: one line per problem.
    Failed {
        /// The file's name.
        name: String,
        /// `FILE:LINE:COL: error: message` lines.
        lines: Vec<String>,
    },
    /// The user cancelled the load.
    Cancelled {
        /// The file's name.
        name: String,
    },
}

/// One file being loaded.
pub struct Job {
    /// The file's name (without its folder).
    pub name: String,
    size: u64,
    read: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
    rx: Receiver<Outcome>,
}

impl Job {
    /// How much of the file has been read, from 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.size == 0 {
            return 0.0;
        }
        (self.read.load(Ordering::Relaxed) as f64 / self.size as f64).min(1.0) as f32
    }

    /// Asks the worker to stop; its next read fails.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// The files being loaded.
#[derive(Default)]
pub struct Loader {
    jobs: Vec<Job>,
}

impl Loader {
    /// Starts loading `path` on a new thread; quotes of events are checked
    /// against `article`.
    pub fn start(&mut self, path: PathBuf, kind: Kind, article: Arc<str>) {
        let name = file_name(&path);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let read = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        let worker = Worker {
            name: name.clone(),
            path,
            read: read.clone(),
            cancel: cancel.clone(),
        };
        std::thread::spawn(move || {
            // The receiver is gone only when the app has closed.
            let _ = tx.send(worker.run(kind, &article));
        });
        self.jobs.push(Job {
            name,
            size,
            read,
            cancel,
            rx,
        });
    }

    /// The files still loading.
    pub fn jobs(&self) -> &[Job] {
        &self.jobs
    }

    /// Whether any file is still loading.
    pub fn busy(&self) -> bool {
        !self.jobs.is_empty()
    }

    /// Takes the outcomes of the files that finished.
    pub fn poll(&mut self) -> Vec<Outcome> {
        let mut done = Vec::new();
        self.jobs.retain(|job| match job.rx.try_recv() {
            Ok(outcome) => {
                done.push(outcome);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(Outcome::Failed {
                    name: job.name.clone(),
                    lines: vec![format!("{}: error: the loader stopped", job.name)],
                });
                false
            }
        });
        done
    }
}

impl Drop for Loader {
    /// Stops the workers still reading when the app closes.
    fn drop(&mut self) {
        for job in &self.jobs {
            job.cancel();
        }
    }
}

/// The name a file is shown under.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

struct Worker {
    name: String,
    path: PathBuf,
    read: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
}

impl Worker {
    fn run(&self, kind: Kind, article: &str) -> Outcome {
        let outcome = match kind {
            Kind::Events => self.events(article),
            Kind::Detect => self.detect(article),
        };
        if self.cancel.load(Ordering::Relaxed) {
            return Outcome::Cancelled {
                name: self.name.clone(),
            };
        }
        outcome
    }

    fn open(&self) -> Result<CountingReader<BufReader<File>>, Outcome> {
        let file = File::open(&self.path).map_err(|e| self.failed(format!("cannot open: {e}")))?;
        Ok(CountingReader::new(
            BufReader::new(file),
            self.read.clone(),
            self.cancel.clone(),
        ))
    }

    fn failed(&self, message: String) -> Outcome {
        Outcome::Failed {
            name: self.name.clone(),
            lines: vec![format!("{}: error: {message}", self.name)],
        }
    }

    fn detect(&self, article: &str) -> Outcome {
        let reader = match self.open() {
            Ok(r) => r,
            Err(o) => return o,
        };
        let report = check_reader(&self.name, reader, Keep::Features);
        let features = match report.features {
            Some(f) if report.is_valid() => f,
            _ => {
                return Outcome::Failed {
                    name: self.name.clone(),
                    lines: report_lines(&report),
                };
            }
        };
        if looks_like_events(&features) {
            self.read.store(0, Ordering::Relaxed);
            return self.events(article);
        }
        let warnings = report
            .problems
            .iter()
            .map(|p| p.in_file(&self.name).to_string())
            .collect();
        Outcome::Layer(Box::new(OverlayLayer::new(
            self.name.clone(),
            self.path.clone(),
            features.into_iter().filter_map(|f| f.geometry).collect(),
            warnings,
        )))
    }

    fn events(&self, article: &str) -> Outcome {
        let mut reader = match self.open() {
            Ok(r) => r,
            Err(o) => return o,
        };
        let mut text = String::new();
        if let Err(e) = reader.read_to_string(&mut text) {
            if e.to_string() == CANCELLED {
                return Outcome::Cancelled {
                    name: self.name.clone(),
                };
            }
            return self.failed(format!("cannot read: {e}"));
        }
        let report = check_reader(&self.name, text.as_bytes(), Keep::Nothing);
        if !report.is_valid() {
            return Outcome::Failed {
                name: self.name.clone(),
                lines: report_lines(&report),
            };
        }
        match crate::data::events::parse_collection(&text, Some(article)) {
            Ok(collection) => Outcome::Events {
                name: self.name.clone(),
                events: collection.events,
            },
            Err(errors) => Outcome::Failed {
                name: self.name.clone(),
                lines: errors
                    .iter()
                    .map(|e| {
                        let problem = Problem {
                            severity: Severity::Error,
                            line: e.position.map(|p| p.line),
                            column: e.position.map(|p| p.column),
                            message: e.describe(),
                        };
                        problem.in_file(&self.name).to_string()
                    })
                    .collect(),
            },
        }
    }
}

/// A report's problems as `check` prints them, with a note on any not kept.
fn report_lines(report: &Report) -> Vec<String> {
    let mut lines: Vec<String> = report
        .problems
        .iter()
        .map(|p| p.in_file(&report.name).to_string())
        .collect();
    if report.omitted() > 0 {
        lines.push(format!(
            "{}: note: {} more problems not shown",
            report.name,
            report.omitted()
        ));
    }
    lines
}

/// Whether the features read look like events (see the module docs).
pub fn looks_like_events(features: &[OverlayFeature]) -> bool {
    !features.is_empty()
        && features
            .iter()
            .all(|f| f.properties.get("kind").is_some() && f.properties.get("start").is_some())
}
