//! Editing a story with undo and redo: every edit keeps the story as it
//! was, so that it can be brought back; typing into one caption counts as
//! one edit until another step or another kind of edit is touched.

use super::{Step, Story};

/// An edit of a story.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Insert a step at an index (at most the number of steps).
    Insert {
        /// Where the step goes.
        at: usize,
        /// The step.
        step: Box<Step>,
    },
    /// Move the step at `from` so that it ends up at index `to`.
    Move {
        /// The step's index now.
        from: usize,
        /// Its index after the move.
        to: usize,
    },
    /// Remove the step at this index.
    Remove(usize),
    /// Replace the caption of a step.
    Caption {
        /// The step's index.
        step: usize,
        /// The new caption.
        text: String,
    },
    /// Replace the story's title.
    Title(String),
}

/// A story being edited, with what undo and redo bring back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Edited {
    story: Story,
    past: Vec<Story>,
    future: Vec<Story>,
    /// The step whose caption the last edit typed into, while typing goes on.
    typing: Option<usize>,
    /// Whether the story differs from the file it was read from or saved to.
    dirty: bool,
}

/// How many edits undo can take back.
pub const MAX_UNDO: usize = 200;

impl Edited {
    /// A story as read or made, with nothing to undo.
    pub fn new(story: Story) -> Self {
        Self {
            story,
            ..Self::default()
        }
    }

    /// The story as it is now.
    pub fn story(&self) -> &Story {
        &self.story
    }

    /// Applies an edit; false (and nothing kept for undo) when it changes
    /// nothing or names a step that does not exist.
    pub fn apply(&mut self, edit: Edit) -> bool {
        let mut next = self.story.clone();
        let typing = match &edit {
            Edit::Caption { step, .. } => Some(*step),
            _ => None,
        };
        if !change(&mut next, edit) || next == self.story {
            return false;
        }
        let same_caption = typing.is_some() && typing == self.typing;
        if !same_caption {
            self.past.push(std::mem::take(&mut self.story));
            if self.past.len() > MAX_UNDO {
                self.past.remove(0);
            }
        }
        self.story = next;
        self.future.clear();
        self.typing = typing;
        self.dirty = true;
        true
    }

    /// Takes back the last edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.past.pop() else {
            return false;
        };
        self.future
            .push(std::mem::replace(&mut self.story, previous));
        self.typing = None;
        self.dirty = true;
        true
    }

    /// Does again the last edit taken back; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.future.pop() else {
            return false;
        };
        self.past.push(std::mem::replace(&mut self.story, next));
        self.typing = None;
        self.dirty = true;
        true
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Whether the story has changed since it was read or saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Notes that the story as it is now was saved; the next caption typed
    /// is a new edit.
    pub fn saved(&mut self) {
        self.dirty = false;
        self.typing = None;
    }
}

/// Applies `edit` to `story`; false when it names a step that does not exist.
fn change(story: &mut Story, edit: Edit) -> bool {
    let steps = &mut story.steps;
    match edit {
        Edit::Insert { at, step } if at <= steps.len() => steps.insert(at, *step),
        Edit::Move { from, to } if from < steps.len() && to < steps.len() => {
            let step = steps.remove(from);
            steps.insert(to, step);
        }
        Edit::Remove(i) if i < steps.len() => {
            steps.remove(i);
        }
        Edit::Caption { step, text } if step < steps.len() => steps[step].caption = text,
        Edit::Title(title) => story.title = title,
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(caption: &str) -> Box<Step> {
        Box::new(Step {
            caption: caption.to_owned(),
            ..Step::default()
        })
    }

    fn captions(e: &Edited) -> Vec<&str> {
        e.story().steps.iter().map(|s| s.caption.as_str()).collect()
    }

    #[test]
    fn edits_undo_and_redo() {
        let mut e = Edited::new(Story::default());
        assert!(!e.is_dirty());
        assert!(e.apply(Edit::Insert {
            at: 0,
            step: step("a")
        }));
        assert!(e.apply(Edit::Insert {
            at: 1,
            step: step("b")
        }));
        assert!(e.apply(Edit::Insert {
            at: 2,
            step: step("c")
        }));
        assert!(e.apply(Edit::Move { from: 2, to: 0 }));
        assert_eq!(captions(&e), ["c", "a", "b"]);
        assert!(e.apply(Edit::Remove(1)));
        assert_eq!(captions(&e), ["c", "b"]);
        assert!(e.undo());
        assert_eq!(captions(&e), ["c", "a", "b"]);
        assert!(e.undo());
        assert_eq!(captions(&e), ["a", "b", "c"]);
        assert!(e.redo());
        assert_eq!(captions(&e), ["c", "a", "b"]);
        assert!(e.is_dirty());
        e.saved();
        assert!(!e.is_dirty());
    }

    #[test]
    fn typing_into_one_caption_is_one_edit() {
        let mut e = Edited::new(Story::default());
        e.apply(Edit::Insert {
            at: 0,
            step: step(""),
        });
        e.apply(Edit::Insert {
            at: 1,
            step: step(""),
        });
        for text in ["T", "Tr", "Tru", "Truce"] {
            e.apply(Edit::Caption {
                step: 0,
                text: text.to_owned(),
            });
        }
        e.apply(Edit::Caption {
            step: 1,
            text: "x".to_owned(),
        });
        assert_eq!(captions(&e), ["Truce", "x"]);
        e.undo();
        assert_eq!(captions(&e), ["Truce", ""]);
        e.undo();
        assert_eq!(captions(&e), ["", ""]);
    }

    #[test]
    fn edits_of_steps_that_do_not_exist_change_nothing() {
        let mut e = Edited::new(Story::default());
        assert!(!e.apply(Edit::Remove(0)));
        assert!(!e.apply(Edit::Move { from: 0, to: 1 }));
        assert!(!e.apply(Edit::Insert {
            at: 3,
            step: step("a")
        }));
        assert!(!e.can_undo());
        assert!(!e.is_dirty());
    }
}
