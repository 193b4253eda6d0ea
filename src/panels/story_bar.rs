//! The story bar: above the map while a story is open, the step's caption,
//! a dot per step, Previous and Next (PageUp, PageDown), autoplay, the
//! verdict of each of the step's events, its quote, and a note in the place
//! of an event that is not loaded. Also the first-start offer of the
//! bundled story.

use egui::{Color32, RichText};

use crate::data::Data;
use crate::data::event::Event;
use crate::model::action::Action;
use crate::panels::panel::Frame;
use crate::story::action::StoryAction;
use crate::story::player::Player;
use crate::story::session::Session;
use crate::story::{Step, Story};
use crate::ui_kit::{colors, format};

/// Draws the bar (when a story is open), the offer (when due) and the
/// editor (when open); reads the story keys. Returns what the user asked.
pub fn show(ui: &mut egui::Ui, frame: &Frame<'_>, session: &Session) -> Vec<Action> {
    let mut actions = Vec::new();
    if let Some(player) = &session.player {
        egui::Panel::top("story_bar").show(ui, |ui| {
            bar(ui, frame.data, player, session.editing, &mut actions);
        });
        actions.extend(keys(ui.ctx(), player, session.editing));
        if session.editing {
            actions.extend(super::story_editor::window(ui.ctx(), frame.data, session));
        }
    } else if session.offer {
        offer(ui.ctx(), &mut actions);
    }
    if !actions.is_empty() {
        // What was asked shows on the next frame (a window opening, a step).
        ui.ctx().request_repaint();
    }
    actions
}

fn bar(ui: &mut egui::Ui, data: &Data, player: &Player, editing: bool, out: &mut Vec<Action>) {
    let story = player.story();
    let n = story.steps.len();
    let i = player.current();
    let mut act = |a: StoryAction| out.push(Action::Story(a));
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&story.title).strong());
        ui.label(if n == 0 {
            "No steps yet".to_owned()
        } else {
            format!("Step {} of {n}", i + 1)
        });
        for (k, step) in story.steps.iter().enumerate() {
            if dot(ui, k, n, k == i, step).clicked() {
                act(StoryAction::GoTo(k));
            }
        }
        ui.separator();
        let previous = ui.add_enabled(i > 0, egui::Button::new("‹ Previous"));
        if previous.on_hover_text("Page Up").clicked() {
            act(StoryAction::Previous);
        }
        let next = ui.add_enabled(i + 1 < n, egui::Button::new("Next ›"));
        if next.on_hover_text("Page Down").clicked() {
            act(StoryAction::Next);
        }
        let mut autoplay = player.autoplay();
        if ui.checkbox(&mut autoplay, "Autoplay").changed() {
            act(StoryAction::SetAutoplay(autoplay));
        }
        let mut edit = editing;
        if ui.toggle_value(&mut edit, "Edit steps").changed() {
            act(StoryAction::SetEditing(edit));
        }
        if ui.button("Leave story").clicked() {
            act(StoryAction::Leave);
        }
    });
    if let Some(step) = player.step() {
        ui.add(egui::Label::new(RichText::new(&step.caption).size(15.0)).wrap());
        events(ui, data, story, step);
    } else {
        ui.label("Move the map, the timeline and the selection to a view, then add it as a step.");
    }
    ui.add_space(4.0);
}

/// A step's dot: filled for the shown step; a screen reader reads its
/// number and the start of its caption.
fn dot(ui: &mut egui::Ui, k: usize, n: usize, current: bool, step: &Step) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::click());
    let visuals = ui.style().interact_selectable(&response, current);
    let stroke = egui::Stroke::new(1.5, visuals.fg_stroke.color);
    let fill = if current {
        visuals.fg_stroke.color
    } else {
        Color32::TRANSPARENT
    };
    ui.painter().circle(rect.center(), 5.5, fill, stroke);
    if response.has_focus() {
        ui.painter()
            .circle_stroke(rect.center(), 7.5, ui.visuals().selection.stroke);
    }
    let label = format!("Step {} of {n}: {}", k + 1, step.short_caption(60));
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, current, &label));
    response.on_hover_text(step.short_caption(120))
}

