//! Stories in the app: playing a step moves the view to it (a glide whose
//! every frame is applied through [`App::apply`], like any other change of
//! the view), writing one captures the view, and story files are opened
//! and saved through the file dialog (`files.rs`).

mod files;

use std::path::PathBuf;

use super::App;
use crate::model::action::Action;
use crate::model::view::TimeView;
use crate::story::action::StoryAction;
use crate::story::ease::{EASE_SECONDS, Ease, Pose};
use crate::story::history::Edit;
use crate::story::player::Player;
use crate::story::pose::{step_camera, step_pose, step_target};
use crate::story::session::{Fitted, Session};
use crate::story::{Step, StepCamera, StepPanels, Story};

impl App {
    /// Opens `story` at step `step` (counted from 0), reached at once: the
    /// command line's `--story`.
    pub fn with_story(mut self, story: Story, path: Option<PathBuf>, step: usize) -> Self {
        self.story.offer = false;
        self.story.player = Some(Player::new(story, path));
        if let Some(player) = &mut self.story.player {
            player.go_to(step);
        }
        let at_once = std::mem::replace(&mut self.story.at_once, true);
        self.show_step();
        self.story.at_once = at_once;
        self
    }

    /// Opens the story the command line asked for, if any.
    pub fn with_story_start(self, start: Option<crate::story::start::Start>) -> Self {
        match start {
            Some(s) => self.with_story(s.story, s.path, s.step),
            None => self,
        }
    }

    /// The story state: the open story, the editor, the offer.
    pub fn story(&self) -> &Session {
        &self.story
    }

    /// Which panels the shown step opens (all when no story is open).
    pub(super) fn story_panels(&self) -> StepPanels {
        self.story
            .player
            .as_ref()
            .and_then(Player::step)
            .map(|s| s.panels)
            .unwrap_or_default()
    }

    /// Applies a story action.
    pub(super) fn apply_story(&mut self, action: StoryAction) {
        let s = &mut self.story;
        match action {
            StoryAction::PlayBundled => match crate::story::bundled::story() {
                Ok(story) => {
                    self.dismiss_offer();
                    self.open_story(story, None);
                }
                Err(problems) => self.report(crate::story::bundled::NAME, problems),
            },
            StoryAction::New => {
                let story = Story {
                    title: "Untitled story".to_owned(),
                    ..Story::default()
                };
                self.open_story(story, None);
                self.story.editing = true;
            }
            StoryAction::Open | StoryAction::Save | StoryAction::SaveAs => {
                self.apply_story_file(action);
            }
            StoryAction::Leave => {
                s.player = None;
                s.ease = None;
                s.reveal_due = None;
                s.fitted = None;
                s.editing = false;
            }
            StoryAction::GoTo(i) => self.step_to(|p| p.go_to(i)),
            StoryAction::Next => self.step_to(Player::step_forward),
            StoryAction::Previous => self.step_to(Player::step_back),
            StoryAction::SetAutoplay(on) => {
                if let Some(p) = &mut s.player {
                    p.set_autoplay(on, s.now);
                }
            }
            StoryAction::SetEditing(on) => s.editing = on && s.player.is_some(),
            StoryAction::AddCurrentView => self.add_current_view(),
            StoryAction::Edit(edit) => self.edit_story(edit),
            StoryAction::Undo => self.step_to(Player::undo),
            StoryAction::Redo => self.step_to(Player::redo),
            StoryAction::DismissOffer => self.dismiss_offer(),
            StoryAction::SetReducedMotion(on) => s.settings.reduced_motion = on,
        }
    }

    /// Inserts the current view as a step after the one shown.
    fn add_current_view(&mut self) {
        let step = self.capture_step();
        if let Some(p) = &mut self.story.player {
            let at = if p.story().steps.is_empty() {
                0
            } else {
                p.current() + 1
            };
            p.edit(Edit::Insert {
                at,
                step: Box::new(step),
            });
            // The view is already the step's: nothing to move.
            self.story.fitted = None;
        }
    }

    /// Edits the story; the view moves when the edit changes the step shown.
    fn edit_story(&mut self, edit: Edit) {
        let s = &mut self.story;
        let shown = s.player.as_ref().map(Player::current);
        let moves_view = !matches!(edit, Edit::Caption { .. } | Edit::Title(_));
        if let Some(p) = &mut s.player
            && p.edit(edit)
            && moves_view
            && shown != Some(p.current())
        {
            self.show_step();
        }
    }

