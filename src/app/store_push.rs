//! Pushing a file into the shared store from the window (File → Push a
//! file into the database…): the files picked are read by the loader as
//! events, as an opened file is, then handed to the link's push
//! (`store::live::push_job`) instead of being shown; the push's window
//! (`panels/store/push.rs`) shows its progress and its Cancel.

use std::path::PathBuf;

use super::App;
use crate::data::events::Collection;
use crate::import::Want;
use crate::import::loader::file_name;

impl App {
    /// Asks the file dialog for files to push, unless it is open already.
    pub(super) fn pick_files_to_push(&mut self) {
        if self.store.push_picking.is_none() {
            self.store.push_picking = Some(self.dialog.pick_files());
        }
    }

    /// Starts reading the files picked for pushing, once the dialog closes.
    pub(super) fn receive_picked_to_push(&mut self, ctx: &egui::Context) {
        let Some(picking) = &self.store.push_picking else {
            return;
        };
        match picking.try_recv() {
            Ok(paths) => {
                self.store.push_picking = None;
                self.read_to_push(paths);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.store.push_picking = None,
        }
    }

    /// Reads `paths` as events, each to be pushed once read.
    fn read_to_push(&mut self, paths: Vec<PathBuf>) {
        for path in paths {
            self.store.to_push.push(file_name(&path));
            self.opened
                .loader
                .start(path, Want::Events, self.data.clone());
        }
    }

    /// Forgets that the file `name` was to be pushed (it could not be read).
    pub(super) fn forget_push(&mut self, name: &str) {
        if let Some(at) = self.store.to_push.iter().position(|n| n == name) {
            self.store.to_push.remove(at);
        }
    }

    /// Pushes the events read from the file `name` if they were read to be
    /// pushed (none returned then); else hands them back to be shown.
    pub(super) fn push_if_asked(&mut self, name: &str, events: Collection) -> Option<Collection> {
        let Some(at) = self.store.to_push.iter().position(|n| n == name) else {
            return Some(events);
        };
        self.store.to_push.remove(at);
        match self.home.live_mut() {
            Some(live) => live.push_file(name.to_owned(), events),
            None => self.report(
                name,
                vec![crate::diagnostic::Diagnostic::error(
                    "not pushed: the database was left before the file was read",
                )],
            ),
        }
        None
    }
}
