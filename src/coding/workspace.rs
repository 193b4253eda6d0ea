//! The coding workspace: everything about coding an article that outlives
//! a frame, below the widgets and without egui. It holds the session under
//! review and the proposal selected in it, the job reading an article, the
//! article waiting for its publication date, the recovery file and the
//! work it offers back, the autosave's timing, the question before closing,
//! and the last problem or notice to show. The save path and the dirty
//! state are the session's.
//!
//! The review panel reads a `&Workspace` and returns [`Command`]s; the app
//! hands each to [`Workspace::apply`] and carries out the [`Effect`]s it
//! returns (the data, the view, the file dialogs). Kept events leave the
//! app through one function, [`Workspace::save_to`] (`keep.rs`): to a
//! file, or to the shared store while the app is connected.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use crate::data::Data;
use crate::data::time::Seconds;
use crate::diagnostic::Diagnostic;
use crate::extract::Proposal;

use super::job::{Article, Input, Job, Outcome};
use super::recovery::Recovery;
use super::{Command, Edit, Session, fields};

/// What the app does once the workspace has taken a command: the changes
/// that reach beyond coding (the data, the view, the file dialogs, the
/// review panel).
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Ask the user for an article to code, then [`Workspace::read_article`].
    ChooseArticle,
    /// Ask the user where to save the kept events, proposing this file
    /// name, then [`Workspace::save_to`].
    ChooseTarget(String),
    /// Open the window to paste an article's text into.
    OpenPaste,
    /// The proposals changed: the kept events are to be put into the data
    /// again ([`Workspace::publish`]). `by_edit` when an edit made the
    /// change (not undo or redo): the words selected in the text were
    /// used, and a proposal the edit kept is brought into view.
    Changed {
        /// Whether an edit made the change.
        by_edit: bool,
    },
    /// Show the stretch of time an article just opened tells of.
    ShowTold((Seconds, Seconds)),
    /// Another proposal is selected: a kept one is brought into view
    /// everywhere, and the article is shown.
    Selected,
    /// Start or stop picking the selected proposal's place on the map.
    PickPlace(bool),
    /// Write the article into the shared store (through the app's link),
    /// then [`Workspace::saved_in_store`].
    SaveToStore(Box<crate::store::coded::Coded>),
}

/// An article that cannot be coded: what was read and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// The file's name (or "pasted text").
    pub name: String,
    /// What is wrong.
    pub problems: Vec<Diagnostic>,
}

/// Everything about coding an article the app keeps between frames.
#[derive(Default)]
pub struct Workspace {
    /// The article under review.
    pub(super) session: Option<Session>,
    /// The selected proposal's event id.
    selected: Option<String>,
    /// Reading or extracting an article.
    job: Option<Job>,
    /// An article whose text gives no publication date, waiting for one.
    asking: Option<Box<Article>>,
    /// An article that cannot be coded.
    failure: Option<Failure>,
    /// Where unsaved work is kept (none: not kept, as in tests that pass
    /// no folder).
    pub(super) recovery: Option<Recovery>,
    /// Work found in the recovery file at start, offered back.
    pub(super) offer: Option<Result<Session, Vec<Diagnostic>>>,
    /// The session revision last written to the recovery file, and when.
    pub(super) autosaved: (u64, Option<Instant>),
    /// Whether the "save before closing?" question is open.
    pub(super) closing: bool,
    /// Whether the user agreed to close.
    pub(super) close_confirmed: bool,
    /// The last refused edit or failed save.
    pub(super) notice: Option<String>,
    /// The shared store that Save writes into while the app is connected
    /// (the database kind; through the app's link), instead of a file.
    pub(super) store: Option<crate::store::Store>,
}

impl Workspace {
    /// The article under review.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The selected proposal's event id.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// The selected proposal.
    pub fn selected_proposal(&self) -> Option<&Proposal> {
        let id = self.selected.as_deref()?;
        self.session.as_ref()?.proposal(id)
    }

    /// The job reading an article, while it runs.
    pub fn job(&self) -> Option<&Job> {
        self.job.as_ref()
    }

