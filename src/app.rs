//! The eframe application: owns the loaded data and the view state, lays out
//! the panels, collects the actions the widgets return and applies them.

use std::path::PathBuf;
use std::sync::Arc;

use crate::action::Action;
use crate::data::Data;
use crate::data::overlay::Overlay;
use crate::diagnostic::Diagnostic;
use crate::file_dialog::{FileDialog, Picked, SystemDialog};
use crate::import::loader::{Loader, Outcome};
use crate::import::{FileProblem, Want};
use crate::map::MapInput;
use crate::model::positions::EventPositions;
use crate::model::visibility::VisibilityCache;
use crate::start::StartOptions;
use crate::view::{Theme, ViewState};

/// The files the user opened and those still loading.
#[derive(Default)]
pub struct OpenFiles {
    /// Files still loading.
    pub loader: Loader,
    /// Overlays, in the order opened (drawn in that order).
    pub overlays: Vec<Overlay>,
    /// Problems of the files opened, until the user closes the window.
    pub problems: Vec<FileProblem>,
}

/// The application.
pub struct App {
    data: Arc<Data>,
    view: ViewState,
    visibility: VisibilityCache,
    time_index: crate::model::event_index::TimeIndex,
    positions: EventPositions,
    /// Every source's quoted spans, made once per data.
    article_spans: crate::model::spans::SourceSpans,
    map: crate::map::MapView,
    windows: crate::menu::Windows,
    opened: OpenFiles,
    dialog: Box<dyn FileDialog>,
    picking: Option<Picked>,
    map_size: egui::Vec2,
}

impl App {
    /// Creates the app on loaded data, restoring the saved view when asked and
    /// when it can be read (a corrupt or old saved state falls back to defaults).
    pub fn new(storage: Option<&dyn eframe::Storage>, data: Arc<Data>, opts: StartOptions) -> Self {
        let map = crate::map::MapView::new(&data.geo);
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
        let mut app = Self {
            data,
            view,
            visibility: VisibilityCache::default(),
            time_index: Default::default(),
            positions: EventPositions::default(),
            article_spans: Default::default(),
            map,
            windows: crate::menu::Windows::default(),
            opened: OpenFiles::default(),
            dialog: Box::new(SystemDialog),
            picking: None,
            map_size: crate::view_defaults::DEFAULT_MAP_SIZE,
        };
        app.derive_from_data();
        app.open_files(opts.files, Want::Anything);
        app.open_files(opts.events, Want::Events);
        if let Some(id) = opts.select {
            app.apply(Action::Reveal {
                event_id: id,
                quote: 0,
            });
        }
        app
    }

    /// Uses `dialog` for File → Open… instead of the system file dialog.
    pub fn with_file_dialog(mut self, dialog: Box<dyn FileDialog>) -> Self {
        self.dialog = dialog;
        self
    }

    /// Starts loading `paths` in the background, as events when a file
    /// holds them, else as overlays (or, with [`Want::Events`], as events).
    pub fn open_files(&mut self, paths: Vec<PathBuf>, want: Want) {
        for path in paths {
            self.opened.loader.start(path, want, self.data.clone());
        }
    }

    /// The files opened and loading.
    pub fn opened(&self) -> &OpenFiles {
        &self.opened
    }

    /// The loaded data (with the events of opened events files).
    pub fn data(&self) -> &Arc<Data> {
        &self.data
    }

