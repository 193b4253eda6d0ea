//! What is derived from the loaded data once, and rebuilt in one place
//! whenever events are added: the time index, the events' positions on the
//! map plane and every source's quoted spans.

use super::camera::Projection;
use super::event_index::TimeIndex;
use super::positions::EventPositions;
use super::spans::SourceSpans;
use crate::data::Data;

/// What every view reads besides the data itself.
#[derive(Clone, Debug, Default)]
pub struct Derived {
    /// Events by time, id and reference.
    pub index: TimeIndex,
    /// Every event's place on the map plane, in the region's projection.
    pub positions: EventPositions,
    /// Every source's quoted spans.
    pub spans: SourceSpans,
}

impl Derived {
    /// Derives everything from `data`.
    pub fn new(data: &Data) -> Self {
        let projection = Projection::at(data.region.reference_lat);
        Self {
            index: TimeIndex::new(data),
            positions: EventPositions::new(&data.events, &projection),
            spans: SourceSpans::new(data),
        }
    }
}
