//! Colours of the map in the light and dark themes, and the colours of
//! vocabulary terms and overlays as egui draws them.

use egui::Color32;

use crate::data::vocabulary::{Rgb, Vocabulary};

/// The colours one theme draws the map with.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    /// Behind everything (outside the loaded countries).
    pub background: Color32,
    /// Water of lakes and rivers.
    pub water: Color32,
    /// Country outlines where no border line is drawn (coasts of lakes, map edge).
    pub outline: Color32,
    /// The Kyrgyz–Tajik border.
    pub border_main: Color32,
    /// Other international borders.
    pub border_other: Color32,
    /// Fill of the Fergana Valley area.
    pub valley_fill: Color32,
    /// Outline and label of the Fergana Valley area.
    pub valley_stroke: Color32,
    /// Place dots and labels.
    pub place: Color32,
    /// Halo behind labels so they stay legible over any fill.
    pub text_halo: Color32,
    /// Leader lines, links and the outline of markers.
    pub ink: Color32,
    /// Highlight ring of the selected marker.
    pub selection: Color32,
    /// Fill of the world's countries beyond the region's base map.
    pub world_fill: Color32,
    /// Outlines of the world's countries.
    pub world_outline: Color32,
    /// Whether this is the dark palette.
    pub dark: bool,
}

/// The palette for the current theme.
pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            background: Color32::from_rgb(28, 30, 34),
            water: Color32::from_rgb(52, 86, 120),
            outline: Color32::from_rgb(90, 92, 96),
            border_main: Color32::from_rgb(245, 200, 90),
            border_other: Color32::from_rgb(150, 150, 158),
            valley_fill: Color32::from_rgba_unmultiplied(200, 180, 90, 34),
            valley_stroke: Color32::from_rgb(205, 185, 110),
            place: Color32::from_rgb(225, 225, 228),
            text_halo: Color32::from_rgba_unmultiplied(20, 20, 24, 190),
            ink: Color32::from_rgb(230, 230, 235),
            selection: Color32::from_rgb(90, 180, 255),
            world_fill: Color32::from_rgb(50, 53, 58),
            world_outline: Color32::from_rgb(88, 90, 96),
            dark,
        }
    } else {
        Palette {
            background: Color32::from_rgb(236, 238, 240),
            water: Color32::from_rgb(163, 201, 228),
            outline: Color32::from_rgb(170, 165, 160),
            border_main: Color32::from_rgb(120, 40, 40),
            border_other: Color32::from_rgb(120, 115, 125),
            valley_fill: Color32::from_rgba_unmultiplied(150, 120, 30, 30),
            valley_stroke: Color32::from_rgb(125, 95, 20),
            place: Color32::from_rgb(40, 40, 44),
            text_halo: Color32::from_rgba_unmultiplied(255, 255, 255, 200),
            ink: Color32::from_rgb(30, 30, 34),
            selection: Color32::from_rgb(20, 110, 230),
            world_fill: Color32::from_rgb(226, 225, 221),
            world_outline: Color32::from_rgb(178, 176, 172),
            dark,
        }
    }
}

/// A vocabulary colour as egui draws it.
pub fn rgb(c: Rgb) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// The colour of a side (or actor) across map, legend, timeline and,
/// shaded for contrast, panels; grey for none.
pub fn side_colour(vocabulary: &Vocabulary, side: Option<&str>) -> Color32 {
    rgb(vocabulary.side_colour(side))
}

/// Colours given to overlay layers in turn (chosen apart from the base map's).
const OVERLAY_COLOURS: [Color32; 4] = [
    Color32::from_rgb(0x6a, 0x3d, 0x9a),
    Color32::from_rgb(0x00, 0x86, 0x8b),
    Color32::from_rgb(0xb1, 0x59, 0x28),
    Color32::from_rgb(0x1f, 0x5f, 0xbf),
];

/// The colour of the `index`th overlay layer.
pub fn overlay_colour(index: usize) -> Color32 {
    OVERLAY_COLOURS[index % OVERLAY_COLOURS.len()]
}
