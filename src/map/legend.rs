//! The map legend: a small collapsible overlay in the map's top-right
//! corner, holding each layer's rows (`MapLayer::legend`).

use egui::{Rect, Sense, Ui, vec2};

use super::layer::{LayerFrame, MapLayer};

/// Shows the legend anchored to the map `rect`, with the rows of `layers`.
pub fn show(ui: &Ui, layers: &[&dyn MapLayer], frame: &LayerFrame<'_>) {
    egui::Area::new(area_id())
        .fixed_pos(frame.rect.right_top() + vec2(-8.0, 8.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .constrain_to(frame.rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(270.0);
                egui::CollapsingHeader::new("Legend")
                    .default_open(opens_at_start(ui.ctx()))
                    .show(ui, |ui| {
                        // Never past the status strip at the map's foot: the rest scrolls.
                        let tallest = (frame.rect.height() - 112.0).max(80.0);
                        egui::ScrollArea::vertical()
                            .max_height(tallest)
                            .min_scrolled_height(tallest)
                            .show(ui, |ui| {
                                ui.spacing_mut().item_spacing.y = 2.0;
                                for layer in layers {
                                    layer.legend(ui, frame);
                                }
                            });
                    });
            });
        });
}

/// Makes the legend start open in `ctx` (pictures show it; the window
/// starts with it closed).
pub fn open_at_start(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(open_id(), true));
}

/// Whether a picture of a map this large shows the legend open: only where
/// it leaves most of the map in view.
pub fn fits_open(map_size: egui::Vec2) -> bool {
    map_size.x >= 900.0 && map_size.y >= 640.0
}

fn opens_at_start(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(open_id())).unwrap_or(false)
}

fn open_id() -> egui::Id {
    egui::Id::unique("map_legend_open_at_start")
}

/// The legend's area.
fn area_id() -> egui::Id {
    egui::Id::unique("map_legend")
}

/// Where the legend was last drawn, open or closed, so that place labels
/// keep out from under it.
pub fn last_rect(ctx: &egui::Context) -> Option<Rect> {
    ctx.memory(|m| m.area_rect(area_id()))
}

/// One legend row: a small picture painted by `paint`, then `text`.
pub fn swatch(ui: &mut Ui, text: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
        paint(ui.painter(), r);
        ui.add(egui::Label::new(text).wrap());
    });
}
