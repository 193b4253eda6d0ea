//! The menu bar: File, View and Help.

use crate::action::Action;
use crate::view::{Theme, Toggle, ViewState};

/// Which auxiliary windows are open (not saved between runs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Windows {
    /// The About / Sources window.
    pub about: bool,
    /// The Layers window (opened overlay layers).
    pub layers: bool,
    /// The table of events (a panel over the timeline).
    pub table: bool,
    /// The Export events window.
    pub export_events: bool,
    /// The Export image window.
    pub export_image: bool,
    /// The Export animation window.
    pub export_animation: bool,
}

/// Draws the menu bar and returns what the user chose.
pub fn show(
    ui: &mut egui::Ui,
    view: &ViewState,
    toggles: &[Toggle],
    windows: &mut Windows,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open…").clicked() {
                actions.push(Action::OpenFiles);
                ui.close();
            }
            ui.separator();
            for (open, name) in [
                (&mut windows.export_events, "Export events…"),
                (&mut windows.export_image, "Export image…"),
                (&mut windows.export_animation, "Export animation…"),
            ] {
                if ui.button(name).clicked() {
                    *open = true;
                    ui.close();
                }
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            for toggle in toggles {
                let mut shown = view.layers.shown(&toggle.id);
                if ui.checkbox(&mut shown, toggle.name.as_str()).changed() {
                    actions.push(Action::SetLayers(view.layers.with(&toggle.id, shown)));
                }
            }
            ui.separator();
            ui.checkbox(&mut windows.table, "Table of events");
            if ui.button("Layers…").clicked() {
                windows.layers = true;
                ui.close();
            }
            if ui.button("Fit map (F)").clicked() {
                actions.push(Action::FitMap);
            }
            let dark = view.theme == Theme::Dark;
            let label = if dark { "Light theme" } else { "Dark theme" };
            if ui.button(label).clicked() {
                actions.push(Action::SetTheme(if dark {
                    Theme::Light
                } else {
                    Theme::Dark
                }));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("About / Sources").clicked() {
                windows.about = true;
            }
        });
    });
    actions
}
