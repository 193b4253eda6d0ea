//! The timeline panel.

use crate::action::Action;
use crate::data::Data;
use crate::view::ViewState;
use crate::visibility::Visible;

/// Draws the timeline.
pub fn show(ui: &mut egui::Ui, data: &Data, view: &ViewState, visible: &Visible) -> Vec<Action> {
    let _ = (ui, data, view, visible);
    Vec::new()
}
