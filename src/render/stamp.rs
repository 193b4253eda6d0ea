//! What an exported picture carries besides the map: the time window it
//! shows (top left, large enough to read in an animation) and the credits
//! for its sources and base map (bottom left, above the scale bar, clear of
//! the legend on the right).

use egui::{Align2, Color32, FontId, Rect, Stroke, pos2, vec2};

use crate::data::Data;
use crate::data::time::{EventTime, Seconds, from_seconds};
use crate::ui_kit::format;
use crate::ui_kit::palette::Palette;

/// Short credits for the base map (the full ones are
/// `crate::data::geodata::ATTRIBUTION`, shown in About).
pub const MAP_CREDITS: &str =
    "Base map: © OpenStreetMap contributors (ODbL), GeoNames (CC BY 4.0), GSHHG/WDBII";

/// Short credit for the shaded relief, added when it is drawn.
pub const RELIEF_CREDIT: &str = "; relief: GEBCO 2023 Grid";

/// Sources named in the credits before "and N more".
const MAX_SOURCES: usize = 2;

/// The time window as a picture states it: "14–19 Sep 2022" for whole
/// days, "16 Sep 2022 06:00–12:00" otherwise (the end is exclusive).
pub fn window_text((from, to): (Seconds, Seconds)) -> String {
    let (a, b) = (from_seconds(from), from_seconds(to));
    let midnight = |t: &jiff::civil::DateTime| t.hour() == 0 && t.minute() == 0 && t.second() == 0;
    if midnight(&a) && midnight(&b) && to > from {
        let last = from_seconds(to - 1).date();
        return format::date_range(&EventTime::Date(a.date()), &EventTime::Date(last));
    }
    format::date_range(&EventTime::DateTime(a), &EventTime::DateTime(b))
}

/// The credits line: the sources of the events shown, then the base map
/// (and the relief when `relief` is drawn).
pub fn credits(data: &Data, shown: &[usize], relief: bool) -> String {
    let mut used: Vec<usize> = shown
        .iter()
        .filter_map(|&i| data.events.get(i).map(|e| e.source))
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut names: Vec<String> = used
        .iter()
        .take(MAX_SOURCES)
        .filter_map(|&s| data.sources.get(s))
        .map(|s| {
            let line = format::byline(s);
            if line.is_empty() { s.id.clone() } else { line }
        })
        .collect();
    if used.len() > MAX_SOURCES {
        names.push(format!("and {} more", used.len() - MAX_SOURCES));
    }
    let map = if relief {
        format!("{MAP_CREDITS}{RELIEF_CREDIT}")
    } else {
        MAP_CREDITS.to_owned()
    };
    if names.is_empty() {
        map
    } else {
        format!("Events: {}. {map}", names.join("; "))
    }
}

/// Words drawn on a picture under its time window: a story step's caption.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caption {
    /// A short line above it: the story's title and the step's number.
    pub heading: String,
    /// The caption itself.
    pub text: String,
}

/// Paints `caption` on the map `rect`, under the time window, at most a
/// little under half the picture wide (the open legend takes the right).
pub fn paint_caption(ui: &egui::Ui, rect: Rect, caption: &Caption, pal: &Palette) {
    let painter = ui.painter_at(rect);
    let wrap = (rect.width() * 0.45).clamp(220.0, 620.0);
    let mut job = egui::text::LayoutJob::default();
    job.wrap.max_width = wrap;
    let format = |size: f32, color: Color32| egui::TextFormat {
        font_id: FontId::proportional(size),
        color,
        ..Default::default()
    };
    job.append(
        &caption.heading,
        0.0,
        format(13.0, pal.ink.gamma_multiply(0.75)),
    );
    job.append("\n", 0.0, format(6.0, pal.ink));
    job.append(&caption.text, 0.0, format(17.0, pal.ink));
    let galley = painter.layout_job(job);
    let outer = Align2::LEFT_TOP.anchor_size(
        rect.left_top() + vec2(10.0, 56.0),
        galley.size() + 2.0 * CAPTION_PAD,
    );
    paint_boxed(&painter, outer, CAPTION_PAD, galley, pal);
    label(
        ui,
        outer,
        "picture_caption",
        format!("{}: {}", caption.heading, caption.text),
    );
}

/// Space around a caption's words inside its box.
const CAPTION_PAD: egui::Vec2 = vec2(10.0, 7.0);

/// Space around the time window's and the credits' words inside their box.
const STAMP_PAD: egui::Vec2 = vec2(8.0, 5.0);

/// Paints `galley` in a box with rounded corners, `pad` inside `outer`.
fn paint_boxed(
    painter: &egui::Painter,
    outer: Rect,
    pad: egui::Vec2,
    galley: std::sync::Arc<egui::Galley>,
    pal: &Palette,
) {
    painter.rect(
        outer,
        4.0,
        pal.text_halo.gamma_multiply(0.92),
        Stroke::new(1.0, pal.outline),
        egui::StrokeKind::Inside,
    );
    painter.galley(outer.min + pad, galley, Color32::PLACEHOLDER);
}

/// Gives the box `outer` an accessible label, for tests and screen readers.
fn label(ui: &egui::Ui, outer: Rect, id: &str, text: String) {
    let resp = ui.interact(outer, egui::Id::unique(id), egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
}

/// Paints the time window and the credits on the map `rect`.
pub fn paint(ui: &egui::Ui, rect: Rect, window: (Seconds, Seconds), credits: &str, pal: &Palette) {
    let painter = ui.painter_at(rect);
    let boxed = |pos, align: Align2, text: &str, font: FontId, wrap: f32| {
        let galley = painter.layout(text.to_owned(), font, pal.ink, wrap);
        let outer = align.anchor_size(pos, galley.size() + 2.0 * STAMP_PAD);
        paint_boxed(&painter, outer, STAMP_PAD, galley, pal);
        outer
    };
    let when = boxed(
        rect.left_top() + vec2(10.0, 10.0),
        Align2::LEFT_TOP,
        &window_text(window),
        FontId::proportional(22.0),
        f32::INFINITY,
    );
    label(
        ui,
        when,
        "picture_time_window",
        format!("Shown: {}", window_text(window)),
    );
    // At most a little under half the width: the open legend takes the right.
    let wrap = (rect.width() * 0.45).clamp(200.0, 560.0);
    boxed(
        pos2(rect.left() + 10.0, rect.bottom() - 28.0),
        Align2::LEFT_BOTTOM,
        credits,
        FontId::proportional(11.0),
        wrap,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::time::EventTime;

    fn at(s: &str) -> Seconds {
        EventTime::parse(s).unwrap().first_second()
    }

    #[test]
    fn whole_days_read_as_dates_and_steps_as_times() {
        assert_eq!(
            window_text((at("2022-09-14"), at("2022-09-20"))),
            "14–19 Sep 2022"
        );
        assert_eq!(
            window_text((at("2022-09-16"), at("2022-09-17"))),
            "16 Sep 2022"
        );
        assert_eq!(
            window_text((at("2022-09-16T06:00"), at("2022-09-16T12:00"))),
            "16 Sep 2022 06:00–12:00"
        );
    }

    #[test]
    fn credits_name_the_sources_shown_and_the_base_map() {
        let data = Data::bundled().unwrap();
        let all: Vec<usize> = (0..data.events.len()).collect();
        let text = credits(&data, &all, true);
        assert!(text.starts_with("Events: "), "{text}");
        assert!(text.contains("OpenStreetMap"), "{text}");
        assert!(text.ends_with("relief: GEBCO 2023 Grid"), "{text}");
        assert_eq!(credits(&data, &[], false), MAP_CREDITS);
    }
}
