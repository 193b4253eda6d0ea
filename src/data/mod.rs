//! Loaded data: immutable once loaded. Nothing here knows about egui.
//!
//! [`Data`] is the model every view draws from: the base map, the sources
//! (articles and datasets), the vocabularies their events use, and the
//! events. Files are one way to fill it (`events.rs`, and the importers of
//! `crate::import`); it does not know where its contents came from.

pub mod counts;
pub mod dates;
pub mod event;
pub mod events;
pub mod fields;
pub mod gazetteer;
pub mod geodata;
pub mod number_words;
pub mod region;
pub mod slug;
pub mod source;
pub mod time;
pub mod vocabulary;

pub use events::header::{SourceTexts, file_stem};
pub use events::problem::Problem as EventProblem;

use event::Event;
use events::Collection;
use geodata::GeoData;
use region::RegionProfile;
use source::Source;
use vocabulary::Vocabulary;

/// Everything the app shows, loaded once and never changed in place (a
/// new [`Data`] is made when events are added).
#[derive(Clone, Debug, Default)]
pub struct Data {
    /// What makes the app about one region: focus, projection, fills,
    /// presets.
    pub region: RegionProfile,
    /// Base map layers.
    pub geo: GeoData,
    /// The articles and datasets the events come from.
    pub sources: Vec<Source>,
    /// The sides and categories the events use.
    pub vocabulary: Vocabulary,
    /// Incidents, statements and context; each names its source by index
    /// into `sources`.
    pub events: Vec<Event>,
    /// Counts per cell shown in place of the events, when a store holding
    /// more events than the app keeps answered the view with them.
    pub counts: Option<std::sync::Arc<counts::CellCounts>>,
    /// Events per time bin as the store counted them, drawn as the
    /// timeline's histogram when the store is asked per view.
    pub time_counts: Option<std::sync::Arc<counts::TimeCounts>>,
}

impl Data {
    /// The data bundled into the binary: base layers, the article and its events.
    pub fn bundled() -> anyhow::Result<Self> {
        let geo = GeoData::bundled()?;
        let collection = events::bundled().map_err(|errors| {
            let lines: Vec<String> = errors
                .iter()
                .map(|e| e.in_file("assets/events.geojson").to_string())
                .collect();
            anyhow::anyhow!("the bundled events are invalid:\n{}", lines.join("\n"))
        })?;
        let region = RegionProfile::bundled()
            .map_err(|e| anyhow::anyhow!("assets/regions/fergana.json: {e}"))?;
        let mut data = Self {
            region,
            geo,
            ..Self::default()
        };
        data.add(collection)
            .map_err(|e| anyhow::anyhow!("the bundled events: {e}"))?;
        Ok(data)
    }

    /// The data for another region: its profile and base map (the bundled
    /// one unless the profile names a folder of its own), and no events
    /// yet.
    pub fn for_region(region: RegionProfile) -> anyhow::Result<Self> {
        let geo = match &region.geodata {
            Some(folder) => GeoData::from_folder(folder).map_err(anyhow::Error::msg)?,
            None => GeoData::bundled()?,
        };
        Ok(Self {
            region,
            geo,
            ..Self::default()
        })
    }

    /// The source of an event.
    pub fn source_of(&self, event: &Event) -> Option<&Source> {
        self.sources.get(event.source)
    }

    /// Adds a collection: its sources beside the loaded ones (a source
    /// already loaded, with the same id and text, is shared), its
    /// vocabularies merged (a term already loaded keeps its label and
    /// colour) and its events. Refused, leaving the data as it was, when an
    /// event id is already loaded or repeated, or a source id is taken by
    /// another source.
    pub fn add(&mut self, collection: Collection) -> Result<(), String> {
        let mut clashes: Vec<&str> = Vec::new();
        let mut seen: std::collections::HashSet<&str> =
            self.events.iter().map(|e| e.id.as_str()).collect();
        for event in &collection.events {
            if !seen.insert(event.id.as_str()) && !clashes.contains(&event.id.as_str()) {
                clashes.push(&event.id);
            }
        }
        if !clashes.is_empty() {
            return Err(format!(
                "refused: event ids already loaded: {}",
                clashes.join(", ")
            ));
        }
        let mut placed = Vec::with_capacity(collection.sources.len());
        let mut new_sources = Vec::new();
        for source in &collection.sources {
            match self.sources.iter().position(|s| s.id == source.id) {
                Some(i) if self.sources[i].same_as(source) => placed.push(i),
                Some(_) => {
                    return Err(format!(
                        "refused: a different source with the id {:?} is already loaded",
                        source.id
                    ));
                }
                None => {
                    placed.push(self.sources.len() + new_sources.len());
                    new_sources.push(source.clone());
                }
            }
        }
        self.sources.extend(new_sources);
        self.vocabulary.merge(&collection.vocabulary);
        self.events
            .extend(collection.events.into_iter().map(|mut e| {
                e.source = placed.get(e.source).copied().unwrap_or_default();
                e
            }));
        Ok(())
    }
}
