//! The world beyond the region's base map: every country, generalised, as
//! context for what lies outside it (a statement made in Moscow), and the
//! national capitals. The countries are cut out where the detailed base map
//! draws them and drawn in the base map's mesh (`base.rs`), in the same
//! colours, so the two meet without an edge; the capitals are a layer of
//! labels of their own.

use std::sync::{Arc, OnceLock};

use egui::{Align2, FontId, Rect, Stroke, vec2};
use geo::{BooleanOps as _, MultiPolygon};

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::data::geodata::world::{World, WorldCapital};
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::layers::labels::{Candidate, place};
use crate::map::mesh::{Area, EDGE_TOLERANCE_KM, MeshStats, prepare_area_levels};
use crate::model::action::Action;
use crate::model::camera::Projection;
use crate::model::view::layer_ids;

/// How far beyond a whole country's own box its generalised world shape
/// is cut away (degrees): more than the world's generalisation of about
/// 5 km, so no sliver of it shows beside the detailed one.
pub const WHOLE_MARGIN_DEG: f64 = 0.1;

/// The world's countries prepared for the base map's mesh, at the coarse
/// levels of detail (the world is generalised to about 5 km already, so its
/// finest level is its coarse one). A country the base map draws itself
/// (`drawn`: ISO alpha-3 code and the box of the base map's shape of it) is
/// cut away where that shape lies: inside the base map's `view` box, which
/// the base map clipped it to, and inside its own box grown by
/// [`WHOLE_MARGIN_DEG`] on the sides where it was not clipped; its outline
/// is left out along the cut. The others are drawn whole, under it.
pub fn prepare_countries(
    world: &World,
    view: geo::Rect<f64>,
    drawn: &[(&str, geo::Rect<f64>)],
    proj: &Projection,
    stats: &mut MeshStats,
) -> Vec<(String, Area)> {
    world
        .countries
        .iter()
        .map(|c| {
            let own = drawn
                .iter()
                .find(|(iso3, _)| *iso3 == c.iso3)
                .map(|(_, b)| grown_where_whole(*b, view));
            let shape = match own {
                Some(own) => {
                    let cut = MultiPolygon(vec![view.to_polygon()])
                        .union(&MultiPolygon(vec![own.to_polygon()]));
                    c.shape.difference(&cut)
                }
                None => c.shape.clone(),
            };
            let levels = 1..crate::map::mesh::LOD_TOLERANCES_KM.len();
            let mut area = prepare_area_levels(proj, &shape, levels, stats);
            area.fills[0] = area.fills[1].clone();
            area.outlines[0] = area.outlines[1].clone();
            if let Some(own) = own {
                for b in [view, own] {
                    let km = proj.project_box(b.min().x, b.min().y, b.max().x, b.max().y);
                    area.drop_outline_along(&km, EDGE_TOLERANCE_KM);
                }
            }
            (c.iso3.clone(), area)
        })
        .collect()
}

/// `b` grown by [`WHOLE_MARGIN_DEG`] on each side that does not lie on
/// `view`'s edge (where the shape was not clipped).
fn grown_where_whole(b: geo::Rect<f64>, view: geo::Rect<f64>) -> geo::Rect<f64> {
    let on = |a: f64, edge: f64| (a - edge).abs() < 1e-6;
    let grow = |a: f64, edge: f64, out: f64| if on(a, edge) { a } else { a + out };
    let m = WHOLE_MARGIN_DEG;
    geo::Rect::new(
        geo::coord! {
            x: grow(b.min().x, view.min().x, -m),
            y: grow(b.min().y, view.min().y, -m),
        },
        geo::coord! {
            x: grow(b.max().x, view.max().x, m),
            y: grow(b.max().y, view.max().y, m),
        },
    )
}

/// The capitals of `world` outside `cover` (the base map labels its own
/// places).
pub fn capitals_outside(world: &World, cover: Option<geo::Rect<f64>>) -> Vec<WorldCapital> {
    let inside = |p: &geo::Point<f64>| {
        cover.is_some_and(|r| {
            (r.min().x..=r.max().x).contains(&p.x()) && (r.min().y..=r.max().y).contains(&p.y())
        })
    };
    world
        .capitals
        .iter()
        .filter(|c| !inside(&c.point))
        .cloned()
        .collect()
}

/// The world's capitals, labelled where the base map has no places. They
/// arrive with the world layer, after the first frame.
pub struct WorldCapitals {
    capitals: Arc<OnceLock<Vec<WorldCapital>>>,
}

impl WorldCapitals {
    /// The capitals put into `capitals` once the world is prepared.
    pub fn new(capitals: Arc<OnceLock<Vec<WorldCapital>>>) -> Self {
        Self { capitals }
    }
}

impl MapLayer for WorldCapitals {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        Vec::new()
    }

    fn paint(
        &mut self,
        _ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        if !frame.view.layers.shown(layer_ids::WORLD) || !frame.view.layers.shown(layer_ids::PLACES)
        {
            return Vec::new();
        }
        let Some(capitals) = self.capitals.get() else {
            return Vec::new();
        };
        let pal = frame.palette;
        let rect = painter.clip_rect();
        let shown: Vec<(&WorldCapital, egui::Pos2)> = capitals
            .iter()
            .map(|c| (c, frame.transform.lonlat(c.point.x(), c.point.y())))
            .filter(|(_, pos)| rect.contains(*pos))
            .collect();
        let font = FontId::proportional(12.5);
        let galleys: Vec<_> = shown
            .iter()
            .map(|(c, _)| painter.layout_no_wrap(c.name.clone(), font.clone(), pal.place))
            .collect();
        let candidates: Vec<Candidate> = shown
            .iter()
            .zip(&galleys)
            .map(|((c, pos), g)| Candidate {
                anchor: *pos,
                size: g.size() + vec2(4.0, 0.0),
                priority: c.population as f64,
                insistent: false,
            })
            .collect();
        let placed = place(&candidates, rect.shrink(2.0), obstacles);
        for (i, r) in placed {
            let (_, pos) = shown[i];
            let dot = Rect::from_center_size(pos, vec2(6.0, 6.0));
            painter.rect(
                dot,
                0.0,
                pal.text_halo,
                Stroke::new(1.5, pal.place),
                egui::StrokeKind::Middle,
            );
            painter.rect_filled(r, 3.0, pal.text_halo);
            painter.galley(
                Align2::LEFT_TOP
                    .align_size_within_rect(galleys[i].size(), r.shrink2(vec2(2.0, 0.0)))
                    .min,
                galleys[i].clone(),
                pal.place,
            );
            obstacles.push(r);
        }
        Vec::new()
    }
}
