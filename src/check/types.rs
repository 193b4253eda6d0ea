//! The `type` of a GeoJSON object, as read from its `type` member.

use super::shape::Simple;

/// The `type` of an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// No `type` member (yet).
    Missing,
    /// A `type` GeoJSON does not define.
    Unknown,
    /// A FeatureCollection.
    FeatureCollection,
    /// A Feature.
    Feature,
    /// A GeometryCollection.
    GeometryCollection,
    /// A geometry with coordinates.
    Simple(Simple),
}

impl Type {
    /// The type named (`None` for no `type` member).
    pub fn of(name: Option<&str>) -> Self {
        match name {
            None => Self::Missing,
            Some("FeatureCollection") => Self::FeatureCollection,
            Some("Feature") => Self::Feature,
            Some("GeometryCollection") => Self::GeometryCollection,
            Some(other) => Simple::from_name(other).map_or(Self::Unknown, Self::Simple),
        }
    }

    /// "a Feature", "a geometry"… for messages.
    pub fn article_name(self) -> &'static str {
        match self {
            Self::FeatureCollection => "a FeatureCollection",
            Self::Feature => "a Feature",
            _ => "a geometry",
        }
    }
}

/// Every type GeoJSON defines, for suggesting the right spelling.
pub const TYPE_NAMES: [&str; 9] = [
    "FeatureCollection",
    "Feature",
    "GeometryCollection",
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
];
