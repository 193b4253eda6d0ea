//! Loaded data: immutable once loaded. Nothing here knows about egui.

pub mod dates;
pub mod event;
mod event_error;
pub mod events;
mod feature;
pub mod geodata;
mod json_pos;
pub mod time;

use event::Event;
use geodata::GeoData;

/// Everything the app shows, loaded once and never changed.
#[derive(Clone, Debug, Default)]
pub struct Data {
    /// Base map layers.
    pub geo: GeoData,
    /// Incidents and statements.
    pub events: Vec<Event>,
    /// The source article's full text (quotes are byte spans into it).
    pub article: String,
}

impl Data {
    /// The data bundled into the binary.
    pub fn bundled() -> anyhow::Result<Self> {
        Ok(Self::default())
    }
}
