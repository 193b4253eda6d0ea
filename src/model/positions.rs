//! Every event's position on the map plane and marker radius, computed once
//! when the events are loaded.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use geo::Centroid as _;

use super::camera::Projection;
use crate::data::event::{Event, EventKind};

/// Every event's position on the map plane (projected kilometres), marker
/// radius and whether it is a background (context) row, computed once when
/// the events are loaded and kept compact, so that laying out many markers
/// never reads the events themselves. Cloning shares them (a layout made on
/// another thread holds a clone).
#[derive(Clone, Debug, Default)]
pub struct EventPositions {
    positions: Arc<[Option<[f64; 2]>]>,
    radii: Arc<[f32]>,
    context: Arc<[bool]>,
    generation: u64,
}

/// Tells sets of positions apart, so that what was laid out from one set is
/// never reused for another.
static GENERATIONS: AtomicU64 = AtomicU64::new(1);

impl EventPositions {
    /// Projects the events that have a geometry.
    pub fn new(events: &[Event], proj: &Projection) -> Self {
        Self {
            positions: events
                .iter()
                .map(|e| event_lonlat(e).map(|[lon, lat]| proj.project(lon, lat)))
                .collect(),
            radii: events.iter().map(radius_for).collect(),
            context: events
                .iter()
                .map(|e| e.kind == EventKind::Context)
                .collect(),
            generation: GENERATIONS.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The position of the event with this index, if it has one.
    pub fn get(&self, index: usize) -> Option<[f64; 2]> {
        self.positions.get(index).copied().flatten()
    }

    /// The marker radius of the event with this index, in points.
    pub fn radius(&self, index: usize) -> f32 {
        self.radii.get(index).copied().unwrap_or(0.0)
    }

    /// Whether the event with this index is a background (context) row,
    /// which has a layer switch of its own.
    pub fn is_context(&self, index: usize) -> bool {
        self.context.get(index).copied().unwrap_or(false)
    }

    /// A number no other set of positions made by this process has.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// Longitude and latitude of an event's geometry, if it has one.
pub fn event_lonlat(event: &Event) -> Option<[f64; 2]> {
    let c = event.geometry.as_ref()?.centroid()?;
    Some([c.x(), c.y()])
}

/// Marker radius in points: larger for a larger death toll.
pub fn radius_for(event: &Event) -> f32 {
    let killed = event
        .figures
        .killed
        .as_ref()
        .and_then(|f| f.high.or(f.low))
        .unwrap_or(0.0);
    (6.5 + 1.6 * (1.0 + killed.max(0.0)).ln() as f32).min(15.0)
}
