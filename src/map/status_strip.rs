//! The scale bar and the status strip: where the events live (files
//! opened, or the shared store, its role, offline) and the cursor's
//! coordinates.

use egui::{Align2, FontId, Rect, Stroke, Ui, pos2, vec2};

use crate::model::camera::{Camera, Projection};
use crate::ui_kit::palette::Palette;

/// The longest scale bar, in points.
const MAX_BAR: f32 = 140.0;

/// The largest round distance (1, 2 or 5 × 10ⁿ km) whose bar fits in `max_points`.
pub fn scale_km(points_per_km: f64, max_points: f64) -> f64 {
    let max_km = max_points / points_per_km;
    let mut step = 10f64.powf(max_km.log10().floor());
    for m in [5.0, 2.0] {
        if step * m <= max_km {
            step *= m;
            break;
        }
    }
    step
}

/// How a distance reads on the scale bar.
pub fn format_km(km: f64) -> String {
    if km >= 1.0 {
        format!("{km:.0} km")
    } else {
        format!("{:.0} m", km * 1000.0)
    }
}

/// Labels an overlay element for screen readers and tests.
fn accessible(ui: &Ui, rect: Rect, id: &str, label: String) {
    let resp = ui.interact(
        rect,
        egui::Id::unique(("map_overlay", id)),
        egui::Sense::hover(),
    );
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label.clone()));
}

/// The status strip along the bottom of the map (place labels keep out).
pub fn strip_rect(map: Rect) -> Rect {
    Rect::from_min_max(pos2(map.left(), map.bottom() - 22.0), map.right_bottom())
}

/// Draws the scale bar and the status strip at the bottom of the map, with
/// `note` (where the events live; a warning when offline) after the bar.
pub fn show(
    ui: &Ui,
    rect: Rect,
    proj: &Projection,
    camera: &Camera,
    pal: &Palette,
    note: Option<(&str, bool)>,
) {
    let p = ui.painter_at(rect);
    let strip = strip_rect(rect);
    p.rect_filled(strip, 0.0, pal.text_halo);
    let font = FontId::proportional(12.0);
    let bar = scale_bar(ui, strip, camera, pal);
    let bar = match note {
        Some((text, warn)) => {
            let colour = if warn {
                ui.visuals().warn_fg_color
            } else {
                pal.ink
            };
            let shown = show_note(ui, strip, bar.right() + 16.0, text, colour);
            Rect::from_min_max(bar.min, pos2(shown.right(), bar.bottom()))
        }
        None => bar,
    };

    let cursor = ui
        .input(|i| i.pointer.hover_pos())
        .filter(|pos| rect.contains(*pos))
        .map(|pos| camera.to_lonlat(proj, rect, pos));
    let coords = match cursor {
        Some([lon, lat]) => {
            let mut text = format!(
                "{:.4}° {}, {:.4}° {}",
                lat.abs(),
                if lat >= 0.0 { "N" } else { "S" },
                lon.abs(),
                if lon >= 0.0 { "E" } else { "W" }
            );
            if let Some(m) = crate::ui_kit::format::elevation_at(lon, lat) {
                text.push_str(&format!(" · {m}"));
            }
            text
        }
        None => "—".to_owned(),
    };
    let text = format!("Cursor: {coords}");
    // In a narrow map the words go first, then the whole reading, so that
    // nothing is drawn over the scale bar.
    let room = strip.right() - 10.0 - (bar.right() + 12.0);
    let shown = [text.as_str(), coords.as_str()]
        .into_iter()
        .map(|t| p.layout_no_wrap(t.to_owned(), font.clone(), pal.ink))
        .find(|g| g.size().x <= room);
    let anchor = strip.right_center() - vec2(10.0, 0.0);
    let r = match shown {
        Some(galley) => {
            let r = Align2::RIGHT_CENTER.anchor_size(anchor, galley.size());
            p.galley(r.min, galley, pal.ink);
            r
        }
        None => Rect::from_min_max(pos2(bar.right(), strip.top()), strip.max),
    };
    accessible(ui, r, "cursor_coords", text);
}

/// Draws the scale bar at the strip's left; returns where it is.
fn scale_bar(ui: &Ui, strip: Rect, camera: &Camera, pal: &Palette) -> Rect {
    let p = ui.painter_at(strip);
    let font = FontId::proportional(12.0);
    let km = scale_km(camera.points_per_km, f64::from(MAX_BAR));
    let len = (km * camera.points_per_km) as f32;
    let y = strip.center().y + 3.0;
    let x0 = strip.left() + 10.0;
    let stroke = Stroke::new(2.0, pal.ink);
    p.line_segment([pos2(x0, y), pos2(x0 + len, y)], stroke);
    p.line_segment([pos2(x0, y - 6.0), pos2(x0, y)], stroke);
    p.line_segment([pos2(x0 + len, y - 6.0), pos2(x0 + len, y)], stroke);
    let text = format_km(km);
    let text_rect = p.text(
        pos2(x0 + len + 6.0, strip.center().y),
        Align2::LEFT_CENTER,
        &text,
        font,
        pal.ink,
    );
    let bar = Rect::from_min_max(
        pos2(x0, strip.top()),
        pos2(text_rect.right(), strip.bottom()),
    );
    accessible(ui, bar, "scale_bar", format!("Scale: {text}"));
    bar
}

/// Paints the note from `left`, cut with an ellipsis where the strip
/// ends; returns where it is.
fn show_note(ui: &Ui, strip: Rect, left: f32, text: &str, colour: egui::Color32) -> Rect {
    let mut job = egui::text::LayoutJob::simple_singleline(
        text.to_owned(),
        FontId::proportional(12.0),
        colour,
    );
    job.wrap = egui::text::TextWrapping {
        max_width: (strip.right() - 10.0 - left).max(0.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let r = Align2::LEFT_CENTER.anchor_size(pos2(left, strip.center().y), galley.size());
    ui.painter_at(strip).galley(r.min, galley, colour);
    accessible(ui, r, "where_events", format!("Events from: {text}"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_is_round_and_fits() {
        assert_eq!(scale_km(1.5, 140.0), 50.0);
        assert_eq!(scale_km(0.1, 140.0), 1000.0);
        assert_eq!(scale_km(30.0, 140.0), 2.0);
        assert_eq!(format_km(0.5), "500 m");
    }
}
