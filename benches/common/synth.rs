//! Deterministic synthetic data for benchmarks: country-like polygons, point
//! events and GeoJSON text, at a chosen scale. Nothing here is real geography;
//! it exists only to measure how the code scales.

#![allow(dead_code)]

use std::fmt::Write as _;

use border_incidents::data::event::{Event, EventKind, Figures};
use border_incidents::data::geodata::{Country, GeoData};
use border_incidents::data::time::EventTime;
use geo::{Coord, LineString, MultiPolygon, Point, Polygon};

/// West, south, east, north edges of the area the shapes are spread over.
pub const BOX: [f64; 4] = [66.5, 36.5, 80.5, 43.5];

/// A small, fast, deterministic pseudo-random generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    /// A generator with a fixed seed.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next value in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A value in `[lo, hi)`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
}

/// A star-shaped closed ring of `n` vertices (plus the closing one) around a
/// random centre inside [`BOX`].
fn ring(rng: &mut Rng, n: usize) -> LineString<f64> {
    let cx = rng.range(BOX[0] + 0.5, BOX[2] - 0.5);
    let cy = rng.range(BOX[1] + 0.5, BOX[3] - 0.5);
    let radius = rng.range(0.05, 0.45);
    let mut pts: Vec<Coord<f64>> = (0..n)
        .map(|i| {
            let a = i as f64 / n as f64 * std::f64::consts::TAU;
            let r = radius * rng.range(0.8, 1.0);
            Coord {
                x: cx + r * a.cos(),
                y: cy + r * a.sin(),
            }
        })
        .collect();
    pts.push(pts[0]);
    LineString::new(pts)
}

/// Country-like polygons with `total_vertices` vertices in all, `per_ring`
/// vertices each.
pub fn countries(total_vertices: usize, per_ring: usize) -> Vec<Country> {
    let mut rng = Rng::new(7);
    (0..total_vertices / per_ring)
        .map(|i| Country {
            iso3: format!("S{:02}", i % 100),
            name: format!("Synthetic {i}"),
            shape: MultiPolygon::new(vec![Polygon::new(ring(&mut rng, per_ring), vec![])]),
        })
        .collect()
}

/// `n` point events spread over [`BOX`] and over September 2022.
pub fn events(n: usize) -> Vec<Event> {
    let mut rng = Rng::new(11);
    let start = jiff::civil::date(2022, 9, 1).at(0, 0, 0, 0);
    (0..n)
        .map(|i| {
            let minutes = (rng.unit() * 30.0 * 24.0 * 60.0) as i64;
            let t = start
                .checked_add(jiff::Span::new().minutes(minutes))
                .unwrap_or(start);
            let side = ["kyrgyz", "tajik", "third_party", "neutral"][i % 4];
            Event {
                id: format!("synthetic-{i}"),
                source: 0,
                kind: if i % 3 == 0 {
                    EventKind::Statement
                } else {
                    EventKind::Incident
                },
                title: format!("Synthetic event {i}"),
                start: EventTime::DateTime(t),
                end: EventTime::DateTime(t),
                date_text: None,
                date_precision: None,
                place: None,
                place_ref: None,
                geonameid: None,
                location_precision: None,
                uncertainty_km: None,
                category: Some("armed_clash".into()),
                summary: None,
                actors: Vec::new(),
                quotes: Vec::new(),
                claimant: None,
                side: Some(side.to_owned()),
                refers_to: Vec::new(),
                account_of: None,
                figures: Figures::default(),
                verification: None,
                geometry: Some(geo::Geometry::Point(Point::new(
                    rng.range(BOX[0], BOX[2]),
                    rng.range(BOX[1], BOX[3]),
                ))),
                geometry_note: None,
                fields: Default::default(),
                extraction: None,
            }
        })
        .collect()
}

/// The bundled base layers with the countries replaced by synthetic ones.
pub fn geo_with_countries(bundled: &GeoData, countries: Vec<Country>) -> GeoData {
    GeoData {
        countries,
        ..bundled.clone()
    }
}

/// A countries-style FeatureCollection (properties `iso3`, `name`; Polygon
/// geometries of 1 000 vertices, six decimals) of at least `min_bytes`.
pub fn countries_geojson(min_bytes: usize) -> String {
    let mut rng = Rng::new(13);
    let mut out = String::with_capacity(min_bytes + 64 * 1024);
    out.push_str("{\"type\":\"FeatureCollection\",\"features\":[\n");
    let mut i = 0usize;
    while out.len() < min_bytes {
        if i > 0 {
            out.push_str(",\n");
        }
        let _ = write!(
            out,
            "{{\"type\":\"Feature\",\"properties\":{{\"iso3\":\"S{:02}\",\"name\":\"Synthetic {i}\"}},\
             \"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[",
            i % 100
        );
        for (k, c) in ring(&mut rng, 1000).coords().enumerate() {
            if k > 0 {
                out.push(',');
            }
            let _ = write!(out, "[{:.6},{:.6}]", c.x, c.y);
        }
        out.push_str("]]}}");
        i += 1;
    }
    out.push_str("\n]}\n");
    out
}
