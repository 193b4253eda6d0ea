//! Reading the data and preparing the map on a thread while the window
//! opens. Making the window and the renderer keeps the main thread busy for
//! a while before the app is created; reading the bundled files and
//! preparing what the map's first frame draws meanwhile, on another core,
//! takes that work off the path to the first frame.

use std::sync::Arc;
use std::thread::JoinHandle;

use super::MapView;
use crate::data::Data;

/// The data and its map, once prepared.
type Prepared = anyhow::Result<(Arc<Data>, MapView)>;

/// The data and a [`MapView`] for it, being prepared.
pub struct MapPreparation {
    state: State,
}

enum State {
    /// On a thread.
    Thread(JoinHandle<Prepared>),
    /// Prepared here, when no thread could start.
    Here(Box<Prepared>),
}

impl MapPreparation {
    /// Reads the data with `load` and prepares what the map's first frame
    /// needs of it, on a thread; the rest follows the first frame.
    pub fn load_and_start(load: impl FnOnce() -> anyhow::Result<Data> + Send + 'static) -> Self {
        Self::start_with(load, |_| {})
    }

    /// Reads the data with `load` and prepares its map as
    /// [`MapPreparation::load_and_start`] does, and what follows its first
    /// frame at once (for a picture, which waits for everything).
    pub fn load_and_start_in_full(
        load: impl FnOnce() -> anyhow::Result<Data> + Send + 'static,
    ) -> Self {
        Self::start_with(load, MapView::start_deferred)
    }

    /// Prepares what the map's first frame needs of `data` on a thread; the
    /// rest follows the first frame.
    pub fn start(data: Arc<Data>) -> Self {
        Self::with_data(data, |_| {})
    }

    /// Prepares the map of `data` as [`MapPreparation::start`] does, and
    /// what follows its first frame at once (for a picture, which waits for
    /// everything).
    pub fn start_in_full(data: Arc<Data>) -> Self {
        Self::with_data(data, MapView::start_deferred)
    }

    fn with_data(data: Arc<Data>, then: fn(&mut MapView)) -> Self {
        let prepare = move || {
            let mut map = MapView::new(&data);
            then(&mut map);
            Ok((data, map))
        };
        Self::spawn(prepare)
    }

    fn start_with(
        load: impl FnOnce() -> anyhow::Result<Data> + Send + 'static,
        then: fn(&mut MapView),
    ) -> Self {
        let prepare = move || {
            let data = Arc::new(load()?);
            let mut map = MapView::new(&data);
            then(&mut map);
            Ok((data, map))
        };
        Self::spawn(prepare)
    }

    /// Runs `prepare` on a thread, or here if no thread can start.
    fn spawn(prepare: impl FnOnce() -> Prepared + Send + 'static) -> Self {
        // Shared, so that the work is still at hand if the thread never ran.
        let work = Arc::new(std::sync::Mutex::new(Some(prepare)));
        let for_thread = work.clone();
        let run = move || match for_thread.lock().ok().and_then(|mut w| w.take()) {
            Some(prepare) => prepare(),
            None => Err(anyhow::anyhow!("the map was prepared twice")),
        };
        let spawned = std::thread::Builder::new()
            .name("map-preparation".into())
            .spawn(run);
        let state = match spawned {
            Ok(thread) => State::Thread(thread),
            Err(e) => State::Here(Box::new(
                match work.lock().ok().and_then(|mut w| w.take()) {
                    Some(prepare) => prepare(),
                    None => Err(anyhow::anyhow!("cannot start a thread: {e}")),
                },
            )),
        };
        Self { state }
    }

    /// The data and its prepared map: waits for the thread.
    pub fn finish(self) -> Prepared {
        match self.state {
            State::Thread(thread) => thread
                .join()
                .unwrap_or_else(|_| Err(anyhow::anyhow!("preparing the map failed"))),
            State::Here(prepared) => *prepared,
        }
    }
}
