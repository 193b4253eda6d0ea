//! View state: everything the user can change about how the data is shown.
//! Widgets read it and return [`Action`]s; only the app changes it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::data::time::Seconds;
use crate::model::camera::Camera;

/// The ids of the map's built-in layers, under which their toggles are
/// saved. Overlays opened by the user have ids of their own
/// (`Overlay::layer_id`).
pub mod layer_ids {
    /// Country fills and outlines.
    pub const COUNTRIES: &str = "countries";
    /// Lakes and reservoirs.
    pub const LAKES: &str = "lakes";
    /// Rivers.
    pub const RIVERS: &str = "rivers";
    /// Borders between countries.
    pub const BORDERS: &str = "borders";
    /// The region's area of interest (the Fergana Valley).
    pub const AREA: &str = "area";
    /// Place dots and labels.
    pub const PLACES: &str = "places";
    /// Incident and statement markers.
    pub const EVENTS: &str = "events";
    /// Background (context) rows on the map.
    pub const CONTEXT: &str = "context";
    /// Uncertainty halos around markers.
    pub const HALOS: &str = "halos";
    /// Shaded relief under the base map.
    pub const RELIEF: &str = "relief";
    /// The world beyond the region's base map: countries and capitals.
    pub const WORLD: &str = "world";
}

/// Which map layers are drawn, by layer id (see [`layer_ids`]). A layer
/// is drawn unless hidden; some layers start hidden.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LayerToggles {
    /// Ids of the layers not drawn.
    pub hidden: BTreeSet<String>,
}

impl Default for LayerToggles {
    /// Every layer drawn but the background (context) events, which are
    /// not incidents of the conflict and stay on the timeline.
    fn default() -> Self {
        Self {
            hidden: BTreeSet::from([layer_ids::CONTEXT.to_owned()]),
        }
    }
}

impl LayerToggles {
    /// Whether the layer `id` is drawn.
    pub fn shown(&self, id: &str) -> bool {
        !self.hidden.contains(id)
    }

    /// These toggles with the layer `id` drawn or not.
    pub fn with(&self, id: &str, shown: bool) -> Self {
        let mut next = self.clone();
        if shown {
            next.hidden.remove(id);
        } else {
            next.hidden.insert(id.to_owned());
        }
        next
    }
}

/// A switch of the View menu: the id the choice is saved under and the
/// name shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toggle {
    /// The layer id ([`layer_ids`], or an overlay's id).
    pub id: String,
    /// What the menu calls it.
    pub name: String,
}

impl Toggle {
    /// A toggle for the layer `id` named `name`.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
        }
    }
}

pub use crate::model::filters::Filters;

/// The time the user looks at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeView {
    /// The current-time cursor.
    pub cursor: Seconds,
    /// The time window; events overlapping it are shown.
    pub window: (Seconds, Seconds),
    /// Whether events outside the window are drawn faint instead of hidden.
    pub show_outside: bool,
    /// Whether playback is running.
    #[serde(default)]
    pub playing: bool,
    /// How fast playback runs, relative to the visible span.
    #[serde(default)]
    pub speed: PlaySpeed,
    /// Whether playback starts over at the end of the visible range.
    #[serde(default)]
    pub looping: bool,
    /// Cumulative window (start fixed, end follows the cursor) instead of a
    /// moving one (fixed width, slides with the cursor).
    #[serde(default)]
    pub cumulative: bool,
    /// Whether playback jumps over stretches in which no event begins.
    #[serde(default = "skip_gaps_by_default")]
    pub skip_gaps: bool,
}

/// Playback skips empty stretches unless the user turned it off.
fn skip_gaps_by_default() -> bool {
    true
}

/// Seconds of wall time playback takes to cross the visible span at the
/// normal speed.
pub const PLAY_SECONDS: f64 = 25.0;

/// Playback speed, as a factor of the normal speed, which crosses the
/// visible span of the timeline in [`PLAY_SECONDS`]. A speed saved by an
/// older version (a fixed time per second) reads as the normal speed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaySpeed {
    /// A quarter of the normal speed.
    Quarter,
    /// Half the normal speed.
    Half,
    /// Twice the normal speed.
    Double,
    /// Four times the normal speed.
    Fourfold,
    /// The visible span in [`PLAY_SECONDS`] (last, as the one any unknown
    /// speed reads as).
    #[default]
    #[serde(other)]
    Normal,
}

impl PlaySpeed {
    /// All speeds, slowest first.
    pub const ALL: [Self; 5] = [
        Self::Quarter,
        Self::Half,
        Self::Normal,
        Self::Double,
        Self::Fourfold,
    ];

    /// The factor of the normal speed.
    pub fn factor(self) -> f64 {
        match self {
            Self::Quarter => 0.25,
            Self::Half => 0.5,
            Self::Normal => 1.0,
            Self::Double => 2.0,
            Self::Fourfold => 4.0,
        }
    }

    /// Timeline seconds per wall-clock second while `visible_span` seconds
    /// of the timeline are in view.
    pub fn seconds_per_second(self, visible_span: f64) -> f64 {
        visible_span.max(1.0) / PLAY_SECONDS * self.factor()
    }

    /// Label for the speed picker.
    pub fn label(self) -> &'static str {
        match self {
            Self::Quarter => "¼×",
            Self::Half => "½×",
            Self::Normal => "1×",
            Self::Double => "2×",
            Self::Fourfold => "4×",
        }
    }
}

