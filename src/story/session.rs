//! The app's story state, kept in one field of the app: the open story,
//! the move under way to its step, the editor, the first-start offer, the
//! file dialogs waiting for an answer and the settings kept between runs.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use crate::model::camera::Camera;

use super::StepCamera;
use super::ease::Ease;
use super::player::{Player, StorySettings};

/// The key under which the story settings are saved between runs.
pub const STORAGE_KEY: &str = "border-incidents/stories/v1";

/// A step's camera as last fitted into the map: refitted when the map's
/// size changes while the camera is still the fitted one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fitted {
    /// The step's camera.
    pub wanted: StepCamera,
    /// The map's size it was fitted into, in points.
    pub size: [f32; 2],
    /// The camera that gave.
    pub camera: Camera,
}

/// Everything the app keeps about stories.
#[derive(Default)]
pub struct Session {
    /// The open story, if any.
    pub player: Option<Player>,
    /// What is kept between runs.
    pub settings: StorySettings,
    /// Whether the editor is open.
    pub editing: bool,
    /// Whether the first-start offer of the bundled story is shown.
    pub offer: bool,
    /// The move of the view to the shown step, while under way.
    pub ease: Option<Ease>,
    /// The event (and quote) to reveal once the view has arrived.
    pub reveal_due: Option<(String, usize)>,
    /// The step's camera as fitted into the map.
    pub fitted: Option<Fitted>,
    /// The clock of the last frame, in seconds.
    pub now: f64,
    /// Whether the view moves to steps at once (reduced motion asked for).
    pub at_once: bool,
    /// A story file dialog waiting for the user.
    pub opening: Option<Receiver<Vec<PathBuf>>>,
    /// A save dialog waiting for the user.
    pub saving: Option<Receiver<Option<PathBuf>>>,
    /// What the last save did, in words, for the editor.
    pub status: Option<String>,
}

impl Session {
    /// The state at start: the offer shown when `settings` were never
    /// saved (a first start) and it was not answered.
    pub fn new(settings: Option<StorySettings>, first_start_possible: bool) -> Self {
        let offer = first_start_possible && !settings.is_some_and(|s| s.offer_dismissed);
        Self {
            settings: settings.unwrap_or_default(),
            offer,
            ..Self::default()
        }
    }

    /// Whether a story is open.
    pub fn is_open(&self) -> bool {
        self.player.is_some()
    }
}
