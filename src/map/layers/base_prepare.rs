//! Preparing the base layers from the loaded [`GeoData`] in the region's
//! projection: what the first frame needs (the coarse levels of detail of
//! the areas, every line) at once, and the work that follows it on threads
//! (the full level of detail, the world beyond the base map).

use egui::Color32;
use geo::MultiPolygon;

use crate::data::geodata::GeoData;
use crate::data::geodata::world::{World, WorldCapital};
use crate::data::region::RegionProfile;
use crate::map::mesh::{
    Area, AreaLevel, Lines, MeshStats, prepare_area_levels, prepare_areas, prepare_level,
    prepare_lines,
};
use crate::model::camera::{KmBox, Projection};
use crate::ui_kit::palette::rgb;

/// How near the base map's box an outline may run and count as running
/// along it, in kilometres.
pub const EDGE_TOLERANCE_KM: f64 = 0.05;

/// The levels of detail prepared before the first frame; the full one
/// (level 0, most of the triangulation) follows from a thread.
pub const COARSE: std::ops::Range<usize> = 1..crate::map::mesh::LOD_TOLERANCES_KM.len();

/// A prepared border between two countries.
#[derive(Debug)]
pub struct PreparedBorder {
    /// Whether this is the border the region emphasises.
    pub main: bool,
    /// The lines at every level of detail.
    pub lines: Lines,
}

/// A country: ISO alpha-3 code, fill (light, dark) and prepared area.
pub type CountryArea = (String, [Color32; 2], Area);

/// A country of the world layer: ISO alpha-3 code, the region's fill when
/// the region names it, and its prepared area.
pub type WorldArea = (String, Option<[Color32; 2]>, Area);

/// The full level of every area of the base map, with what preparing it
/// produced.
pub type FullLevels = (Vec<AreaLevel>, MeshStats);

/// The world beyond the base map, prepared: its countries (cut out where
/// the base map lies), what preparing them produced, and the capitals
/// outside the base map.
pub struct PreparedWorld {
    /// The countries.
    pub areas: Vec<WorldArea>,
    /// What triangulating them produced.
    pub stats: MeshStats,
    /// The national capitals outside the base map.
    pub capitals: Vec<WorldCapital>,
}

/// A country's fills in the light and the dark theme.
fn fills(region: &RegionProfile, iso3: &str) -> [Color32; 2] {
    [rgb(region.fill(iso3, false)), rgb(region.fill(iso3, true))]
}

/// The base map's box on the plane (where it and the world layer were cut,
/// the box's edge is no border).
pub fn cut(geo: &GeoData, proj: &Projection) -> Option<KmBox> {
    cover(geo).map(|r| proj.project_box(r.min().x, r.min().y, r.max().x, r.max().y))
}

/// The countries at the coarse levels of detail.
pub fn countries(
    geo: &GeoData,
    region: &RegionProfile,
    proj: &Projection,
    stats: &mut MeshStats,
) -> Vec<CountryArea> {
    let cut = cut(geo, proj);
    let shapes: Vec<_> = geo.countries.iter().map(|c| &c.shape).collect();
    geo.countries
        .iter()
        .zip(prepare_areas(proj, &shapes, COARSE, stats))
        .map(|(c, mut area)| {
            if let Some(cut) = &cut {
                area.drop_outline_along(cut, EDGE_TOLERANCE_KM);
            }
            (c.iso3.clone(), fills(region, &c.iso3), area)
        })
        .collect()
}

/// The rivers grouped by level, every level of detail.
pub fn rivers(geo: &GeoData, proj: &Projection) -> Vec<(u8, Lines)> {
    let mut levels: Vec<u8> = geo.rivers.iter().map(|r| r.level).collect();
    levels.sort_unstable();
    levels.dedup();
    levels
        .into_iter()
        .map(|level| {
            let lines = geo
                .rivers
                .iter()
                .filter(move |r| r.level == level)
                .map(|r| &r.line);
            (level, prepare_lines(proj, lines))
        })
        .collect()
}

/// The borders, every level of detail, the region's own marked.
pub fn borders(geo: &GeoData, region: &RegionProfile, proj: &Projection) -> Vec<PreparedBorder> {
    geo.borders
        .iter()
        .map(|b| PreparedBorder {
            main: region.is_emphasised(&b.countries),
            lines: prepare_lines(proj, b.lines.0.iter()),
        })
        .collect()
}

/// The area of interest at the coarse levels, where its label goes, and
/// its name.
pub fn area(
    geo: &GeoData,
    region: &RegionProfile,
    proj: &Projection,
    stats: &mut MeshStats,
) -> Option<(Area, [f64; 2], String)> {
    geo.valley.as_ref().map(|v| {
        let area = prepare_area_levels(proj, &v.shape, COARSE, stats);
        let label = label_point(&area.bbox);
        let name = region.area_name.clone().unwrap_or_else(|| "Area".into());
        (area, label, name)
    })
}

