//! The map's extension point: a layer draws itself over the layers before
//! it, may answer a click, and says what it shows in the legend. The map
//! holds a list of layers in drawing order (`MapView::new`); a new kind of
//! layer is one more implementation of [`MapLayer`] added to that list.

use egui::{Pos2, Rect};

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::map::layers::marker_layout::Layout;
use crate::model::action::Action;
use crate::model::camera::ScreenTransform;
use crate::model::positions::EventPositions;
pub use crate::model::view::Toggle;
use crate::model::view::ViewState;
use crate::model::visibility::Visible;
use crate::panels::panel::Proposed;
use crate::ui_kit::palette::Palette;

/// What every layer draws from in one frame.
pub struct LayerFrame<'a> {
    /// The loaded data.
    pub data: &'a Data,
    /// The view state (camera, selection, toggles…).
    pub view: &'a ViewState,
    /// The events passing the filters and the time window.
    pub visible: &'a Visible,
    /// Every event's place on the map plane.
    pub positions: &'a EventPositions,
    /// The user's overlays.
    pub overlays: &'a [Overlay],
    /// From the map plane to the screen.
    pub transform: &'a ScreenTransform,
    /// The map's rectangle on screen.
    pub rect: Rect,
    /// The theme's map colours.
    pub palette: &'a Palette,
    /// Where the events' markers and clusters are drawn this frame.
    pub layout: &'a Layout,
    /// The proposals of the article under review.
    pub proposed: Proposed<'a>,
}

/// One layer of the map.
pub trait MapLayer: Send {
    /// The switches this layer has in the View menu (none: always drawn).
    fn toggles(&self, data: &Data, overlays: &[Overlay]) -> Vec<Toggle>;

    /// Draws the layer and returns what the user asked for through it (a
    /// screen reader's click on a marker). `obstacles` holds the screen
    /// areas labels should keep clear of; a layer adds what it drew there
    /// if later labels must avoid it.
    fn paint(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        obstacles: &mut Vec<Rect>,
    ) -> Vec<Action>;

    /// What a click at `pos` does, when it lands on something of this
    /// layer (the topmost layer that answers wins).
    fn hit(&self, _pos: Pos2, _frame: &LayerFrame<'_>) -> Option<Action> {
        None
    }

    /// Adds this layer's rows to the legend.
    fn legend(&self, _ui: &mut egui::Ui, _frame: &LayerFrame<'_>) {}
}
