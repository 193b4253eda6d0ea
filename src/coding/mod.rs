//! Coding an article: the review of the extractor's proposals for one
//! source. A [`Session`] holds the source (its text), the proposals with
//! their review status, and the history of the reviewer's edits (each an
//! [`Edit`] turned into a [`edit::Patch`] that undoes and redoes it).
//! `job.rs` reads an article and runs the extractor on a thread,
//! `recovery.rs` keeps unsaved work in a recovery file, `save.rs` writes
//! the kept events, and `fields.rs` turns what a reviewer types into event
//! fields. The [`Workspace`] (`workspace.rs`, `keep.rs`) holds the session
//! with everything around it the app keeps between frames. Knows nothing
//! of egui: the review panel (`panels/review/`) draws a workspace and
//! returns [`Command`]s.

pub mod edit;
pub mod fields;
pub mod job;
mod keep;
pub mod recovery;
pub mod save;
pub mod workspace;

use std::path::PathBuf;

pub use edit::Edit;
use edit::Patch;
pub use workspace::{Effect, Failure, Workspace};

use crate::data::Data;
use crate::data::event::{Event, EventKind};
use crate::data::events::Collection;
use crate::data::source::Source;
use crate::data::time::Seconds;
use crate::data::vocabulary::Vocabulary;
use crate::diagnostic::Diagnostic;
use crate::extract::{Proposal, Status};

/// What the review panel and its windows ask of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Ask for an article file to code (the file dialog).
    OpenArticle,
    /// Open the window to paste an article's text into.
    PasteText,
    /// Code pasted text, published on `published` (`YYYY-MM-DD`, or empty
    /// to find the date in the text), under `title` (empty: its first line).
    CodePasted {
        /// The article's text.
        text: String,
        /// Its title.
        title: String,
        /// Its publication date as typed.
        published: String,
    },
    /// The publication date for an article whose text gives none, as typed.
    Published(String),
    /// Stop reading or extracting.
    CancelJob,
    /// Forget the last error or question of the coding windows.
    Dismiss,
    /// Change the proposals.
    Edit(Edit),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Select a proposal by id (or none).
    Select(Option<String>),
    /// Start (or stop) picking the selected proposal's place on the map.
    PickPlace(bool),
    /// Write the kept events to the file they came from or were last saved to.
    Save,
    /// Write the kept events to a file the user picks.
    SaveAs,
    /// Take back the work the recovery file holds.
    Recover,
    /// Delete the recovery file.
    DiscardRecovery,
    /// The answer to "save before closing?": save, discard or stay.
    Closing(CloseAnswer),
}

/// What the user answers when closing with unsaved changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloseAnswer {
    /// Save, then close.
    Save,
    /// Close without saving (the recovery file is deleted).
    Discard,
    /// Do not close.
    Stay,
}

/// One article under review.
#[derive(Clone, Debug)]
pub struct Session {
    source: Source,
    vocabulary: Vocabulary,
    proposals: Vec<Proposal>,
    undo: Vec<Patch>,
    redo: Vec<Patch>,
    revision: u64,
    saved_revision: u64,
    target: Option<PathBuf>,
    next_id: usize,
    notes: Vec<Diagnostic>,
}

impl Session {
    /// A session on `source` (with its text) and the extractor's
    /// proposals; `notes` are the extractor's diagnostics (no dates, no
    /// places…) for the reviewer.
    pub fn new(
        source: Source,
        vocabulary: Vocabulary,
        proposals: Vec<Proposal>,
        notes: Vec<Diagnostic>,
    ) -> Self {
        Self {
            next_id: proposals.len() + 1,
            source,
            vocabulary,
            proposals,
            undo: Vec::new(),
            redo: Vec::new(),
            revision: 1,
            saved_revision: 0,
            target: None,
            notes,
        }
    }

    /// The article.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The article's text.
    pub fn text(&self) -> &str {
        self.source.text_or_empty()
    }

    /// The categories and sides the proposals may use.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The proposals, in text order of their first quote.
    pub fn proposals(&self) -> &[Proposal] {
        &self.proposals
    }

