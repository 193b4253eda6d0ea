//! Overlays: the geometry of a user's GeoJSON file, shown over the base map.

use std::path::PathBuf;

use geo::{BoundingRect as _, Geometry, Rect};

use crate::diagnostic::Diagnostic;

/// One opened GeoJSON file that is not an events file.
#[derive(Clone, Debug)]
pub struct Overlay {
    /// Unique among the overlays opened in this run (never reused).
    pub id: u64,
    /// The file's name.
    pub name: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// The features' geometries (null geometries left out).
    pub features: Vec<Geometry<f64>>,
    /// The longitude/latitude box of all features, if any has coordinates.
    pub bounds: Option<Rect<f64>>,
    /// Warnings found while checking the file.
    pub warnings: Vec<Diagnostic>,
}

impl Overlay {
    /// An overlay of `features`, with their bounds.
    pub fn new(
        id: u64,
        name: String,
        path: PathBuf,
        features: Vec<Geometry<f64>>,
        warnings: Vec<Diagnostic>,
    ) -> Self {
        let bounds = features
            .iter()
            .filter_map(|g| g.bounding_rect())
            .reduce(|a, b| {
                Rect::new(
                    geo::coord! { x: a.min().x.min(b.min().x), y: a.min().y.min(b.min().y) },
                    geo::coord! { x: a.max().x.max(b.max().x), y: a.max().y.max(b.max().y) },
                )
            });
        Self {
            id,
            name,
            path,
            features,
            bounds,
            warnings,
        }
    }

    /// The key its visibility is saved under among the layer toggles.
    pub fn layer_id(&self) -> String {
        format!("overlay:{}", self.id)
    }
}
