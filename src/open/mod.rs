//! Opening files: GeoJSON overlay layers and events files, loaded on worker
//! threads with progress and cancel; the layers list, the loading strip and
//! the window listing the problems of files that could not be opened.

pub mod dialog;
pub mod draw;
pub mod layer;
pub mod loader;
pub mod merge;
pub mod reader;
pub mod ui;

use layer::OverlayLayer;
use loader::Loader;

/// What the open-files widgets ask for; the app applies it.
#[derive(Clone, Debug, PartialEq)]
pub enum OpenAction {
    /// Show or hide the layer at this index.
    SetVisible(usize, bool),
    /// Remove the layer at this index.
    Remove(usize),
    /// Fit the map to the layer at this index.
    ZoomTo(usize),
    /// Cancel the load at this index of the loading list.
    Cancel(usize),
    /// Close the problems window (forgets the problems).
    CloseProblems,
}

/// Opened files and those still loading.
#[derive(Default)]
pub struct Opened {
    /// Files still loading.
    pub loader: Loader,
    /// Overlay layers, in the order opened (drawn in that order).
    pub layers: Vec<OverlayLayer>,
    /// Problems of files that could not be opened, one line each.
    pub problems: Vec<String>,
}

impl Opened {
    /// Applies an action that concerns only the opened files; returns the
    /// layer index when the map should be fitted to it.
    pub fn apply(&mut self, action: OpenAction) -> Option<usize> {
        match action {
            OpenAction::SetVisible(i, visible) => {
                if let Some(layer) = self.layers.get_mut(i) {
                    layer.visible = visible;
                }
            }
            OpenAction::Remove(i) => {
                if i < self.layers.len() {
                    self.layers.remove(i);
                }
            }
            OpenAction::ZoomTo(i) => return (i < self.layers.len()).then_some(i),
            OpenAction::Cancel(i) => {
                if let Some(job) = self.loader.jobs().get(i) {
                    job.cancel();
                }
            }
            OpenAction::CloseProblems => self.problems.clear(),
        }
        None
    }
}
