//! Colours for kinds, sides and verdicts, readable in both themes.

use egui::Color32;

use crate::data::event::{EventKind, Verdict};
use crate::data::vocabulary::{Rgb, Vocabulary};

/// The background of a quoted span in the article: amber for incidents,
/// blue for statements; `strong` for the selected event's spans. On dark
/// backgrounds the colours stay dim so that light text keeps its contrast.
pub fn quote_background(kind: EventKind, strong: bool, dark: bool) -> Color32 {
    let (r, g, b) = match kind {
        EventKind::Incident => (240, 170, 40),
        EventKind::Statement => (70, 140, 230),
        EventKind::Context => (150, 150, 150),
    };
    let alpha = match (strong, dark) {
        (true, false) => 150,
        (true, true) => 110,
        (false, false) => 55,
        (false, true) => 50,
    };
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// The accent colour of a kind, used for list glyphs.
pub fn kind_accent(kind: EventKind) -> Color32 {
    match kind {
        EventKind::Incident => Color32::from_rgb(214, 134, 0),
        EventKind::Statement => Color32::from_rgb(50, 115, 210),
        EventKind::Context => Color32::from_rgb(120, 120, 128),
    }
}

/// The colour of text naming a side's account: the hue the map and the
/// timeline give that side, darkened on the light panels and lightened on
/// the dark ones until it reads at a contrast of at least 4.5:1, whatever
/// colour the vocabulary gives it.
pub fn side(vocabulary: &Vocabulary, side: Option<&str>, dark: bool) -> Color32 {
    readable(vocabulary.side_colour(side), dark)
}

/// `c` shaded towards black (light theme) or white (dark theme) until it
/// has a contrast of at least 4.5:1 against the theme's panel.
pub fn readable(c: Rgb, dark: bool) -> Color32 {
    let panel = if dark {
        egui::Visuals::dark().panel_fill
    } else {
        egui::Visuals::light().panel_fill
    };
    let shade = |amount: f32| {
        let f = |v: u8| -> u8 {
            let v = f32::from(v);
            let shaded = if dark {
                v + (255.0 - v) * amount
            } else {
                v * (1.0 - amount)
            };
            shaded.round() as u8
        };
        Color32::from_rgb(f(c[0]), f(c[1]), f(c[2]))
    };
    let first = if dark { 0.35 } else { 0.3 };
    (0..=20)
        .map(|step| shade(first + step as f32 * 0.035))
        .find(|&candidate| contrast(candidate, panel) >= 4.5)
        .unwrap_or(if dark { Color32::WHITE } else { Color32::BLACK })
}

/// WCAG relative luminance of an sRGB colour.
fn luminance(c: Color32) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio of two colours.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The fill of a verdict badge (text on it is white).
pub fn verdict(verdict: Option<Verdict>) -> Color32 {
    match verdict {
        Some(Verdict::Consistent) => Color32::from_rgb(30, 130, 60),
        Some(Verdict::PartlyDocumented) => Color32::from_rgb(40, 110, 150),
        Some(Verdict::Imprecise) => Color32::from_rgb(170, 110, 0),
        Some(Verdict::Unverified) => Color32::from_rgb(100, 100, 110),
        Some(Verdict::Contradicted) => Color32::from_rgb(180, 35, 35),
        None => Color32::from_rgb(120, 120, 120),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::vocabulary::{DEFAULT_COLOURS, NEUTRAL};

    #[test]
    fn side_text_reads_on_both_themes_panels() {
        let bundled = [
            [213, 94, 0],
            [0, 158, 115],
            [204, 121, 167],
            [128, 128, 128],
        ];
        let every = DEFAULT_COLOURS.iter().chain(&bundled).chain([&NEUTRAL]);
        for &colour in every {
            for dark in [false, true] {
                let visuals = if dark {
                    egui::Visuals::dark()
                } else {
                    egui::Visuals::light()
                };
                let ratio = contrast(readable(colour, dark), visuals.panel_fill);
                assert!(ratio >= 4.5, "{colour:?}, dark {dark}: {ratio:.2}");
            }
        }
    }
}
