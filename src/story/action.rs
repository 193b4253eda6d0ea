//! What the user can ask of a story: the story bar, the editor, the menu
//! and the keys return these (inside `Action::Story`), and the app applies
//! them.

use super::history::Edit;

/// A request about the story.
#[derive(Clone, Debug, PartialEq)]
pub enum StoryAction {
    /// Play the story that comes with the app, from its first step.
    PlayBundled,
    /// Start writing a new story with no steps.
    New,
    /// Ask for a story file to open (the file dialog).
    Open,
    /// Save the story to its file (asking for one if it has none).
    Save,
    /// Save the story to a file the user picks.
    SaveAs,
    /// Close the story, keeping the view as it is.
    Leave,
    /// Show the step at this index.
    GoTo(usize),
    /// Show the next step.
    Next,
    /// Show the previous step.
    Previous,
    /// Start or stop moving on by itself, step after step.
    SetAutoplay(bool),
    /// Open or close the editor.
    SetEditing(bool),
    /// Add the current view, selection and time as a step after the
    /// current one.
    AddCurrentView,
    /// Edit the story.
    Edit(Edit),
    /// Take back the last edit.
    Undo,
    /// Do again the last edit taken back.
    Redo,
    /// Close the first-start offer of the bundled story for good.
    DismissOffer,
    /// Move the view to each step at once instead of gliding.
    SetReducedMotion(bool),
}
