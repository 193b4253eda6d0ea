//! Asking the user for files, without egui. A [`FileRequest`] says what a
//! dialog asks (files to open, where to save, a folder) and which formats
//! it offers; a [`Chooser`] shows the system dialog when a desktop portal
//! answers (`portal.rs`, `system.rs`), and otherwise hands the request to
//! the app's own dialog as a [`Pending`] (drawn by
//! `panels::fallback_dialog`). Either way the answer arrives through a
//! callback, never on the UI thread's time, so the window keeps drawing
//! while a dialog is open.

pub mod portal;
mod system;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

pub use portal::Portal;

/// A kind of file a dialog offers: its name and extensions (without the
/// dot, lower case).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileFilter {
    /// What the dialog calls it ("ACLED CSV").
    pub name: String,
    /// Its extensions ("csv").
    pub extensions: Vec<String>,
}

impl FileFilter {
    /// A filter named `name` for files ending in one of `extensions`.
    pub fn new(name: &str, extensions: &[&str]) -> Self {
        Self {
            name: name.to_owned(),
            extensions: extensions.iter().fold(Vec::new(), |mut out, e| {
                let e = e.to_ascii_lowercase();
                if !out.contains(&e) {
                    out.push(e);
                }
                out
            }),
        }
    }

    /// One filter holding every extension of `filters`, in their order,
    /// each once.
    pub fn union(name: &str, filters: &[FileFilter]) -> Self {
        let mut extensions: Vec<String> = Vec::new();
        for e in filters.iter().flat_map(|f| &f.extensions) {
            if !extensions.contains(e) {
                extensions.push(e.clone());
            }
        }
        Self {
            name: name.to_owned(),
            extensions,
        }
    }

    /// Whether the file name `name` ends in one of the extensions, in any
    /// case.
    pub fn matches(&self, name: &Path) -> bool {
        let extension = name.extension().and_then(|e| e.to_str());
        extension.is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }

    /// The filter as a dialog lists it: "ACLED CSV (.csv)".
    pub fn describe(&self) -> String {
        let extensions: Vec<String> = self.extensions.iter().map(|e| format!(".{e}")).collect();
        format!("{} ({})", self.name, extensions.join(", "))
    }
}

/// What is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Files to open: one, or as many as the user picks.
    Open {
        /// Whether several files may be picked.
        many: bool,
    },
    /// Where to save a file, proposing `file_name`.
    Save {
        /// The name proposed.
        file_name: String,
    },
    /// A folder (to write numbered frames into).
    Folder,
}

/// A question for a file dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRequest {
    /// The dialog's title.
    pub title: String,
    /// What is asked.
    pub mode: Mode,
    /// The formats offered, the one chosen first at the front (none: any
    /// file).
    pub filters: Vec<FileFilter>,
}

/// Where the answer goes: the chosen paths, none when the user cancelled.
pub type Answer = Box<dyn FnOnce(Vec<PathBuf>) + Send>;

/// A request the system dialog could not take, for the app's own dialog.
pub struct Pending {
    /// The question.
    pub request: FileRequest,
    /// Why the system dialog is not used (what the portal answered).
    pub why: Arc<str>,
    answer: Answer,
}

impl Pending {
    /// Gives the user's answer (no paths: cancelled) to whoever asked.
    pub fn answer(self, paths: Vec<PathBuf>) {
        (self.answer)(paths);
    }
}

/// Shows file dialogs: the system's while a desktop portal answers, else
/// hands them to the app's own dialog. Cheap to clone; every clone hands
/// its requests to the same receiver (from [`Chooser::new`]).
#[derive(Clone)]
pub struct Chooser {
    portal: Arc<portal::Check>,
    in_app: Sender<Pending>,
}

impl Chooser {
    /// A chooser that asks `portal` whether the system dialog can be
    /// shown (once, at the first request); the requests it cannot show
    /// arrive on the receiver returned.
    pub fn new(portal: Portal) -> (Self, Receiver<Pending>) {
        let (in_app, requests) = channel();
        let chooser = Self {
            portal: Arc::new(portal::Check::new(portal)),
            in_app,
        };
        (chooser, requests)
    }

