//! Loaded data: immutable once loaded. Nothing here knows about egui.

pub mod dates;
pub mod elevation;
pub mod event;
mod event_error;
pub mod events;
mod feature;
pub mod gazetteer;
pub mod geodata;
pub mod geodata_load;
pub mod geojson_read;
mod json_pos;
pub mod time;
pub mod translit;
pub mod world;

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
    /// Title, author, date and publisher of the article.
    pub source: events::SourceInfo,
}

impl Data {
    /// The data bundled into the binary: base layers, the article and its events.
    pub fn bundled() -> anyhow::Result<Self> {
        let geo = GeoData::bundled()?;
        let (article, collection) = events::bundled().map_err(|errors| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| e.render("assets/events.geojson"))
                .collect();
            anyhow::anyhow!("the bundled events are invalid:\n{}", lines.join("\n"))
        })?;
        Ok(Self {
            geo,
            events: collection.events,
            article: article.to_owned(),
            source: collection.source,
        })
    }
}
