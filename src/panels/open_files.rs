//! The windows about opened files: the layers window, the loading strip
//! and the problems window.

use crate::data::geodata::overlay::Overlay;
use crate::import::FileProblem;
use crate::import::loader::Job;
use crate::model::action::Action;
use crate::model::view::LayerToggles;
use crate::ui_kit::palette::overlay_colour;

/// The "Layers" window: each overlay with a visibility checkbox, a zoom and
/// a remove button.
pub fn layers_window(
    ctx: &egui::Context,
    layers: &[Overlay],
    toggles: &LayerToggles,
    open: &mut bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Window::new("Layers")
        .open(open)
        .default_pos(ctx.content_rect().left_top() + egui::vec2(360.0, 60.0))
        .resizable(true)
        .default_width(320.0)
        .show(ctx, |ui| {
            if layers.is_empty() {
                ui.label("No layers opened. Use File > Open… or drop GeoJSON files here.");
            }
            for (i, layer) in layers.iter().enumerate() {
                ui.horizontal(|ui| {
                    let (swatch, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter().rect_filled(swatch, 2.0, overlay_colour(i));
                    let id = layer.layer_id();
                    let mut visible = toggles.shown(&id);
                    if ui.checkbox(&mut visible, &layer.name).changed() {
                        actions.push(Action::SetLayers(toggles.with(&id, visible)));
                    }
                    ui.label(format!("{} features", layer.features.len()));
                });
                ui.horizontal(|ui| {
                    if ui.button(format!("Zoom to {}", layer.name)).clicked() {
                        actions.push(Action::ZoomToOverlay(layer.id));
                    }
                    if ui.button(format!("Remove {}", layer.name)).clicked() {
                        actions.push(Action::RemoveOverlay(layer.id));
                    }
                });
                for warning in &layer.warnings {
                    ui.small(warning.in_file(&layer.name).to_string());
                }
                ui.separator();
            }
        });
    actions
}

/// The loading strip: one progress bar per file, with a Cancel button.
pub fn progress(ui: &mut egui::Ui, jobs: &[Job]) -> Vec<Action> {
    let mut actions = Vec::new();
    for (i, job) in jobs.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("Loading {}", job.name));
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelLoad(i));
            }
            ui.add(
                egui::ProgressBar::new(job.progress())
                    .show_percentage()
                    .desired_width(ui.available_width()),
            );
        });
    }
    actions
}

/// The "Problems opening files" window, shown while there are problems.
pub fn problems_window(ctx: &egui::Context, problems: &[FileProblem]) -> Vec<Action> {
    let mut actions = Vec::new();
    if problems.is_empty() {
        return actions;
    }
    egui::Window::new("Problems opening files")
        .resizable(true)
        .default_pos(ctx.content_rect().center() - egui::vec2(280.0, 120.0))
        .default_width(560.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(300.0)
                .show(ui, |ui| {
                    for problem in problems {
                        ui.label(egui::RichText::new(problem.line()).monospace());
                    }
                });
            if ui.button("Close").clicked() {
                actions.push(Action::CloseProblems);
            }
        });
    actions
}
