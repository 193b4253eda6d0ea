//! events_list panel.

use crate::action::Action;
use crate::data::Data;
use crate::view::ViewState;

/// Draws the panel.
pub fn show(
    ui: &mut egui::Ui,
    data: &Data,
    view: &ViewState,
    _visible: &crate::visibility::Visible,
) -> Vec<Action> {
    let _ = (ui, data, view);
    Vec::new()
}
