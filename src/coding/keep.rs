//! Nothing of a review lost: saving the kept events (the one way they
//! leave the app), the recovery file autosaved, offered back and cleared,
//! and the answer to closing with unsaved changes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::recovery::Recovery;
use super::workspace::{Effect, Workspace};
use super::{CloseAnswer, Command, save};
use crate::diagnostic::Diagnostic;

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

    /// Saves the kept events to `target`, with the article's text beside
    /// them: every save of kept events goes through here. On success the
    /// recovery file goes, and a close waiting for the save goes ahead; on
    /// failure the notice says why and the window stays open.
    pub fn save_to(&mut self, target: PathBuf) {
        let Some(session) = &mut self.session else {
            return;
        };
        match save::save(session, &target) {
            Ok(text_file) => {
                session.saved(target, text_file);
                self.clear_recovery();
                if self.closing {
                    self.close_confirmed = true;
                }
            }
            Err(problems) => {
                let lines: Vec<String> = problems.iter().map(Diagnostic::describe).collect();
                self.notice = Some(format!("not saved: {}", lines.join("; ")));
                self.closing = false;
            }
        }
    }

    /// The user closed the save dialog without choosing a file.
    pub fn save_cancelled(&mut self) {
        self.closing = false;
    }

    /// Applies saving and the answer to closing.
    pub(super) fn apply_keeping(&mut self, command: Command) -> Vec<Effect> {
        match command {
            Command::Save => match self.session.as_ref().and_then(|s| s.target().cloned()) {
                Some(target) => self.save_to(target),
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
