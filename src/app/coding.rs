//! Coding an article in the app: the review's commands applied, the
//! session's kept events put into the data after every change, the file
//! dialogs and the extraction job polled, unsaved work autosaved to the
//! recovery file, and closing with unsaved changes asked about
//! (`coding_keep.rs`).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::App;
use crate::coding::job::{Input, Job, Outcome};
use crate::coding::{Command, Edit, Session, fields};
use crate::diagnostic::Diagnostic;
use crate::model::action::Action;
use crate::panels::review::{Paste, Review};

impl App {
    /// The coding state: the session under review, its job and windows.
    pub fn review(&self) -> &Review {
        &self.coding
    }

    /// Applies a command of the review panel or its windows.
    pub(super) fn apply_coding(&mut self, command: Command) {
        self.coding.notice = None;
        match command {
            Command::OpenArticle => {
                if self.may_start_coding() && self.coding.picking_article.is_none() {
                    self.coding.picking_article = Some(self.dialog.pick_article());
                }
            }
            Command::PasteText => {
                if self.may_start_coding() {
                    self.coding.ui.paste = Some(Paste::default());
                }
            }
            Command::CodePasted {
                text,
                title,
                published,
            } => {
                let published = match parse_date(&published) {
                    Ok(d) => d,
                    Err(message) => return self.fail("pasted text", message),
                };
                let job = Job::read(Input::Pasted { text, title }, published, self.data.clone());
                self.coding.job = Some(job);
            }
            Command::Published(typed) => {
                let Some(article) = self.coding.asking.take() else {
                    return;
                };
                match parse_date(&typed) {
                    Ok(Some(date)) => {
                        self.coding.job = Some(Job::extract(*article, date, self.data.clone()));
                    }
                    Ok(None) | Err(_) => {
                        self.coding.asking = Some(article);
                        self.coding.notice =
                            Some(format!("{typed:?} is not a date: type it as YYYY-MM-DD"));
                    }
                }
            }
            Command::CancelJob => {
                // The worker stops at its next check; the app forgets it now.
                if let Some(job) = self.coding.job.take() {
                    job.cancel();
                    self.coding.notice = Some(format!("reading {} was cancelled", job.name));
                }
            }
            Command::Dismiss => {
                self.coding.failure = None;
                self.coding.asking = None;
                if matches!(self.coding.offer, Some(Err(_))) {
                    self.coding.offer = None;
                }
            }
            Command::Edit(edit) => self.edit(edit),
            Command::Undo | Command::Redo => {
                let Some(session) = &mut self.coding.session else {
                    return;
                };
                let done = if command == Command::Undo {
                    session.undo()
                } else {
                    session.redo()
                };
                if done {
                    self.publish_coding();
                }
            }
            Command::Select(id) => self.select_proposal(id),
            Command::PickPlace(on) => self.view.picking_place = on && self.coding.session.is_some(),
            Command::Save => match self
                .coding
                .session
                .as_ref()
                .and_then(|s| s.target().cloned())
            {
                Some(target) => self.save_coding(target),
                None => self.apply_coding(Command::SaveAs),
            },
            Command::SaveAs => match &self.coding.session {
                None => self.coding.notice = Some("nothing to save: code an article first".into()),
                Some(session) => {
                    let name = format!("{}.events.geojson", session.source().id);
                    self.coding.picking_save = Some(self.dialog.save_events(&name));
                }
            },
            Command::Recover => {
                if let Some(Ok(session)) = self.coding.offer.take() {
                    self.start_session(session);
                }
            }
            Command::DiscardRecovery => {
                self.coding.offer = None;
                self.clear_recovery();
            }
            Command::Closing(answer) => self.answer_closing(answer),
        }
    }

    /// Whether a new article may be coded now: not while one with unsaved
    /// changes is open or recovered work waits for an answer.
    fn may_start_coding(&mut self) -> bool {
        let why = if self.coding.offer.is_some() {
            "answer the question about the recovered work first"
        } else if self.coding.unsaved() {
            "save the events of the article under review first (File > Save events)"
        } else if self.coding.job.is_some() {
            "an article is being read"
        } else {
            return true;
        };
        self.fail("Code an article", why.to_owned());
        false
    }

    /// Shows why coding cannot go on.
    fn fail(&mut self, name: &str, message: String) {
        self.coding.failure = Some((name.to_owned(), vec![Diagnostic::error(message)]));
    }

    /// Applies an edit to the session and shows its kept events.
    fn edit(&mut self, edit: Edit) {
        let Some(session) = &mut self.coding.session else {
            return;
        };
        match session.apply(edit) {
            Ok(created) => {
                self.coding.ui.text_selection = None;
                if created.is_some() {
                    self.coding.ui.selected = created;
                }
                self.publish_coding();
                // A proposal just kept is brought into view everywhere, the
                // timeline included, as selecting it would.
                let selected = self.coding.ui.selected.clone();
                let kept = (selected.as_ref())
                    .is_some_and(|id| self.data.events.iter().any(|e| &e.id == id));
                if kept && selected != self.view.selection {
                    self.select_proposal(selected);
                }
            }
            Err(message) => self.coding.notice = Some(message),
        }
    }

