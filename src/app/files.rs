//! The app's files: those the user opens (File → Open…, dropped, from the
//! command line) load on worker threads; what they hold joins the data, and
//! their problems go to the Problems window.

use std::path::PathBuf;
use std::sync::Arc;

use super::App;
use crate::data::events::Collection;
use crate::data::geodata::overlay::Overlay;
use crate::diagnostic::Diagnostic;
use crate::import::loader::{Loader, Outcome};
use crate::import::{FileProblem, Want};
use crate::model::camera::{Camera, FIT_MARGIN, KmBox};

/// The files the user opened and those still loading.
#[derive(Default)]
pub struct OpenFiles {
    /// Files still loading.
    pub loader: Loader,
    /// Overlays, in the order opened (drawn in that order).
    pub overlays: Vec<Overlay>,
    /// Problems of the files opened, until the user closes the window.
    pub problems: Vec<FileProblem>,
    /// The event `--select` names, kept until the files opened at start
    /// have loaded (it may be one of theirs).
    pub select_after_loading: Option<String>,
    /// The event `--select` named when no loaded event has its id.
    pub select_missing: Option<String>,
}

impl App {
    /// Starts loading `paths` in the background, as events when a file
    /// holds them, else as overlays (or, with [`Want::Events`], as events).
    /// A view file among them is shown at once instead.
    pub fn open_files(&mut self, paths: Vec<PathBuf>, want: Want) {
        for path in paths {
            if want == Want::Anything && super::views::is_view_file(&path) {
                self.open_view_file(&path);
            } else {
                self.opened.loader.start(path, want, self.data.clone());
            }
        }
    }

    /// The files opened and loading.
    pub fn opened(&self) -> &OpenFiles {
        &self.opened
    }

    /// Starts loading the files picked in the file dialog, once it closes.
    pub(super) fn receive_picked(&mut self, ctx: &egui::Context) {
        let Some(picking) = &self.picking else {
            return;
        };
        match picking.try_recv() {
            Ok(paths) => {
                self.picking = None;
                self.open_files(paths, Want::Anything);
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.picking = None,
        }
    }

    /// Takes in the files that finished loading.
    pub(super) fn receive_loaded(&mut self) {
        for outcome in self.opened.loader.poll() {
            match outcome {
                Outcome::Overlay(overlay) => {
                    self.report(&overlay.name, overlay.warnings.clone());
                    self.opened.overlays.push(*overlay);
                    self.windows.layers = true;
                }
                Outcome::Events { name, loaded } => {
                    self.report(&name, loaded.diagnostics);
                    match loaded.collection {
                        Some(read) => {
                            if let Some(collection) = self.push_if_asked(&name, read) {
                                self.add_events(&name, collection);
                            }
                        }
                        None => self.forget_push(&name),
                    }
                }
                Outcome::Failed { name, diagnostics } => {
                    self.forget_push(&name);
                    self.report(&name, diagnostics);
                }
                Outcome::Cancelled { name } => self.forget_push(&name),
            }
        }
        if !self.opened.loader.busy()
            && let Some(id) = self.opened.select_after_loading.take()
        {
            self.select_at_start(id);
        }
        if !self.opened.loader.busy()
            && let Some(path) = self.views.after_loading.take()
        {
            self.open_view_file(&path);
        }
    }

    /// Selects and reveals the event `--select` names, or says that no
    /// loaded event has that id.
    pub(super) fn select_at_start(&mut self, id: String) {
        if self.data.events.iter().any(|e| e.id == id) {
            self.apply(crate::model::action::Action::Reveal {
                event_id: id,
                quote: 0,
            });
        } else {
            self.report(
                "--select",
                vec![Diagnostic::error(format!(
                    "no loaded event has the id {id:?}"
                ))],
            );
            self.opened.select_missing = Some(id);
        }
    }

    /// Whether files are still loading.
    pub fn files_loading(&self) -> bool {
        self.opened.loader.busy()
    }

    /// The id `--select` named when no loaded event has it (known once the
    /// files opened at start have loaded).
    pub fn missing_selection(&self) -> Option<&str> {
        self.opened.select_missing.as_deref()
    }

    /// Lists the problems of the file `name` in the Problems window.
    pub(super) fn report(&mut self, name: &str, diagnostics: Vec<Diagnostic>) {
        self.opened
            .problems
            .extend(diagnostics.into_iter().map(|diagnostic| FileProblem {
                file: name.to_owned(),
                diagnostic,
            }));
    }

    /// Adds an opened file's events and sources, unless an id clashes, and
    /// rebuilds what depends on them.
    fn add_events(&mut self, name: &str, collection: Collection) {
        let mut merged = (*self.data).clone();
        match merged.add(collection) {
            Ok(()) => {
                self.data = Arc::new(merged);
                self.derive_from_data();
                self.home.add_file(name);
            }
            Err(message) => self.report(name, vec![Diagnostic::error(message)]),
        }
    }

    /// A camera fitting the overlay with this id into the map.
    pub(super) fn camera_for_overlay(&self, id: u64) -> Option<Camera> {
        let overlay = self.opened.overlays.iter().find(|o| o.id == id)?;
        let bounds = overlay.bounds?;
        let proj = self.map.projection();
        let mut bbox = KmBox::EMPTY;
        bbox.add(proj.project(bounds.min().x, bounds.min().y));
        bbox.add(proj.project(bounds.max().x, bounds.max().y));
        Some(Camera::fit(proj, &bbox, self.map_size, FIT_MARGIN))
    }
}
