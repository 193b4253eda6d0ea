//! Stories: a guided walk through the events. A story is an ordered list
//! of steps; each step names the events it is about, where the map looks,
//! the time window and cursor, a caption in the author's words, optionally
//! a quote to show and which panels are open.
//!
//! This module is the model and knows nothing of the window: `read.rs` and
//! `write.rs` turn story files (JSON, see assets/README.md) into a
//! [`Story`] and back, `history.rs` keeps the edits for undo and redo,
//! `player.rs` which step is shown, `pose.rs` where a step puts the view
//! and `ease.rs` how the view moves there, `action.rs` what the user can
//! ask of a story. The app applies it (`app/story/`); the story bar and
//! editor draw it (`panels/`); the story export draws its steps
//! (`render/story_shots.rs`).

pub mod action;
pub mod bundled;
mod doc;
pub mod ease;
pub mod history;
pub mod player;
pub mod pose;
pub mod read;
mod read_step;
pub mod session;
pub mod start;
pub mod write;

use serde::{Deserialize, Serialize};

use crate::data::time::Seconds;

/// The version of the story file format this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// A story: a title and its steps, with the sources its events come from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Story {
    /// The story's title.
    pub title: String,
    /// A line about the story, shown when it is offered.
    pub description: Option<String>,
    /// The sources the story's events come from, so that a reader missing
    /// one knows what to open.
    pub sources: Vec<StorySource>,
    /// The steps, in order.
    pub steps: Vec<Step>,
}

/// A source a story uses: its id (as events files name it) and title.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a source {\"id\", \"title\"}")]
pub struct StorySource {
    /// The source's id.
    pub id: String,
    /// Its title, for a reader who has not loaded it.
    #[serde(default)]
    pub title: String,
}

/// One step of a story.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Step {
    /// What the author says at this step.
    pub caption: String,
    /// The ids of the events the step is about; the first is selected.
    pub events: Vec<String>,
    /// Where the map looks; `None` leaves the camera where it is.
    pub camera: Option<StepCamera>,
    /// The time window, `[from, to)`; `None` covers the step's events.
    pub window: Option<(Seconds, Seconds)>,
    /// The time cursor; `None` puts it at the window's end.
    pub cursor: Option<Seconds>,
    /// A quote of one of the step's events to show in the article.
    pub quote: Option<QuoteRef>,
    /// Which panels are open.
    pub panels: StepPanels,
}

/// Where the map looks at a step: the centre and the stretch of ground
/// the view spans, so that the same ground is shown in any window size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a camera {\"lon\", \"lat\", \"width_km\", \"height_km\"}")]
pub struct StepCamera {
    /// Longitude of the centre.
    pub lon: f64,
    /// Latitude of the centre.
    pub lat: f64,
    /// Kilometres shown across.
    pub width_km: f64,
    /// Kilometres shown down.
    pub height_km: f64,
}

/// A quote to show: the event and the index of its quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a quote {\"event\", \"index\"}")]
pub struct QuoteRef {
    /// The event's id (one of the step's events).
    pub event: String,
    /// Index into the event's quotes.
    #[serde(default)]
    pub index: usize,
}

/// Which of the window's panels a step shows (the map always shows).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "panels {\"events_list\", \"timeline\", \"details\"}")]
pub struct StepPanels {
    /// The events list on the left.
    #[serde(default = "yes")]
    pub events_list: bool,
    /// The timeline at the bottom.
    #[serde(default = "yes")]
    pub timeline: bool,
    /// The detail card and the article on the right.
    #[serde(default = "yes")]
    pub details: bool,
}

fn yes() -> bool {
    true
}

impl Default for StepPanels {
    /// Every panel open.
    fn default() -> Self {
        Self {
            events_list: true,
            timeline: true,
            details: true,
        }
    }
}

impl Story {
    /// The ids of the events the steps name that `known` does not know,
    /// once each, in the order first named.
    pub fn missing_events(&self, known: &dyn Fn(&str) -> bool) -> Vec<String> {
        let mut missing: Vec<String> = Vec::new();
        for id in self.steps.iter().flat_map(|s| &s.events) {
            if !known(id) && !missing.contains(id) {
                missing.push(id.clone());
            }
        }
        missing
    }
}

impl Step {
    /// The caption's first line, cut to about `max` characters, for a list
    /// or a screen reader's name of the step.
    pub fn short_caption(&self, max: usize) -> String {
        let line = self.caption.lines().next().unwrap_or_default().trim();
        if line.chars().count() <= max {
            return line.to_owned();
        }
        let cut: String = line.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_captions_are_cut_at_a_character() {
        let step = Step {
            caption: "Kök-Tash, the first clash\nmore".to_owned(),
            ..Step::default()
        };
        assert_eq!(step.short_caption(40), "Kök-Tash, the first clash");
        assert_eq!(step.short_caption(4), "Kök-…");
    }

    #[test]
    fn missing_events_are_listed_once() {
        let step = |ids: &[&str]| Step {
            events: ids.iter().map(|s| (*s).to_owned()).collect(),
            ..Step::default()
        };
        let story = Story {
            steps: vec![step(&["a", "x"]), step(&["x", "y", "b"])],
            ..Story::default()
        };
        let known = |id: &str| id == "a" || id == "b";
        assert_eq!(story.missing_events(&known), ["x", "y"]);
    }
}

#[cfg(test)]
mod read_tests;
