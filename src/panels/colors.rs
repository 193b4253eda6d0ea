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

/// The colour of a side's account.
pub fn side(side: Option<Side>) -> Color32 {
    match side {
        Some(Side::Kyrgyz) => Color32::from_rgb(200, 40, 40),
        Some(Side::Tajik) => Color32::from_rgb(20, 140, 80),
        Some(Side::ThirdParty) => Color32::from_rgb(130, 80, 190),
        Some(Side::Neutral) | None => Color32::from_rgb(120, 120, 120),
    }
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
