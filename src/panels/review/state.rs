//! What the review panel and its windows remember between frames: the
//! selected proposal, the editor's fields, the text selection, the paste
//! window's fields.

use crate::panels::review::form::Form;

/// What the panel and its windows remember between frames.
#[derive(Default)]
pub struct ReviewUi {
    /// The selected proposal's id.
    pub selected: Option<String>,
    /// The editor's fields.
    pub form: Form,
    /// The article's text selected by the user, as a byte span.
    pub text_selection: Option<(usize, usize)>,
    /// The paste window's fields, while it is open.
    pub paste: Option<Paste>,
    /// The publication date typed for an article without one.
    pub date: String,
    /// The article text's paragraphs (byte spans), for the source id.
    pub paragraphs: Option<(String, Vec<(usize, usize)>)>,
    /// The first paragraph shown of a very long text.
    pub text_from: usize,
    /// The selection the text view last scrolled to.
    pub scrolled_to: Option<String>,
    /// Whether a paragraph of the article (read-only text) has the
    /// keyboard focus this frame: undo and redo keys are then the review's.
    pub paragraph_focus: bool,
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
