//! Nothing of a review lost: the recovery file autosaved and cleared,
//! saving the kept events, and the answer to closing with unsaved changes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::App;
use crate::coding::recovery::Recovery;
use crate::coding::{CloseAnswer, Command, save};
use crate::diagnostic::Diagnostic;

/// Texts longer than this are autosaved at most every [`AUTOSAVE_EVERY`].
const LONG_TEXT: usize = 2 << 20;
/// How often the recovery file of a long text is written.
const AUTOSAVE_EVERY: Duration = Duration::from_secs(5);

impl App {
    /// Keeps unsaved coding work in a recovery file in `dir` (the app's
    /// data folder; a temporary one in tests), and offers back the work a
    /// file left there holds.
    pub fn with_recovery_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        let recovery = Recovery::in_dir(dir);
        self.coding.offer = recovery.read();
        self.coding.recovery = Some(recovery);
        self
    }

    /// Saves the kept events to `target`; on success the recovery file
    /// goes, and a close waiting for the save goes ahead.
    pub(super) fn save_coding(&mut self, target: PathBuf) {
        let Some(session) = &mut self.coding.session else {
            return;
        };
        match save::save(session, &target) {
            Ok(text_file) => {
                session.saved(target, text_file);
                self.clear_recovery();
                if self.coding.closing {
                    self.coding.close_confirmed = true;
                }
            }
            Err(problems) => {
                let lines: Vec<String> = problems.iter().map(Diagnostic::describe).collect();
                self.coding.notice = Some(format!("not saved: {}", lines.join("; ")));
                self.coding.closing = false;
            }
        }
    }

    pub(super) fn clear_recovery(&mut self) {
        if let Some(r) = &self.coding.recovery
            && let Err(e) = r.clear()
        {
            self.coding.notice = Some(format!("cannot delete {}: {e}", r.path().display()));
        }
    }

    pub(super) fn answer_closing(&mut self, answer: CloseAnswer) {
        match answer {
            CloseAnswer::Save => self.apply_coding(Command::Save),
            CloseAnswer::Discard => {
                self.clear_recovery();
                self.coding.close_confirmed = true;
            }
            CloseAnswer::Stay => self.coding.closing = false,
        }
    }

    /// Writes the recovery file when the session changed since it was
    /// last written (a long text at most every few seconds).
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let c = &mut self.coding;
        let (Some(recovery), Some(session)) = (&c.recovery, &c.session) else {
            return;
        };
        if c.offer.is_some() || !session.is_dirty() || session.revision() == c.autosaved {
            return;
        }
        if session.text().len() > LONG_TEXT
            && let Some(at) = c.autosaved_at
            && at.elapsed() < AUTOSAVE_EVERY
        {
            ctx.request_repaint_after(AUTOSAVE_EVERY.saturating_sub(at.elapsed()));
            return;
        }
        match recovery.write(session) {
            Ok(()) => {
                c.autosaved = session.revision();
                c.autosaved_at = Some(Instant::now());
            }
            Err(e) => {
                c.autosaved = session.revision();
                c.notice = Some(format!(
                    "cannot write the recovery file {}: {e}",
                    recovery.path().display()
                ));
            }
        }
    }
}