    fn dismiss_offer(&mut self) {
        self.story.offer = false;
        self.story.settings.offer_dismissed = true;
    }

    fn open_story(&mut self, story: Story, path: Option<PathBuf>) {
        self.story.player = Some(Player::new(story, path));
        self.story.editing = false;
        self.show_step();
    }

    /// Runs `change` on the player and shows the step it leaves shown.
    fn step_to(&mut self, change: impl FnOnce(&mut Player) -> bool) {
        if let Some(p) = &mut self.story.player
            && change(p)
        {
            self.show_step();
        }
    }

    /// Starts moving the view to the shown step and selects its event.
    fn show_step(&mut self) {
        let Some(step) = self.story.player.as_ref().and_then(Player::step).cloned() else {
            return;
        };
        if let Some(p) = &mut self.story.player
            && p.autoplay()
        {
            p.set_autoplay(true, self.story.now);
        }
        let target = step_target(&step, &self.data.events);
        self.apply(Action::Select(target.as_ref().map(|t| t.0.clone())));
        self.apply(Action::SetTime(TimeView {
            playing: false,
            ..self.view.time.clone()
        }));
        self.story.reveal_due = target;
        let from = Pose {
            camera: self.view.camera,
            window: self.view.time.window,
            cursor: self.view.time.cursor,
        };
        let to = step_pose(
            &step,
            &self.data.events,
            self.map.projection(),
            self.map_size.into(),
            &from,
        );
        let duration = if self.story.at_once || self.story.settings.reduced_motion {
            0.0
        } else {
            EASE_SECONDS
        };
        self.story.ease = Some(Ease::new(from, to, self.story.now, duration));
        self.story.fitted = step.camera.map(|wanted| Fitted {
            wanted,
            size: self.map_size.into(),
            camera: to.camera,
        });
        self.follow_ease();
    }

    /// Once a frame: the clock, answers of the story dialogs, autoplay,
    /// the move under way, and the step's camera refitted when the map
    /// changed size under it.
    pub(super) fn follow_story(&mut self, ctx: &egui::Context) {
        self.story.now = ctx.input(|i| i.time);
        self.story.at_once = ctx.global_style().animation_time <= 0.0;
        self.receive_story_dialogs(ctx);
        let now = self.story.now;
        if let Some(p) = &mut self.story.player {
            if p.autoplay() {
                ctx.request_repaint_after(std::time::Duration::from_millis(250));
            }
            if p.autoplay_due(now) && p.step_forward() {
                self.show_step();
            }
        }
        if self.story.ease.is_some() {
            self.follow_ease();
            ctx.request_repaint();
        }
        let size: [f32; 2] = self.map_size.into();
        if let Some(f) = self.story.fitted
            && f.size != size
            && f.camera == self.view.camera
            && self.story.ease.is_none()
        {
            let camera = step_camera(f.wanted, self.map.projection(), size);
            self.apply(Action::SetCamera(camera));
            self.story.fitted = Some(Fitted { size, camera, ..f });
        }
    }

    /// Moves the view along the ease; once arrived, reveals the step's event.
    fn follow_ease(&mut self) {
        let Some(ease) = self.story.ease else {
            return;
        };
        let pose = ease.at(self.story.now);
        self.apply(Action::SetCamera(pose.camera));
        self.apply(Action::SetTime(TimeView {
            window: pose.window,
            cursor: pose.cursor,
            ..self.view.time.clone()
        }));
        if ease.done(self.story.now) {
            self.story.ease = None;
            if let Some((event_id, quote)) = self.story.reveal_due.take() {
                self.apply(Action::Reveal { event_id, quote });
            }
        }
    }

    /// The current view, selection and window as a step.
    fn capture_step(&self) -> Step {
        let c = &self.view.camera;
        let selected = self
            .view
            .selection
            .as_ref()
            .and_then(|id| self.data.events.iter().find(|e| &e.id == id));
        Step {
            caption: selected.map(|e| e.title.clone()).unwrap_or_default(),
            events: selected.map(|e| e.id.clone()).into_iter().collect(),
            camera: Some(StepCamera {
                lon: c.center_lon,
                lat: c.center_lat,
                width_km: f64::from(self.map_size.x) / c.points_per_km,
                height_km: f64::from(self.map_size.y) / c.points_per_km,
            }),
            window: Some(self.view.time.window),
            cursor: Some(self.view.time.cursor),
            quote: None,
            panels: self.story_panels(),
        }
    }
}
