//! View files: a small JSON file holding one view of the map, so that it
//! can be sent to a colleague: the camera, the time window and cursor, the
//! filters, the hidden layers, the theme, the selected event, the source
//! the article panel shows, the story step, and the sources the view needs
//! (by id and SHA-256 of their text) so that whoever opens it is told which
//! one is missing. The format is documented in `assets/README.md`
//! ("View files"); `read.rs` reads one with every problem placed at its
//! line and column, `write.rs` writes one whole.

mod format;
pub mod read;
pub mod write;

use std::collections::BTreeSet;

use crate::data::Data;
use crate::data::time::Seconds;
use crate::model::view::ViewState;

/// The format's version, the value of `border_incidents_view`.
pub const VERSION: u32 = 1;

/// The member that tells a view file from other JSON files.
pub const MARKER: &str = "border_incidents_view";

/// A story step a view shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryAt {
    /// The story's title.
    pub title: String,
    /// Whether it is the story that comes with the app.
    pub bundled: bool,
    /// The step shown, counted from 0.
    pub step: usize,
}

/// A source a view needs: its events are shown or selected in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NeededSource {
    /// The source's id.
    pub id: String,
    /// Its title, to name it to whoever lacks it.
    pub title: Option<String>,
    /// The SHA-256 of its text (articles), as lowercase hex.
    pub sha256: Option<String>,
}

/// One view, as a view file holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewFile {
    /// The id of the region profile the view is of.
    pub region: String,
    /// The view (its one-shot requests empty).
    pub view: ViewState,
    /// The stretch of time the timeline shows, when known.
    pub timeline: Option<(Seconds, Seconds)>,
    /// The story step shown, when a story was open.
    pub story: Option<StoryAt>,
    /// The sources the view needs.
    pub sources: Vec<NeededSource>,
}

impl ViewFile {
    /// The view `view` of `data`, showing the events `shown` (indices into
    /// `data.events`), at the story step `story`.
    pub fn of(view: &ViewState, data: &Data, shown: &[usize], story: Option<StoryAt>) -> Self {
        let mut view = view.clone();
        view.reveal = None;
        view.time_focus = None;
        view.picking_place = false;
        view.time.playing = false;
        let mut needed: BTreeSet<usize> = shown
            .iter()
            .filter_map(|&i| data.events.get(i).map(|e| e.source))
            .collect();
        let selected = view.selection.as_deref();
        needed.extend(
            data.events
                .iter()
                .filter(|e| Some(e.id.as_str()) == selected)
                .map(|e| e.source),
        );
        let reading = view.reading.as_deref();
        needed.extend(
            data.sources
                .iter()
                .position(|s| Some(s.id.as_str()) == reading),
        );
        let sources = needed
            .into_iter()
            .filter_map(|i| data.sources.get(i))
            .map(|s| NeededSource {
                id: s.id.clone(),
                title: s.title.clone(),
                sha256: s.sha256.clone(),
            })
            .collect();
        Self {
            region: data.region.id.clone(),
            view,
            timeline: None,
            story,
            sources,
        }
    }

    /// A file name for the view: its selection's id, else "view".
    pub fn file_name(&self) -> String {
        let stem = self.view.selection.as_deref().unwrap_or("view");
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("{stem}.view.json")
    }
}

#[cfg(test)]
mod tests;
