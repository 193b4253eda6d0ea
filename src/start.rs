//! How the app starts: the options the command line gives, and the first
//! view they make with the view saved by the previous run.

use std::path::PathBuf;

use crate::data::Data;
use crate::data::time::Seconds;
use crate::model::view::{PlaceNames, Theme, ViewState};

/// The key under which the view of a region is saved between runs: each
/// region has its own (a camera over Fergana means nothing elsewhere).
pub fn storage_key(region_id: &str) -> String {
    format!("border-incidents/view-state/v2/{region_id}")
}

/// How the app should start, from the command line.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// Event to select at start.
    pub select: Option<String>,
    /// Time cursor at start.
    pub time: Option<Seconds>,
    /// Time window at start.
    pub window: Option<(Seconds, Seconds)>,
    /// Theme at start (overrides the saved one).
    pub theme: Option<Theme>,
    /// The script of place names at start (overrides the saved one).
    pub names: Option<PlaceNames>,
    /// Whether to restore the view saved by the previous run.
    pub restore: bool,
    /// GeoJSON files to open as overlay layers (or events, when they look so).
    pub files: Vec<PathBuf>,
    /// Events files to add.
    pub events: Vec<PathBuf>,
    /// A view file to show (once the files above have loaded).
    pub view: Option<PathBuf>,
    /// A database to connect to at start (a libpq connection string; empty
    /// for the libpq environment).
    pub db: Option<String>,
}

/// The view the app starts on: the one saved by the previous run when
/// asked to restore it and it can be read (a corrupt or old saved state
/// falls back to the defaults), then the options' theme and time.
pub fn first_view(
    storage: Option<&dyn eframe::Storage>,
    data: &Data,
    opts: &StartOptions,
) -> ViewState {
    let saved = if opts.restore {
        storage
            .and_then(|s| eframe::get_value::<ViewState>(s, &storage_key(&data.region.id)))
            .filter(ViewState::is_sound)
    } else {
        None
    };
    let mut view = saved.unwrap_or_else(|| crate::model::view_defaults::initial_view(data));
    if let Some(theme) = opts.theme {
        view.theme = theme;
    }
    if let Some(names) = opts.names {
        view.names = names;
    }
    apply_start_time(&mut view, opts);
    view
}

/// Applies `--time` and `--window`: the window is set as given; a time alone
/// puts the cursor there and ends the window at it (everything up to then).
fn apply_start_time(view: &mut ViewState, opts: &StartOptions) {
    if let Some(window) = opts.window {
        view.time.window = window;
        view.time.cursor = window.1;
    }
    if let Some(t) = opts.time {
        view.time.cursor = t;
        if opts.window.is_none() {
            let start = view.time.window.0.min(t);
            view.time.window = (start, t + 1);
        }
    }
}