    /// Starts loading the files picked in the file dialog, once it closes.
    fn receive_picked(&mut self, ctx: &egui::Context) {
        let Some(picking) = &self.picking else {
            return;
        };
        match picking.try_recv() {
            Ok(paths) => {
                self.picking = None;
                self.open_files(paths, Want::Anything);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.picking = None,
        }
    }

    /// Takes in the files that finished loading.
    fn receive_loaded(&mut self) {
        for outcome in self.opened.loader.poll() {
            match outcome {
                Outcome::Overlay(overlay) => {
                    self.report(&overlay.name, overlay.warnings.clone());
                    self.opened.overlays.push(*overlay);
                    self.windows.layers = true;
                }
                Outcome::Events { name, loaded } => {
                    self.report(&name, loaded.diagnostics);
                    if let Some(collection) = loaded.collection {
                        self.add_events(&name, collection);
                    }
                }
                Outcome::Failed { name, diagnostics } => self.report(&name, diagnostics),
                Outcome::Cancelled { .. } => {}
            }
        }
    }

    /// Lists the problems of the file `name` in the Problems window.
    fn report(&mut self, name: &str, diagnostics: Vec<Diagnostic>) {
        self.opened
            .problems
            .extend(diagnostics.into_iter().map(|diagnostic| FileProblem {
                file: name.to_owned(),
                diagnostic,
            }));
    }

    /// Rebuilds what is derived from the data once: the time index, the
    /// events' map positions, the article's quoted spans; and forgets which
    /// events were visible.
    fn derive_from_data(&mut self) {
        self.time_index = crate::model::event_index::TimeIndex::new(&self.data);
        self.positions = EventPositions::new(&self.data.events);
        self.article_spans = crate::model::spans::SourceSpans::new(&self.data);
        self.visibility = VisibilityCache::default();
    }

    /// Adds an opened file's events and sources, unless an id clashes, and
    /// rebuilds what depends on them.
    fn add_events(&mut self, name: &str, collection: crate::data::events::Collection) {
        let mut merged = (*self.data).clone();
        match merged.add(collection) {
            Ok(()) => {
                self.data = Arc::new(merged);
                self.derive_from_data();
            }
            Err(message) => self.report(name, vec![Diagnostic::error(message)]),
        }
    }

    /// A camera fitting the overlay with this id into the map.
    fn camera_for_overlay(&self, id: u64) -> Option<crate::model::camera::Camera> {
        let overlay = self.opened.overlays.iter().find(|o| o.id == id)?;
        let bounds = overlay.bounds?;
        let mut bbox = crate::model::camera::KmBox::EMPTY;
        bbox.add(crate::model::camera::project(
            bounds.min().x,
            bounds.min().y,
        ));
        bbox.add(crate::model::camera::project(
            bounds.max().x,
            bounds.max().y,
        ));
        Some(crate::model::camera::Camera::fit(
            &bbox,
            self.map_size,
            crate::map::FIT_MARGIN,
        ))
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

    /// Number of events shown (passing the filters and overlapping the window).
    pub fn visible_count(&mut self) -> usize {
        self.visibility
            .get(&self.data, &self.time_index, &self.view)
            .shown
            .len()
    }

    /// Applies one action to the view state.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Select(id) => {
                self.view.selection = id;
                self.view.reading = None;
            }
            Action::Reveal { event_id, quote } => {
                self.view.reading = None;
                let serial = self.view.reveal.as_ref().map_or(1, |r| r.serial + 1);
                self.view.selection = Some(event_id.clone());
                self.view.reveal = Some(crate::view::Reveal {
                    event_id,
                    quote,
                    serial,
                });
            }
            Action::SetCamera(camera) => self.view.camera = camera,
            Action::FitMap => self.view.camera = self.map.fit_camera(),
            Action::SetFilters(filters) => self.view.filters = filters,
            Action::SetLayers(layers) => self.view.layers = layers,
            Action::SetTime(time) => self.view.time = time,
            Action::SetTheme(theme) => self.view.theme = theme,
            Action::ShowSource(id) => self.view.reading = id,
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
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.ctx().set_theme(self.egui_theme());
        let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        self.open_files(dropped, Want::Anything);
        self.receive_picked(ui.ctx());
        self.receive_loaded();
        let mut actions: Vec<Action> = Vec::new();
        if self.opened.loader.busy() {
            ui.ctx().request_repaint();
            egui::Panel::bottom("loading").show(ui, |ui| {
                actions.extend(crate::panels::open_files::progress(
                    ui,
                    self.opened.loader.jobs(),
                ));
            });
        }
        let data = self.data.clone();
        let visible = self.visibility.get(&data, &self.time_index, &self.view);
        egui::Panel::top("menu_bar").show(ui, |ui| {
            let layer_list = self.map.layer_list();
            actions.extend(crate::menu::show(
                ui,
                &self.view,
                &layer_list,
                &mut self.windows,
            ));
        });
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                actions.extend(crate::timeline::show(
                    ui,
                    &data,
                    &self.time_index,
                    &self.view,
                    &visible,
                ));
            });
        egui::Panel::left("events_list")
            .resizable(true)
            .default_size(330.0)
            .show(ui, |ui| {
                actions.extend(crate::panels::events_list::show(
                    ui, &data, &self.view, &visible,
                ));
            });
        egui::Panel::right("details_and_article")
            .resizable(true)
            .default_size(400.0)
            .show(ui, |ui| {
                // The card over the article, with a divider the user can drag
                // while something is selected; a one-line hint otherwise.
                let height = ui.available_height();
                let card = if self.view.selection.is_some() {
                    egui::Panel::top("details")
                        .resizable(true)
                        .default_size(height * 0.65)
                        .min_size(120.0)
                        .max_size((height - 160.0).max(120.0))
                } else {
                    egui::Panel::top("details_empty").resizable(false)
                };
                card.show(ui, |ui| {
                    actions.extend(crate::panels::details::show(ui, &data, &self.view));
                });
                egui::CentralPanel::default().show(ui, |ui| {
                    let selected = self
                        .view
                        .selection
                        .as_deref()
                        .and_then(|id| self.time_index.event_with_id(id));
                    actions.extend(crate::panels::article::show(
                        ui,
                        &data,
                        &self.article_spans,
                        selected,
                        &self.view,
                    ));
                });
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let rect = ui.max_rect();
            self.map_size = rect.size();
            let input = MapInput {
                data: &data,
                positions: &self.positions,
                view: &self.view,
                visible: &visible,
                overlays: &self.opened.overlays,
            };
            actions.extend(self.map.show(ui, &input));
        });
        actions.extend(crate::panels::open_files::layers_window(
            ui.ctx(),
            &self.opened.overlays,
            &self.view.layers,
            &mut self.windows.layers,
        ));
        actions.extend(crate::panels::open_files::problems_window(
            ui.ctx(),
            &self.opened.problems,
        ));
        crate::panels::about::show(ui.ctx(), &data, &mut self.windows.about);
        actions.extend(crate::shortcuts::read(ui.ctx(), &self.view));
        for action in actions {
            self.apply(action);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, crate::start::STORAGE_KEY, &self.view);
    }
}
