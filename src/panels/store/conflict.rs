//! The conflict view: my edit was refused because another coder changed
//! the event first. Field by field it shows what I set and what the store
//! has now; the coder keeps either side per field, or all of one side, and
//! the merge is sent on the store's version. Nothing is overwritten
//! without the coder choosing so.

use egui::RichText;

use super::values::in_words;
use crate::model::action::Action;
use crate::store::live::Command;
use crate::store::live::conflict::Conflict;

/// The coder's choices for the conflict shown.
#[derive(Default)]
pub struct Choices {
    /// Which conflict they are for: event, edit and the store's version.
    of: Option<(String, uuid::Uuid, Option<i32>)>,
    /// For each field (or the one choice of a removal), keep mine.
    keep_mine: Vec<bool>,
}

impl Choices {
    /// Draws the view of conflict `c`; returns the resolution asked for.
    pub fn show(&mut self, ctx: &egui::Context, c: &Conflict) -> Vec<Action> {
        let of = Some((c.event.clone(), c.mine.id, c.version));
        if self.of != of {
            self.of = of;
            self.keep_mine = vec![true; c.fields.len().max(1)];
        }
        let mut actions = Vec::new();
        egui::Window::new("Conflict with another coder")
            .collapsible(false)
            .default_width(620.0)
            .show(ctx, |ui| {
                ui.label(RichText::new(&c.title).strong());
                if c.theirs.is_none() {
                    self.removed(ui);
                } else if c.removes() {
                    self.i_remove(ui);
                } else {
                    ui.label(format!(
                        "Another coder changed this event while you edited it (it is now at version {}). For each field, keep yours or theirs; the fields only they changed stay theirs.",
                        c.version.unwrap_or_default()
                    ));
                    self.fields(ui, c);
                }
                ui.separator();
                if ui.button("Save my choices").clicked() {
                    actions.push(Action::Store(Command::Resolve(self.keep_mine.clone())));
                }
            });
        actions
    }

    /// The fields set differently: mine, theirs, and which to keep.
    fn fields(&mut self, ui: &mut egui::Ui, c: &Conflict) {
        egui::Grid::new("conflict_fields")
            .num_columns(4)
            .striped(true)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Field").strong());
                ui.label(RichText::new("Mine").strong());
                ui.label(RichText::new("Theirs").strong());
                ui.label(RichText::new("Keep").strong());
                ui.end_row();
                for (field, keep) in c.fields.iter().zip(self.keep_mine.iter_mut()) {
                    ui.label(&field.name);
                    value(ui, in_words(&field.name, &field.mine));
                    value(ui, in_words(&field.name, &field.theirs));
                    ui.horizontal(|ui| {
                        let name = &field.name;
                        ui.radio_value(keep, true, "mine")
                            .on_hover_text(format!("Keep my {name}"));
                        ui.radio_value(keep, false, "theirs")
                            .on_hover_text(format!("Keep their {name}"));
                    });
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            if ui.button("Keep all mine").clicked() {
                self.keep_mine.iter_mut().for_each(|k| *k = true);
            }
            if ui.button("Keep all theirs").clicked() {
                self.keep_mine.iter_mut().for_each(|k| *k = false);
            }
        });
    }

    /// The event was removed since my edit.
    fn removed(&mut self, ui: &mut egui::Ui) {
        ui.label("Another coder removed this event while you edited it.");
        if let Some(keep) = self.keep_mine.first_mut() {
            ui.radio_value(keep, true, "Add it back with my changes");
            ui.radio_value(keep, false, "Leave it removed");
        }
    }

    /// My edit removes an event someone changed since.
    fn i_remove(&mut self, ui: &mut egui::Ui) {
        ui.label("Another coder changed this event after you chose to remove it.");
        if let Some(keep) = self.keep_mine.first_mut() {
            ui.radio_value(keep, true, "Remove it anyway");
            ui.radio_value(keep, false, "Keep their version");
        }
    }
}

/// How wide a value's column is: a title or a place reads on a line or
/// two, never a word broken over several.
const VALUE_WIDTH: f32 = 200.0;

/// One side's value in its column, wrapped within [`VALUE_WIDTH`].
fn value(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) {
    ui.scope(|ui| {
        ui.set_width(VALUE_WIDTH);
        ui.add(egui::Label::new(text).wrap());
    });
}