    /// The proposal with this event id.
    pub fn proposal(&self, id: &str) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.event.id == id)
    }

    /// The extractor's notes on the article.
    pub fn notes(&self) -> &[Diagnostic] {
        &self.notes
    }

    /// The stretch of time the article tells of (its background rows
    /// aside): from the earliest start to the latest end of its other
    /// proposals.
    pub fn told_span(&self) -> Option<(Seconds, Seconds)> {
        let told = (self.proposals.iter()).filter(|p| p.event.kind != EventKind::Context);
        let start = told.clone().map(|p| p.event.start.first_second()).min()?;
        let end = told.map(|p| p.event.end.end_exclusive()).max()?;
        Some((start, end))
    }

    /// Increases with every change (edits, undo, redo).
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Where the events were last saved.
    pub fn target(&self) -> Option<&PathBuf> {
        self.target.as_ref()
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit and returns the id of the proposal it made, if it
    /// made one (a new event, a split); refused (nothing changes) with the
    /// reason when it does not fit the proposals (an unknown id, an empty
    /// quote, an event that would not read back from the events file).
    pub fn apply(&mut self, edit: Edit) -> Result<Option<String>, String> {
        let patch = edit::patch(self, edit)?;
        self.proposals = patch.apply(std::mem::take(&mut self.proposals));
        let created = patch.created().map(str::to_owned);
        self.undo.push(patch);
        self.redo.clear();
        self.revision += 1;
        Ok(created)
    }

    /// Undoes the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(patch) = self.undo.pop() else {
            return false;
        };
        let inverse = patch.inverse();
        self.proposals = inverse.apply(std::mem::take(&mut self.proposals));
        self.redo.push(patch);
        self.revision += 1;
        true
    }

    /// Redoes the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(patch) = self.redo.pop() else {
            return false;
        };
        self.proposals = patch.apply(std::mem::take(&mut self.proposals));
        self.undo.push(patch);
        self.revision += 1;
        true
    }

    /// Records that the kept events were written to `target`, with the
    /// text beside it as `text_file`.
    pub fn saved(&mut self, target: PathBuf, text_file: String) {
        self.target = Some(target);
        self.source.text_file = Some(text_file);
        self.saved_revision = self.revision;
    }

    /// Records that the kept events were written to the shared store.
    pub fn saved_in_store(&mut self) {
        self.saved_revision = self.revision;
    }

    /// A fresh event id for a proposal the reviewer makes.
    fn fresh_id(&mut self, what: &str) -> String {
        loop {
            let id = format!("{}-r{:03}-{what}", self.source.id, self.next_id);
            self.next_id += 1;
            if self.proposal(&id).is_none() {
                return id;
            }
        }
    }

    /// The events the reviewer kept (accepted or edited), for `source`
    /// (their source's index), their references limited to kept events.
    pub fn kept_events(&self, source: usize) -> Vec<Event> {
        let kept: Vec<&Event> = self
            .proposals
            .iter()
            .filter(|p| is_kept(p.status))
            .map(|p| &p.event)
            .collect();
        let ids: std::collections::HashSet<&str> = kept.iter().map(|e| e.id.as_str()).collect();
        kept.iter()
            .map(|e| {
                let mut e = (*e).clone();
                e.source = source;
                e.refers_to.retain(|r| ids.contains(r.as_str()));
                e.account_of = e.account_of.filter(|a| ids.contains(a.as_str()));
                e
            })
            .collect()
    }

    /// The kept events with their source, as an events file holds them.
    pub fn kept_collection(&self) -> Collection {
        Collection {
            sources: vec![self.source.clone()],
            vocabulary: self.vocabulary.clone(),
            events: self.kept_events(0),
        }
    }

    /// Puts the session's kept events into `data` in place of those it
    /// had: the source is added when it is not there yet. Refused (the
    /// data unchanged) when the source's id is taken by another source.
    pub fn publish(&self, data: &Data) -> Result<Data, String> {
        let mut data = data.clone();
        let index = match data.sources.iter().position(|s| s.id == self.source.id) {
            Some(i) => i,
            None => {
                data.add(Collection {
                    sources: vec![self.source.clone()],
                    vocabulary: self.vocabulary.clone(),
                    events: Vec::new(),
                })?;
                data.sources.len() - 1
            }
        };
        data.events.retain(|e| e.source != index);
        data.vocabulary.merge(&self.vocabulary);
        let events = self.kept_events(index);
        let taken: std::collections::HashSet<&str> =
            data.events.iter().map(|e| e.id.as_str()).collect();
        if let Some(clash) = events.iter().find(|e| taken.contains(e.id.as_str())) {
            return Err(format!(
                "refused: the event id {:?} is already loaded",
                clash.id
            ));
        }
        data.events.extend(events);
        Ok(data)
    }
}

/// Whether a proposal with this status is kept (saved, shown on the map).
pub fn is_kept(status: Status) -> bool {
    matches!(status, Status::Accepted | Status::Edited)
}

/// A status as the recovery file and the panel name it.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Proposed => "proposed",
        Status::Accepted => "accepted",
        Status::Edited => "edited",
        Status::Rejected => "rejected",
    }
}

/// A status from its key.
pub fn status_from_key(key: &str) -> Option<Status> {
    Some(match key {
        "proposed" => Status::Proposed,
        "accepted" => Status::Accepted,
        "edited" => Status::Edited,
        "rejected" => Status::Rejected,
        _ => return None,
    })
}

#[cfg(test)]
mod session_tests;
#[cfg(test)]
mod workspace_tests;