    /// The article waiting for its publication date.
    pub fn asking(&self) -> Option<&Article> {
        self.asking.as_deref()
    }

    /// The article that could not be coded, until dismissed.
    pub fn failure(&self) -> Option<&Failure> {
        self.failure.as_ref()
    }

    /// The work the recovery file held at start, or why it cannot be read,
    /// until answered.
    pub fn offer(&self) -> Option<&Result<Session, Vec<Diagnostic>>> {
        self.offer.as_ref()
    }

    /// Where the recovery file is (none when work is not kept).
    pub fn recovery_path(&self) -> Option<PathBuf> {
        self.recovery.as_ref().map(Recovery::path)
    }

    /// The last refused edit, failed save or cancelled read.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Saves go to the shared store `store` while connected, to files
    /// otherwise (`None`).
    pub fn set_store(&mut self, store: Option<crate::store::Store>) {
        self.store = store;
    }

    /// The shared store Save writes into, while connected.
    pub fn store(&self) -> Option<&crate::store::Store> {
        self.store.as_ref()
    }

    /// Whether the session has changes not saved to a file.
    pub fn unsaved(&self) -> bool {
        self.session.as_ref().is_some_and(Session::is_dirty)
    }

    /// Applies a command of the review panel, its windows or the menu;
    /// `data` is what the article is read against.
    pub fn apply(&mut self, command: Command, data: &Arc<Data>) -> Vec<Effect> {
        self.notice = None;
        match command {
            Command::OpenArticle => self.starting(Effect::ChooseArticle),
            Command::PasteText => self.starting(Effect::OpenPaste),
            Command::CodePasted {
                text,
                title,
                published,
            } => {
                match parse_date(&published) {
                    Ok(date) => {
                        let input = Input::Pasted { text, title };
                        self.job = Some(Job::read(input, date, data.clone()));
                    }
                    Err(message) => self.fail("pasted text", message),
                }
                Vec::new()
            }
            Command::Published(typed) => self.published(&typed, data),
            Command::CancelJob => {
                // The worker stops at its next check; the workspace forgets it now.
                if let Some(job) = self.job.take() {
                    job.cancel();
                    self.notice = Some(format!("reading {} was cancelled", job.name));
                }
                Vec::new()
            }
            Command::Dismiss => {
                self.failure = None;
                self.asking = None;
                if matches!(self.offer, Some(Err(_))) {
                    self.offer = None;
                }
                Vec::new()
            }
            Command::Edit(edit) => self.edit(edit),
            Command::Undo => self.step_history(Session::undo),
            Command::Redo => self.step_history(Session::redo),
            Command::Select(id) => self.select(id),
            Command::PickPlace(on) => vec![Effect::PickPlace(on && self.session.is_some())],
            Command::Save | Command::SaveAs | Command::Closing(_) => self.apply_keeping(command),
            Command::Recover => match self.offer.take() {
                Some(Ok(session)) => self.open(session),
                _ => Vec::new(),
            },
            Command::DiscardRecovery => {
                self.offer = None;
                self.clear_recovery();
                Vec::new()
            }
        }
    }

    /// Reads the article file `path` and proposes its events.
    pub fn read_article(&mut self, path: PathBuf, data: &Arc<Data>) {
        self.job = Some(Job::read(Input::File(path), None, data.clone()));
    }

    /// Places the selected proposal at a point clicked on the map.
    pub fn place_selected_at(&mut self, lon: f64, lat: f64) -> Vec<Effect> {
        let Some(p) = self.selected_proposal() else {
            return Vec::new();
        };
        let placed = fields::at_point(&p.event, lon, lat);
        self.edit(Edit::Replace(Box::new(placed)))
    }

