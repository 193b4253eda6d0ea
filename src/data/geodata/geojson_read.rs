//! A small, fast GeoJSON reader: features with typed properties and
//! geometry converted straight into `geo` types.
//!
//! Coordinates are read straight into vectors of [`Coord`]s as deep as the
//! array nesting goes (a position, a line, rings or lines, polygons), with no
//! allocation per position, so a file needs little more memory than its
//! points take as `f64` pairs. Converting a geometry moves those vectors
//! into the `geo` types without copying them.

use std::fmt;

use geo::{Coord, LineString, MultiLineString, MultiPolygon, Point, Polygon};
use serde::Deserialize;
use serde::de::{self, SeqAccess, Visitor};

/// A GeoJSON `coordinates` value, by how deeply its arrays nest.
#[derive(Clone, Debug, PartialEq)]
pub enum Coords {
    /// A bare number (only valid inside a position).
    Num(f64),
    /// An empty array.
    Empty,
    /// A position: its first two numbers (longitude, latitude); further
    /// numbers such as an elevation are dropped.
    Position(Coord<f64>),
    /// An array of positions (a LineString's or a ring's).
    Line(Vec<Coord<f64>>),
    /// An array of lines (a Polygon's rings, a MultiLineString's lines).
    Lines(Vec<Vec<Coord<f64>>>),
    /// An array of arrays of rings (a MultiPolygon's polygons).
    Polygons(Vec<Vec<Vec<Coord<f64>>>>),
    /// Arrays that do not nest like any geometry's coordinates (mixed depths,
    /// a position with fewer than two numbers, deeper than a MultiPolygon).
    Invalid,
}

/// Collects the rest of a sequence whose first element fixed its depth.
fn rest<'de, A, T>(
    seq: &mut A,
    first: T,
    wrap: impl Fn(Vec<T>) -> Coords,
    take: impl Fn(Coords) -> Option<T>,
) -> Result<Coords, A::Error>
where
    A: SeqAccess<'de>,
{
    let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(4).max(1));
    items.push(first);
    let mut valid = true;
    while let Some(item) = seq.next_element::<Coords>()? {
        match take(item) {
            Some(t) if valid => items.push(t),
            _ => valid = false,
        }
    }
    items.shrink_to_fit();
    Ok(if valid { wrap(items) } else { Coords::Invalid })
}

