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
    /// Starts preparing what the map's first frame needs of `data` on a
    /// thread (or later, in [`MapPreparation::finish`], if no thread can be
    /// started); the rest follows the first frame.
    pub fn start(data: Arc<Data>) -> Self {
        Self::start_with(data, |_| {})
    }

    /// Starts preparing the map of `data` as [`MapPreparation::start`]
    /// does, and what follows its first frame at once (for a picture,
    /// which waits for everything).
    pub fn start_in_full(data: Arc<Data>) -> Self {
        Self::start_with(data, MapView::start_deferred)
    }

    fn start_with(data: Arc<Data>, then: fn(&mut MapView)) -> Self {
        let geo_of = data.clone();
        let prepare = move || {
            let mut map = MapView::new(&geo_of);
            then(&mut map);
            map
        };
        let thread = std::thread::Builder::new()
            .name("map-preparation".into())
            .spawn(prepare)
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
