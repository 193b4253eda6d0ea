//! Loading files on worker threads, one per file, with progress and cancel.
//!
//! Each worker reads the first bytes of its file, lets the importers sniff
//! them, and runs the first that reads the file over a reader that counts
//! the bytes read (for the progress bar) and fails once cancelled.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::counting::{CANCELLED, CountingReader};
use super::{ImportContext, Imported, Want};
use crate::data::Data;
use crate::data::events::Loaded;
use crate::data::geodata::overlay::Overlay;
use crate::diagnostic::Diagnostic;
use crate::formats::{self, Unrecognised};

/// How many bytes importers see when they sniff a file.
const HEAD: usize = 4096;

/// What loading a file gave.
pub enum Outcome {
    /// An overlay layer.
    Overlay(Box<Overlay>),
    /// Events to add (the collection is there when the file is usable).
    Events {
        /// The file's name.
        name: String,
        /// What was read.
        loaded: Loaded,
    },
    /// The file could not be used.
    Failed {
        /// The file's name.
        name: String,
        /// Why.
        diagnostics: Vec<Diagnostic>,
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
    /// Outcomes known before any thread ran (a worker that could not start).
    early: Vec<Outcome>,
    /// Ids given to overlays so far.
    overlays: u64,
}

impl Loader {
    /// Starts loading `path` on a new thread. References in an events file
    /// may name events of `loaded`.
    pub fn start(&mut self, path: PathBuf, want: Want, loaded: Arc<Data>) {
        let name = file_name(&path);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let read = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = channel();
        self.overlays += 1;
        let worker = Worker {
            name: name.clone(),
            path,
            read: read.clone(),
            cancel: cancel.clone(),
            overlay_id: self.overlays,
        };
        let spawned = std::thread::Builder::new()
            .name(format!("load {name}"))
            .spawn(move || {
                // The receiver is gone only when the app has closed.
                let _ = tx.send(worker.run(want, &loaded));
            });
        match spawned {
            Ok(_) => self.jobs.push(Job {
                name,
                size,
                read,
                cancel,
                rx,
            }),
            Err(e) => self.early.push(Outcome::Failed {
                diagnostics: vec![Diagnostic::error(format!(
                    "cannot start a thread to load it: {e}"
                ))],
                name,
            }),
        }
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
        let mut done = std::mem::take(&mut self.early);
        self.jobs.retain(|job| match job.rx.try_recv() {
            Ok(outcome) => {
                done.push(outcome);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                done.push(Outcome::Failed {
                    name: job.name.clone(),
                    diagnostics: vec![Diagnostic::error("the loader stopped")],
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
    overlay_id: u64,
}

impl Worker {
    fn run(&self, want: Want, loaded: &Data) -> Outcome {
        let outcome = self.load(want, loaded);
        if self.cancel.load(Ordering::Relaxed) {
            return Outcome::Cancelled {
                name: self.name.clone(),
            };
        }
        outcome
    }

    fn failed(&self, message: String) -> Outcome {
        Outcome::Failed {
            name: self.name.clone(),
            diagnostics: vec![Diagnostic::error(message)],
        }
    }

    /// A file no format reads: which formats its name says it could be in
    /// and what they expected, else the formats the app reads.
    fn unrecognised(&self, why: &Unrecognised) -> Outcome {
        let mut diagnostic = why.diagnostic(&self.path);
        if let Unrecognised::Unknown = why {
            diagnostic.message.push_str("; nothing was loaded");
        }
        Outcome::Failed {
            name: self.name.clone(),
            diagnostics: vec![diagnostic],
        }
    }

    fn load(&self, want: Want, loaded: &Data) -> Outcome {
        let file = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) => return self.failed(format!("cannot open: {e}")),
        };
        let mut reader = BufReader::new(file);
        let mut head = Vec::with_capacity(HEAD);
        if let Err(e) = (&mut reader).take(HEAD as u64).read_to_end(&mut head) {
            return self.failed(format!("cannot read: {e}"));
        }
        let importer = match formats::recognise(&self.path, &head) {
            Ok(importer) => importer,
            Err(unrecognised) => return self.unrecognised(&unrecognised),
        };
        self.read.store(head.len() as u64, Ordering::Relaxed);
        let rest = CountingReader::new(reader, self.read.clone(), self.cancel.clone());
        let mut input = std::io::Cursor::new(head).chain(rest);
        let ctx = ImportContext {
            name: &self.name,
            path: &self.path,
            want,
            loaded,
            overlay_id: self.overlay_id,
            article: None,
        };
        match importer.load(&mut input, &ctx) {
            Imported::Overlay(overlay) => Outcome::Overlay(Box::new(overlay)),
            Imported::Events(loaded) => Outcome::Events {
                name: self.name.clone(),
                loaded,
            },
            Imported::Failed(diagnostics) if self.was_cancelled(&diagnostics) => {
                Outcome::Cancelled {
                    name: self.name.clone(),
                }
            }
            Imported::Failed(diagnostics) => Outcome::Failed {
                name: self.name.clone(),
                diagnostics,
            },
        }
    }

    /// Whether the read failed because the user cancelled it.
    fn was_cancelled(&self, diagnostics: &[Diagnostic]) -> bool {
        self.cancel.load(Ordering::Relaxed)
            || diagnostics.iter().any(|d| d.message.contains(CANCELLED))
    }
}
