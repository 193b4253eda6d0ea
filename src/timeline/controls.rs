//! The row of controls above the timeline: playback, zoom presets, row
//! grouping, the outside-window toggle and "Go to date".

use super::State;
use super::axis::Axis;
use super::playback::{Playing, toggle_play, with_cursor};
use super::rows::Rows;
use crate::data::region::Preset;
use crate::data::time::{EventTime, Seconds};
use crate::model::action::Action;
use crate::model::event_index::TimeIndex;
use crate::model::view::{PlaySpeed, TimeView};

/// Draws the controls; changes the timeline's own `state` and returns the
/// actions for the view.
pub fn show(
    ui: &mut egui::Ui,
    time: &TimeView,
    index: &TimeIndex,
    presets: &[Preset],
    playing: &Playing,
    state: &mut State,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let span = index.span().unwrap_or(time.window);
    ui.horizontal_wrapped(|ui| {
        actions.extend(playback(ui, time, playing));
        ui.separator();
        zoom_buttons(ui, span, presets, state);
        ui.separator();
        rows_toggle(ui, state);
        ui.menu_button("Timeline legend", legend);
        ui.separator();
        actions.extend(go_to_date(ui, time, state));
    });
    actions
}

/// Play or pause, the speed and how playback runs.
fn playback(ui: &mut egui::Ui, time: &TimeView, playing: &Playing) -> Vec<Action> {
    let mut actions = Vec::new();
    let play = if time.playing { "Pause" } else { "Play" };
    // As wide for "Pause" as for "Play", so the row does not shift.
    if ui
        .add(egui::Button::new(play).min_size(egui::vec2(48.0, 0.0)))
        .on_hover_text(
            "Play or pause (Space): from the cursor, or from the start of the \
             visible range when the cursor is elsewhere",
        )
        .clicked()
    {
        actions.push(Action::SetTime(toggle_play(time, playing)));
    }
    let mut next = time.clone();
    egui::ComboBox::from_label("Speed")
        .selected_text(time.speed.label())
        .show_ui(ui, |ui| {
            for s in PlaySpeed::ALL {
                ui.selectable_value(&mut next.speed, s, s.label());
            }
        })
        .response
        .on_hover_text(format!(
            "1× plays the visible range in about {} s",
            crate::model::view::PLAY_SECONDS
        ));
    ui.checkbox(&mut next.looping, "Loop")
        .on_hover_text("Start over at the end of the visible range");
    ui.checkbox(&mut next.skip_gaps, "Skip empty stretches")
        .on_hover_text("Jump over stretches in which no event begins");
    ui.checkbox(&mut next.cumulative, "Cumulative")
        .on_hover_text("Keep the window's start fixed and let its end follow the cursor");
    ui.checkbox(&mut next.show_outside, "Show events outside the window");
    if &next != time {
        actions.push(Action::SetTime(next));
    }
    actions
}

/// "Fit all" (the events' `span`) and the region's presets: each sets the
/// axis.
fn zoom_buttons(
    ui: &mut egui::Ui,
    span: (Seconds, Seconds),
    presets: &[Preset],
    state: &mut State,
) {
    if ui.button("Fit all").clicked() {
        state.axis = Some(Axis::around(span.0, span.1));
    }
    for p in presets {
        if ui.button(&p.label).clicked() {
            state.axis = Some(Axis::around(p.from, p.to));
        }
    }
}

/// Rows by kind or by category.
fn rows_toggle(ui: &mut egui::Ui, state: &mut State) {
    let mut by_category = state.rows == Rows::Category;
    if ui.checkbox(&mut by_category, "Rows by category").changed() {
        state.rows = if by_category {
            Rows::Category
        } else {
            Rows::Kind
        };
    }
}

/// "Go to date": a date typed and entered puts the cursor there and brings
/// it into view; anything else is refused with a message beside the field.
fn go_to_date(ui: &mut egui::Ui, time: &TimeView, state: &mut State) -> Option<Action> {
    let label = ui.label("Go to date");
    let edit = ui.add(
        egui::TextEdit::singleline(&mut state.goto_text)
            .hint_text("2022-09-16")
            .desired_width(110.0),
    );
    let edit = edit.labelled_by(label.id);
    let mut action = None;
    if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        match EventTime::parse(state.goto_text.trim()) {
            Ok(t) => {
                state.goto_error = None;
                let cursor = t.first_second();
                action = Some(Action::SetTime(with_cursor(time, cursor)));
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
    action
}

/// What the timeline's marks mean and which keys act on it.
fn legend(ui: &mut egui::Ui) {
    ui.set_max_width(420.0);
    for line in [
        "Orange line: the time cursor. Click or drag on the ruler or the \
         histogram to move it, or drag the line itself.",
        "Shaded band and the strip under the histogram: the time window; the \
         map shows the events that overlap it. Drag the strip to move it, its \
         ends to resize it.",
        &format!(
            "Histogram: events per slice of time, {}.",
            super::histogram::MEANING
        ),
        "Bars: one per event, coloured by side; faded ends mean the source \
         dates it less precisely; pale bars lie outside the window; thin bars \
         at the bottom of a row last far longer than the view.",
        &format!("{}.", super::links::MEANING),
        "Keys (pointer over the timeline): Space plays or pauses; the left and right arrows step \
         between events; Home and End put the cursor at the window's start or \
         end; [ and ] set the window's start or end at the cursor. Drag empty \
         bar area or scroll to pan and zoom.",
    ] {
        ui.label(line);
    }
}
