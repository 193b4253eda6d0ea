//! The eframe application: owns the loaded data and the view state, lays
//! out the panels (`layout.rs`) from one frame's input (`frame.rs`),
//! collects the actions they return and applies them in one place
//! ([`App::apply`], the only code that changes the view state); opened
//! files are in `files.rs`, coding an article in `coding.rs`, the shared
//! store in `store.rs`, stories in `story/`.

mod coding;
pub mod export_jobs;
mod files;
mod frame;
mod layout;
pub mod picture;
mod results;
mod store;
mod store_push;
mod store_view;
mod story;
mod views;

use std::sync::Arc;

pub use files::OpenFiles;

use crate::chooser::{Chooser, Portal};
use crate::data::Data;
use crate::file_dialog::{FileDialog, Picked, SystemDialog};
use crate::import::Want;
use crate::model::action::Action;
use crate::model::derived::Derived;
use crate::model::view::{Theme, ViewState};
use crate::model::visibility::VisibilityCache;
use crate::output::dialog::SystemSaveDialog;
use crate::panels::fallback_dialog::FallbackDialog;
use crate::start::StartOptions;

/// The application.
pub struct App {
    data: Arc<Data>,
    view: ViewState,
    visibility: VisibilityCache,
    /// What is derived from the data once per data.
    derived: Derived,
    map: crate::map::MapView,
    windows: crate::menu::Windows,
    opened: OpenFiles,
    dialog: Box<dyn FileDialog>,
    picking: Option<Picked>,
    /// The app's own file dialog, for where no desktop portal answers.
    fallback: crate::panels::fallback_dialog::FallbackDialog,
    map_size: egui::Vec2,
    /// Coding an article: the session under review and all around it.
    workspace: crate::coding::Workspace,
    /// The file dialogs coding waits for.
    coding_dialogs: coding::Dialogs,
    /// The review panel's own state.
    review: crate::panels::review::Review,
    /// The open story, its editor and the first-start offer.
    story: crate::story::session::Session,
    results: results::Results,
    /// Saving and opening view files.
    views: views::Views,
    /// Where the events shown live: files, or the shared store.
    home: crate::store::live::Home,
    /// The files' data kept while the store's is shown, and the waker.
    store: store::StoreState,
    /// The store's windows: connecting, the editor, conflicts.
    store_panels: crate::panels::store::StorePanels,
}

impl App {
    /// Creates the app on loaded data, restoring the saved view when asked and
    /// when it can be read (a corrupt or old saved state falls back to defaults).
    pub fn new(storage: Option<&dyn eframe::Storage>, data: Arc<Data>, opts: StartOptions) -> Self {
        let map = crate::map::MapView::new(&data);
        Self::with_map(storage, data, map, opts)
    }

    /// Creates the app as [`App::new`] does, on a map already prepared for
    /// `data` (see [`crate::map::preparing`]).
    pub fn with_map(
        storage: Option<&dyn eframe::Storage>,
        data: Arc<Data>,
        map: crate::map::MapView,
        opts: StartOptions,
    ) -> Self {
        let view = crate::start::first_view(storage, &data, &opts);
        let (chooser, requests) = Chooser::new(Portal::System);
        let mut app = Self {
            data,
            view,
            visibility: VisibilityCache::default(),
            derived: Derived::default(),
            map,
            windows: crate::menu::Windows::default(),
            opened: OpenFiles::default(),
            dialog: Box::new(SystemDialog::new(chooser.clone())),
            picking: None,
            fallback: FallbackDialog::new(requests),
            map_size: crate::model::view_defaults::DEFAULT_MAP_SIZE,
            workspace: crate::coding::Workspace::default(),
            coding_dialogs: coding::Dialogs::default(),
            review: crate::panels::review::Review::default(),
            story: crate::story::session::Session::new(
                storage.and_then(|s| eframe::get_value(s, crate::story::session::STORAGE_KEY)),
                storage.is_some(),
            ),
            results: results::Results::new(Box::new(SystemSaveDialog::new(chooser))),
            views: views::Views::default(),
            home: crate::store::live::Home::default(),
            store: store::StoreState::default(),
            store_panels: crate::panels::store::StorePanels::new(
                storage.and_then(|s| s.get_string(crate::panels::store::STORAGE_KEY)),
            ),
        };
        app.derive_from_data();
        app.store.connect_at_start = opts.db.clone();
        app.open_files(opts.files, Want::Anything);
        app.open_files(opts.events, Want::Events);
        if let Some(path) = opts.view {
            if app.opened.loader.busy() {
                app.views.after_loading = Some(path);
            } else {
                app.open_view_file(&path);
            }
        }
        if let Some(id) = opts.select {
            if app.opened.loader.busy() {
                app.opened.select_after_loading = Some(id);
            } else {
                app.select_at_start(id);
            }
        }
        app
    }

