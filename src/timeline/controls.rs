//! The row of controls above the timeline: playback, zoom presets, row
//! grouping, the outside-window toggle and "Go to date".

use super::State;
use super::axis::Axis;
use super::playback::{toggle_play, with_cursor};
use super::rows::Rows;
use crate::action::Action;
use crate::data::region::Preset;
use crate::data::time::EventTime;
use crate::model::event_index::TimeIndex;
use crate::view::{PlaySpeed, TimeView};

/// Draws the controls; changes the timeline's own `state` and returns the
/// actions for the view.
pub fn show(
    ui: &mut egui::Ui,
    time: &TimeView,
    index: &TimeIndex,
    presets: &[Preset],
    state: &mut State,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let span = index.span().unwrap_or(time.window);
    ui.horizontal_wrapped(|ui| {
        let play = if time.playing { "Pause" } else { "Play" };
        if ui
            .button(play)
            .on_hover_text("Play or pause (Space)")
            .clicked()
        {
            actions.push(Action::SetTime(toggle_play(time, span)));
        }
        let mut next = time.clone();
        egui::ComboBox::from_label("Speed")
            .selected_text(time.speed.label())
            .show_ui(ui, |ui| {
                for s in PlaySpeed::ALL {
                    ui.selectable_value(&mut next.speed, s, s.label());
                }
            });
        ui.checkbox(&mut next.looping, "Loop");
        ui.checkbox(&mut next.cumulative, "Cumulative")
            .on_hover_text("Keep the window's start fixed and let its end follow the cursor");
        ui.checkbox(&mut next.show_outside, "Show events outside the window");
        if &next != time {
            actions.push(Action::SetTime(next));
        }
        ui.separator();
        if ui.button("Fit all").clicked() {
            state.axis = Some(Axis::around(span.0, span.1));
        }
        for p in presets {
            if ui.button(&p.label).clicked() {
                state.axis = Some(Axis::around(p.from, p.to));
            }
        }
        ui.separator();
        let mut by_category = state.rows == Rows::Category;
        if ui.checkbox(&mut by_category, "Rows by category").changed() {
            state.rows = if by_category {
                Rows::Category
            } else {
                Rows::Kind
            };
        }
        ui.separator();
        let label = ui.label("Go to date");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut state.goto_text)
                .hint_text("2022-09-16")
                .desired_width(110.0),
        );
        let edit = edit.labelled_by(label.id);
        if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            match EventTime::parse(state.goto_text.trim()) {
                Ok(t) => {
                    state.goto_error = None;
                    let cursor = t.first_second();
                    actions.push(Action::SetTime(with_cursor(time, cursor)));
                    state.focus_on = Some(cursor);
                }
                Err(_) => {
                    state.goto_error = Some(format!(
                        "Not a date: {:?} (use 2022-09-16 or 2022-09-16T04:50)",
                        state.goto_text.trim()
                    ));
                }
            }
        }
        if let Some(err) = &state.goto_error {
            ui.colored_label(ui.visuals().error_fg_color, err);
        }
    });
    actions
}
