//! Place dots and their labels, chosen by zoom and placed without overlaps.

use egui::{Align2, FontId, Rect, Stroke, pos2, vec2};

use crate::data::Data;
use crate::data::geodata::Place;
use crate::data::geodata::overlay::Overlay;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::layers::labels::{Candidate, min_population, place};
use crate::model::action::Action;
use crate::model::camera::ScreenTransform;
use crate::model::view::{PlaceNames, layer_ids};
use crate::ui_kit::palette::Palette;

/// The places layer: drawn over the halos, its labels clear of the markers
/// and of the labels drawn before.
pub struct PlacesLayer;

impl MapLayer for PlacesLayer {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        vec![Toggle::new(layer_ids::PLACES, "Places")]
    }

    fn paint(
        &mut self,
        _ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        if frame.view.layers.shown(layer_ids::PLACES) {
            let ppk = frame.view.camera.points_per_km;
            let places = &frame.data.geo.places;
            let drawn = paint(
                painter,
                places,
                frame.transform,
                (ppk, frame.view.names),
                frame.palette,
                obstacles,
            );
            obstacles.extend(drawn);
        }
        Vec::new()
    }
}

/// How far a label may sit from its dot before a leader line joins them.
const LEADER_FROM: f32 = 8.0;

/// Draws the places big enough for the zoom (`points_per_km`), labelled
/// in the script `names` asks for; labels avoid `obstacles`. Returns the
/// rectangles of the labels drawn.
pub fn paint(
    p: &egui::Painter,
    places: &[Place],
    t: &ScreenTransform,
    (points_per_km, names): (f64, PlaceNames),
    pal: &Palette,
    obstacles: &[Rect],
) -> Vec<Rect> {
    let rect = p.clip_rect();
    let min_pop = min_population(points_per_km);
    let shown: Vec<(&Place, egui::Pos2)> = places
        .iter()
        .filter(|pl| pl.is_capital() || pl.population >= min_pop)
        .map(|pl| (pl, t.lonlat(pl.point.x(), pl.point.y())))
        .filter(|(_, pos)| rect.contains(*pos))
        .collect();
    let galleys: Vec<_> = shown
        .iter()
        .map(|(pl, _)| {
            let font = FontId::proportional(if pl.is_capital() { 14.5 } else { 12.0 });
            let label = names.label_of(&pl.name, pl.local_name.as_deref());
            p.layout_no_wrap(label, font, pal.place)
        })
        .collect();
    let candidates: Vec<Candidate> = shown
        .iter()
        .zip(&galleys)
        .map(|((pl, pos), g)| Candidate {
            anchor: *pos,
            size: g.size() + vec2(4.0, 0.0),
            priority: if pl.is_capital() {
                f64::MAX
            } else {
                pl.population as f64
            },
            insistent: pl.is_capital(),
        })
        .collect();
    let placed = place(&candidates, rect.shrink(2.0), obstacles);
    for (i, (pl, pos)) in shown.iter().enumerate() {
        if !placed.iter().any(|(j, _)| *j == i) && !pl.is_capital() {
            // A dot without a label only when it is a sizeable place.
            if pl.population < min_pop.max(1) * 3 {
                continue;
            }
        }
        if pl.is_capital() {
            let r = Rect::from_center_size(*pos, vec2(8.0, 8.0));
            p.rect(
                r,
                0.0,
                pal.text_halo,
                Stroke::new(2.0, pal.place),
                egui::StrokeKind::Middle,
            );
            p.circle_filled(*pos, 1.8, pal.place);
        } else {
            p.circle(*pos, 2.6, pal.place, Stroke::new(1.0, pal.text_halo));
        }
    }
    let mut drawn = Vec::with_capacity(placed.len());
    for (i, r) in placed {
        // A label moved away from its dot (out of a crowd of markers) is
        // joined to it.
        let dot = shown[i].1;
        if r.distance_to_pos(dot) > LEADER_FROM {
            let end = r.clamp(dot);
            p.line_segment([dot, end], Stroke::new(1.0, pal.place));
        }
        p.rect_filled(r, 3.0, pal.text_halo);
        p.galley(pos2(r.min.x + 2.0, r.min.y), galleys[i].clone(), pal.place);
        drawn.push(r);
    }
    drawn
}

/// Draws an area's label centred at `pos` (used for the valley).
pub fn paint_area_label(
    p: &egui::Painter,
    pos: egui::Pos2,
    text: &str,
    color: egui::Color32,
    halo: egui::Color32,
) -> Rect {
    let galley = p.layout_no_wrap(text.to_owned(), FontId::proportional(13.0), color);
    let r = Align2::CENTER_CENTER.anchor_size(pos, galley.size() + vec2(6.0, 2.0));
    p.rect_filled(r, 3.0, halo);
    p.galley(r.min + vec2(3.0, 1.0), galley, color);
    r
}