    /// Takes how the job ended, once it has.
    pub fn poll_job(&mut self) -> Vec<Effect> {
        let Some(outcome) = self.job.as_ref().and_then(Job::poll) else {
            return Vec::new();
        };
        let name = self.job.take().map(|j| j.name).unwrap_or_default();
        match outcome {
            Outcome::Done(session) => return self.open(*session),
            Outcome::NeedsDate(article) => self.asking = Some(article),
            Outcome::Failed { name, diagnostics } => {
                self.failure = Some(Failure {
                    name,
                    problems: diagnostics,
                });
            }
            Outcome::Cancelled => self.notice = Some(format!("reading {name} was cancelled")),
        }
        Vec::new()
    }

    /// The data with the session's kept events in place of those it had;
    /// `None` (with a notice saying why) when they cannot join it.
    pub fn publish(&mut self, data: &Data) -> Option<Data> {
        match self.session.as_ref()?.publish(data) {
            Ok(data) => Some(data),
            Err(message) => {
                self.notice = Some(message);
                None
            }
        }
    }

    /// `effect` when a new article may be coded now: not while one with
    /// unsaved changes is open, recovered work waits for an answer or an
    /// article is being read (the failure says which).
    fn starting(&mut self, effect: Effect) -> Vec<Effect> {
        let why = if self.offer.is_some() {
            "answer the question about the recovered work first"
        } else if self.unsaved() {
            "save the events of the article under review first (File > Save events)"
        } else if self.job.is_some() {
            "an article is being read"
        } else {
            return vec![effect];
        };
        self.fail("Code an article", why.to_owned());
        Vec::new()
    }

    /// Shows why coding cannot go on.
    fn fail(&mut self, name: &str, message: String) {
        self.failure = Some(Failure {
            name: name.to_owned(),
            problems: vec![Diagnostic::error(message)],
        });
    }

    /// Proposes the events of the article waiting for its date, once the
    /// typed date reads as one.
    fn published(&mut self, typed: &str, data: &Arc<Data>) -> Vec<Effect> {
        let Some(article) = self.asking.take() else {
            return Vec::new();
        };
        match parse_date(typed) {
            Ok(Some(date)) => self.job = Some(Job::extract(*article, date, data.clone())),
            Ok(None) | Err(_) => {
                self.asking = Some(article);
                self.notice = Some(format!("{typed:?} is not a date: type it as YYYY-MM-DD"));
            }
        }
        Vec::new()
    }

    /// Applies an edit to the session; a proposal it makes is selected.
    fn edit(&mut self, edit: Edit) -> Vec<Effect> {
        let Some(session) = &mut self.session else {
            return Vec::new();
        };
        match session.apply(edit) {
            Ok(created) => {
                if created.is_some() {
                    self.selected = created;
                }
                vec![Effect::Changed { by_edit: true }]
            }
            Err(message) => {
                self.notice = Some(message);
                Vec::new()
            }
        }
    }

    /// Undoes or redoes an edit.
    fn step_history(&mut self, step: fn(&mut Session) -> bool) -> Vec<Effect> {
        let stepped = self.session.as_mut().is_some_and(step);
        if stepped {
            vec![Effect::Changed { by_edit: false }]
        } else {
            Vec::new()
        }
    }

    /// Selects a proposal (or none).
    fn select(&mut self, id: Option<String>) -> Vec<Effect> {
        self.selected = id;
        vec![Effect::Selected]
    }

    /// Opens a session: it shows the time its article tells of, its kept
    /// events join the data, and its first kept proposal (else its first)
    /// is selected.
    fn open(&mut self, session: Session) -> Vec<Effect> {
        let told = session.told_span();
        let first = (session.proposals().iter())
            .find(|p| super::is_kept(p.status))
            .or_else(|| session.proposals().first())
            .map(|p| p.event.id.clone());
        self.session = Some(session);
        self.autosaved.0 = 0;
        let mut effects: Vec<Effect> = told.map(Effect::ShowTold).into_iter().collect();
        effects.push(Effect::Changed { by_edit: false });
        effects.extend(self.select(first));
        effects
    }
}

/// A typed publication date: `None` when empty.
fn parse_date(typed: &str) -> Result<Option<jiff::civil::Date>, String> {
    let t = typed.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse()
        .map(Some)
        .map_err(|_| format!("{t:?} is not a date: type the publication date as YYYY-MM-DD"))
}
