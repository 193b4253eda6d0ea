//! Nothing of a review lost: saving the kept events (the one way they
//! leave the app: to a file, or into the shared store while connected),
//! the recovery file autosaved, offered back and cleared, and the answer
//! to closing with unsaved changes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::recovery::Recovery;
use super::workspace::{Effect, Workspace};
use super::{CloseAnswer, Command, save};
use crate::diagnostic::Diagnostic;
use crate::store::Store;
use crate::store::coded::CodedReport;

/// Texts longer than this are autosaved at most every [`AUTOSAVE_EVERY`].
const LONG_TEXT: usize = 2 << 20;
/// How often the recovery file of a long text is written.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(5);

impl Workspace {
    /// Keeps unsaved work in a recovery file in `dir` (the app's data
    /// folder; a temporary one in tests), and offers back the work a file
    /// left there holds.
    pub fn keep_recovery_in(&mut self, dir: impl Into<PathBuf>) {
        let recovery = Recovery::in_dir(dir);
        self.offer = recovery.read();
        self.recovery = Some(recovery);
    }

    /// Saves the kept events: every save of kept events goes through
    /// here. To a file (with the article's text beside it) at once; to the
    /// shared store by the effect returned, whose answer comes back through
    /// [`Workspace::saved_in_store`]. On success the recovery file goes,
    /// and a close waiting for the save goes ahead; on failure the notice
    /// says why and the window stays open.
    pub fn save_to(&mut self, target: impl Into<Store>) -> Vec<Effect> {
        let Some(session) = &mut self.session else {
            return Vec::new();
        };
        let target = match target.into() {
            Store::Database(_) => {
                return vec![Effect::SaveToStore(Box::new(save::coded(session)))];
            }
            Store::File(path) => path,
        };
        match save::save(session, &target) {
            Ok(text_file) => {
                session.saved(target, text_file);
                self.after_save();
            }
            Err(problems) => {
                let lines: Vec<String> = problems.iter().map(Diagnostic::describe).collect();
                self.not_saved(&lines.join("; "));
            }
        }
        Vec::new()
    }

    /// How a save into the shared store ended: the work is saved, or the
    /// notice says why not (it stays in the recovery file). Conflicts with
    /// other coders' changes are the store link's to show.
    pub fn saved_in_store(&mut self, result: Result<CodedReport, String>) {
        match (result, &mut self.session) {
            (Ok(report), Some(session)) => {
                session.saved_in_store();
                self.after_save();
                if !report.conflicts.is_empty() {
                    self.notice = Some(format!(
                        "saved, but {} kept events were changed by another coder: settle them in the conflict window",
                        report.conflicts.len()
                    ));
                }
            }
            (Err(message), _) => self.not_saved(&message),
            (Ok(_), None) => {}
        }
    }

    /// A save succeeded: the recovery file goes, a close goes ahead.
    fn after_save(&mut self) {
        self.clear_recovery();
        if self.closing {
            self.close_confirmed = true;
        }
    }

    /// A save failed: why, and the window stays open.
    fn not_saved(&mut self, why: &str) {
        self.notice = Some(format!("not saved: {why}"));
        self.closing = false;
    }

    /// The user closed the save dialog without choosing a file.
    pub fn save_cancelled(&mut self) {
        self.closing = false;
    }

    /// Applies saving and the answer to closing.
    pub(super) fn apply_keeping(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Save if let Some(store) = self.store.clone() => return self.save_to(store),
            Command::Save => match self.session.as_ref().and_then(|s| s.target().cloned()) {
                Some(target) => return self.save_to(target),
                None => return self.apply_keeping(Command::SaveAs),
            },
            Command::SaveAs => match &self.session {
                None => self.notice = Some("nothing to save: code an article first".into()),
                Some(session) => {
                    let name = format!("{}.events.geojson", session.source().id);
                    return vec![Effect::ChooseTarget(name)];
                }
            },
            Command::Closing(CloseAnswer::Save) => return self.apply_keeping(Command::Save),
            Command::Closing(CloseAnswer::Discard) => {
                self.clear_recovery();
                self.close_confirmed = true;
            }
            Command::Closing(CloseAnswer::Stay) => self.closing = false,
            _ => {}
        }
        Vec::new()
    }

    /// Deletes the recovery file (a notice says when it cannot).
    pub(super) fn clear_recovery(&mut self) {
        if let Some(r) = &self.recovery
            && let Err(e) = r.clear()
        {
            self.notice = Some(format!("cannot delete {}: {e}", r.path().display()));
        }
    }

    /// Writes the recovery file when the session changed since it was
    /// last written (a long text at most every few seconds); returns how
    /// long to wait before asking again when it holds a write back.
    pub fn autosave(&mut self, now: Instant) -> Option<Duration> {
        let (Some(recovery), Some(session)) = (&self.recovery, &self.session) else {
            return None;
        };
        let (revision, at) = self.autosaved;
        if self.offer.is_some() || !session.is_dirty() || session.revision() == revision {
            return None;
        }
        if session.text().len() > LONG_TEXT
            && let Some(at) = at
            && now.duration_since(at) < AUTOSAVE_EVERY
        {
            return Some(AUTOSAVE_EVERY.saturating_sub(now.duration_since(at)));
        }
        self.autosaved.0 = session.revision();
        match recovery.write(session) {
            Ok(()) => self.autosaved.1 = Some(now),
            Err(e) => {
                self.notice = Some(format!(
                    "cannot write the recovery file {}: {e}",
                    recovery.path().display()
                ));
            }
        }
        None
    }

    /// Whether a close the user asked for waits for their answer about
    /// unsaved changes (the question is then open).
    pub fn hold_close(&mut self) -> bool {
        let hold = self.unsaved() && !self.close_confirmed;
        self.closing |= hold;
        hold
    }

    /// Whether the question about unsaved changes is open.
    pub fn asking_to_close(&self) -> bool {
        self.closing
    }

    /// Whether the window may close now that the user answered (true once).
    pub fn close_now(&mut self) -> bool {
        let now = self.close_confirmed && self.closing;
        if now {
            self.closing = false;
        }
        now
    }
}
