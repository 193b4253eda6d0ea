//! Story files in the app: the open and save dialogs' answers, reading a
//! story file into the Problems window, writing one with its sources.

use std::path::Path;

use super::super::App;
use crate::diagnostic::Diagnostic;
use crate::story::action::StoryAction;
use crate::story::{Story, StorySource};

impl App {
    /// Applies opening and saving a story.
    pub(super) fn apply_story_file(&mut self, action: StoryAction) {
        let s = &mut self.story;
        match action {
            StoryAction::Open if s.opening.is_none() => {
                s.opening = Some(self.dialog.pick_story());
            }
            StoryAction::Save => match s.player.as_ref().and_then(|p| p.path.clone()) {
                Some(path) => self.save_story(&path),
                None => self.apply_story_file(StoryAction::SaveAs),
            },
            StoryAction::SaveAs => {
                if let Some(player) = &s.player
                    && s.saving.is_none()
                {
                    let name = file_name_for(&player.story().title);
                    s.saving = Some(self.dialog.save_story(&name));
                }
            }
            _ => {}
        }
    }

    /// Takes the answers of the open and save dialogs, once given.
    pub(super) fn receive_story_dialogs(&mut self, ctx: &egui::Context) {
        use std::sync::mpsc::TryRecvError;
        if let Some(rx) = &self.story.opening {
            match rx.try_recv() {
                Ok(paths) => {
                    self.story.opening = None;
                    if let Some(path) = paths.into_iter().next() {
                        self.open_story_file(&path);
                    }
                }
                Err(TryRecvError::Empty) => ctx.request_repaint_after(WAIT),
                Err(TryRecvError::Disconnected) => self.story.opening = None,
            }
        }
        if let Some(rx) = &self.story.saving {
            match rx.try_recv() {
                Ok(path) => {
                    self.story.saving = None;
                    if let Some(path) = path {
                        self.save_story(&path);
                    }
                }
                Err(TryRecvError::Empty) => ctx.request_repaint_after(WAIT),
                Err(TryRecvError::Disconnected) => self.story.saving = None,
            }
        }
    }

    /// Reads a story file; its problems go to the Problems window.
    pub fn open_story_file(&mut self, path: &Path) {
        let data = self.data.clone();
        let known = |id: &str| data.events.iter().any(|e| e.id == id);
        let loaded = crate::story::read::read(path, &known);
        self.report(&path.display().to_string(), loaded.diagnostics);
        if let Some(story) = loaded.story {
            self.open_story(story, Some(path.to_owned()));
        }
    }

    /// Writes the story to `path`, naming the sources of its events.
    pub(super) fn save_story(&mut self, path: &Path) {
        let Some(player) = &mut self.story.player else {
            return;
        };
        let mut story = player.story().clone();
        add_sources(&mut story, &self.data);
        match crate::story::write::save(&story, path) {
            Ok(()) => {
                player.path = Some(path.to_owned());
                player.edited.saved();
                self.story.status = Some(format!("Saved to {}", path.display()));
            }
            Err(e) => {
                self.story.status = Some(format!("Not saved: {e}"));
                let problem = Diagnostic::error(format!("cannot write the story: {e}"));
                self.report(&path.display().to_string(), vec![problem]);
            }
        }
    }
}

/// How long to wait before asking a dialog again.
const WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// Adds to the story's sources those of its loaded events it does not name.
fn add_sources(story: &mut Story, data: &crate::data::Data) {
    for id in story.steps.iter().flat_map(|s| &s.events) {
        let Some(source) = data
            .events
            .iter()
            .find(|e| &e.id == id)
            .and_then(|e| data.sources.get(e.source))
        else {
            continue;
        };
        if !story.sources.iter().any(|s| s.id == source.id) {
            story.sources.push(StorySource {
                id: source.id.clone(),
                title: source.title.clone().unwrap_or_default(),
            });
        }
    }
}

/// A file name for a story's title: its letters and digits, dashes between.
fn file_name_for(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "story.json".to_owned()
    } else {
        format!("{}.json", words.join("-"))
    }
}
