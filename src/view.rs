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
    /// How much time passes per second of playback.
    #[serde(default)]
    pub speed: PlaySpeed,
    /// Whether playback starts over at the end of the data.
    #[serde(default)]
    pub looping: bool,
    /// Cumulative window (start fixed, end follows the cursor) instead of a
    /// moving one (fixed width, slides with the cursor).
    #[serde(default)]
    pub cumulative: bool,
}

/// Playback speed: timeline time per second of wall time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaySpeed {
    /// One hour per second.
    Hour,
    /// Six hours per second.
    SixHours,
    /// One day per second.
    #[default]
    Day,
    /// One week per second.
    Week,
    /// One month (30 days) per second.
    Month,
}

impl PlaySpeed {
    /// All speeds, slowest first.
    pub const ALL: [Self; 5] = [
        Self::Hour,
        Self::SixHours,
        Self::Day,
        Self::Week,
        Self::Month,
    ];

    /// Timeline seconds per wall-clock second.
    pub fn seconds_per_second(self) -> f64 {
        match self {
            Self::Hour => 3600.0,
            Self::SixHours => 6.0 * 3600.0,
            Self::Day => 86_400.0,
            Self::Week => 7.0 * 86_400.0,
            Self::Month => 30.0 * 86_400.0,
        }
    }

    /// Label for the speed picker.
    pub fn label(self) -> &'static str {
        match self {
            Self::Hour => "1 hour/s",
            Self::SixHours => "6 hours/s",
            Self::Day => "1 day/s",
            Self::Week => "1 week/s",
            Self::Month => "1 month/s",
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
    /// The id of the source the article panel shows, when the user chose
    /// one; else it shows the selected event's source.
    #[serde(default)]
    pub reading: Option<String>,
    /// The latest reveal request: a one-shot command for this run, never
    /// saved, so that a restored view does not replay it.
    #[serde(skip)]
    pub reveal: Option<Reveal>,
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
