//! The window's layout: the menu bar on top, the timeline at the bottom,
//! the events list on the left, the detail card over the article on the
//! right, the map in the middle, and the windows over them. Every panel
//! draws from the same [`Frame`] and returns actions, applied once all are
//! drawn.

use std::path::PathBuf;

use super::App;
use crate::import::Want;
use crate::model::action::Action;
use crate::panels::panel::{Frame, Panel as _};
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
    }
}

impl App {
    /// Draws the whole window into `ui` and applies what the user asked for.
    pub fn show_window(&mut self, ui: &mut egui::Ui) {
        ui.ctx().set_theme(self.egui_theme());
        let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        self.open_files(dropped, Want::Anything);
        self.receive_picked(ui.ctx());
        self.receive_loaded();
        self.coding_frame(ui.ctx());
        self.follow_story(ui.ctx());
        self.poll_exports(ui.ctx());
        let mut actions: Vec<Action> = Vec::new();
        if self.opened.loader.busy() {
            ui.ctx().request_repaint();
            egui::Panel::bottom("loading").show(ui, |ui| {
                actions.extend(crate::panels::open_files::progress(
                    ui,
                    self.opened.loader.jobs(),
                ));
            });
        }
        let data = self.data.clone();
        let visible = self.visible_events();
        let frame = Frame {
            data: &data,
            derived: &self.derived,
            view: &self.view,
            visible: &visible,
            overlays: &self.opened.overlays,
        };
        egui::Panel::top("menu_bar").show(ui, |ui| {
            let toggles = self.map.toggles(&data, &self.opened.overlays);
            actions.extend(crate::menu::show(
                ui,
                &self.view,
                &toggles,
                &mut self.windows,
                &self.story,
            ));
        });
        actions.extend(crate::panels::story_bar::show(ui, &frame, &self.story));
        let mut panels = self.story_panels();
        egui::Panel::bottom("timeline")
            .resizable(true)
            .default_size(230.0)
            .show_collapsible(ui, &mut panels.timeline, |ui| {
                actions.extend(TimelinePanel.show(ui, &frame))
            });
        let windows = &mut self.windows;
        actions.extend(super::results::show(
            &mut self.results,
            windows,
            ui,
            &frame,
            &data,
        ));
        egui::Panel::left("events_list")
            .resizable(true)
            .default_size(330.0)
            .show_collapsible(ui, &mut panels.events_list, |ui| {
                actions.extend(EventsList.show(ui, &frame))
            });
        actions.extend(self.coding.panel(ui, &frame));
        egui::Panel::right("details_and_article")
            .resizable(true)
            .default_size(400.0)
            .show_collapsible(ui, &mut panels.details, |ui| {
                // The card over the article, with a divider the user can drag
                // while something is selected; a one-line hint otherwise.
                let height = ui.available_height();
                let card = if self.view.selection.is_some() {
                    egui::Panel::top("details")
                        .resizable(true)
                        .default_size(height * 0.65)
                        .min_size(120.0)
                        .max_size((height - 160.0).max(120.0))
                } else {
                    egui::Panel::top("details_empty").resizable(false)
                };
                card.show(ui, |ui| actions.extend(DetailCard.show(ui, &frame)));
                egui::CentralPanel::default().show(ui, |ui| {
                    if !self.coding.article(ui, &frame, &mut actions) {
                        actions.extend(ArticlePanel.show(ui, &frame));
                    }
                });
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            self.map_size = ui.max_rect().size();
            self.results.map_rect = ui.max_rect();
            actions.extend(self.map.show(ui, &frame));
        });
        actions.extend(crate::panels::open_files::layers_window(
            ui.ctx(),
            &self.opened.overlays,
            &self.view.layers,
            &mut self.windows.layers,
        ));
        actions.extend(crate::panels::open_files::problems_window(
            ui.ctx(),
            &self.opened.problems,
        ));
        crate::panels::about::show(ui.ctx(), &data, &mut self.windows.about);
        actions.extend(crate::panels::review::windows::show(
            ui.ctx(),
            &mut self.coding,
        ));
        actions.extend(crate::shortcuts::read(ui.ctx(), &self.view));
        for action in actions {
            self.apply(action);
        }
    }
}
