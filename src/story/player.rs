//! An open story: the story with its edits, the file it belongs to, which
//! step is shown and whether it moves on by itself; and the settings kept
//! between runs.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::history::{Edit, Edited};
use super::{Step, Story};

/// How long autoplay shows each step, in seconds.
pub const AUTOPLAY_SECONDS: f64 = 8.0;

/// What the app keeps about stories between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorySettings {
    /// The first-start offer of the bundled story was answered.
    #[serde(default)]
    pub offer_dismissed: bool,
    /// Steps are reached at once, without the view gliding.
    #[serde(default)]
    pub reduced_motion: bool,
}

/// A story open in the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Player {
    /// The story and its edits.
    pub edited: Edited,
    /// The file it was read from or saved to.
    pub path: Option<PathBuf>,
    current: usize,
    autoplay_since: Option<f64>,
}

impl Player {
    /// A story read from `path` (or made in the app, or bundled: `None`),
    /// at its first step.
    pub fn new(story: Story, path: Option<PathBuf>) -> Self {
        Self {
            edited: Edited::new(story),
            path,
            current: 0,
            autoplay_since: None,
        }
    }

    /// The story as it is now.
    pub fn story(&self) -> &Story {
        self.edited.story()
    }

    /// The index of the step shown (0 when there are none).
    pub fn current(&self) -> usize {
        self.current
    }

    /// The step shown, if the story has any.
    pub fn step(&self) -> Option<&Step> {
        self.story().steps.get(self.current)
    }

    /// Shows step `i` (the last one when past the end); false when the
    /// story has no steps.
    pub fn go_to(&mut self, i: usize) -> bool {
        let n = self.story().steps.len();
        if n == 0 {
            return false;
        }
        self.current = i.min(n - 1);
        true
    }

    /// Shows the next step; false at the last one.
    pub fn step_forward(&mut self) -> bool {
        self.current + 1 < self.story().steps.len() && self.go_to(self.current + 1)
    }

    /// Shows the previous step; false at the first one.
    pub fn step_back(&mut self) -> bool {
        self.current > 0 && self.go_to(self.current - 1)
    }

    /// Whether the story moves on by itself.
    pub fn autoplay(&self) -> bool {
        self.autoplay_since.is_some()
    }

    /// Starts (counting from `now`, in seconds) or stops autoplay.
    pub fn set_autoplay(&mut self, on: bool, now: f64) {
        self.autoplay_since = on.then_some(now);
    }

    /// Whether autoplay should move on at `now`: the step has been shown
    /// for [`AUTOPLAY_SECONDS`]. At the last step autoplay stops instead.
    pub fn autoplay_due(&mut self, now: f64) -> bool {
        let Some(since) = self.autoplay_since else {
            return false;
        };
        if now - since < AUTOPLAY_SECONDS {
            return false;
        }
        if self.current + 1 >= self.story().steps.len() {
            self.autoplay_since = None;
            return false;
        }
        self.autoplay_since = Some(now);
        true
    }

    /// Edits the story, keeping the shown step the one it was (a moved
    /// step is followed; an added one is shown); false when nothing changed.
    pub fn edit(&mut self, edit: Edit) -> bool {
        let current = self.current;
        let shown = match &edit {
            Edit::Insert { at, .. } => Some(*at),
            Edit::Move { from, to } if *from == current => Some(*to),
            Edit::Move { from, to } if *from < current && *to >= current => {
                Some(current.saturating_sub(1))
            }
            Edit::Move { from, to } if *from > current && *to <= current => Some(current + 1),
            Edit::Remove(i) if *i < current => Some(current - 1),
            _ => None,
        };
        if !self.edited.apply(edit) {
            return false;
        }
        self.go_to(shown.unwrap_or(current));
        true
    }

    /// Takes back the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let done = self.edited.undo();
        self.go_to(self.current);
        done
    }

    /// Does again the last edit taken back; false when there is none.
    pub fn redo(&mut self) -> bool {
        let done = self.edited.redo();
        self.go_to(self.current);
        done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(n: usize) -> Story {
        Story {
            steps: (0..n)
                .map(|i| Step {
                    caption: format!("{i}"),
                    ..Step::default()
                })
                .collect(),
            ..Story::default()
        }
    }

    fn shown(p: &Player) -> &str {
        p.step().map_or("", |s| s.caption.as_str())
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let mut p = Player::new(story(3), None);
        assert!(!p.step_back());
        assert!(p.step_forward() && p.step_forward());
        assert!(!p.step_forward());
        assert_eq!(shown(&p), "2");
        assert!(p.step_back());
        assert_eq!(shown(&p), "1");
    }

    #[test]
    fn the_shown_step_follows_edits() {
        let mut p = Player::new(story(4), None);
        p.go_to(2);
        p.edit(Edit::Move { from: 0, to: 3 });
        assert_eq!(shown(&p), "2");
        p.edit(Edit::Move { from: 1, to: 0 });
        assert_eq!(shown(&p), "2");
        p.edit(Edit::Move { from: 3, to: 1 });
        assert_eq!(shown(&p), "2");
        p.edit(Edit::Remove(3));
        assert_eq!(shown(&p), "2");
        p.go_to(2);
        p.edit(Edit::Remove(0));
        assert_eq!(p.current(), 1);
        p.edit(Edit::Remove(p.current()));
        assert_eq!(p.story().steps.len(), 1);
        assert!(p.current() < 2);
    }

    #[test]
    fn autoplay_moves_on_and_stops_at_the_end() {
        let mut p = Player::new(story(2), None);
        p.set_autoplay(true, 0.0);
        assert!(!p.autoplay_due(1.0));
        assert!(p.autoplay_due(AUTOPLAY_SECONDS));
        assert!(p.step_forward());
        assert!(!p.autoplay_due(2.0 * AUTOPLAY_SECONDS));
        assert!(!p.autoplay());
    }
}
