//! The app drawn for a picture rather than a window: the map alone with its
//! time window, legend, scale bar and credits, or the whole window; used by
//! image and animation export and by `--screenshot --map-only`.

use std::sync::Arc;

use super::App;
use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::model::action::Action;
use crate::model::camera::Camera;
use crate::model::view::ViewState;
pub use crate::output::requests::PictureKind;
use crate::panels::panel::Panel as _;
use crate::render::sequence::{Scene, Shot};
use crate::render::stamp;
use crate::start::StartOptions;
use crate::ui_kit::palette;

/// An app of its own that draws pictures: made on the thread that renders
/// them (its map is prepared there, in full detail), from the data, the
/// view and the overlays of the window it pictures.
pub struct Picture {
    app: App,
    kind: PictureKind,
    /// The camera the last shot asked for; while shots ask for the same
    /// one, the camera the map settled on (fitted to the picture) stays.
    asked: Option<Camera>,
}

impl Picture {
    /// A picture maker of `kind` on `data` with the user's `overlays`.
    pub fn new(data: Arc<Data>, overlays: Vec<Overlay>, kind: PictureKind) -> Self {
        let mut app = App::new(None, data, StartOptions::default());
        app.wait_for_full_map_detail();
        app.opened.overlays = overlays;
        Self {
            app,
            kind,
            asked: None,
        }
    }
}

impl Picture {
    /// A picture maker of `kind` started as the command line asks: its
    /// files opened and loaded, its view made from `opts`.
    pub fn from_start(data: Arc<Data>, opts: StartOptions, kind: PictureKind) -> Self {
        let mut app = App::new(None, data, opts);
        while app.opened.loader.busy() {
            app.receive_loaded();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        app.receive_loaded();
        app.wait_for_full_map_detail();
        Self {
            app,
            kind,
            asked: None,
        }
    }

    /// The view the picture maker started on.
    pub fn view(&self) -> &ViewState {
        &self.app.view
    }

    /// The data it draws, with the events of the files it opened.
    pub fn data(&self) -> &Arc<Data> {
        self.app.data()
    }

    /// The id `--select` named when no loaded event has it.
    pub fn missing_selection(&self) -> Option<&str> {
        self.app.missing_selection()
    }

    /// The problems of the files it opened, one line each.
    pub fn problems(&self) -> Vec<String> {
        self.app
            .opened
            .problems
            .iter()
            .map(crate::import::FileProblem::line)
            .collect()
    }
}

impl Scene for Picture {
    fn show(&mut self, ui: &mut egui::Ui, shot: &Shot) {
        let view = &shot.view;
        if crate::map::legend::fits_open(ui.max_rect().size()) {
            crate::map::legend::open_at_start(ui.ctx());
        }
        let camera = match self.asked {
            Some(asked) if asked == view.camera => self.app.view.camera,
            _ => view.camera,
        };
        self.asked = Some(view.camera);
        self.app.apply(Action::SetView(Box::new(ViewState {
            camera,
            ..view.clone()
        })));
        let rect = match self.kind {
            PictureKind::Map => self.app.show_map_picture(ui),
            PictureKind::Window => {
                self.app.show_window(ui);
                self.app.paint_credits(ui)
            }
        };
        if let Some(caption) = &shot.caption {
            let pal = palette::palette(ui.visuals().dark_mode);
            let layer =
                egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("picture_caption"));
            let top = ui.new_child(egui::UiBuilder::new().layer_id(layer).max_rect(rect));
            stamp::paint_caption(&top, rect, caption, &pal);
        }
    }
}

impl App {
    /// Draws the map alone over all of `ui`, with the time window and the
    /// credits on it; follows only the map's camera changes (fitting the
    /// region to the picture). Returns where the map is.
    fn show_map_picture(&mut self, ui: &mut egui::Ui) -> egui::Rect {
        ui.ctx().set_theme(self.egui_theme());
        let relief = self.map.draws_relief(&self.view);
        let visible = self.visible_events();
        let drawing = self.drawing(&visible);
        let (map, frame) = (drawing.map, &drawing.frame);
        let mut camera = None;
        let mut map_rect = ui.max_rect();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let rect = ui.max_rect();
            map_rect = rect;
            for action in map.show(ui, frame) {
                if let Action::SetCamera(c) = action {
                    camera = Some(c);
                }
            }
            let pal = palette::palette(ui.visuals().dark_mode);
            let credits = stamp::credits(frame.data, &visible.shown, relief);
            stamp::paint(ui, rect, frame.view.time.window, &credits, &pal);
        });
        if let Some(c) = camera {
            self.apply(Action::SetCamera(c));
        }
        map_rect
    }

    /// Paints the credits and the time window on the map of the window
    /// as last drawn. Returns where the map is.
    fn paint_credits(&mut self, ui: &mut egui::Ui) -> egui::Rect {
        let data = self.data.clone();
        let visible = self.visible_events();
        let relief = self.map.draws_relief(&self.view);
        let credits = stamp::credits(&data, &visible.shown, relief);
        let pal = palette::palette(ui.visuals().dark_mode);
        let rect = self.results.map_rect;
        let layer =
            egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("picture_credits"));
        let top = ui.new_child(egui::UiBuilder::new().layer_id(layer).max_rect(rect));
        stamp::paint(&top, rect, self.view.time.window, &credits, &pal);
        rect
    }
}
