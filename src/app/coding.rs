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
use crate::data::event::EventKind;
use crate::data::time::Seconds;
use crate::extract::Status;
use crate::file_dialog::Picked;
use crate::model::action::Action;
use crate::model::camera::{Camera, FIT_MARGIN, KmBox};
use crate::model::positions::event_lonlat;
use crate::model::view::{Focus, TimeView};
use crate::panels::review::Review;

/// The least width and height, in kilometres, of the map fitted to an
/// article's places (one village is not shown at the closest zoom).
const LEAST_TOLD_KM: f64 = 60.0;

/// How far inside the map's edge a selected proposal must be, in points.
const REVEAL_MARGIN: f32 = 40.0;

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
        // An article just opened is shown whole: its first proposal,
        // selected with it, is in that view already.
        let told = effects.iter().any(|e| matches!(e, Effect::ShowTold(_)));
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
                Effect::ShowTold(span) => self.show_told(span),
                Effect::Selected => self.show_selected_proposal(!told),
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
            self.show_selected_proposal(true);
        }
    }

    /// Shows what an article just opened tells of, in a view the coder
    /// can leave: the time window, and the timeline's axis fitted, on its
    /// dates; the map fitted to its places (both without its background
    /// rows).
    fn show_told(&mut self, (start, end): (Seconds, Seconds)) {
        self.apply(Action::SetTime(TimeView {
            window: (start, end),
            cursor: end,
            playing: false,
            ..self.view.time.clone()
        }));
        self.apply(Action::FocusTime {
            from: start,
            to: end,
            focus: Focus::Fit,
        });
        if let Some(camera) = self.camera_on_told_places() {
            self.apply(Action::SetCamera(camera));
        }
    }

    /// A camera fitting the places of the article's proposals (those
    /// rejected and the background rows aside) into the map, at least
    /// [`LEAST_TOLD_KM`] across.
    fn camera_on_told_places(&self) -> Option<Camera> {
        let session = self.workspace.session()?;
        let proj = self.map.projection();
        let mut places = KmBox::EMPTY;
        let told = (session.proposals().iter())
            .filter(|p| p.status != Status::Rejected && p.event.kind != EventKind::Context);
        for [lon, lat] in told.filter_map(|p| event_lonlat(&p.event)) {
            places.add(proj.project(lon, lat));
        }
        if places.is_empty() {
            return None;
        }
        let centre = [
            (places.min[0] + places.max[0]) / 2.0,
            (places.min[1] + places.max[1]) / 2.0,
        ];
        let half = LEAST_TOLD_KM / 2.0;
        places.add([centre[0] - half, centre[1] - half]);
        places.add([centre[0] + half, centre[1] + half]);
        Some(Camera::fit(proj, &places, self.map_size, FIT_MARGIN))
    }

    /// Shows the selected proposal: a kept one is brought into view
    /// everywhere; one not yet reviewed is brought into view on the map
    /// and the timeline (drawn there as proposed), and unselects what the
    /// map, list and timeline had selected (one selection everywhere).
    /// The article panel shows the article under review. A proposal not
    /// yet reviewed is brought into view only when `bring` (not when the
    /// view was just fitted to the whole article).
    fn show_selected_proposal(&mut self, bring: bool) {
        self.apply(Action::SetPickingPlace(false));
        let selected = self.workspace.selected().map(str::to_owned);
        match selected.filter(|id| self.is_loaded(Some(id))) {
            Some(event_id) => self.apply(Action::Reveal { event_id, quote: 0 }),
            None => {
                self.apply(Action::Select(None));
                if bring {
                    self.bring_proposal_into_view();
                }
            }
        }
        if let Some(session) = self.workspace.session() {
            let source = session.source().id.clone();
            self.apply(Action::ShowSource(Some(source)));
        }
    }

    /// Brings the selected proposal, not in the data, into view: its dates
    /// on the timeline, its place on the map (centred on it when it lies
    /// outside the map as last drawn).
    fn bring_proposal_into_view(&mut self) {
        let Some(event) = self.workspace.selected_proposal().map(|p| p.event.clone()) else {
            return;
        };
        self.apply(Action::FocusTime {
            from: event.start.first_second(),
            to: event.end.end_exclusive(),
            focus: Focus::Bring,
        });
        let map = self.results.map_rect;
        if let Some([lon, lat]) = event_lonlat(&event)
            && map.is_positive()
        {
            let cam = self.view.camera;
            let at = cam.to_screen(self.map.projection(), map, lon, lat);
            if !map.shrink(REVEAL_MARGIN).contains(at) {
                let centred = Camera {
                    center_lon: lon,
                    center_lat: lat,
                    ..cam
                };
                self.apply(Action::SetCamera(centred));
            }
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