    /// Asks the user; `answer` is called with the chosen paths once the
    /// dialog closes (on another thread, or on the UI thread by the app's
    /// own dialog). A request nobody can show is answered "cancelled".
    pub fn ask(&self, request: FileRequest, answer: Answer) {
        // Kept here too, so that the request is not lost if no thread starts.
        let job = Arc::new(std::sync::Mutex::new(Some((request, answer))));
        let (chooser, on_thread) = (self.clone(), job.clone());
        let spawned = std::thread::Builder::new()
            .name("file dialog".into())
            .spawn(move || {
                let taken = on_thread.lock().ok().and_then(|mut j| j.take());
                if let Some((request, answer)) = taken {
                    match chooser.portal.answers() {
                        Ok(()) => answer(system::ask(&request)),
                        Err(why) => chooser.hand_over(request, why, answer),
                    }
                }
            });
        if let Err(e) = spawned {
            // The system dialog would block the window: the app's own asks.
            let taken = job.lock().ok().and_then(|mut j| j.take());
            if let Some((request, answer)) = taken {
                let why = format!("no thread for the system dialog: {e}");
                self.hand_over(request, why.into(), answer);
            }
        }
    }

    /// Hands a request to the app's own dialog; if the app is gone, the
    /// request is answered "cancelled".
    fn hand_over(&self, request: FileRequest, why: Arc<str>, answer: Answer) {
        let pending = Pending {
            request,
            why,
            answer,
        };
        if let Err(std::sync::mpsc::SendError(pending)) = self.in_app.send(pending) {
            pending.answer(Vec::new());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_match_their_extensions_in_any_case() {
        let csv = FileFilter::new("ACLED CSV", &["csv"]);
        assert!(csv.matches(Path::new("/data/acled.CSV")));
        assert!(!csv.matches(Path::new("/data/acled.csv.gz")));
        assert!(!csv.matches(Path::new("/data/csv")));
        assert_eq!(csv.describe(), "ACLED CSV (.csv)");
        let geojson = FileFilter::new("GeoJSON", &["geojson", "json"]);
        let all = FileFilter::union("Every format", &[geojson, csv.clone(), csv]);
        assert_eq!(all.extensions, ["geojson", "json", "csv"]);
    }

    /// Without a portal the request reaches the app's own dialog, with
    /// the reason, and its answer reaches whoever asked.
    #[test]
    fn without_a_portal_the_request_goes_to_the_app() {
        let (chooser, requests) = Chooser::new(Portal::Absent("no portal in this test".into()));
        let (send, answers) = channel();
        let request = FileRequest {
            title: "Open".into(),
            mode: Mode::Open { many: true },
            filters: vec![FileFilter::new("CSV", &["csv"])],
        };
        chooser.ask(
            request.clone(),
            Box::new(move |paths| send.send(paths).expect("the test listens")),
        );
        let pending = requests
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the request is handed over");
        assert_eq!(pending.request, request);
        assert_eq!(&*pending.why, "no portal in this test");
        pending.answer(vec![PathBuf::from("/tmp/a.csv")]);
        let paths = answers.recv_timeout(std::time::Duration::from_secs(10));
        assert_eq!(paths.expect("answered"), [PathBuf::from("/tmp/a.csv")]);
    }

    /// When the app is gone, a request is answered "cancelled" rather
    /// than left waiting.
    #[test]
    fn a_request_nobody_can_show_is_cancelled() {
        let (chooser, requests) = Chooser::new(Portal::Absent("none".into()));
        drop(requests);
        let (send, answers) = channel();
        let request = FileRequest {
            title: "Save".into(),
            mode: Mode::Save {
                file_name: "a.geojson".into(),
            },
            filters: Vec::new(),
        };
        chooser.ask(
            request,
            Box::new(move |paths| send.send(paths).expect("listens")),
        );
        let paths = answers.recv_timeout(std::time::Duration::from_secs(10));
        assert!(paths.expect("answered").is_empty());
    }
}
