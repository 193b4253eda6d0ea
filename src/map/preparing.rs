//! Preparing the map on a thread while the window opens. Making the window
//! and the renderer keeps the main thread busy for a while before the app is
//! created; triangulating the base layers meanwhile, on another core, takes
//! that work off the path to the first frame.

use std::sync::Arc;
use std::thread::JoinHandle;

use super::MapView;
use crate::data::Data;

/// A [`MapView`] being prepared for some data.
pub struct MapPreparation {
    data: Arc<Data>,
    thread: Option<JoinHandle<MapView>>,
}

impl MapPreparation {
    /// Starts preparing the map of `data` on a thread (or later, in
    /// [`MapPreparation::finish`], if no thread can be started).
    pub fn start(data: Arc<Data>) -> Self {
        let geo_of = data.clone();
        let thread = std::thread::Builder::new()
            .name("map-preparation".into())
            .spawn(move || MapView::new(&geo_of))
            .ok();
        Self { data, thread }
    }

    /// The prepared map: waits for its thread, or prepares it here when the
    /// thread could not start or failed.
    pub fn finish(self) -> MapView {
        self.thread
            .and_then(|thread| thread.join().ok())
            .unwrap_or_else(|| MapView::new(&self.data))
    }
}
