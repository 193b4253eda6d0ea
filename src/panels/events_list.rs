//! The events list: a search box (Ctrl+F), filter toggles, the count of
//! shown events and a table of them; clicking a row selects and reveals it.

use egui::{Align, RichText};

use crate::action::Action;
use crate::data::Data;
use crate::data::event::EventKind;
use crate::view::{Filters, ViewState};
use crate::visibility::Visible;

use super::{colors, format};

/// The id of the search box, so that Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("events_list_search")
}

/// Draws the list and returns what the user asked for.
pub fn show(ui: &mut egui::Ui, data: &Data, view: &ViewState, visible: &Visible) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.set_min_width(ui.available_width().max(260.0));
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
        ui.memory_mut(|m| m.request_focus(search_id()));
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        let label = ui.label("Search");
        let mut text = view.filters.text.clone();
        ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(search_id())
                .hint_text("title, place, quote… (Ctrl+F)")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        if text != view.filters.text {
            actions.push(Action::SetFilters(Filters {
                text,
                ..view.filters.clone()
            }));
        }
    });
    if let Some(filters) = super::filters::show(ui, data, &view.filters) {
        actions.push(Action::SetFilters(filters));
    }
    ui.label(format!(
        "{} of {} events shown",
        visible.shown.len(),
        data.events.len()
    ));
    if !visible.outside.is_empty() {
        ui.label(
            RichText::new(format!(
                "{} more match but lie outside the time window",
                visible.outside.len()
            ))
            .small()
            .weak(),
        );
    }
    ui.separator();
    table(ui, data, view, visible, &mut actions);
    actions
}

/// The rows: a kind glyph, the title (selectable) over date and place.
fn table(
    ui: &mut egui::Ui,
    data: &Data,
    view: &ViewState,
    visible: &Visible,
    actions: &mut Vec<Action>,
) {
    let serial_id = ui.scope_id().with("list_reveal_serial");
    let last_serial: Option<u64> = ui.data(|d| d.get_temp(serial_id));
    let reveal = view
        .reveal
        .as_ref()
        .filter(|r| Some(r.serial) != last_serial);
    egui::ScrollArea::vertical()
        .id_salt("events_list_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (n, &i) in visible.shown.iter().enumerate() {
                let Some(event) = data.events.get(i) else {
                    continue;
                };
                let fill = if n % 2 == 1 {
                    ui.visuals().faint_bg_color
                } else {
                    egui::Color32::TRANSPARENT
                };
                egui::Frame::new()
                    .fill(fill)
                    .inner_margin(egui::Margin::symmetric(2, 3))
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            kind_glyph(ui, event.kind);
                            ui.vertical(|ui| {
                                let selected = view.selection.as_deref() == Some(event.id.as_str());
                                let row =
                                    ui.add(egui::Button::selectable(selected, &event.title).wrap());
                                if row.clicked() {
                                    actions.push(Action::Reveal {
                                        event_id: event.id.clone(),
                                        quote: 0,
                                    });
                                }
                                if reveal.is_some_and(|r| r.event_id == event.id) {
                                    row.scroll_to_me(Some(Align::Center));
                                }
                                let mut meta = format::short_date(event);
                                if let Some(place) = &event.place {
                                    meta.push_str(" · ");
                                    meta.push_str(place);
                                }
                                ui.add(egui::Label::new(RichText::new(meta).small().weak()).wrap());
                            });
                        });
                    });
            }
        });
    if let Some(r) = reveal {
        let serial = r.serial;
        ui.data_mut(|d| d.insert_temp(serial_id, serial));
    }
}

/// A small circle for an incident, a diamond for a statement.
fn kind_glyph(ui: &mut egui::Ui, kind: EventKind) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(12.0, 18.0), egui::Sense::hover());
    let c = rect.center();
    let color = colors::kind_accent(kind);
    match kind {
        EventKind::Incident => {
            ui.painter().circle_filled(c, 4.5, color);
        }
        EventKind::Statement => {
            let r = 5.0;
            let points = vec![
                c + egui::vec2(0.0, -r),
                c + egui::vec2(r, 0.0),
                c + egui::vec2(0.0, r),
                c + egui::vec2(-r, 0.0),
            ];
            ui.painter().add(egui::Shape::convex_polygon(
                points,
                color,
                egui::Stroke::NONE,
            ));
        }
    }
    response.on_hover_text(format::kind(kind));
}
