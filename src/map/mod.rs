//! The map: camera, prepared layers, markers, labels.

pub mod camera;

use crate::action::Action;
use crate::data::Data;
use crate::data::geodata::GeoData;
use crate::view::ViewState;
use crate::visibility::Visible;

/// The map widget with its prepared (triangulated, simplified) layers.
pub struct MapView {}

impl MapView {
    /// Prepares the base layers once.
    pub fn new(geo: &GeoData) -> Self {
        let _ = geo;
        Self {}
    }

    /// Draws the map and returns what the user did.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        data: &Data,
        view: &ViewState,
        visible: &Visible,
    ) -> Vec<Action> {
        let _ = (ui, data, view, visible);
        Vec::new()
    }
}
