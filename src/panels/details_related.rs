//! The other claims about the same incident, side by side by account.

use std::collections::HashMap;

use egui::RichText;

use crate::data::Data;
use crate::data::event::{Event, EventKind};
use crate::model::action::Action;

use crate::ui_kit::colors;

/// The incidents this event is about, and the other accounts of them.
///
/// An incident is about what it is an account of (`account_of`); a
/// statement, about what it refers to. The accounts are the statements
/// about those incidents or about any side's account of them, and those
/// side accounts themselves: selecting the Kyrgyz version of the clashes
/// shows the Tajik version and the Tajik statement beside it. The event
/// itself and the incidents it is about are not listed as accounts.
pub fn related<'a>(data: &'a Data, event: &'a Event) -> (Vec<&'a Event>, Vec<&'a Event>) {
    // Which incident each side's account tells: one pass over the events,
    // then lookups, so the card's cost stays linear in the events.
    let tells: HashMap<&str, &str> = data
        .events
        .iter()
        .filter_map(|e| Some((e.id.as_str(), e.account_of.as_deref()?)))
        .collect();
    let told_incident = |id: &'a str| -> &'a str { tells.get(id).copied().unwrap_or(id) };
    let about: Vec<&str> = match event.kind {
        EventKind::Incident => event.account_of.as_deref().into_iter().collect(),
        EventKind::Statement => event.refers_to.iter().map(String::as_str).collect(),
        EventKind::Context => Vec::new(),
    };
    let mut told: Vec<&str> = match event.kind {
        EventKind::Incident => vec![told_incident(&event.id)],
        EventKind::Statement => about.iter().map(|id| told_incident(id)).collect(),
        EventKind::Context => Vec::new(),
    };
    told.sort_unstable();
    told.dedup();
    let incidents = data
        .events
        .iter()
        .filter(|e| about.contains(&e.id.as_str()))
        .collect();
    let accounts = data
        .events
        .iter()
        .filter(|e| e.id != event.id && !about.contains(&e.id.as_str()))
        .filter(|e| match e.kind {
            EventKind::Statement => e.refers_to.iter().any(|r| told.contains(&told_incident(r))),
            EventKind::Incident => e.account_of.as_deref().is_some_and(|a| told.contains(&a)),
            EventKind::Context => false,
        })
        .collect();
    (incidents, accounts)
}

/// Draws the incidents referred to and the other accounts in columns.
pub fn show(ui: &mut egui::Ui, data: &Data, event: &Event, actions: &mut Vec<Action>) {
    let (incidents, accounts) = related(data, event);
    if incidents.is_empty() && accounts.is_empty() {
        return;
    }
    ui.add_space(6.0);
    if !incidents.is_empty() {
        ui.label(RichText::new("About").strong());
        for inc in incidents {
            link(ui, data, inc, actions);
        }
    }
    if accounts.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new("Other accounts of this incident").strong());
    // One column per side, in the vocabulary's order, then the accounts
    // no side is given for.
    let sides = data
        .vocabulary
        .sides
        .iter()
        .map(|t| Some(t.id.as_str()))
        .chain([None]);
    let columns: Vec<(Option<&str>, Vec<&Event>)> = sides
        .map(|side| {
            let items = accounts
                .iter()
                .copied()
                .filter(|s| s.side.as_deref() == side)
                .collect();
            (side, items)
        })
        .filter(|(_, items): &(Option<&str>, Vec<&Event>)| !items.is_empty())
        .collect();
    // As many accounts side by side as the panel has room for, the rest on
    // further rows.
    let per_row = ((ui.available_width() / MIN_COLUMN_WIDTH).floor() as usize).clamp(1, 4);
    for row in columns.chunks(per_row) {
        ui.columns(per_row, |cols| {
            for (col, (side, items)) in cols.iter_mut().zip(row) {
                col.label(
                    RichText::new(data.vocabulary.side_label(*side))
                        .color(colors::side(
                            &data.vocabulary,
                            *side,
                            col.visuals().dark_mode,
                        ))
                        .strong(),
                );
                for item in items {
                    link(col, data, item, actions);
                }
            }
        });
        ui.add_space(4.0);
    }
}

/// The narrowest an account column may be, in points.
const MIN_COLUMN_WIDTH: f32 = 150.0;

/// A clickable title that selects the event.
fn link(ui: &mut egui::Ui, data: &Data, event: &Event, actions: &mut Vec<Action>) {
    let dark = ui.visuals().dark_mode;
    let colour = colors::side(&data.vocabulary, event.side.as_deref(), dark);
    let text = RichText::new(&event.title).color(colour);
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
