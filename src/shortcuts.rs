//! Keyboard shortcuts that act on the whole app.

use crate::model::action::Action;
use crate::model::view::ViewState;

/// Reads this frame's key presses and returns the actions they ask for.
/// Keys are ignored while a text field has the keyboard focus.
pub fn read(ctx: &egui::Context, view: &ViewState) -> Vec<Action> {
    let mut actions = Vec::new();
    if ctx.memory(|m| m.focused().is_some()) {
        return actions;
    }
    // Ctrl+Z left over by the review and the story editor undoes my last
    // change in the shared store.
    let undo = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
    if ctx.input_mut(|i| i.consume_shortcut(&undo)) {
        actions.push(Action::Store(crate::store::live::Command::Undo));
    }
    ctx.input(|i| {
        if i.key_pressed(egui::Key::Escape) && view.selection.is_some() {
            actions.push(Action::Select(None));
        }
        if i.key_pressed(egui::Key::F) && i.modifiers.is_none() {
            actions.push(Action::FitMap);
        }
    });
    actions
}
