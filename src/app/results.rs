//! The app's state for results going out: the events table, the export
//! windows, where the user is choosing to save, and the export running on
//! a thread; and how they are drawn and polled each frame.

use std::path::PathBuf;
use std::sync::Arc;

use super::App;
use super::export_jobs::{self, ExportInput};
use crate::data::Data;
use crate::menu::Windows;
use crate::model::action::Action;
use crate::output::dialog::{Chosen, SaveDialog, SaveRequest};
use crate::output::job::{Job, Outcome};
use crate::output::requests::{AnimationFormat, ExportRequest};
use crate::panels::export_dialogs::{self, ExportForms};
use crate::panels::panel::{Frame, Panel as _};
use crate::panels::table::TablePanel;

/// What the app keeps for the table and the exports.
pub struct Results {
    /// Where the map was last drawn in the window.
    pub map_rect: egui::Rect,
    /// The table of events.
    table: TablePanel,
    /// The export windows' fields.
    forms: ExportForms,
    /// Asks where to save.
    dialog: Box<dyn SaveDialog>,
    /// The export waiting for the user to choose where to save it.
    asking: Option<(Chosen, ExportRequest)>,
    /// The export running.
    job: Option<Job>,
    /// How the last export ended, until the user closes the note.
    notice: Option<Outcome>,
}

impl Results {
    /// Nothing exported yet; `dialog` asks where to save.
    pub fn new(dialog: Box<dyn SaveDialog>) -> Self {
        Self {
            map_rect: egui::Rect::NOTHING,
            table: TablePanel::default(),
            forms: ExportForms::default(),
            dialog,
            asking: None,
            job: None,
            notice: None,
        }
    }

    /// Whether an export is running.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }
}

/// Draws the table (when open, as a panel over the timeline), the export
/// windows and the export strip; returns what the user asked for.
pub(super) fn show(
    results: &mut Results,
    windows: &mut Windows,
    ui: &mut egui::Ui,
    frame: &Frame<'_>,
    data: &Arc<Data>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if results.job.is_some() || results.notice.is_some() {
        egui::Panel::bottom("export_status").show(ui, |ui| {
            actions.extend(export_dialogs::status(
                ui,
                results.job.as_ref(),
                results.notice.as_ref(),
            ));
        });
    }
    if windows.table {
        results.table.set_data(data);
        egui::Panel::bottom("events_table")
            .resizable(true)
            .default_size(260.0)
            .min_size(120.0)
            .show(ui, |ui| actions.extend(results.table.show(ui, frame)));
    }
    let ctx = ui.ctx().clone();
    let forms = &mut results.forms;
    actions.extend(export_dialogs::events_window(
        &ctx,
        &mut windows.export_events,
        &mut forms.events,
        frame.visible.shown.len(),
    ));
    let map_size = results.map_rect.size();
    actions.extend(export_dialogs::image_window(
        &ctx,
        &mut windows.export_image,
        &mut forms.image,
        ctx.content_rect().size(),
        map_size,
    ));
    actions.extend(export_dialogs::animation_window(
        &ctx,
        &mut windows.export_animation,
        &mut forms.animation,
        frame.view,
        map_size,
    ));
    actions
}

impl App {
    /// Uses `dialog` to ask where exports are saved instead of the system
    /// file dialog.
    pub fn with_save_dialog(mut self, dialog: Box<dyn SaveDialog>) -> Self {
        self.results.dialog = dialog;
        self
    }

    /// Whether an export is running.
    pub fn exporting(&self) -> bool {
        self.results.busy()
    }

    /// How the last export ended, until the user closes the note.
    pub fn export_outcome(&self) -> Option<&Outcome> {
        self.results.notice.as_ref()
    }

    /// Asks where to save `request` (unless an export is running).
    pub(super) fn ask_where_to_export(&mut self, request: ExportRequest) {
        if self.results.busy() || self.results.asking.is_some() {
            return;
        }
        let ask = save_request(&request);
        let chosen = self.results.dialog.save(&ask);
        self.results.asking = Some((chosen, request));
    }

    /// Starts the export once its path is chosen, and takes in how a
    /// running export ended; keeps frames coming meanwhile.
    pub(super) fn poll_exports(&mut self, ctx: &egui::Context) {
        if let Some((chosen, _)) = &self.results.asking {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            match chosen.try_recv() {
                Ok(Some(path)) => {
                    if let Some((_, request)) = self.results.asking.take() {
                        self.start_export(request, path);
                    }
                }
                Ok(None) | Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.results.asking = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        if let Some(job) = &mut self.results.job {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            if let Some(outcome) = job.poll() {
                self.results.notice = Some(outcome.clone());
                self.results.job = None;
            }
        }
    }

    fn start_export(&mut self, request: ExportRequest, path: PathBuf) {
        let shown = self.visible_events().shown.to_vec();
        let input = ExportInput {
            data: self.data.clone(),
            shown,
            view: self.view.clone(),
            overlays: self.opened.overlays.clone(),
        };
        self.results.notice = None;
        self.results.job = Some(export_jobs::start(request, input, path));
    }

    /// Applies the export actions.
    pub(super) fn apply_export(&mut self, action: Action) {
        match action {
            Action::Export(request) => self.ask_where_to_export(request),
            Action::CancelExport => {
                if let Some(job) = &self.results.job {
                    job.cancel();
                }
            }
            Action::DismissExport => self.results.notice = None,
            _ => {}
        }
    }
}

/// What the save dialog proposes for `request`.
fn save_request(request: &ExportRequest) -> SaveRequest {
    let (title, name, filter) = match request {
        ExportRequest::Events(format) => (
            "Export events",
            format!("events.{}", format.extension()),
            Some((
                format.label().to_owned(),
                vec![format.extension().to_owned()],
            )),
        ),
        ExportRequest::Image { .. } => (
            "Export image",
            "map.png".to_owned(),
            Some(("PNG image".to_owned(), vec!["png".to_owned()])),
        ),
        ExportRequest::Animation { format, .. } => (
            "Export animation",
            match format.extension() {
                Some(ext) => format!("playback.{ext}"),
                None => "playback-frames".to_owned(),
            },
            format
                .extension()
                .map(|ext| (format.label().to_owned(), vec![ext.to_owned()])),
        ),
    };
    let folder = matches!(
        request,
        ExportRequest::Animation {
            format: AnimationFormat::PngFrames,
            ..
        }
    );
    SaveRequest {
        title: title.to_owned(),
        file_name: name,
        filter,
        folder,
    }
}
