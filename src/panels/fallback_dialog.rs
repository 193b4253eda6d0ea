//! The app's own file dialog, for where no desktop portal shows the
//! system's (see [`crate::chooser`]): the requests the chooser hands over
//! are shown one at a time in an `egui_file` dialog in the middle of the
//! window, with the formats it offers in a "Files of type" list under it.
//! The first one says, once, in a strip at the bottom of the window, why
//! the app's own dialog is used. The answer goes back to whoever asked,
//! as the system dialog's would.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use egui_file::{FileDialog, State};

use crate::chooser::{FileFilter, FileRequest, Mode, Pending};

/// The dialog window's id (its list of types is placed under it).
const DIALOG_ID: &str = "fallback_file_dialog";

/// The app's own file dialog and the requests waiting for it.
pub struct FallbackDialog {
    requests: Receiver<Pending>,
    waiting: VecDeque<Pending>,
    shown: Option<Shown>,
    /// Where the next dialog starts: the folder the last one ended in.
    folder: PathBuf,
    note: Note,
}

/// The note saying why the app's own dialog is used.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Note {
    /// No request has come yet.
    NotYet,
    /// Shown until dismissed.
    Showing(String),
    /// Said once; not again.
    Dismissed,
}

/// The request being answered and its dialog.
struct Shown {
    pending: Pending,
    dialog: FileDialog,
    /// The index of the chosen type in the request's filters.
    filter: usize,
}

impl FallbackDialog {
    /// A dialog for the requests arriving on `requests`, starting in the
    /// current folder.
    pub fn new(requests: Receiver<Pending>) -> Self {
        Self {
            requests,
            waiting: VecDeque::new(),
            shown: None,
            folder: std::env::current_dir().unwrap_or_default(),
            note: Note::NotYet,
        }
    }

    /// Starts the next dialog in `folder`.
    pub fn start_in(&mut self, folder: PathBuf) {
        self.folder = folder;
    }

    /// Whether a dialog is shown.
    pub fn is_open(&self) -> bool {
        self.shown.is_some()
    }

    /// Why the app's own dialog is used, while the note is shown.
    pub fn note(&self) -> Option<&str> {
        match &self.note {
            Note::Showing(text) => Some(text),
            Note::NotYet | Note::Dismissed => None,
        }
    }

    /// Takes the requests handed over, shows the first one's dialog, and
    /// answers it once the user picks or cancels.
    pub fn show(&mut self, ctx: &egui::Context) {
        self.waiting.extend(self.requests.try_iter());
        if self.shown.is_none()
            && let Some(pending) = self.waiting.pop_front()
        {
            if self.note == Note::NotYet {
                self.note = Note::Showing(format!(
                    "No desktop portal shows file dialogs here, so the app shows its own: {}.",
                    pending.why
                ));
            }
            let dialog = dialog_for(&pending.request, 0, &self.folder);
            self.shown = Some(Shown {
                pending,
                dialog,
                filter: 0,
            });
        }
        let Some(shown) = &mut self.shown else {
            return;
        };
        shown.dialog.show(ctx);
        match shown.dialog.state() {
            State::Open => {
                if let Some(filter) = types_list(ctx, shown) {
                    let folder = shown.dialog.directory().to_owned();
                    shown.dialog = dialog_for(&shown.pending.request, filter, &folder);
                    shown.filter = filter;
                }
            }
            State::Selected => {
                let paths = chosen(&shown.dialog);
                self.folder = shown.dialog.directory().to_owned();
                self.answer(paths);
            }
            State::Cancelled | State::Closed => self.answer(Vec::new()),
        }
    }

    /// Answers the request shown with `paths` and closes its dialog.
    fn answer(&mut self, paths: Vec<PathBuf>) {
        if let Some(shown) = self.shown.take() {
            shown.pending.answer(paths);
        }
    }

    /// The strip at the bottom of the window saying why the app's own
    /// dialog is used, until the user dismisses it.
    pub fn note_strip(&mut self, ui: &mut egui::Ui) {
        let Note::Showing(text) = &self.note else {
            return;
        };
        let mut dismissed = false;
        egui::Panel::bottom("file_dialog_note").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(text.as_str());
                dismissed = ui.button("Dismiss").clicked();
            });
        });
        if dismissed {
            self.note = Note::Dismissed;
        }
    }
}

/// The dialog for `request`, showing the files of its filter number
/// `filter` (any file when it offers none), opened in `folder`.
fn dialog_for(request: &FileRequest, filter: usize, folder: &Path) -> FileDialog {
    let dialog = match &request.mode {
        Mode::Open { many } => FileDialog::open_file().multi_select(*many),
        Mode::Save { file_name } => FileDialog::save_file().default_filename(file_name.clone()),
        Mode::Folder => FileDialog::select_folder(),
    };
    let dialog = dialog
        .id(egui::Id::unique(DIALOG_ID))
        .title(&request.title)
        .initial_path(folder)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, -24.0])
        .default_size([640.0, 420.0])
        .show_rename(false)
        .show_new_folder(!matches!(request.mode, Mode::Open { .. }));
    let mut dialog = match request.filters.get(filter).cloned() {
        None => dialog,
        Some(filter) => {
            let named = filter.clone();
            let dialog = dialog.show_files_filter(Box::new(move |path| filter.matches(path)));
            match request.mode {
                // A file to open must be of the type; a name to save under
                // is the user's.
                Mode::Open { .. } => dialog
                    .filename_filter(Box::new(move |name: &str| named.matches(Path::new(name)))),
                Mode::Save { .. } | Mode::Folder => dialog,
            }
        }
    };
    dialog.open();
    dialog
}

/// The paths picked in a dialog that was confirmed.
fn chosen(dialog: &FileDialog) -> Vec<PathBuf> {
    let many: Vec<PathBuf> = if dialog.has_multi_select() {
        dialog.selection().into_iter().map(Path::to_owned).collect()
    } else {
        Vec::new()
    };
    if many.is_empty() {
        dialog.path().map(Path::to_owned).into_iter().collect()
    } else {
        many
    }
}

/// The list of the types the dialog offers, under its window; the index
/// of a type the user chose.
fn types_list(ctx: &egui::Context, shown: &Shown) -> Option<usize> {
    let filters = &shown.pending.request.filters;
    if filters.is_empty() {
        return None;
    }
    let window = ctx.memory(|m| m.area_rect(egui::Id::unique(DIALOG_ID)))?;
    let mut chosen = shown.filter;
    egui::Area::new(egui::Id::unique("fallback_file_types"))
        .order(egui::Order::Foreground)
        .fixed_pos(window.left_bottom() + egui::vec2(0.0, 4.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_width(window.width() - 16.0);
                let current = filters.get(chosen).map(FileFilter::describe);
                egui::ComboBox::from_label("Files of type")
                    .selected_text(current.unwrap_or_default())
                    .width(window.width() - 140.0)
                    .show_ui(ui, |ui| {
                        for (i, filter) in filters.iter().enumerate() {
                            ui.selectable_value(&mut chosen, i, filter.describe());
                        }
                    });
            });
        });
    (chosen != shown.filter).then_some(chosen)
}