    /// Selects a proposal; a kept one is brought into view everywhere.
    fn select_proposal(&mut self, id: Option<String>) {
        self.view.picking_place = false;
        self.coding.ui.selected.clone_from(&id);
        let kept = id
            .as_deref()
            .is_some_and(|id| self.data.events.iter().any(|e| e.id == id));
        // One selection everywhere: a proposal not on the map unselects
        // what the map, list and timeline had selected.
        match id.filter(|_| kept) {
            Some(event_id) => self.apply(Action::Reveal { event_id, quote: 0 }),
            None => self.view.selection = None,
        }
        if let Some(session) = &self.coding.session {
            self.view.reading = Some(session.source().id.clone());
        }
    }

    /// Places the selected proposal at a point clicked on the map.
    pub(super) fn apply_picked_point(&mut self, lon: f64, lat: f64) {
        self.view.picking_place = false;
        let Some(session) = &self.coding.session else {
            return;
        };
        let Some(p) = self
            .coding
            .ui
            .selected
            .as_deref()
            .and_then(|id| session.proposal(id))
        else {
            return;
        };
        let placed = fields::at_point(&p.event, lon, lat);
        self.edit(Edit::Replace(Box::new(placed)));
    }

    /// Opens a session: its source and kept events join the data, the
    /// article panel shows its text.
    fn start_session(&mut self, session: Session) {
        self.view.reading = Some(session.source().id.clone());
        // The time the article tells of (its background rows aside), so
        // that what is accepted shows at once.
        let told = session
            .proposals()
            .iter()
            .filter(|p| p.event.kind != crate::data::event::EventKind::Context);
        let start = told.clone().map(|p| p.event.start.first_second()).min();
        let end = told.map(|p| p.event.end.end_exclusive()).max();
        if let (Some(start), Some(end)) = (start, end) {
            self.view.time.window = (start, end);
            self.view.time.cursor = end;
            self.view.time.playing = false;
        }
        // Recovered work opens on its first kept event, brought into view.
        let first = (session.proposals().iter())
            .find(|p| crate::coding::is_kept(p.status))
            .or_else(|| session.proposals().first())
            .map(|p| p.event.id.clone());
        self.coding.session = Some(session);
        self.coding.autosaved = 0;
        self.publish_coding();
        self.select_proposal(first);
    }

    /// Puts the session's kept events into the data.
    fn publish_coding(&mut self) {
        let Some(session) = &self.coding.session else {
            return;
        };
        match session.publish(&self.data) {
            Ok(data) => {
                self.data = Arc::new(data);
                self.derive_from_data();
            }
            Err(message) => self.coding.notice = Some(message),
        }
    }

    /// Once a frame: the dialogs' answers, the job's outcome, the
    /// autosave, and a close request while changes are unsaved.
    pub(super) fn coding_frame(&mut self, ctx: &egui::Context) {
        if let Some(paths) = poll(&mut self.coding.picking_article, ctx)
            && let Some(path) = paths.into_iter().next()
        {
            self.coding.job = Some(Job::read(Input::File(path), None, self.data.clone()));
        }
        if let Some(paths) = poll(&mut self.coding.picking_save, ctx) {
            match paths.into_iter().next() {
                Some(path) => self.save_coding(path),
                None => self.coding.closing = false,
            }
        }
        if let Some(outcome) = self.coding.job.as_ref().and_then(Job::poll) {
            let name = self.coding.job.take().map(|j| j.name).unwrap_or_default();
            match outcome {
                Outcome::Done(session) => self.start_session(*session),
                Outcome::NeedsDate(article) => self.coding.asking = Some(article),
                Outcome::Failed { name, diagnostics } => {
                    self.coding.failure = Some((name, diagnostics))
                }
                Outcome::Cancelled => {
                    self.coding.notice = Some(format!("reading {name} was cancelled"))
                }
            }
        }
        self.autosave(ctx);
        if ctx.input(|i| i.viewport().close_requested())
            && self.coding.unsaved()
            && !self.coding.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.coding.closing = true;
        }
        if self.coding.close_confirmed && self.coding.closing {
            self.coding.closing = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// The answer of a file dialog, once it closes.
fn poll(
    picking: &mut Option<crate::file_dialog::Picked>,
    ctx: &egui::Context,
) -> Option<Vec<PathBuf>> {
    let answer = match picking.as_ref()?.try_recv() {
        Ok(paths) => Some(paths),
        Err(std::sync::mpsc::TryRecvError::Empty) => {
            ctx.request_repaint_after(Duration::from_millis(100));
            return None;
        }
        Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(Vec::new()),
    };
    *picking = None;
    answer
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