/// The script place names are labelled in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaceNames {
    /// Latin letters, as GeoNames writes the names.
    #[default]
    Latin,
    /// The local script (Cyrillic for Kyrgyz, Tajik, Russian) where known.
    Local,
    /// Both: the Latin name over the local one.
    Both,
}

impl PlaceNames {
    /// Every choice, as the menu lists them.
    pub const ALL: [Self; 3] = [Self::Latin, Self::Local, Self::Both];

    /// The menu's words for the choice.
    pub fn label(self) -> &'static str {
        match self {
            Self::Latin => "Latin",
            Self::Local => "Local script (Cyrillic)",
            Self::Both => "Both",
        }
    }

    /// The label of a place called `latin`, `local` in the local script.
    pub fn label_of(self, latin: &str, local: Option<&str>) -> String {
        match (self, local) {
            (Self::Local, Some(local)) => local.to_owned(),
            (Self::Both, Some(local)) => format!("{latin}\n{local}"),
            _ => latin.to_owned(),
        }
    }
}

/// Light or dark theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Light theme.
    #[default]
    Light,
    /// Dark theme.
    Dark,
}

/// A request to bring an event into view everywhere (map, article, timeline).
/// Widgets act on a request once, remembering the last `serial` they saw.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reveal {
    /// The event to bring into view.
    pub event_id: String,
    /// The quote of the event to scroll the article to.
    pub quote: usize,
    /// Increases with every request.
    pub serial: u64,
    /// Whether the map and the timeline move to show the event (not when
    /// a view file sets where they look).
    #[serde(default)]
    pub pan: bool,
}

/// How the timeline's axis is brought to a stretch of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Focus {
    /// Moved, and zoomed out if need be, until the stretch is in view.
    Bring,
    /// Fitted to the stretch, with a margin.
    Fit,
    /// Set to the stretch exactly (a view file's).
    Exact,
}

/// A request to bring a stretch of time into the timeline's view (the
/// dates of a coded article's proposals), acted on once as [`Reveal`] is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeFocus {
    /// The stretch's first second.
    pub from: Seconds,
    /// One past its last second.
    pub to: Seconds,
    /// How the axis is brought to it.
    pub focus: Focus,
    /// Increases with every request.
    pub serial: u64,
}

/// Everything about how the data is shown; saved between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViewState {
    /// Map camera.
    pub camera: Camera,
    /// The selected event's id.
    pub selection: Option<String>,
    /// Time cursor and window.
    pub time: TimeView,
    /// Event filters.
    pub filters: Filters,
    /// Layer visibility.
    pub layers: LayerToggles,
    /// Theme.
    pub theme: Theme,
    /// The script place names are labelled in.
    #[serde(default)]
    pub names: PlaceNames,
    /// The id of the source the article panel shows, when the user chose
    /// one; else it shows the selected event's source.
    #[serde(default)]
    pub reading: Option<String>,
    /// The latest reveal request: a one-shot command for this run, never
    /// saved, so that a restored view does not replay it.
    #[serde(skip)]
    pub reveal: Option<Reveal>,
    /// The latest request to bring a stretch of time into the timeline's
    /// view: one-shot, never saved.
    #[serde(skip)]
    pub time_focus: Option<TimeFocus>,
    /// Whether a place is being picked on the map (for the proposal under
    /// review): a plain click on the map then answers with its point.
    #[serde(skip)]
    pub picking_place: bool,
}

impl ViewState {
    /// Whether a view read back from a saved state can be used: a camera
    /// inside the zoom limits and the world, and a time window that is not
    /// empty. A saved state written by hand or by an older version may not be.
    pub fn is_sound(&self) -> bool {
        use crate::model::camera::{MAX_POINTS_PER_KM, MIN_POINTS_PER_KM};
        let c = &self.camera;
        (MIN_POINTS_PER_KM..=MAX_POINTS_PER_KM).contains(&c.points_per_km)
            && (-180.0..=180.0).contains(&c.center_lon)
            && (-90.0..=90.0).contains(&c.center_lat)
            && self.time.window.0 < self.time.window.1
            && self.time.window.1.checked_sub(self.time.window.0).is_some()
            && crate::data::time::in_calendar(self.time.window.0)
            && crate::data::time::in_calendar(self.time.window.1)
            && crate::data::time::in_calendar(self.time.cursor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A time view saved before speeds were relative to the visible span
    /// (and before skipping empty stretches) still reads, at the normal
    /// speed, skipping.
    #[test]
    fn an_older_saved_time_view_still_reads() {
        let old = r#"{"cursor": 10, "window": [0, 20], "show_outside": false,
            "playing": false, "speed": "Day", "looping": true, "cumulative": false}"#;
        let time: TimeView = serde_json::from_str(old).expect("reads");
        assert_eq!(time.speed, PlaySpeed::Normal);
        assert!(time.skip_gaps && time.looping);
        let again: TimeView =
            serde_json::from_str(&serde_json::to_string(&time).expect("writes")).expect("reads");
        assert_eq!(again, time);
    }

    #[test]
    fn the_normal_speed_crosses_the_view_in_25_seconds() {
        let week = 7.0 * 86_400.0;
        let s = PlaySpeed::Normal.seconds_per_second(week);
        assert!((week / s - PLAY_SECONDS).abs() < 1e-9);
        assert!((PlaySpeed::Double.seconds_per_second(week) / s - 2.0).abs() < 1e-9);
    }
}
