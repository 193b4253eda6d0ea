//! Colours for kinds, sides and verdicts, readable in both themes.

use egui::Color32;

use crate::data::event::{EventKind, Side, Verdict};

/// The background of a quoted span in the article: amber for incidents,
/// blue for statements; `strong` for the selected event's spans. On dark
/// backgrounds the colours stay dim so that light text keeps its contrast.
pub fn quote_background(kind: EventKind, strong: bool, dark: bool) -> Color32 {
    let (r, g, b) = match kind {
        EventKind::Incident => (240, 170, 40),
        EventKind::Statement => (70, 140, 230),
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
    }
}

/// The colour of text naming a side's account: the hue the map and the
/// timeline give that side (`map::style::side_color`), darkened on the light
/// panels and lightened on the dark ones, so that it reads at a contrast of
/// at least 4.5:1.
pub fn side(side: Option<Side>, dark: bool) -> Color32 {
    let [r, g, b, _] = crate::map::style::side_color(side).to_array();
    let shade = |c: u8| -> u8 {
        let c = f32::from(c);
        let shaded = if dark {
            c + (255.0 - c) * 0.35
        } else {
            c * 0.7
        };
        shaded.round() as u8
    };
    Color32::from_rgb(shade(r), shade(g), shade(b))
}

/// The fill of a verdict badge (text on it is white).
pub fn verdict(verdict: Option<Verdict>) -> Color32 {
    match verdict {
        Some(Verdict::Consistent) => Color32::from_rgb(30, 130, 60),
        Some(Verdict::Imprecise) => Color32::from_rgb(170, 110, 0),
        Some(Verdict::Unverified) => Color32::from_rgb(100, 100, 110),
        Some(Verdict::Contradicted) => Color32::from_rgb(180, 35, 35),
        None => Color32::from_rgb(120, 120, 120),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    fn contrast(a: Color32, b: Color32) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn side_text_reads_on_both_themes_panels() {
        let sides = [
            Some(Side::Kyrgyz),
            Some(Side::Tajik),
            Some(Side::ThirdParty),
            Some(Side::Neutral),
        ];
        for dark in [false, true] {
            let visuals = if dark {
                egui::Visuals::dark()
            } else {
                egui::Visuals::light()
            };
            for account in sides {
                let ratio = contrast(side(account, dark), visuals.panel_fill);
                assert!(ratio >= 4.5, "{account:?}, dark {dark}: {ratio:.2}");
            }
        }
    }
}
