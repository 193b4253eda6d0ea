//! The shared store's windows: connecting to a database (`connect.rs`),
//! editing one of its events (`editor.rs`), settling a conflict with
//! another coder's change (`conflict.rs`), a file's push (`push.rs`), and
//! the server's last refusal.
//! They draw from the frame's [`Home`](crate::store::live::Home) and
//! their own state ([`StorePanels`]), and return actions.

pub mod conflict;
pub mod connect;
pub mod editor;
pub mod push;
pub mod values;

use crate::model::action::Action;
use crate::panels::panel::Frame;
use crate::store::live::Command;

/// Where the connection string last used is saved, without its password.
pub const STORAGE_KEY: &str = "border-incidents/store/last-connection";

/// What the store's windows remember between frames.
#[derive(Default)]
pub struct StorePanels {
    connect: connect::Dialog,
    editor: Option<editor::Editor>,
    choices: conflict::Choices,
}

impl StorePanels {
    /// The windows' state, with the dialog offering `remembered` (a
    /// connection string saved by the last run, without its password).
    pub fn new(remembered: Option<String>) -> Self {
        Self {
            connect: connect::Dialog::new(remembered),
            ..Self::default()
        }
    }

    /// The connection `--db` asked for at start is under way: the dialog
    /// shows it and closes once it is up.
    pub fn connecting_at_start(&mut self) {
        self.connect.wait();
    }

    /// Opens the editor on the store event `id`.
    pub fn open_editor(&mut self, id: &str) {
        self.editor = Some(editor::Editor::new(id));
    }

    /// Whether the editor is open, and on which event.
    pub fn editing(&self) -> Option<&str> {
        self.editor.as_ref().map(editor::Editor::event)
    }

    /// The connection string to save for the next run: the last one used,
    /// with its password left out.
    pub fn remembered(&self) -> Option<&str> {
        self.connect.remembered()
    }

    /// Draws the store's windows; `connect_open` is the connect dialog's
    /// switch (File → Connect to database…).
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        frame: &Frame<'_>,
        connect_open: &mut bool,
    ) -> Vec<Action> {
        let mut actions = self.connect.show(ctx, frame.home, connect_open);
        if let Some(editor) = &mut self.editor {
            let (asked, open) = editor.show(ctx, frame);
            actions.extend(asked);
            if !open {
                self.editor = None;
            }
        }
        if let Some(live) = frame.home.live() {
            if let Some(c) = live.conflict() {
                actions.extend(self.choices.show(ctx, c));
            }
            if let Some(notice) = live.notice() {
                actions.extend(refusal(ctx, notice));
            }
            if let Some(job) = live.push_job() {
                actions.extend(push::show(ctx, job));
            }
        }
        actions
    }
}

/// The server's last refusal, in its own words, until dismissed.
fn refusal(ctx: &egui::Context, notice: &str) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Window::new("Database")
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(notice);
            if ui.button("OK").clicked() {
                actions.push(Action::Store(Command::Dismiss));
            }
        });
    actions
}
