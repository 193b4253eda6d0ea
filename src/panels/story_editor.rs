//! The story editor: a window listing the steps, where the current view
//! becomes a step, steps are reordered by dragging their handle (or with
//! Move up and Move down), captions are edited and steps removed, with
//! undo, redo and saving.

use egui::RichText;

use crate::data::Data;
use crate::model::action::Action;
use crate::story::Step;
use crate::story::action::StoryAction;
use crate::story::history::Edit;
use crate::story::player::Player;
use crate::story::session::Session;

/// Draws the editor window for the open story; returns what the user asked.
pub fn window(ctx: &egui::Context, data: &Data, session: &Session) -> Vec<Action> {
    let mut out = Vec::new();
    let Some(player) = &session.player else {
        return out;
    };
    let mut open = true;
    egui::Window::new("Story steps")
        .open(&mut open)
        .default_pos(egui::pos2(ctx.content_rect().right() - 460.0, 120.0))
        .default_width(420.0)
        .default_height(520.0)
        .show(ctx, |ui| {
            let mut act = |a: StoryAction| out.push(Action::Story(a));
            header(ui, player, session, &mut act);
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| steps(ui, data, player, &mut act));
        });
    if !open {
        out.push(Action::Story(StoryAction::SetEditing(false)));
    }
    out
}

fn header(
    ui: &mut egui::Ui,
    player: &Player,
    session: &Session,
    act: &mut impl FnMut(StoryAction),
) {
    ui.horizontal(|ui| {
        let label = ui.label("Title");
        let mut title = player.story().title.clone();
        let edit = egui::TextEdit::singleline(&mut title).desired_width(f32::INFINITY);
        if ui.add(edit).labelled_by(label.id).changed() {
            act(StoryAction::Edit(Edit::Title(title)));
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add this view as a step").clicked() {
            act(StoryAction::AddCurrentView);
        }
        let undo = ui.add_enabled(player.edited.can_undo(), egui::Button::new("Undo"));
        if undo.on_hover_text("Ctrl+Z").clicked() {
            act(StoryAction::Undo);
        }
        let redo = ui.add_enabled(player.edited.can_redo(), egui::Button::new("Redo"));
        if redo.on_hover_text("Ctrl+Y").clicked() {
            act(StoryAction::Redo);
        }
        if ui.button("Save story").clicked() {
            act(StoryAction::Save);
        }
        if ui.button("Save story as…").clicked() {
            act(StoryAction::SaveAs);
        }
    });
    let state = match (&session.status, player.edited.is_dirty()) {
        (_, true) => "Unsaved changes".to_owned(),
        (Some(status), false) => status.clone(),
        (None, false) => match &player.path {
            Some(path) => format!("From {}", path.display()),
            None => "Not saved yet".to_owned(),
        },
    };
    ui.label(RichText::new(state).weak());
}

/// One row per step: its handle, number, caption and buttons. A step's
/// handle dropped on another row moves it there.
fn steps(ui: &mut egui::Ui, data: &Data, player: &Player, act: &mut impl FnMut(StoryAction)) {
    let story = player.story();
    let n = story.steps.len();
    if n == 0 {
        ui.label("No steps yet: set up the map, the timeline and the selection, then add the view as a step.");
    }
    for (i, step) in story.steps.iter().enumerate() {
        let shown = i == player.current();
        let row = egui::Frame::group(ui.style())
            .fill(if shown {
                ui.visuals().faint_bg_color
            } else {
                egui::Color32::TRANSPARENT
            })
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| step_buttons(ui, i, n, shown, act));
                caption(ui, i, step, act);
                event_names(ui, data, step);
            })
            .response;
        drop_target(ui, &row, i, act);
    }
}

/// A step's handle, its number (showing it) and the buttons moving and
/// removing it.
fn step_buttons(
    ui: &mut egui::Ui,
    i: usize,
    n: usize,
    shown: bool,
    act: &mut impl FnMut(StoryAction),
) {
    let handle = grip(ui);
    let name = format!("Drag step {} to another place", i + 1);
    handle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
    handle.dnd_set_drag_payload(i);
    let title = RichText::new(format!("Step {}", i + 1));
    let title = if shown { title.strong() } else { title };
    if ui.button(title).on_hover_text("Show this step").clicked() {
        act(StoryAction::GoTo(i));
    }
    small_button(ui, i > 0, "Up", &format!("Move step {} up", i + 1), || {
        act(StoryAction::Edit(Edit::Move { from: i, to: i - 1 }));
    });
    small_button(
        ui,
        i + 1 < n,
        "Down",
        &format!("Move step {} down", i + 1),
        || {
            act(StoryAction::Edit(Edit::Move { from: i, to: i + 1 }));
        },
    );
    small_button(
        ui,
        true,
        "Remove",
        &format!("Remove step {}", i + 1),
        || {
            act(StoryAction::Edit(Edit::Remove(i)));
        },
    );
}

/// The step's caption, edited in place.
fn caption(ui: &mut egui::Ui, i: usize, step: &Step, act: &mut impl FnMut(StoryAction)) {
    let label = ui.label(
        RichText::new(format!("Caption of step {}", i + 1))
            .small()
            .weak(),
    );
    let mut caption = step.caption.clone();
    let edit = egui::TextEdit::multiline(&mut caption)
        .desired_rows(2)
        .desired_width(f32::INFINITY);
    if ui.add(edit).labelled_by(label.id).changed() {
        act(StoryAction::Edit(Edit::Caption {
            step: i,
            text: caption,
        }));
    }
}

/// The titles of the step's events (an id not loaded says so).
fn event_names(ui: &mut egui::Ui, data: &Data, step: &Step) {
    let names: Vec<String> = step
        .events
        .iter()
        .map(|id| match data.events.iter().find(|e| &e.id == id) {
            Some(e) => e.title.clone(),
            None => format!("{id} (not loaded)"),
        })
        .collect();
    if !names.is_empty() {
        ui.label(RichText::new(names.join(" · ")).small());
    }
}

/// The row of step `i` as a place to drop another step's handle: a line
/// shows where it would go, and dropping it there moves it.
fn drop_target(
    ui: &mut egui::Ui,
    row: &egui::Response,
    i: usize,
    act: &mut impl FnMut(StoryAction),
) {
    if let Some(from) = row.dnd_hover_payload::<usize>()
        && *from != i
    {
        let y = if *from < i {
            row.rect.bottom()
        } else {
            row.rect.top()
        };
        ui.painter()
            .hline(row.rect.x_range(), y, ui.visuals().selection.stroke);
    }
    if let Some(from) = row.dnd_release_payload::<usize>()
        && *from != i
    {
        act(StoryAction::Edit(Edit::Move { from: *from, to: i }));
    }
}

/// A button showing `symbol`, named `name` for screen readers and on hover.
fn small_button(
    ui: &mut egui::Ui,
    enabled: bool,
    symbol: &str,
    name: &str,
    on_click: impl FnOnce(),
) {
    let response = ui.add_enabled(enabled, egui::Button::new(symbol));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    if response.on_hover_text(name).clicked() {
        on_click();
    }
}

/// A handle to drag a step by: three short lines.
fn grip(ui: &mut egui::Ui) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(14.0, 18.0), egui::Sense::drag());
    let stroke = ui.style().interact(&response).fg_stroke;
    for k in 0..3 {
        let y = rect.center().y + (k as f32 - 1.0) * 4.0;
        ui.painter().hline(rect.x_range().shrink(2.0), y, stroke);
    }
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grab);
    }
    response
}
