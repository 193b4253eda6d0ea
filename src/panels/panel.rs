//! The panels' common shape: each of the window's panels (map, timeline,
//! events list, detail card, article) draws from the same [`Frame`] and
//! returns what the user asked for as [`Action`]s; the app lays them out
//! and applies the actions. A new panel is one more [`Panel`].

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::model::action::Action;
use crate::model::derived::Derived;
use crate::model::view::ViewState;
use crate::model::visibility::Visible;

/// What every panel draws from in one frame.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    /// The loaded data.
    pub data: &'a Data,
    /// What is derived from it once (time index, positions, quoted spans).
    pub derived: &'a Derived,
    /// The view state.
    pub view: &'a ViewState,
    /// The events passing the filters and the time window.
    pub visible: &'a Visible,
    /// The overlays the user opened.
    pub overlays: &'a [Overlay],
    /// Where the events live (files or the shared store), what the role
    /// may do there.
    pub home: &'a crate::store::live::Home,
}

/// One panel of the window.
pub trait Panel {
    /// Draws the panel in `ui` and returns what the user asked for.
    fn show(&mut self, ui: &mut egui::Ui, frame: &Frame<'_>) -> Vec<Action>;
}
