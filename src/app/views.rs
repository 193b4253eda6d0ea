//! View files in the app: File → Save view… writes the view shown (with
//! the story step and the sources it needs), and a view file opened (File
//! → Open…, dropped, or `--view`) restores that view exactly; what it
//! needs and the data lacks is listed in the Problems window, naming the
//! source to open.

use std::path::{Path, PathBuf};
use std::sync::mpsc::TryRecvError;

use super::App;
use crate::data::time::Seconds;
use crate::diagnostic::Diagnostic;
use crate::file_dialog::SaveTo;
use crate::model::action::Action;
use crate::model::view::Focus;
use crate::story::player::Player;
use crate::view_file::{StoryAt, ViewFile};

/// What the app keeps for view files.
#[derive(Default)]
pub(super) struct Views {
    /// Asking where to save the view.
    saving: Option<SaveTo>,
    /// The view file `--view` named, opened once the files given at start
    /// have loaded (it may need their sources).
    pub(super) after_loading: Option<PathBuf>,
    /// The stretch of time the timeline showed in the last frame drawn.
    pub(super) timeline_shown: Option<(Seconds, Seconds)>,
}

impl App {
    /// The view shown, as a view file holds it: with the story step and
    /// the sources of the events shown and selected.
    pub fn view_file(&mut self) -> ViewFile {
        let shown = self.visible_events();
        let story = self.story.player.as_ref().and_then(|p| {
            let step = p.current();
            let title = p.story().title.clone();
            let bundled =
                p.path.is_none() && crate::story::bundled::story().is_ok_and(|b| b.title == title);
            (!p.story().steps.is_empty()).then_some(StoryAt {
                title,
                bundled,
                step,
            })
        });
        let mut file = ViewFile::of(&self.view, &self.data, &shown.shown, story);
        file.timeline = self.views.timeline_shown;
        file
    }

    /// Writes the view shown to `path`.
    pub fn save_view_to(&mut self, path: &Path) -> std::io::Result<()> {
        crate::view_file::write::save(&self.view_file(), path)
    }

    /// Reads the view file at `path` and shows its view; its problems go
    /// to the Problems window.
    pub fn open_view_file(&mut self, path: &Path) {
        let loaded = crate::view_file::read::read(path, &self.data);
        self.report(&path.display().to_string(), loaded.diagnostics);
        if let Some(file) = loaded.file {
            self.show_view_file(file, &path.display().to_string());
        }
    }

    /// Shows the view of `file` (read from `name`): its story step first,
    /// reached at once, then every part of the view as the file has it, the
    /// timeline's axis included.
    fn show_view_file(&mut self, file: ViewFile, name: &str) {
        if let Some(at) = &file.story {
            self.show_story_step_of(at, name);
        }
        let selection = file.view.selection.clone();
        self.apply(Action::SetView(Box::new(file.view)));
        if let Some((from, to)) = file.timeline {
            let focus = Focus::Exact;
            self.apply(Action::FocusTime { from, to, focus });
        }
        // Shown in the article and the lists; the map and the timeline
        // stay where the file puts them.
        if let Some(id) = selection {
            self.apply(Action::RevealInPlace(id));
        }
    }

    /// Opens the story step a view shows without moving the view: the
    /// bundled story, or the one open when it has that title; else says
    /// which story to open.
    fn show_story_step_of(&mut self, at: &StoryAt, name: &str) {
        let open = self
            .story
            .player
            .as_ref()
            .is_some_and(|p| p.story().title == at.title);
        if !open && at.bundled {
            if let Ok(story) = crate::story::bundled::story() {
                self.story.offer = false;
                self.story.player = Some(Player::new(story, None));
            }
        } else if !open {
            let note = format!(
                "the view shows step {} of the story “{}”: open that story (File → Open \
                 story…) to follow it",
                at.step + 1,
                at.title
            );
            self.report(name, vec![Diagnostic::warning(note)]);
            return;
        }
        if let Some(player) = &mut self.story.player {
            player.go_to(at.step);
        }
        let story = &mut self.story;
        (story.ease, story.fitted, story.reveal_due) = (None, None, None);
    }

    /// Asks where to save the view.
    pub(super) fn ask_where_to_save_view(&mut self) {
        if self.views.saving.is_none() {
            let name = self.view_file().file_name();
            self.views.saving = Some(self.dialog.save_view(&name));
        }
    }

    /// Writes the view once the dialog answers; a failure is listed in
    /// the Problems window.
    pub(super) fn receive_view_dialog(&mut self, ctx: &egui::Context) {
        let Some(saving) = &self.views.saving else {
            return;
        };
        match saving.try_recv() {
            Ok(answer) => {
                self.views.saving = None;
                if let Some(path) = answer
                    && let Err(e) = self.save_view_to(&path)
                {
                    let problem = Diagnostic::error(format!("cannot write the view: {e}"));
                    self.report(&path.display().to_string(), vec![problem]);
                }
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(TryRecvError::Disconnected) => self.views.saving = None,
        }
    }
}

/// Whether the file at `path` is a view file (by its name and first bytes).
pub(super) fn is_view_file(path: &Path) -> bool {
    use std::io::Read as _;
    // Read here, on the window's thread, only a regular file named *.json:
    // a pipe or a file still being written would hold the window, and
    // other files go to the loader's thread.
    let named_json = (path.extension()).is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !named_json || !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 256];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut head));
    read.is_ok_and(|n| crate::view_file::read::sniff(&head[..n]))
}
