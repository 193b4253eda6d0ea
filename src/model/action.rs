//! What widgets ask for. Widgets never change state themselves: they return
//! actions, and the app applies them in order after drawing. The app's own
//! changes of the view (a story's glide, a coded article opened, a
//! picture's shot) are actions too, so that the view changes in one place.

use crate::model::camera::Camera;
use crate::model::view::{Filters, LayerToggles, Theme, TimeView, ViewState};

/// A change the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select an event by id, or clear the selection.
    Select(Option<String>),
    /// Select an event and bring it into view on the map, in the article
    /// (scrolled to the given quote) and on the timeline.
    Reveal {
        /// The event's id.
        event_id: String,
        /// Index of the quote to show in the article.
        quote: usize,
    },
    /// Bring the stretch of time from `from` to `to` into the timeline's
    /// view: moved only as far as needed, fitted to it, or set to it.
    FocusTime {
        /// The stretch's first second.
        from: crate::data::time::Seconds,
        /// One past its last second.
        to: crate::data::time::Seconds,
        /// How the axis is brought to it.
        focus: crate::model::view::Focus,
    },
    /// Select an event and show it in the article and the lists, the map
    /// and the timeline staying where they are (a view file opened).
    RevealInPlace(String),
    /// Move the map camera.
    SetCamera(Camera),
    /// Replace the whole view (a picture's shot).
    SetView(Box<ViewState>),
    /// Fit the map to the region.
    FitMap,
    /// Replace the event filters.
    SetFilters(Filters),
    /// Replace the layer toggles.
    SetLayers(LayerToggles),
    /// Replace the time cursor and window.
    SetTime(TimeView),
    /// Switch the theme.
    SetTheme(Theme),
    /// Label place names in this script.
    SetNames(crate::model::view::PlaceNames),
    /// Show this source's text in the article panel (`None`: the selected
    /// event's source).
    ShowSource(Option<String>),
    /// Ask for files to open (the file dialog).
    OpenFiles,
    /// Ask where to save the view shown as a view file (the file dialog).
    SaveView,
    /// Remove the overlay with this id.
    RemoveOverlay(u64),
    /// Fit the map to the overlay with this id.
    ZoomToOverlay(u64),
    /// Cancel the load at this index of the loading list.
    CancelLoad(usize),
    /// Close the problems window (forgets the problems).
    CloseProblems,
    /// Coding an article: a command of the review panel or its windows.
    Coding(crate::coding::Command),
    /// Start or stop picking a place on the map (for the proposal under
    /// review).
    SetPickingPlace(bool),
    /// The map was clicked at this point while a place was being picked
    /// (see [`crate::model::view::ViewState::picking_place`]).
    PickedPoint {
        /// Longitude.
        lon: f64,
        /// Latitude.
        lat: f64,
    },
    /// Play, write, open or save a story.
    Story(crate::story::action::StoryAction),
    /// Export the events shown, a picture or the playback: asks where to
    /// save, then writes on a thread.
    Export(crate::output::requests::ExportRequest),
    /// Cancel the export running.
    CancelExport,
    /// Close the note an export ended with.
    DismissExport,
    /// The shared store: connect, edit an event, settle a conflict, undo.
    Store(crate::store::live::Command),
}
