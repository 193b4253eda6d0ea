//! The map legend: a small collapsible overlay in the map's top-right corner.

use egui::{Color32, Rect, Sense, Stroke, Ui, vec2};

use crate::data::Data;
use crate::data::vocabulary::{Symbol, Vocabulary};
use crate::ui_kit::palette::{Palette, country_fill, rgb};
use crate::ui_kit::symbols;

/// Shows the legend anchored to the map `rect`.
pub fn show(ui: &Ui, rect: Rect, data: &Data, kgz_tjk_km: Option<f64>, pal: &Palette) {
    egui::Area::new(area_id())
        .fixed_pos(rect.right_top() + vec2(-8.0, 8.0))
        .pivot(egui::Align2::RIGHT_TOP)
        .constrain_to(rect)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(270.0);
                egui::CollapsingHeader::new("Legend")
                    .default_open(false)
                    .show(ui, |ui| body(ui, data, kgz_tjk_km, pal));
            });
        });
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

fn swatch(ui: &mut Ui, text: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    ui.horizontal(|ui| {
        let (r, _) = ui.allocate_exact_size(vec2(22.0, 14.0), Sense::hover());
        paint(ui.painter(), r);
        ui.label(text);
    });
}

fn body(ui: &mut Ui, data: &Data, kgz_tjk_km: Option<f64>, pal: &Palette) {
    ui.spacing_mut().item_spacing.y = 2.0;
    ui.strong("Countries");
    for c in &data.geo.countries {
        let fill = country_fill(&c.iso3, pal.dark);
        swatch(ui, &c.name, |p, r| {
            p.rect(
                r,
                2.0,
                fill,
                Stroke::new(0.6, pal.outline),
                egui::StrokeKind::Inside,
            );
        });
    }
    let line = |color: Color32, width: f32| {
        move |p: &egui::Painter, r: Rect| {
            p.line_segment(
                [r.left_center(), r.right_center()],
                Stroke::new(width, color),
            );
        }
    };
    ui.strong("Lines and areas");
    let main = match kgz_tjk_km {
        Some(km) => format!("Kyrgyz–Tajik border (≈ {km:.0} km on this map)"),
        None => "Kyrgyz–Tajik border".to_owned(),
    };
    swatch(ui, &main, line(pal.border_main, 3.0));
    swatch(
        ui,
        "Other international borders",
        line(pal.border_other, 1.3),
    );
    swatch(ui, "Rivers, lakes", |p, r| {
        p.rect_filled(r.shrink(2.0), 2.0, pal.water);
    });
    swatch(ui, "Fergana Valley (approximate)", |p, r| {
        p.rect(
            r,
            0.0,
            pal.valley_fill,
            Stroke::new(1.0, pal.valley_stroke),
            egui::StrokeKind::Inside,
        );
    });
    events(ui, &data.vocabulary, pal);
}

/// The events part: one row per symbol in use, one per side.
fn events(ui: &mut Ui, vocabulary: &Vocabulary, pal: &Palette) {
    ui.strong("Events");
    let grey = rgb(crate::data::vocabulary::NEUTRAL);
    for symbol in Symbol::ALL {
        let names: Vec<&str> = vocabulary
            .categories
            .iter()
            .filter(|t| t.symbol == symbol && symbol != Symbol::Bubble)
            .map(|t| t.label.as_str())
            .collect();
        let text = match symbol {
            Symbol::Bubble => "Statement".to_owned(),
            Symbol::Ring if names.is_empty() => "Background (context)".to_owned(),
            _ if names.is_empty() => continue,
            _ => names.join(", "),
        };
        swatch(ui, &text, |p, r| {
            symbols::paint(p, symbol, r.center(), 6.0, grey, Stroke::new(1.0, pal.ink))
        });
    }
    for side in &vocabulary.sides {
        swatch(ui, &side.label, |p, r| {
            symbols::paint(
                p,
                Symbol::Circle,
                r.center(),
                6.0,
                rgb(side.colour),
                Stroke::new(1.0, pal.ink),
            );
        });
    }
    ui.label("Bigger symbol: more people killed.");
    swatch(
        ui,
        "Halo: how far off the place may be (to scale)",
        |p, r| {
            p.circle(
                r.center(),
                7.0,
                grey.gamma_multiply(0.25),
                Stroke::new(1.0, grey),
            );
        },
    );
}
