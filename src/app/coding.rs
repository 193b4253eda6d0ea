//! Coding an article in the app: the commands of the review panel, its
//! windows and the menu go to the [`Workspace`]; the app carries out the
//! [`Effect`]s it returns (the kept events put into the data, the view
//! moved through [`App::apply`], the file dialogs asked and polled, the
//! panel's paste window opened), and once a frame takes the job's
//! outcome, autosaves, and holds a close while changes are unsaved.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::App;
use crate::coding::{Command, Effect, Workspace};
use crate::file_dialog::Picked;
use crate::model::action::Action;
use crate::model::view::TimeView;
use crate::panels::review::Review;

/// The file dialogs coding waits for.
#[derive(Default)]
pub(super) struct Dialogs {
    /// Picking an article to code.
    article: Option<Picked>,
    /// Picking where to save the kept events.
    target: Option<Picked>,
}

impl App {
    /// The coding workspace: the session under review, its job, the
    /// recovery file, the question before closing.
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The review panel's own state (the words selected in the article…).
    pub fn review(&self) -> &Review {
        &self.review
    }

    /// Keeps unsaved coding work in a recovery file in `dir` (the app's
    /// data folder; a temporary one in tests), and offers back the work a
    /// file left there holds.
    pub fn with_recovery_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.workspace.keep_recovery_in(dir);
        self
    }

    /// Applies a command of the review panel, its windows or the menu.
    pub(super) fn apply_coding(&mut self, command: Command) {
        let effects = self.workspace.apply(command, &self.data);
        self.carry_out(effects);
    }

    /// Places the selected proposal at a point clicked on the map.
    pub(super) fn apply_picked_point(&mut self, lon: f64, lat: f64) {
        let effects = self.workspace.place_selected_at(lon, lat);
        self.carry_out(effects);
    }

    /// Carries out what the workspace asks of the app.
    fn carry_out(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::ChooseArticle => {
                    if self.coding_dialogs.article.is_none() {
                        self.coding_dialogs.article = Some(self.dialog.pick_article());
                    }
                }
                Effect::ChooseTarget(name) => {
                    self.coding_dialogs.target = Some(self.dialog.save_events(&name));
                }
                Effect::OpenPaste => self.review.open_paste(),
                Effect::Changed { by_edit } => self.coding_changed(by_edit),
                Effect::ShowTold((start, end)) => self.apply(Action::SetTime(TimeView {
                    window: (start, end),
                    cursor: end,
                    playing: false,
                    ..self.view.time.clone()
                })),
                Effect::Selected => self.show_selected_proposal(),
                Effect::PickPlace(on) => self.apply(Action::SetPickingPlace(on)),
                Effect::SaveToStore(coded) => match self.home.live_mut() {
                    Some(live) => live.save_coded(*coded),
                    None => self
                        .workspace
                        .saved_in_store(Err("the database is no longer connected".to_owned())),
                },
            }
        }
    }

    /// The proposals changed: their kept events join the data again. After
    /// an edit the words it used are forgotten and a proposal it kept is
    /// brought into view everywhere, the timeline included, as selecting
    /// it would.
    fn coding_changed(&mut self, by_edit: bool) {
        if by_edit {
            self.review.forget_text_selection();
        }
        if let Some(data) = self.workspace.publish(&self.data) {
            self.data = Arc::new(data);
            self.derive_from_data();
        }
        let selected = self.workspace.selected().map(str::to_owned);
        if by_edit && self.is_loaded(selected.as_deref()) && selected != self.view.selection {
            self.show_selected_proposal();
        }
    }

    /// Shows the selected proposal: a kept one is brought into view
    /// everywhere; one not on the map unselects what the map, list and
    /// timeline had selected (one selection everywhere). The article
    /// panel shows the article under review.
    fn show_selected_proposal(&mut self) {
        self.apply(Action::SetPickingPlace(false));
        let selected = self.workspace.selected().map(str::to_owned);
        match selected.filter(|id| self.is_loaded(Some(id))) {
            Some(event_id) => self.apply(Action::Reveal { event_id, quote: 0 }),
            None => self.apply(Action::Select(None)),
        }
        if let Some(session) = self.workspace.session() {
            let source = session.source().id.clone();
            self.apply(Action::ShowSource(Some(source)));
        }
    }

    /// Whether an event with this id is in the data.
    fn is_loaded(&self, id: Option<&str>) -> bool {
        id.is_some_and(|id| self.data.events.iter().any(|e| e.id == id))
    }

    /// Once a frame: the dialogs' answers, the job's outcome, the
    /// autosave, and a close request while changes are unsaved.
    pub(super) fn coding_frame(&mut self, ctx: &egui::Context) {
        if let Some(paths) = poll(&mut self.coding_dialogs.article, ctx)
            && let Some(path) = paths.into_iter().next()
        {
            self.workspace.read_article(path, &self.data);
        }
        if let Some(paths) = poll(&mut self.coding_dialogs.target, ctx) {
            match paths.into_iter().next() {
                Some(path) => {
                    let effects = self.workspace.save_to(path);
                    self.carry_out(effects);
                }
                None => self.workspace.save_cancelled(),
            }
        }
        let effects = self.workspace.poll_job();
        self.carry_out(effects);
        if let Some(wait) = self.workspace.autosave(Instant::now()) {
            ctx.request_repaint_after(wait);
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.workspace.hold_close() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if self.workspace.close_now() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// The answer of a file dialog, once it closes.
fn poll(picking: &mut Option<Picked>, ctx: &egui::Context) -> Option<Vec<PathBuf>> {
    let answer = match picking.as_ref()?.try_recv() {
        Ok(paths) => Some(paths),
        Err(std::sync::mpsc::TryRecvError::Empty) => {
            ctx.request_repaint_after(Duration::from_millis(100));
            return None;
        }
        Err(std::sync::mpsc::TryRecvError::Disconnected) => Some(Vec::new()),
    };
    *picking = None;
    answer
}
