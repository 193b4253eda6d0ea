//! View state: everything the user can change about how the data is shown.
//! Widgets read it and return [`Action`]s; only the app changes it.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::data::event::{EventKind, Side, Verdict};
use crate::data::time::Seconds;
use crate::map::camera::Camera;

/// Which base layers are drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LayerToggles {
    /// Country fills.
    pub countries: bool,
    /// Lakes and reservoirs.
    pub lakes: bool,
    /// Rivers.
    pub rivers: bool,
    /// Borders between countries.
    pub borders: bool,
    /// The Fergana Valley area.
    pub valley: bool,
    /// Place dots and labels.
    pub places: bool,
    /// Incident and statement markers.
    pub events: bool,
    /// Uncertainty halos around markers.
    pub halos: bool,
}

impl Default for LayerToggles {
    fn default() -> Self {
        Self {
            countries: true,
            lakes: true,
            rivers: true,
            borders: true,
            valley: true,
            places: true,
            events: true,
            halos: true,
        }
    }
}

/// Which events the list, map and timeline show.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Filters {
    /// Free text matched against title, summary, place and quotes.
    pub text: String,
    /// Kinds hidden by the user.
    pub hidden_kinds: BTreeSet<EventKindKey>,
    /// Categories hidden by the user.
    pub hidden_categories: BTreeSet<String>,
    /// Sides hidden by the user.
    pub hidden_sides: BTreeSet<SideKey>,
    /// Verdicts hidden by the user.
    pub hidden_verdicts: BTreeSet<VerdictKey>,
}

/// A serialisable, ordered key for [`EventKind`].
pub type EventKindKey = String;
/// A serialisable, ordered key for [`Side`].
pub type SideKey = String;
/// A serialisable, ordered key for [`Verdict`].
pub type VerdictKey = String;

/// The filter key of a kind.
pub fn kind_key(kind: EventKind) -> EventKindKey {
    format!("{kind:?}")
}
/// The filter key of a side.
pub fn side_key(side: Option<Side>) -> SideKey {
    side.map_or_else(|| "None".to_owned(), |s| format!("{s:?}"))
}
/// The filter key of a verdict.
pub fn verdict_key(verdict: Option<Verdict>) -> VerdictKey {
    verdict.map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
}

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
    /// The latest reveal request.
    pub reveal: Option<Reveal>,
}

impl ViewState {
    /// Whether a view read back from a saved state can be used: a camera
    /// inside the zoom limits and the world, and a time window that is not
    /// empty. A saved state written by hand or by an older version may not be.
    pub fn is_sound(&self) -> bool {
        use crate::map::camera::{MAX_POINTS_PER_KM, MIN_POINTS_PER_KM};
        let c = &self.camera;
        (MIN_POINTS_PER_KM..=MAX_POINTS_PER_KM).contains(&c.points_per_km)
            && (-180.0..=180.0).contains(&c.center_lon)
            && (-90.0..=90.0).contains(&c.center_lat)
            && self.time.window.0 < self.time.window.1
    }
}