impl<'de> Deserialize<'de> for Coords {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CoordsVisitor;
        impl<'de> Visitor<'de> for CoordsVisitor {
            type Value = Coords;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a nested array of numbers")
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Coords, E> {
                Ok(Coords::Num(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Coords, E> {
                Ok(Coords::Num(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Coords, E> {
                Ok(Coords::Num(v as f64))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Coords, A::Error> {
                let Some(first) = seq.next_element::<Coords>()? else {
                    return Ok(Coords::Empty);
                };
                match first {
                    Coords::Num(x) => {
                        let mut y = None;
                        let mut valid = true;
                        while let Some(item) = seq.next_element::<Coords>()? {
                            match item {
                                Coords::Num(v) => y = y.or(Some(v)),
                                _ => valid = false,
                            }
                        }
                        Ok(match y {
                            Some(y) if valid => Coords::Position(Coord { x, y }),
                            _ => Coords::Invalid,
                        })
                    }
                    Coords::Position(c) => rest(&mut seq, c, Coords::Line, |i| match i {
                        Coords::Position(c) => Some(c),
                        _ => None,
                    }),
                    // An empty first line is taken as an empty ring or line.
                    Coords::Empty => rest(&mut seq, Vec::new(), Coords::Lines, |i| match i {
                        Coords::Line(l) => Some(l),
                        Coords::Empty => Some(Vec::new()),
                        _ => None,
                    }),
                    Coords::Line(l) => rest(&mut seq, l, Coords::Lines, |i| match i {
                        Coords::Line(l) => Some(l),
                        Coords::Empty => Some(Vec::new()),
                        _ => None,
                    }),
                    Coords::Lines(r) => rest(&mut seq, r, Coords::Polygons, |i| match i {
                        Coords::Lines(r) => Some(r),
                        Coords::Empty => Some(Vec::new()),
                        _ => None,
                    }),
                    Coords::Polygons(_) | Coords::Invalid => {
                        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                        Ok(Coords::Invalid)
                    }
                }
            }
        }
        deserializer.deserialize_any(CoordsVisitor)
    }
}

/// What is wrong with a geometry.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ShapeError {
    /// The geometry type is not one the caller accepts.
    #[error("geometry type {found} where {expected} was expected")]
    WrongType {
        /// The type found.
        found: String,
        /// The types accepted.
        expected: &'static str,
    },
    /// The coordinate arrays are not nested as the type requires.
    #[error("malformed coordinates for a {0}")]
    Malformed(&'static str),
}

/// A geometry as read: its type name and its coordinate tree.
#[derive(Clone, Debug, Deserialize)]
pub struct RawGeometry {
    /// GeoJSON type name (`Point`, `Polygon`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The coordinates.
    pub coordinates: Coords,
}

/// A feature as read, with properties of type `P`.
#[derive(Clone, Debug, Deserialize)]
pub struct RawFeature<P> {
    /// The feature's properties.
    pub properties: P,
    /// The feature's geometry.
    pub geometry: RawGeometry,
}

/// A feature collection as read.
#[derive(Clone, Debug, Deserialize)]
pub struct RawCollection<P> {
    /// The features, in file order.
    pub features: Vec<RawFeature<P>>,
}

/// Why a base-map or world-layer file could not be loaded; each variant
/// names the file.
#[derive(Debug, thiserror::Error)]
pub enum GeoDataError {
    /// The file is not a FeatureCollection with the expected properties.
    #[error("{file}: {source}")]
    Json {
        /// The file name.
        file: &'static str,
        /// The parse error.
        source: serde_json::Error,
    },
    /// A feature's geometry is not of the expected type or shape.
    #[error("{file}: feature {index}: {source}")]
    Shape {
        /// The file name.
        file: &'static str,
        /// The feature's position in the file (0-based).
        index: usize,
        /// What is wrong.
        source: ShapeError,
    },
}

/// Reads the features of `file` (its `text`) with properties of type `P`
/// and makes each into a `T`.
pub fn convert<P, T>(
    file: &'static str,
    text: &str,
    f: impl Fn(RawFeature<P>) -> Result<T, ShapeError>,
) -> Result<Vec<T>, GeoDataError>
where
    P: serde::de::DeserializeOwned,
{
    serde_json::from_str::<RawCollection<P>>(text)
        .map_err(|source| GeoDataError::Json { file, source })?
        .features
        .into_iter()
        .enumerate()
        .map(|(index, feat)| {
            f(feat).map_err(|source| GeoDataError::Shape {
                file,
                index,
                source,
            })
        })
        .collect()
}

fn polygon(rings: Vec<Vec<Coord<f64>>>) -> Result<Polygon<f64>, ShapeError> {
    let mut rings = rings.into_iter().map(LineString::new);
    let exterior = rings.next().ok_or(ShapeError::Malformed("Polygon"))?;
    Ok(Polygon::new(exterior, rings.collect()))
}

impl RawGeometry {
    fn wrong(kind: String, expected: &'static str) -> ShapeError {
        ShapeError::WrongType {
            found: kind,
            expected,
        }
    }

    /// The geometry as a point (type `Point`).
    pub fn into_point(self) -> Result<Point<f64>, ShapeError> {
        match (self.kind.as_str(), self.coordinates) {
            ("Point", Coords::Position(c)) => Ok(Point::from(c)),
            ("Point", _) => Err(ShapeError::Malformed("Point")),
            _ => Err(Self::wrong(self.kind, "Point")),
        }
    }

    /// The geometry as a line (type `LineString`).
    pub fn into_line_string(self) -> Result<LineString<f64>, ShapeError> {
        match (self.kind.as_str(), self.coordinates) {
            ("LineString", Coords::Line(l)) => Ok(LineString::new(l)),
            ("LineString", Coords::Empty) => Ok(LineString::new(Vec::new())),
            ("LineString", _) => Err(ShapeError::Malformed("LineString")),
            _ => Err(Self::wrong(self.kind, "LineString")),
        }
    }

    /// The geometry as lines (type `LineString` or `MultiLineString`).
    pub fn into_multi_line_string(self) -> Result<MultiLineString<f64>, ShapeError> {
        match self.kind.as_str() {
            "LineString" => Ok(MultiLineString::new(vec![self.into_line_string()?])),
            "MultiLineString" => match self.coordinates {
                Coords::Lines(lines) => Ok(MultiLineString::new(
                    lines.into_iter().map(LineString::new).collect(),
                )),
                Coords::Empty => Ok(MultiLineString::new(Vec::new())),
                _ => Err(ShapeError::Malformed("MultiLineString")),
            },
            _ => Err(Self::wrong(self.kind, "LineString or MultiLineString")),
        }
    }

    /// The geometry as an area (type `Polygon` or `MultiPolygon`).
    pub fn into_multi_polygon(self) -> Result<MultiPolygon<f64>, ShapeError> {
        match self.kind.as_str() {
            "Polygon" => match self.coordinates {
                Coords::Lines(rings) => Ok(MultiPolygon::new(vec![polygon(rings)?])),
                _ => Err(ShapeError::Malformed("Polygon")),
            },
            "MultiPolygon" => match self.coordinates {
                Coords::Polygons(polys) => polys
                    .into_iter()
                    .map(polygon)
                    .collect::<Result<Vec<_>, _>>()
                    .map(MultiPolygon::new),
                Coords::Empty => Ok(MultiPolygon::new(Vec::new())),
                _ => Err(ShapeError::Malformed("MultiPolygon")),
            },
            _ => Err(Self::wrong(self.kind, "Polygon or MultiPolygon")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Props {
        name: String,
    }

    #[test]
    fn reads_polygon_and_point_features() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Polygon",
             "coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0.2,0.1],[0.3,0.1],[0.3,0.2],[0.2,0.1]]]}},
            {"type":"Feature","properties":{"name":"b"},"geometry":{"type":"Point","coordinates":[70.5,39.25]}}]}"#;
        let fc: RawCollection<Props> = serde_json::from_str(text).unwrap();
        assert_eq!(fc.features[0].properties.name, "a");
        let mp = fc.features[0]
            .geometry
            .clone()
            .into_multi_polygon()
            .unwrap();
        assert_eq!(mp.0[0].interiors().len(), 1);
        assert_eq!(mp.0[0].exterior().0.len(), 4);
        let p = fc.features[1].geometry.clone().into_point().unwrap();
        assert_eq!((p.x(), p.y()), (70.5, 39.25));
        assert!(matches!(
            fc.features[1].geometry.clone().into_multi_polygon(),
            Err(ShapeError::WrongType { .. })
        ));
    }

    #[test]
    fn rejects_malformed_coordinates() {
        let g: RawGeometry =
            serde_json::from_str(r#"{"type":"LineString","coordinates":[1,2]}"#).unwrap();
        assert_eq!(
            g.into_line_string(),
            Err(ShapeError::Malformed("LineString"))
        );
        let g: RawGeometry =
            serde_json::from_str(r#"{"type":"LineString","coordinates":[[1,2],3]}"#).unwrap();
        assert_eq!(g.coordinates, Coords::Invalid);
        let g: RawGeometry =
            serde_json::from_str(r#"{"type":"Polygon","coordinates":[[[1,2],[3,4]],[[[5,6]]]]}"#)
                .unwrap();
        assert_eq!(
            g.into_multi_polygon(),
            Err(ShapeError::Malformed("Polygon"))
        );
    }

    #[test]
    fn drops_elevation_and_reads_nesting_depths() {
        let g: RawGeometry = serde_json::from_str(
            r#"{"coordinates":[[[[1,2,300],[3,4,5]]],[[[6,7],[8,9]],[]]],"type":"MultiPolygon"}"#,
        )
        .unwrap();
        let mp = g.into_multi_polygon().unwrap();
        assert_eq!(mp.0.len(), 2);
        assert_eq!(mp.0[0].exterior().0[0], Coord { x: 1.0, y: 2.0 });
        assert_eq!(mp.0[1].interiors().len(), 1);
        assert!(mp.0[1].interiors()[0].0.is_empty());
    }
}
