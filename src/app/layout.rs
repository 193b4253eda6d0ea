//! The window's layout: the menu bar on top, the timeline at the bottom,
//! the events list on the left, the detail card over the article on the
//! right, the map in the middle, and the windows over them. Every panel
//! draws from the same [`Frame`](crate::panels::panel::Frame) (`frame.rs`)
//! and returns actions, applied once all are drawn.

use std::path::PathBuf;

use super::App;
use super::frame::Drawing;
use crate::import::Want;
use crate::model::action::Action;
use crate::panels::panel::Panel as _;
use crate::panels::{article::ArticlePanel, details::DetailCard, events_list::EventsList};
use crate::timeline::TimelinePanel;

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show_window(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let key = crate::start::storage_key(&self.data.region.id);
        eframe::set_value(storage, &key, &self.view);
        let settings = &self.story.settings;
        eframe::set_value(storage, crate::story::session::STORAGE_KEY, settings);
        // The connection as typed last, without its password.
        if let Some(last) = self.store_panels.remembered() {
            storage.set_string(crate::panels::store::STORAGE_KEY, last.to_owned());
        }
    }
}

impl App {
    /// Draws the whole window into `ui` and applies what the user asked for.
    pub fn show_window(&mut self, ui: &mut egui::Ui) {
        ui.ctx().set_theme(self.egui_theme());
        self.take_input(ui.ctx());
        let visible = self.visible_events();
        let actions = self.drawing(&visible).window(ui);
        self.views.timeline_shown = crate::timeline::shown_range(ui.ctx());
        for action in actions {
            self.apply(action);
        }
    }

    /// Before drawing: files dropped on the window, the answers of dialogs,
    /// loaded files, the coding job, the story's glide, the exports.
    fn take_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        self.open_files(dropped, Want::Anything);
        self.receive_picked(ctx);
        self.receive_view_dialog(ctx);
        self.receive_loaded();
        self.coding_frame(ctx);
        self.store_frame(ctx);
        self.follow_story(ctx);
        self.poll_exports(ctx);
    }
}

impl Drawing<'_> {
    /// Draws the panels and windows; returns what the user asked for.
    fn window(mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = self.top(ui);
        actions.extend(self.bottom(ui));
        actions.extend(self.left(ui));
        actions.extend(self.right(ui));
        egui::CentralPanel::no_frame().show(ui, |ui| {
            *self.map_size = ui.max_rect().size();
            self.results.map_rect = ui.max_rect();
            actions.extend(self.map.show(ui, &self.frame));
        });
        actions.extend(self.windows_over(ui.ctx()));
        actions
    }

    /// The loading strip (while files load), the menu bar and the story bar.
    fn top(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        if self.opened.loader.busy() {
            ui.ctx().request_repaint();
            egui::Panel::bottom("loading").show(ui, |ui| {
                let jobs = self.opened.loader.jobs();
                actions.extend(crate::panels::open_files::progress(ui, jobs));
            });
        }
        egui::Panel::top("menu_bar").show(ui, |ui| {
            let toggles = self.map.toggles(self.frame.data, self.frame.overlays);
            let view = self.frame.view;
            let windows = &mut *self.windows;
            let may_push = (self.frame.home.live()).is_some_and(|l| {
                l.state() == crate::store::live::LinkState::Online && l.rights().may_edit
            });
            let story = self.story;
            actions.extend(crate::menu::show(
                ui, view, &toggles, windows, story, may_push,
            ));
        });
        actions.extend(crate::panels::story_bar::show(ui, &self.frame, self.story));
        actions
    }

    /// The note on the app's own file dialog, the timeline, and over it
    /// the table and the export strip.
    fn bottom(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        self.fallback.note_strip(ui);
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(320.0)
            .show_collapsible(ui, &mut self.panels.timeline, |ui| {
                actions.extend(TimelinePanel.show(ui, &self.frame));
            });
        let windows = &mut *self.windows;
        let results = &mut *self.results;
        actions.extend(super::results::show(
            results,
            windows,
            ui,
            &self.frame,
            self.data,
        ));
        actions
    }

    /// The events list, and the review panel while an article is coded.
    fn left(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        egui::Panel::left("events_list")
            .resizable(true)
            .default_size(330.0)
            .show_collapsible(ui, &mut self.panels.events_list, |ui| {
                actions.extend(EventsList.show(ui, &self.frame));
            });
        actions.extend(self.review.panel(ui, &self.frame, self.workspace));
        actions
    }

    /// The detail card over the article (or the article under review),
    /// with a divider the user can drag while something is selected; a
    /// one-line hint otherwise.
    fn right(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        let frame = &self.frame;
        let (review, workspace) = (&mut *self.review, self.workspace);
        egui::Panel::right("details_and_article")
            .resizable(true)
            .default_size(400.0)
            .show_collapsible(ui, &mut self.panels.details, |ui| {
                let height = ui.available_height();
                let card = if frame.view.selection.is_some() {
                    egui::Panel::top("details")
                        .resizable(true)
                        .default_size(height * 0.65)
                        .min_size(120.0)
                        .max_size((height - 160.0).max(120.0))
                } else {
                    egui::Panel::top("details_empty").resizable(false)
                };
                card.show(ui, |ui| actions.extend(DetailCard.show(ui, frame)));
                egui::CentralPanel::default().show(ui, |ui| {
                    match review.article(ui, frame, workspace) {
                        Some(asked) => actions.extend(asked),
                        None => actions.extend(ArticlePanel.show(ui, frame)),
                    }
                });
            });
        actions
    }

    /// The windows over the panels: layers, problems, About, the coding
    /// windows, the store's windows, the app's own file dialog; and the
    /// app-wide keys (not while that dialog is open: its keys are its own).
    fn windows_over(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut actions = crate::panels::open_files::layers_window(
            ctx,
            &self.opened.overlays,
            &self.frame.view.layers,
            &mut self.windows.layers,
        );
        actions.extend(crate::panels::open_files::problems_window(
            ctx,
            &self.opened.problems,
        ));
        crate::panels::about::show(ctx, self.frame.data, &mut self.windows.about);
        actions.extend(self.review.windows(ctx, self.workspace));
        let connect = &mut self.windows.connect;
        actions.extend(self.store_panels.show(ctx, &self.frame, connect));
        self.fallback.show(ctx);
        if !self.fallback.is_open() {
            actions.extend(crate::shortcuts::read(ctx, self.frame.view));
        }
        actions
    }
}