    /// Makes the map's large marker layouts with `runner` instead of a
    /// thread of its own.
    pub fn with_layout_runner(
        mut self,
        runner: Box<dyn crate::map::layers::layout_job::LayoutRunner>,
    ) -> Self {
        self.map.set_layout_runner(runner);
        self
    }

    /// Uses `dialog` for File → Open… instead of the system file dialog.
    pub fn with_file_dialog(mut self, dialog: Box<dyn FileDialog>) -> Self {
        self.dialog = dialog;
        self
    }

    /// Shows every file dialog through `portal` (the system dialog when it
    /// answers, else the app's own), starting in `folder`: as the app
    /// does, with the answer of the portal given (tests).
    pub fn with_portal(mut self, portal: Portal, folder: std::path::PathBuf) -> Self {
        let (chooser, requests) = Chooser::new(portal);
        self.dialog = Box::new(SystemDialog::new(chooser.clone()));
        self.results = results::Results::new(Box::new(SystemSaveDialog::new(chooser)));
        self.fallback = FallbackDialog::new(requests);
        self.fallback.start_in(folder);
        self
    }

    /// The app's own file dialog: whether it is open, and the note
    /// saying why it is used.
    pub fn fallback_dialog(&self) -> &FallbackDialog {
        &self.fallback
    }

    /// The loaded data (with the events of opened events files).
    pub fn data(&self) -> &Arc<Data> {
        &self.data
    }

    /// Rebuilds what is derived from the data once: the time index, the
    /// events' map positions, the sources' quoted spans; and forgets which
    /// events were visible.
    fn derive_from_data(&mut self) {
        self.derived = Derived::new(&self.data);
        self.visibility = VisibilityCache::default();
    }

    /// The events the view's filters and time window show (recomputed only
    /// when they or the data change).
    fn visible_events(&mut self) -> std::sync::Arc<crate::model::visibility::Visible> {
        self.visibility.get(
            &self.data,
            &self.derived.index,
            &self.view.filters,
            self.view.time.window,
        )
    }

    /// The current view state.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// Takes from eframe's creation context what the app needs before its
    /// first frame: the context is given the view's theme, so that the first
    /// frame is drawn in it (and not once in egui's default theme first);
    /// and when eframe draws with wgpu, the map's base layers are kept on the
    /// GPU, so that frames do not copy their vertices. Without a wgpu
    /// renderer the map is drawn through egui.
    pub fn started_in(mut self, cc: &eframe::CreationContext<'_>) -> Self {
        cc.egui_ctx.set_theme(self.egui_theme());
        if let Some(state) = &cc.wgpu_render_state {
            self.draw_map_on_gpu(state.target_format);
        }
        self
    }

    /// The view's theme, as egui names it.
    fn egui_theme(&self) -> egui::Theme {
        match self.view.theme {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        }
    }

