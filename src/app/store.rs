//! The shared store in the app: connecting (File → Connect to database…,
//! `--db`), the store's events in place of the files' while connected,
//! other coders' changes put in as they arrive, the coder's edits, undo and
//! conflicts handed to the link (`store::live`), and the data of files
//! shown again after leaving. The threads wake the window when they
//! answer.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use super::App;
use crate::data::Data;
use crate::data::counts::{CellCounts, TimeCounts};
use crate::data::event::Event;
use crate::data::events::Collection;
use crate::diagnostic::Diagnostic;
use crate::store::Store;
use crate::store::live::{Command, Effect, Home, Waker};

/// What the app keeps for the store beside [`Home`].
#[derive(Default)]
pub(super) struct StoreState {
    /// The data of files, kept while the store's events are shown.
    files_data: Option<Arc<Data>>,
    /// The window's context, once known: the threads' waker repaints it.
    pub(super) context: Arc<OnceLock<egui::Context>>,
    /// The database `--db` names, connected to at the first frame (once
    /// the outbox folder is set).
    pub connect_at_start: Option<String>,
    /// The file dialog's answer, when it was asked for files to push.
    pub push_picking: Option<crate::file_dialog::Picked>,
    /// Files being read to be pushed, by name.
    pub to_push: Vec<String>,
}

impl App {
    /// Keeps the outboxes of edits made offline in `dir` (the app's data
    /// folder; a temporary one in tests).
    pub fn with_outbox_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.home.keep_outboxes_in(dir);
        self
    }

    /// Asks a store holding more than `events` events per view (counts per
    /// cell zoomed out, the events zoomed in) rather than reading them all.
    pub fn with_view_above(mut self, events: u64) -> Self {
        self.home.view_above(events);
        self
    }

    /// Where the events shown live, and the link to the store.
    pub fn home(&self) -> &Home {
        &self.home
    }

    /// Applies a command about the store.
    pub(super) fn apply_store(&mut self, command: Command) {
        match command {
            Command::Connect { url, password } => {
                let waker = self.waker();
                self.home.connect(&url, password.as_ref(), waker);
            }
            Command::Disconnect => {
                self.home.disconnect();
                self.show_files_again();
            }
            Command::OpenEditor(id) => self.store_panels.open_editor(&id),
            Command::PushFiles => self.pick_files_to_push(),
            other => {
                if let Some(live) = self.home.live_mut() {
                    live.apply(other);
                }
            }
        }
    }

    /// Wakes the window from the store's threads.
    fn waker(&self) -> Waker {
        let context = self.store.context.clone();
        Arc::new(move || {
            if let Some(ctx) = context.get() {
                ctx.request_repaint();
            }
        })
    }

    /// Once a frame: what the store's threads sent.
    pub(super) fn store_frame(&mut self, ctx: &egui::Context) {
        self.store.context.get_or_init(|| ctx.clone());
        self.receive_picked_to_push(ctx);
        if let Some(url) = self.store.connect_at_start.take() {
            self.windows.connect = true;
            self.store_panels.connecting_at_start();
            self.apply_store(Command::Connect {
                url,
                password: None,
            });
        }
        let Some(live) = self.home.live_mut() else {
            return;
        };
        let effects = live.poll(&self.data.events);
        if live.refused() {
            self.home.refused();
            self.show_files_again();
            return;
        }
        let store = (self.home.is_database())
            .then(|| self.home.live().map(|l| Store::Database(l.info().clone())))
            .flatten();
        if self.workspace.store() != store.as_ref() {
            self.workspace.set_store(store);
        }
        for effect in effects {
            self.carry_out_store(effect);
        }
        self.ask_for_the_view();
    }

    /// Carries out one effect of the store link.
    fn carry_out_store(&mut self, effect: Effect) {
        match effect {
            Effect::Loaded(collection) => self.show_store(*collection, None, None),
            Effect::Viewed {
                events,
                counts,
                histogram,
            } => self.show_store(*events, counts, Some(histogram)),
            Effect::Put { id, event } => self.put_event(&id, event.map(|c| *c)),
            Effect::Show(event) => self.show_event(*event),
            Effect::Saved(result) => self.workspace.saved_in_store(result),
        }
    }

    /// The store's events (and the counts per cell of a view holding too
    /// many to draw, and the timeline's histogram as the store counted it
    /// for a view) in place of those shown; the files' data is kept to
    /// show again after leaving.
    fn show_store(
        &mut self,
        collection: Collection,
        counts: Option<CellCounts>,
        histogram: Option<TimeCounts>,
    ) {
        let files = self
            .store
            .files_data
            .get_or_insert_with(|| self.data.clone())
            .clone();
        let mut data = Data {
            region: files.region.clone(),
            geo: files.geo.clone(),
            counts: counts.map(Arc::new),
            time_counts: histogram.map(Arc::new),
            ..Data::default()
        };
        if let Err(message) = data.add(collection) {
            self.report("database", vec![Diagnostic::error(message)]);
            return;
        }
        self.replace_data(data);
    }

    /// The files' data again, after leaving the store.
    fn show_files_again(&mut self) {
        self.workspace.set_store(None);
        if let Some(files) = self.store.files_data.take() {
            self.replace_data((*files).clone());
        }
    }

    /// One event as the store has it now (`None`: removed), in the place
    /// it had.
    fn put_event(&mut self, id: &str, event: Option<Collection>) {
        let mut data = (*self.data).clone();
        let place = data.events.iter().position(|e| e.id == id);
        data.events.retain(|e| e.id != id);
        if let Some(collection) = event {
            if let Err(message) = data.add(collection) {
                self.report("database", vec![Diagnostic::error(message)]);
                return;
            }
            if let (Some(i), Some(e)) = (place, data.events.pop()) {
                data.events.insert(i.min(data.events.len()), e);
            }
        }
        self.replace_data(data);
    }

    /// An event as an edit waiting offline will leave it.
    fn show_event(&mut self, event: Event) {
        let mut data = (*self.data).clone();
        if let Some(slot) = data.events.iter_mut().find(|e| e.id == event.id) {
            *slot = event;
            self.replace_data(data);
        }
    }

    /// New data: what is derived from it is rebuilt, and the article
    /// under review keeps its kept events in it.
    fn replace_data(&mut self, data: Data) {
        self.data = Arc::new(data);
        if let Some(with_coded) = self.workspace.publish(&self.data) {
            self.data = Arc::new(with_coded);
        }
        self.derive_from_data();
    }
}
