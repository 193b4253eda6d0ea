//! The JSON layout of a view file (see `assets/README.md`), as serde
//! reads and writes it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::model::filters::Filters;
use crate::model::view::{PlaceNames, PlaySpeed};

/// The whole file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileDoc {
    /// The format's version ([`super::VERSION`]).
    pub border_incidents_view: u32,
    /// The region profile's id.
    pub region: String,
    /// Where the map looks.
    pub camera: CameraDoc,
    /// The time window, cursor and play options.
    pub time: TimeDoc,
    /// The stretch of time the timeline shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline: Option<RangeDoc>,
    /// The selected event's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<String>,
    /// The filters.
    #[serde(default)]
    pub filters: Filters,
    /// The ids of the map layers hidden.
    #[serde(default)]
    pub hidden_layers: BTreeSet<String>,
    /// The colour theme.
    #[serde(default)]
    pub theme: ThemeDoc,
    /// The script place names are labelled in.
    #[serde(default)]
    pub names: NamesDoc,
    /// The source the article panel shows, when chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// The story step shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story: Option<StoryDoc>,
    /// The sources the view needs.
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
}

/// The camera: the point at the map's centre and the zoom.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CameraDoc {
    /// Longitude of the centre, degrees east.
    pub lon: f64,
    /// Latitude of the centre, degrees north.
    pub lat: f64,
    /// Screen points per kilometre.
    pub points_per_km: f64,
}

/// The time: window, cursor and how playback would run.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TimeDoc {
    /// The window's first moment.
    pub from: String,
    /// The moment the window ends (not in it).
    pub to: String,
    /// The time cursor.
    pub cursor: String,
    /// Events outside the window drawn faint.
    #[serde(default)]
    pub show_outside: bool,
    /// A cumulative window.
    #[serde(default)]
    pub cumulative: bool,
    /// Playback starts over at the end.
    #[serde(default)]
    pub looping: bool,
    /// Playback skips empty stretches.
    #[serde(default = "yes")]
    pub skip_gaps: bool,
    /// Playback speed.
    #[serde(default)]
    pub speed: PlaySpeed,
}

/// A stretch of time.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RangeDoc {
    /// Its first moment.
    pub from: String,
    /// The moment it ends.
    pub to: String,
}

/// Playback skips empty stretches unless the file says otherwise.
fn yes() -> bool {
    true
}

/// The theme, in lower case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum ThemeDoc {
    /// Light.
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// The script of place names, in lower case.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum NamesDoc {
    /// Latin letters.
    #[default]
    Latin,
    /// The local script.
    Local,
    /// Both.
    Both,
}

impl From<PlaceNames> for NamesDoc {
    fn from(names: PlaceNames) -> Self {
        match names {
            PlaceNames::Latin => Self::Latin,
            PlaceNames::Local => Self::Local,
            PlaceNames::Both => Self::Both,
        }
    }
}

impl From<NamesDoc> for PlaceNames {
    fn from(names: NamesDoc) -> Self {
        match names {
            NamesDoc::Latin => Self::Latin,
            NamesDoc::Local => Self::Local,
            NamesDoc::Both => Self::Both,
        }
    }
}

/// The story step shown.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoryDoc {
    /// The story's title.
    pub title: String,
    /// Whether it is the story that comes with the app.
    #[serde(default)]
    pub bundled: bool,
    /// The step, counted from 1.
    pub step: usize,
}

/// A source the view needs.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourceDoc {
    /// Its id.
    pub id: String,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The SHA-256 of its text, lowercase hex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}