    /// Keeps the map's base layers on the GPU, drawn into frames of `format`.
    pub fn draw_map_on_gpu(&mut self, format: crate::map::gpu_mesh::TargetFormat) {
        self.map.draw_on_gpu(format);
    }

    /// Waits until the map has its full level of detail.
    pub fn wait_for_full_map_detail(&mut self) {
        self.map.wait_for_full_detail();
    }

    /// Whether the map is drawn at the detail the current zoom calls for
    /// (the full level, prepared after the first frame, is needed only when
    /// zoomed in).
    pub fn map_in_full_detail(&self) -> bool {
        self.map.is_drawn_in_full(&self.view.camera)
    }

    /// Whether the map is making a marker layout that it will show once
    /// ready (meanwhile it shows the last one).
    pub fn map_layout_pending(&self) -> bool {
        self.map.layout_pending()
    }

    /// Number of events shown (passing the filters and overlapping the window).
    pub fn visible_count(&mut self) -> usize {
        self.visible_events().shown.len()
    }

    /// Selects `event_id` and asks the widgets to show it (the map and the
    /// timeline only when `pan`), scrolling the article to its `quote`.
    fn reveal(&mut self, event_id: String, quote: usize, pan: bool) {
        self.view.reading = None;
        let serial = self.view.reveal.as_ref().map_or(1, |r| r.serial + 1);
        self.view.selection = Some(event_id.clone());
        self.view.reveal = Some(crate::model::view::Reveal {
            event_id,
            quote,
            serial,
            pan,
        });
    }

    /// Applies one action: the one place the view state changes. Widgets
    /// return actions; the app's own moves (a story's glide, a coded
    /// article opened, a picture's shot) are actions too.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Select(id) => {
                self.view.selection = id;
                self.view.reading = None;
            }
            Action::Reveal { event_id, quote } => self.reveal(event_id, quote, true),
            Action::RevealInPlace(event_id) => self.reveal(event_id, 0, false),
            Action::FocusTime { from, to, focus } => {
                let serial = self.view.time_focus.as_ref().map_or(1, |f| f.serial + 1);
                let focus = crate::model::view::TimeFocus {
                    from,
                    to,
                    focus,
                    serial,
                };
                self.view.time_focus = Some(focus);
            }
            Action::SetCamera(camera) => self.view.camera = camera,
            Action::SetView(view) => self.view = *view,
            Action::FitMap => self.view.camera = self.map.fit_camera(),
            Action::SetFilters(filters) => self.view.filters = filters,
            Action::SetLayers(layers) => self.view.layers = layers,
            Action::SetTime(time) => self.view.time = time,
            Action::SetTheme(theme) => self.view.theme = theme,
            Action::SetNames(names) => self.view.names = names,
            Action::ShowSource(id) => self.view.reading = id,
            Action::SaveView => self.ask_where_to_save_view(),
            Action::OpenFiles => {
                if self.picking.is_none() {
                    self.picking = Some(self.dialog.pick_files());
                }
            }
            Action::RemoveOverlay(id) => self.opened.overlays.retain(|o| o.id != id),
            Action::ZoomToOverlay(id) => {
                if let Some(camera) = self.camera_for_overlay(id) {
                    self.view.camera = camera;
                }
            }
            Action::CancelLoad(i) => {
                if let Some(job) = self.opened.loader.jobs().get(i) {
                    job.cancel();
                }
            }
            Action::CloseProblems => self.opened.problems.clear(),
            Action::Coding(command) => self.apply_coding(command),
            Action::SetPickingPlace(on) => self.view.picking_place = on,
            Action::PickedPoint { lon, lat } => {
                self.view.picking_place = false;
                self.apply_picked_point(lon, lat);
            }
            Action::Story(action) => self.apply_story(action),
            Action::Export(_) | Action::CancelExport | Action::DismissExport => {
                self.apply_export(action);
            }
            Action::Store(command) => self.apply_store(command),
        }
    }
}
