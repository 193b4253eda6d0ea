//! What the review panel and its windows remember between frames of
//! their own drawing: the editor's fields, the words selected in the
//! article, the paste window's and the date window's fields, the article's
//! paragraphs and where the text view last scrolled. What is reviewed (the
//! session, the selected proposal) is the workspace's.

use crate::panels::review::form::Form;

/// The review panel's own state.
#[derive(Default)]
pub struct Review {
    /// The editor's fields.
    pub(super) form: Form,
    /// The article's text selected by the user, as a byte span.
    pub(super) text_selection: Option<(usize, usize)>,
    /// The paste window's fields, while it is open.
    pub(super) paste: Option<Paste>,
    /// The publication date typed for an article without one.
    pub(super) date: String,
    /// The article text's paragraphs (byte spans), for the source id.
    pub(super) paragraphs: Option<(String, Vec<(usize, usize)>)>,
    /// The first paragraph shown of a very long text.
    pub(super) text_from: usize,
    /// The selection the text view last scrolled to.
    pub(super) scrolled_to: Option<String>,
    /// Whether a paragraph of the article (read-only text) has the
    /// keyboard focus this frame: undo and redo keys are then the review's.
    pub(super) paragraph_focus: bool,
}

impl Review {
    /// Opens the window to paste an article into, its fields empty.
    pub fn open_paste(&mut self) {
        self.paste = Some(Paste::default());
    }

    /// Forgets the words selected in the article (an edit used them).
    pub fn forget_text_selection(&mut self) {
        self.text_selection = None;
    }

    /// The words selected in the article, as a byte span.
    pub fn text_selection(&self) -> Option<(usize, usize)> {
        self.text_selection
    }
}

/// The paste window's fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paste {
    /// The article's text.
    pub text: String,
    /// Its title.
    pub title: String,
    /// Its publication date as typed.
    pub published: String,
}