/// Each of the step's events with its verdict, a note for those not
/// loaded, and the step's quote.
fn events(ui: &mut egui::Ui, data: &Data, story: &Story, step: &Step) {
    ui.horizontal_wrapped(|ui| {
        for id in &step.events {
            match data.events.iter().find(|e| &e.id == id) {
                Some(event) => verdict_chip(ui, event),
                None => missing(ui, id, story),
            }
        }
    });
    let quoted = step.quote.as_ref().and_then(|q| {
        let event = data.events.iter().find(|e| e.id == q.event)?;
        Some((event, event.quotes.get(q.index)?))
    });
    if let Some((event, quote)) = quoted {
        let source = data
            .sources
            .get(event.source)
            .and_then(|s| s.title.clone())
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("“{}”", quote.text)).italics());
            if !source.is_empty() {
                ui.label(RichText::new(format!("— {source}")).weak());
            }
        });
    }
}

/// The event's title beside its verdict badge; the note on hover.
fn verdict_chip(ui: &mut egui::Ui, event: &Event) {
    let verdict = event.verification.as_ref().map(|v| v.verdict);
    let words = format::verdict(verdict);
    let badge = egui::Frame::new()
        .fill(colors::verdict(verdict))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(words).color(Color32::WHITE).strong());
        })
        .response;
    let note = match &event.verification {
        Some(v) if v.sources.is_empty() => v.note.clone(),
        Some(v) => format!("{}\nSources: {}", v.note, v.sources.join("; ")),
        None => "Not checked against other reports.".to_owned(),
    };
    badge.on_hover_text(note);
    ui.label(&event.title);
    ui.add_space(10.0);
}

/// The note in the place of an event the data does not hold.
fn missing(ui: &mut egui::Ui, id: &str, story: &Story) {
    let sources: Vec<&str> = story
        .sources
        .iter()
        .map(|s| if s.title.is_empty() { &s.id } else { &s.title })
        .map(String::as_str)
        .collect();
    let hint = if sources.is_empty() {
        "open the events file it comes from (File › Open…)".to_owned()
    } else {
        format!(
            "this story uses {}; open its events file (File › Open…)",
            sources.join("; ")
        )
    };
    ui.label(
        RichText::new(format!("Missing: the event “{id}” is not loaded: {hint}."))
            .color(ui.visuals().warn_fg_color),
    );
}

/// PageUp and PageDown step through the story while no text field has the
/// keyboard; with the editor open, Ctrl+Z undoes and Ctrl+Y or
/// Ctrl+Shift+Z redoes.
fn keys(ctx: &egui::Context, player: &Player, editing: bool) -> Vec<Action> {
    let mut actions = Vec::new();
    let focused = ctx.memory(|m| m.focused());
    if focused.is_some_and(|id| is_text(ctx, id)) {
        return actions;
    }
    let none = egui::Modifiers::NONE;
    ctx.input_mut(|i| {
        if i.consume_key(none, egui::Key::PageDown)
            && player.current() + 1 < player.story().steps.len()
        {
            actions.push(Action::Story(StoryAction::Next));
        }
        if i.consume_key(none, egui::Key::PageUp) && player.current() > 0 {
            actions.push(Action::Story(StoryAction::Previous));
        }
        if editing {
            let redo = i.consume_key(
                egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                egui::Key::Z,
            ) || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y);
            if redo {
                actions.push(Action::Story(StoryAction::Redo));
            } else if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z) {
                actions.push(Action::Story(StoryAction::Undo));
            }
        }
    });
    actions
}

/// Whether the widget with the keyboard focus takes text.
fn is_text(ctx: &egui::Context, id: egui::Id) -> bool {
    egui::TextEdit::load_state(ctx, id).is_some()
}

/// The first-start offer of the bundled story.
fn offer(ctx: &egui::Context, out: &mut Vec<Action>) {
    let Ok(story) = crate::story::bundled::story() else {
        return;
    };
    egui::Window::new("A guided story")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
        .default_width(420.0)
        .show(ctx, |ui| {
            ui.label(RichText::new(&story.title).strong());
            if let Some(d) = &story.description {
                ui.label(d);
            }
            ui.label(
                "Each step moves the map and the timeline, selects the events it is about and \
                 shows how well other reports confirm them. Stories are also under Story in the \
                 menu.",
            );
            ui.horizontal(|ui| {
                if ui.button("Play the story").clicked() {
                    out.push(Action::Story(StoryAction::PlayBundled));
                }
                if ui.button("Not now").clicked() {
                    out.push(Action::Story(StoryAction::DismissOffer));
                }
            });
        });
}