/// The emphasised border's name and length, for the legend.
pub fn main_border(geo: &GeoData, region: &RegionProfile) -> Option<(String, f64)> {
    geo.borders
        .iter()
        .find(|b| region.is_emphasised(&b.countries))
        .zip(region.emphasised_border.as_ref())
        .map(|(b, pair)| {
            let name = region
                .border_name
                .clone()
                .unwrap_or_else(|| border_name(geo, pair));
            (name, b.length_km)
        })
}

/// The shapes of every area, in the order the base layers hold them
/// (countries, lakes, the area of interest).
pub fn area_shapes(geo: &GeoData) -> Vec<MultiPolygon<f64>> {
    geo.countries
        .iter()
        .map(|c| c.shape.clone())
        .chain(geo.lakes.iter().map(|l| l.shape.clone()))
        .chain(geo.valley.iter().map(|v| v.shape.clone()))
        .collect()
}

/// The full level of detail of `shapes`.
pub fn full_levels(proj: &Projection, shapes: &[MultiPolygon<f64>]) -> FullLevels {
    let mut stats = MeshStats::default();
    let levels = shapes
        .iter()
        .map(|shape| prepare_level(proj, shape, 0, &mut stats))
        .collect();
    (levels, stats)
}

/// What preparing the world layer reads from the base map and the region,
/// owned, so that it can be done on a thread.
pub struct WorldInput {
    /// The base map's lon/lat box, where the world is cut out.
    pub cover: Option<geo::Rect<f64>>,
    /// The countries the base map draws itself.
    pub drawn: Vec<String>,
    /// The region (for its fills).
    pub region: RegionProfile,
    /// The projection.
    pub projection: Projection,
}

impl WorldInput {
    /// What preparing the world layer needs of `geo` and `region`.
    pub fn new(geo: &GeoData, region: &RegionProfile, projection: &Projection) -> Self {
        Self {
            cover: cover(geo),
            drawn: geo.countries.iter().map(|c| c.iso3.clone()).collect(),
            region: region.clone(),
            projection: *projection,
        }
    }

    /// Reads the bundled world and prepares it. If its bundled files could
    /// not be read (a test guards them), the map goes without it.
    pub fn prepare(&self) -> PreparedWorld {
        let world = World::bundled().unwrap_or_default();
        let proj = &self.projection;
        let cut = self
            .cover
            .map(|r| proj.project_box(r.min().x, r.min().y, r.max().x, r.max().y));
        let drawn: Vec<&str> = self.drawn.iter().map(String::as_str).collect();
        let mut stats = MeshStats::default();
        let prepared = crate::map::layers::world::prepare_countries(
            &world, self.cover, &drawn, proj, &mut stats,
        );
        let areas = prepared
            .into_iter()
            .map(|(iso3, mut area)| {
                if let Some(cut) = &cut {
                    area.drop_outline_along(cut, EDGE_TOLERANCE_KM);
                }
                let named = self.region.fills.iter().any(|f| f.iso3 == iso3);
                let fill = named.then(|| fills(&self.region, &iso3));
                (iso3, fill, area)
            })
            .collect();
        PreparedWorld {
            areas,
            stats,
            capitals: crate::map::layers::world::capitals_outside(&world, self.cover),
        }
    }
}

/// "Kyrgyz–Tajik border" from the countries' names in the base map
/// ("Kyrgyzstan", "Tajikistan"), or their codes.
fn border_name(geo: &GeoData, pair: &[String; 2]) -> String {
    let name = |iso3: &str| {
        geo.countries
            .iter()
            .find(|c| c.iso3 == iso3)
            .map_or_else(|| iso3.to_owned(), |c| c.name.clone())
    };
    format!("{}–{} border", name(&pair[0]), name(&pair[1]))
}

/// The longitude/latitude box the base map's countries cover (the world
/// layer is cut out there).
pub fn cover(geo: &GeoData) -> Option<geo::Rect<f64>> {
    use geo::BoundingRect as _;
    geo.countries
        .iter()
        .filter_map(|c| c.shape.bounding_rect())
        .reduce(|a, b| {
            geo::Rect::new(
                geo::coord! { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                geo::coord! { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
            )
        })
}

/// A point inside the upper middle of a box, for an area's label.
fn label_point(b: &KmBox) -> [f64; 2] {
    [
        (b.min[0] + b.max[0]) / 2.0,
        b.min[1] + (b.max[1] - b.min[1]) * 0.62,
    ]
}
