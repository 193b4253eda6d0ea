//! The name of the base map's area of interest (the Fergana Valley),
//! written over it above the halos, while the area itself lies in the base
//! layers' mesh under them.

use egui::Rect;

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::layers::base::BaseLayers;
use crate::model::action::Action;
use crate::model::view::layer_ids;

/// The name of the area of interest, written over it above the halos (the
/// base layers' mesh lies under them).
pub struct AreaLabel {
    /// Where the label goes on the map plane, and what it says.
    label: Option<([f64; 2], String)>,
}

impl AreaLabel {
    /// The label of the base map's area of interest, if it has one.
    pub fn of(base: &BaseLayers) -> Self {
        Self {
            label: base.area.as_ref().map(|(_, at, name)| (*at, name.clone())),
        }
    }
}

impl MapLayer for AreaLabel {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        Vec::new()
    }

    fn paint(
        &mut self,
        _ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        if frame.view.layers.shown(layer_ids::AREA)
            && let Some((at, name)) = &self.label
        {
            let pal = frame.palette;
            let r = crate::map::layers::places::paint_area_label(
                painter,
                frame.transform.apply(*at),
                name,
                pal.valley_stroke,
                pal.text_halo,
            );
            obstacles.push(r);
        }
        Vec::new()
    }
}
