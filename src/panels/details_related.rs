//! The other claims about the same incident, side by side by account.

use egui::RichText;

use crate::action::Action;
use crate::data::Data;
use crate::data::event::{Event, EventKind, Side};

use super::colors;

/// The column order of the accounts.
const SIDES: [Option<Side>; 4] = [
    Some(Side::Kyrgyz),
    Some(Side::Tajik),
    Some(Side::ThirdParty),
    Some(Side::Neutral),
];

/// The incidents this event is about, and the statements about them (this
/// event excluded). For an incident: itself, and statements referring to it.
pub fn related<'a>(data: &'a Data, event: &Event) -> (Vec<&'a Event>, Vec<&'a Event>) {
    let incident_ids: Vec<&str> = match event.kind {
        EventKind::Incident => vec![event.id.as_str()],
        EventKind::Statement => event.refers_to.iter().map(String::as_str).collect(),
    };
    let incidents = data
        .events
        .iter()
        .filter(|e| e.id != event.id && incident_ids.contains(&e.id.as_str()))
        .collect();
    let statements = data
        .events
        .iter()
        .filter(|e| {
            e.id != event.id
                && e.kind == EventKind::Statement
                && e.refers_to
                    .iter()
                    .any(|r| incident_ids.contains(&r.as_str()))
        })
        .collect();
    (incidents, statements)
}

/// Draws the incidents referred to and the other accounts in columns.
pub fn show(ui: &mut egui::Ui, data: &Data, event: &Event, actions: &mut Vec<Action>) {
    let (incidents, statements) = related(data, event);
    if incidents.is_empty() && statements.is_empty() {
        return;
    }
    ui.add_space(6.0);
    if !incidents.is_empty() {
        ui.label(RichText::new("About").strong());
        for inc in incidents {
            link(ui, inc, actions);
        }
    }
    if statements.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Other accounts of this incident").strong());
    let columns: Vec<(Option<Side>, Vec<&Event>)> = SIDES
        .iter()
        .map(|side| {
            let items = statements
                .iter()
                .copied()
                .filter(|s| s.side == *side)
                .collect();
            (*side, items)
        })
        .filter(|(_, items): &(Option<Side>, Vec<&Event>)| !items.is_empty())
        .collect();
    // As many accounts side by side as the panel has room for, the rest on
    // further rows.
    let per_row = ((ui.available_width() / MIN_COLUMN_WIDTH).floor() as usize).clamp(1, 4);
    for row in columns.chunks(per_row) {
        ui.columns(per_row, |cols| {
            for (col, (side, items)) in cols.iter_mut().zip(row) {
                col.label(
                    RichText::new(column_title(*side))
                        .color(colors::side(*side))
                        .strong(),
                );
                for item in items {
                    link(col, item, actions);
                }
            }
        });
        ui.add_space(4.0);
    }
}

/// The narrowest an account column may be, in points.
const MIN_COLUMN_WIDTH: f32 = 150.0;

/// The heading of an account column.
fn column_title(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Kyrgyz) => "Kyrgyz account",
        Some(Side::Tajik) => "Tajik account",
        Some(Side::ThirdParty) => "Third parties",
        Some(Side::Neutral) | None => "Neutral reports",
    }
}

/// A clickable title that selects the event.
fn link(ui: &mut egui::Ui, event: &Event, actions: &mut Vec<Action>) {
    let text = RichText::new(&event.title).color(colors::side(event.side));
    if ui
        .add(egui::Button::new(text).frame(false).wrap())
        .on_hover_text(format!("Select: {}", event.title))
        .clicked()
    {
        actions.push(Action::Reveal {
            event_id: event.id.clone(),
            quote: 0,
        });
    }
}
