//! Reading an article and proposing its events on a worker thread, with
//! progress and a cancel flag, so that a long text never freezes the
//! window. A file is read and decoded (`extract::input`), its
//! publication date found; a text without one comes back asking for it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use jiff::civil::Date;

use crate::data::Data;
use crate::data::slug::slug;
use crate::data::source::{Source, SourceKind, sha256_hex};
use crate::diagnostic::Diagnostic;
use crate::extract::{self, Options, PlaceIndex, input, published};

use super::Session;

/// Where the article comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A file (.txt, .md, .html).
    File(PathBuf),
    /// Text the user pasted, with the title they gave (may be empty).
    Pasted {
        /// The text.
        text: String,
        /// The title.
        title: String,
    },
}

/// An article read and decoded, waiting for its publication date.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// What the user calls it (the file's name, or "pasted text").
    pub name: String,
    /// Its text.
    pub text: String,
    /// Its title.
    pub title: Option<String>,
    /// What was done to the file's bytes ("converted from windows-1251").
    pub changed: Option<String>,
}

/// How a job ended.
#[derive(Debug)]
pub enum Outcome {
    /// The proposals, in a session.
    Done(Box<Session>),
    /// The text gives no publication date: ask the user, then
    /// [`Job::extract`].
    NeedsDate(Box<Article>),
    /// The article could not be read.
    Failed {
        /// The file's name.
        name: String,
        /// What is wrong.
        diagnostics: Vec<Diagnostic>,
    },
    /// The user cancelled it.
    Cancelled,
}

/// A read or an extraction running on a worker thread.
pub struct Job {
    /// What the user calls the article.
    pub name: String,
    cancel: Arc<AtomicBool>,
    progress: Arc<AtomicU32>,
    done: Receiver<Outcome>,
}

impl Job {
    /// Reads `input` and, when its date is known (`published`, else from
    /// the text), proposes its events. `data` gives the gazetteer and the
    /// source ids already taken.
    pub fn read(input: Input, published: Option<Date>, data: Arc<Data>) -> Self {
        let name = match &input {
            Input::File(path) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            Input::Pasted { .. } => "pasted text".to_owned(),
        };
        Self::spawn(name, move |job| {
            let article = match read(input) {
                Ok(a) => a,
                Err((name, diagnostics)) => return Outcome::Failed { name, diagnostics },
            };
            let date = published.or_else(|| published::find(&article.text).map(|(d, _)| d));
            match date {
                Some(date) => propose(article, date, &data, job),
                None => Outcome::NeedsDate(Box::new(article)),
            }
        })
    }

    /// Proposes the events of an article read before, published on `date`.
    pub fn extract(article: Article, date: Date, data: Arc<Data>) -> Self {
        Self::spawn(article.name.clone(), move |job| {
            propose(article, date, &data, job)
        })
    }

    fn spawn(name: String, work: impl FnOnce(&Progress) -> Outcome + Send + 'static) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(AtomicU32::new(0));
        let (send, done) = channel();
        let shared = Progress {
            cancel: cancel.clone(),
            share: progress.clone(),
        };
        std::thread::spawn(move || {
            // The app may have dropped the job meanwhile; nobody listens then.
            let _ = send.send(work(&shared));
        });
        Self {
            name,
            cancel,
            progress,
            done,
        }
    }

    /// The share of the text read so far (0–1).
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed))
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// How the job ended, once it has.
    pub fn poll(&self) -> Option<Outcome> {
        match self.done.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Outcome::Failed {
                name: self.name.clone(),
                diagnostics: vec![Diagnostic::error("the extraction stopped unexpectedly")],
            }),
        }
    }
}

/// The job's side of the progress and the cancel flag.
struct Progress {
    cancel: Arc<AtomicBool>,
    share: Arc<AtomicU32>,
}

/// Reads and decodes the article.
fn read(input: Input) -> Result<Article, (String, Vec<Diagnostic>)> {
    match input {
        Input::File(path) => {
            let name = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(|e| {
                (
                    name.clone(),
                    vec![Diagnostic::error(format!("cannot read the file: {e}"))],
                )
            })?;
            let decoded = input::decode(&name, &bytes).map_err(|d| (name.clone(), vec![d]))?;
            Ok(Article {
                title: first_line(&decoded.text),
                name,
                text: decoded.text,
                changed: decoded.changed,
            })
        }
        Input::Pasted { text, title } => {
            let name = "pasted text".to_owned();
            if text.trim().is_empty() {
                return Err((
                    name,
                    vec![Diagnostic::error(
                        "there is no text: paste the article first",
                    )],
                ));
            }
            let title = Some(title.trim().to_owned())
                .filter(|t| !t.is_empty())
                .or_else(|| first_line(&text));
            Ok(Article {
                name,
                text,
                title,
                changed: None,
            })
        }
    }
}

/// Runs the extractor on the article and makes the session.
fn propose(article: Article, published: Date, data: &Data, job: &Progress) -> Outcome {
    let places = PlaceIndex::new(&data.geo.places);
    let id = unique_id(
        &title_id(article.title.as_deref().unwrap_or(&article.name)),
        data,
    );
    let report = |share: f32| job.share.store(share.to_bits(), Ordering::Relaxed);
    let options = Options {
        published,
        source: 0,
        id_prefix: &id,
        places: &places,
        progress: Some(&report),
        cancel: Some(&job.cancel),
    };
    let found = extract::extract(&article.text, &options);
    if found.cancelled {
        return Outcome::Cancelled;
    }
    let mut notes = found.diagnostics;
    if let Some(how) = &article.changed {
        notes.insert(
            0,
            Diagnostic::warning(format!(
                "{how}: the text is saved beside the events as UTF-8"
            )),
        );
    }
    let source = Source {
        id,
        kind: SourceKind::Article,
        title: article.title,
        published: Some(published),
        sha256: Some(sha256_hex(&article.text)),
        text: Some(article.text.into()),
        ..Source::default()
    };
    Outcome::Done(Box::new(Session::new(
        source,
        found.vocabulary,
        found.proposals,
        notes,
    )))
}

/// The first line with words, as a title.
fn first_line(text: &str) -> Option<String> {
    text.lines()
        .map(|l| l.trim().trim_start_matches(['\u{FEFF}', '#']).trim())
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(120).collect())
}

/// A source id from an article's title: its first six words as a slug
/// ("Clashes on the border (2)" → "clashes-on-the-border-2"), or "article".
fn title_id(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().take(6).collect();
    slug(&words.join(" "), '-').unwrap_or_else(|| "article".to_owned())
}

/// `id`, or `id-2`, `id-3`… when a loaded source has it.
fn unique_id(id: &str, data: &Data) -> String {
    let taken = |c: &str| data.sources.iter().any(|s| s.id == c);
    if !taken(id) {
        return id.to_owned();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_else(|| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::title_id;

    #[test]
    fn a_title_gives_an_id_of_its_first_six_words() {
        assert_eq!(
            title_id("Clashes on the border (2)"),
            "clashes-on-the-border-2"
        );
        assert_eq!(
            title_id("Two killed as guards trade fire on the Batken border"),
            "two-killed-as-guards-trade-fire"
        );
        // Words as a reader counts them: "U.S.-led" is one.
        assert_eq!(
            title_id("U.S.-led talks end in a deal at last"),
            "u-s-led-talks-end-in-a-deal"
        );
        assert_eq!(title_id("— · —"), "article");
    }
}
