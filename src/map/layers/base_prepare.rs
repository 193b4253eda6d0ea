//! Preparing the base layers from the loaded [`GeoData`] in the region's
//! projection: the geometry (projected, simplified per level of detail,
//! triangulated), which the bundled base map has ready in the binary
//! (`map/baked.rs`) and any other is prepared from at start; then the
//! region's colours and names put on it. The full level of detail and the
//! world beyond the base map follow the first frame, on threads.

use egui::Color32;
use geo::MultiPolygon;

use crate::data::geodata::GeoData;
use crate::data::geodata::world::{World, WorldCapital};
use crate::data::region::RegionProfile;
use crate::map::mesh::{
    Area, AreaLevel, EDGE_TOLERANCE_KM, Lines, MeshStats, prepare_area_levels, prepare_areas,
    prepare_level, prepare_lines,
};
use crate::model::camera::{KmBox, Projection};
use crate::ui_kit::palette::rgb;

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

/// The base map's geometry in a projection, without the region's colours:
/// what the first frame draws.
#[derive(Clone, Debug, Default)]
pub struct BaseGeometry {
    /// The countries in the order of `GeoData::countries`, at the coarse
    /// levels, without their outlines along the base map's box.
    pub countries: Vec<Area>,
    /// The lakes, at the coarse levels.
    pub lakes: Vec<Area>,
    /// The area of interest, at the coarse levels.
    pub area: Option<Area>,
    /// The rivers grouped by level, every level of detail.
    pub rivers: Vec<(u8, Lines)>,
    /// The borders in the order of `GeoData::borders`, every level of detail.
    pub borders: Vec<Lines>,
    /// What triangulating produced.
    pub stats: MeshStats,
}

impl BaseGeometry {
    /// Prepares the geometry of `geo` in `proj`.
    pub fn prepare(geo: &GeoData, proj: &Projection) -> Self {
        let mut stats = MeshStats::default();
        let cut = cut(proj);
        let shapes: Vec<_> = geo.countries.iter().map(|c| &c.shape).collect();
        let countries = prepare_areas(proj, &shapes, COARSE, &mut stats)
            .into_iter()
            .map(|mut area| {
                area.drop_outline_along(&cut, EDGE_TOLERANCE_KM);
                area
            })
            .collect();
        let lakes = geo
            .lakes
            .iter()
            .map(|l| prepare_area_levels(proj, &l.shape, COARSE, &mut stats))
            .collect();
        let area = geo
            .valley
            .as_ref()
            .map(|v| prepare_area_levels(proj, &v.shape, COARSE, &mut stats));
        Self {
            countries,
            lakes,
            area,
            rivers: rivers(geo, proj),
            borders: geo
                .borders
                .iter()
                .map(|b| prepare_lines(proj, b.lines.0.iter()))
                .collect(),
            stats,
        }
    }
}

/// The world beyond the base map in a projection, without the region's
/// colours: each country (ISO alpha-3 code) cut out where the base map
/// lies.
#[derive(Clone, Debug, Default)]
pub struct WorldGeometry {
    /// The countries.
    pub countries: Vec<(String, Area)>,
    /// What triangulating them produced.
    pub stats: MeshStats,
}

impl WorldGeometry {
    /// Prepares the countries of `world` around the base map that `cover`
    /// describes.
    pub fn prepare(world: &World, cover: &BaseCover, proj: &Projection) -> Self {
        let drawn: Vec<(&str, geo::Rect<f64>)> =
            cover.drawn.iter().map(|(i, b)| (i.as_str(), *b)).collect();
        let mut stats = MeshStats::default();
        let countries = crate::map::layers::world::prepare_countries(
            world, cover.view, &drawn, proj, &mut stats,
        );
        Self { countries, stats }
    }
}

/// Where the base map lies, for the world around it: the box its
/// countries cover, the view box it was clipped to, and the countries it
/// draws itself with the box of each.
#[derive(Clone, Debug)]
pub struct BaseCover {
    /// The box the base map's countries cover, in longitude and latitude.
    pub lonlat: Option<geo::Rect<f64>>,
    /// The view box the base map's layers were clipped to.
    pub view: geo::Rect<f64>,
    /// The ISO alpha-3 code and longitude/latitude box of each country the
    /// base map draws.
    pub drawn: Vec<(String, geo::Rect<f64>)>,
}

impl BaseCover {
    /// Where `geo` lies.
    pub fn of(geo: &GeoData) -> Self {
        use geo::BoundingRect as _;
        Self {
            lonlat: cover(geo),
            view: view_box(),
            drawn: geo
                .countries
                .iter()
                .filter_map(|c| Some((c.iso3.clone(), c.shape.bounding_rect()?)))
                .collect(),
        }
    }
}

/// The world beyond the base map, ready to draw: its countries (cut out
/// where the base map lies) with the region's fills, what preparing them
/// produced, and the capitals outside the base map.
pub struct PreparedWorld {
    /// The countries.
    pub areas: Vec<WorldArea>,
    /// What triangulating them produced.
    pub stats: MeshStats,
    /// The national capitals outside the base map.
    pub capitals: Vec<WorldCapital>,
}

impl PreparedWorld {
    /// The world's `geometry` with `region`'s fills for the countries it
    /// names, and the capitals of `world` outside the base map.
    pub fn new(
        geometry: WorldGeometry,
        region: &RegionProfile,
        world: &World,
        cover: &BaseCover,
    ) -> Self {
        let areas = geometry
            .countries
            .into_iter()
            .map(|(iso3, area)| {
                let named = region.fills.iter().any(|f| f.iso3 == iso3);
                let fill = named.then(|| fills(region, &iso3));
                (iso3, fill, area)
            })
            .collect();
        Self {
            areas,
            stats: geometry.stats,
            capitals: crate::map::layers::world::capitals_outside(world, cover.lonlat),
        }
    }
}

/// A country's fills in the light and the dark theme.
pub fn fills(region: &RegionProfile, iso3: &str) -> [Color32; 2] {
    [rgb(region.fill(iso3, false)), rgb(region.fill(iso3, true))]
}

/// The view box the bundled base map's layers were clipped to by the
/// `geodata` program (the rasters' box too), in longitude and latitude.
pub fn view_box() -> geo::Rect<f64> {
    crate::data::geodata::elevation::bounds()
}

/// The view box on the plane: where the base map's countries were cut,
/// their outline along it is no border.
pub fn cut(proj: &Projection) -> KmBox {
    let r = view_box();
    proj.project_box(r.min().x, r.min().y, r.max().x, r.max().y)
}

/// The rivers grouped by level, every level of detail.
fn rivers(geo: &GeoData, proj: &Projection) -> Vec<(u8, Lines)> {
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
pub fn label_point(b: &KmBox) -> [f64; 2] {
    [
        (b.min[0] + b.max[0]) / 2.0,
        b.min[1] + (b.max[1] - b.min[1]) * 0.62,
    ]
}
