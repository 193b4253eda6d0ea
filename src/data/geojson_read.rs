//! A small, fast GeoJSON reader: features with typed properties and
//! geometry converted straight into `geo` types.
//!
//! Coordinates are read into a nested array tree without buffering the
//! whole document, so large files stream through serde in one pass.

use std::fmt;

use geo::{Coord, LineString, MultiLineString, MultiPolygon, Point, Polygon};
use serde::Deserialize;
use serde::de::{self, SeqAccess, Visitor};

/// A GeoJSON `coordinates` value: a number or an array of them, nested.
#[derive(Clone, Debug, PartialEq)]
pub enum Coords {
    /// One number.
    Num(f64),
    /// An array.
    List(Vec<Coords>),
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
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Coords::List(items))
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

fn list<'a>(c: &'a Coords, what: &'static str) -> Result<&'a [Coords], ShapeError> {
    match c {
        Coords::List(items) => Ok(items),
        Coords::Num(_) => Err(ShapeError::Malformed(what)),
    }
}

fn coord(c: &Coords, what: &'static str) -> Result<Coord<f64>, ShapeError> {
    match list(c, what)? {
        [Coords::Num(x), Coords::Num(y), ..] => Ok(Coord { x: *x, y: *y }),
        _ => Err(ShapeError::Malformed(what)),
    }
}

fn line(c: &Coords, what: &'static str) -> Result<LineString<f64>, ShapeError> {
    list(c, what)?
        .iter()
        .map(|p| coord(p, what))
        .collect::<Result<Vec<_>, _>>()
        .map(LineString::new)
}

fn polygon(c: &Coords) -> Result<Polygon<f64>, ShapeError> {
    let mut rings = list(c, "Polygon")?
        .iter()
        .map(|r| line(r, "Polygon"))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter();
    let exterior = rings.next().ok_or(ShapeError::Malformed("Polygon"))?;
    Ok(Polygon::new(exterior, rings.collect()))
}

impl RawGeometry {
    fn wrong(&self, expected: &'static str) -> ShapeError {
        ShapeError::WrongType {
            found: self.kind.clone(),
            expected,
        }
    }

    /// The geometry as a point (type `Point`).
    pub fn to_point(&self) -> Result<Point<f64>, ShapeError> {
        match self.kind.as_str() {
            "Point" => coord(&self.coordinates, "Point").map(Point::from),
            _ => Err(self.wrong("Point")),
        }
    }

    /// The geometry as a line (type `LineString`).
    pub fn to_line_string(&self) -> Result<LineString<f64>, ShapeError> {
        match self.kind.as_str() {
            "LineString" => line(&self.coordinates, "LineString"),
            _ => Err(self.wrong("LineString")),
        }
    }

    /// The geometry as lines (type `LineString` or `MultiLineString`).
    pub fn to_multi_line_string(&self) -> Result<MultiLineString<f64>, ShapeError> {
        match self.kind.as_str() {
            "LineString" => Ok(MultiLineString::new(vec![self.to_line_string()?])),
            "MultiLineString" => list(&self.coordinates, "MultiLineString")?
                .iter()
                .map(|l| line(l, "MultiLineString"))
                .collect::<Result<Vec<_>, _>>()
                .map(MultiLineString::new),
            _ => Err(self.wrong("LineString or MultiLineString")),
        }
    }

    /// The geometry as an area (type `Polygon` or `MultiPolygon`).
    pub fn to_multi_polygon(&self) -> Result<MultiPolygon<f64>, ShapeError> {
        match self.kind.as_str() {
            "Polygon" => Ok(MultiPolygon::new(vec![polygon(&self.coordinates)?])),
            "MultiPolygon" => list(&self.coordinates, "MultiPolygon")?
                .iter()
                .map(polygon)
                .collect::<Result<Vec<_>, _>>()
                .map(MultiPolygon::new),
            _ => Err(self.wrong("Polygon or MultiPolygon")),
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
        let mp = fc.features[0].geometry.to_multi_polygon().unwrap();
        assert_eq!(mp.0[0].interiors().len(), 1);
        assert_eq!(mp.0[0].exterior().0.len(), 4);
        let p = fc.features[1].geometry.to_point().unwrap();
        assert_eq!((p.x(), p.y()), (70.5, 39.25));
        assert!(matches!(
            fc.features[1].geometry.to_multi_polygon(),
            Err(ShapeError::WrongType { .. })
        ));
    }

    #[test]
    fn rejects_malformed_coordinates() {
        let g: RawGeometry =
            serde_json::from_str(r#"{"type":"LineString","coordinates":[1,2]}"#).unwrap();
        assert_eq!(g.to_line_string(), Err(ShapeError::Malformed("LineString")));
    }
}
