//! The events list: a search box (Ctrl+F), filter toggles, the count of
//! shown events and a table of them; clicking a row selects and reveals it.

use egui::RichText;

use crate::data::Data;
use crate::data::event::EventKind;
use crate::model::action::Action;
use crate::model::event_index::TimeIndex;
use crate::model::view::{Filters, ViewState};
use crate::model::visibility::Visible;

use crate::ui_kit::{colors, format};

/// The id of the search box, so that Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("events_list_search")
}

/// The events list panel.
pub struct EventsList;

impl crate::panels::panel::Panel for EventsList {
    fn show(&mut self, ui: &mut egui::Ui, frame: &crate::panels::panel::Frame<'_>) -> Vec<Action> {
        show(
            ui,
            frame.data,
            &frame.derived.index,
            frame.view,
            frame.visible,
        )
    }
}

/// Draws the list and returns what the user asked for.
pub fn show(
    ui: &mut egui::Ui,
    data: &Data,
    index: &TimeIndex,
    view: &ViewState,
    visible: &Visible,
) -> Vec<Action> {
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
    match data.counts.as_deref() {
        Some(counts) => {
            ui.label(format!(
                "{} events in view, counted per cell by the database: zoom in to list them",
                counts.total
            ));
        }
        None => {
            ui.label(format!(
                "{} of {} events shown",
                visible.shown.len(),
                data.events.len()
            ));
        }
    }
    if visible.outside_count() > 0 {
        ui.label(
            RichText::new(format!(
                "{} more match but lie outside the time window",
                visible.outside_count()
            ))
            .small()
            .weak(),
        );
    }
    ui.separator();
    table(ui, (data, index), view, visible, &mut actions);
    actions
}

/// The rows: a kind glyph, the title (selectable, one line, in full on
/// hover) over date and place. Rows have one height, so only those scrolled
/// into view are built, however many events are shown.
fn table(
    ui: &mut egui::Ui,
    (data, index): (&Data, &TimeIndex),
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
    let row_height = ui.spacing().interact_size.y
        + ui.text_style_height(&egui::TextStyle::Small)
        + ui.spacing().item_spacing.y
        + 2.0 * ROW_MARGIN;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("events_list_scroll")
        .auto_shrink([false, false]);
    // When the filters change what is listed, the list starts again from
    // its top, or from the selected event if it is still listed: an offset
    // kept from a longer list would scroll the rows out of sight.
    let count_id = ui.scope_id().with("list_row_count");
    let counted: Option<usize> = ui.data(|d| d.get_temp(count_id));
    ui.data_mut(|d| d.insert_temp(count_id, visible.shown.len()));
    let recounted = counted != Some(visible.shown.len());
    let centre_on = match reveal {
        Some(r) => Some(r.event_id.as_str()),
        None if recounted => Some(view.selection.as_deref().unwrap_or_default()),
        None => None,
    };
    if let Some(id) = centre_on {
        // Found by its index, not by comparing ids: while the window is
        // scrubbed the count changes every frame, over a million rows.
        let row = (index.event_with_id(id))
            .and_then(|event| visible.shown.iter().position(|&i| i == event));
        if row.is_some() || recounted {
            let spaced = row_height + ui.spacing().item_spacing.y;
            let offset = row.map_or(0.0, |row| {
                row as f32 * spaced - (ui.available_height() - spaced) / 2.0
            });
            area = area.vertical_scroll_offset(offset.max(0.0));
        }
    }
    if let Some(r) = reveal {
        ui.data_mut(|d| d.insert_temp(serial_id, r.serial));
    }
    area.show_rows(ui, row_height, visible.shown.len(), |ui, rows| {
        for n in rows {
            let Some(event) = visible.shown.get(n).and_then(|&i| data.events.get(i)) else {
                continue;
            };
            let fill = if n % 2 == 1 {
                ui.visuals().faint_bg_color
            } else {
                egui::Color32::TRANSPARENT
            };
            egui::Frame::new()
                .fill(fill)
                .inner_margin(egui::Margin::symmetric(2, ROW_MARGIN as i8))
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.set_height(row_height - 2.0 * ROW_MARGIN);
                    ui.horizontal(|ui| {
                        kind_glyph(ui, event.kind);
                        ui.vertical(|ui| row(ui, event, view, actions));
                    });
                });
        }
    });
}

/// Space above and below a row's text, in points.
const ROW_MARGIN: f32 = 3.0;

/// One row's title and its date and place.
fn row(
    ui: &mut egui::Ui,
    event: &crate::data::event::Event,
    view: &ViewState,
    actions: &mut Vec<Action>,
) {
    let selected = view.selection.as_deref() == Some(event.id.as_str());
    let title = ui
        .add(egui::Button::selectable(selected, &event.title).truncate())
        .on_hover_text(&event.title);
    // Screen readers get the whole title, not the shortened one.
    title.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, &event.title)
    });
    if title.clicked() {
        actions.push(Action::Reveal {
            event_id: event.id.clone(),
            quote: 0,
        });
    }
    let mut meta = format::short_date(event);
    if let Some(place) = &event.place {
        meta.push_str(" · ");
        meta.push_str(place);
    }
    ui.add(egui::Label::new(RichText::new(meta).small().weak()).truncate());
}

/// A small circle for an incident, a speech bubble for a statement, a
/// ring for context (as on the map, where a diamond is an armed clash).
fn kind_glyph(ui: &mut egui::Ui, kind: EventKind) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(12.0, 18.0), egui::Sense::hover());
    let c = rect.center();
    let color = colors::kind_accent(kind);
    match kind {
        EventKind::Incident => {
            ui.painter().circle_filled(c, 4.5, color);
        }
        EventKind::Statement => {
            let body =
                egui::Rect::from_center_size(c - egui::vec2(0.0, 1.5), egui::vec2(11.0, 7.5));
            ui.painter().rect_filled(body, 2.5, color);
            let tail = vec![
                body.left_bottom() + egui::vec2(2.0, -0.5),
                body.left_bottom() + egui::vec2(5.5, -0.5),
                body.left_bottom() + egui::vec2(1.5, 3.5),
            ];
            ui.painter()
                .add(egui::Shape::convex_polygon(tail, color, egui::Stroke::NONE));
        }
        EventKind::Context => {
            ui.painter()
                .circle_stroke(c, 4.0, egui::Stroke::new(1.5, color));
        }
    }
    response.on_hover_text(format::kind(kind));
}
