//! The detail card of the selected incident or statement.

use egui::{Color32, RichText};

use crate::data::Data;
use crate::data::event::Event;
use crate::model::action::Action;
use crate::model::view::ViewState;

use crate::ui_kit::{colors, format};

/// What the card says when nothing is selected.
pub const EMPTY_TEXT: &str = "Select an incident on the map, in the list or on the timeline.";

/// The detail card panel.
pub struct DetailCard;

impl crate::panels::panel::Panel for DetailCard {
    fn show(&mut self, ui: &mut egui::Ui, frame: &crate::panels::panel::Frame<'_>) -> Vec<Action> {
        let editable = (frame.view.selection.as_deref()).and_then(|id| frame.home.may_edit(id));
        show(ui, frame.data, frame.view, editable)
    }
}

/// Edit… for an event of the shared store: enabled when the role may
/// change events (the server decides all the same).
fn edit_button(ui: &mut egui::Ui, id: &str, may: bool) -> Option<Action> {
    let button = ui.add_enabled(may, egui::Button::new("Edit…").small());
    let button = if may {
        button.on_hover_text("Change this event in the shared store")
    } else {
        button.on_disabled_hover_text("Your role may only read the shared store")
    };
    button
        .clicked()
        .then(|| Action::Store(crate::store::live::Command::OpenEditor(id.to_owned())))
}

/// Draws the card of the selected event and returns what the user asked
/// for; `editable` is set for an event of the shared store (whether the
/// role may change it).
pub fn show(
    ui: &mut egui::Ui,
    data: &Data,
    view: &ViewState,
    editable: Option<bool>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let event = view
        .selection
        .as_deref()
        .and_then(|id| data.events.iter().find(|e| e.id == id));
    let Some(event) = event else {
        ui.add_space(8.0);
        ui.label(RichText::new(EMPTY_TEXT).italics().weak());
        ui.add_space(8.0);
        return actions;
    };
    // A solid scroll bar, always there when the card runs on below its
    // divider, so that nobody takes the cut-off card for all there is.
    ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
    egui::ScrollArea::vertical()
        .id_salt("details_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            card(ui, data, event, editable, &mut actions);
        });
    actions
}

/// The card's content.
fn card(
    ui: &mut egui::Ui,
    data: &Data,
    event: &Event,
    editable: Option<bool>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        if let Some(may) = editable {
            actions.extend(edit_button(ui, &event.id, may));
        }
        ui.label(
            RichText::new(format::kind(event.kind))
                .small()
                .color(colors::kind_accent(event.kind)),
        );
        if let Some(cat) = &event.category {
            let label = data.vocabulary.category_label(cat);
            ui.label(RichText::new(label).small().weak());
        }
        // The verdict up front; its note and sources close the card.
        if let Some(v) = &event.verification {
            badge(
                ui,
                format::verdict(Some(v.verdict)),
                colors::verdict(Some(v.verdict)),
            )
            .on_hover_text("What other reports say: see Verification below");
        }
    });
    ui.heading(&event.title);
    ui.add_space(4.0);
    egui::Grid::new("details_facts")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| facts(ui, data, event));
    if let Some(summary) = &event.summary {
        ui.add_space(6.0);
        ui.label(summary);
    }
    // What the other side and third parties say comes before the quotes,
    // so that conflicting claims are seen together without scrolling.
    super::details_related::show(ui, data, event, actions);
    for (i, quote) in event.quotes.iter().enumerate() {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("“{}”", quote.text)).italics());
            if ui
                .small_button("Show in article")
                .on_hover_text("Scroll the article to this quote")
                .clicked()
            {
                actions.push(Action::Reveal {
                    event_id: event.id.clone(),
                    quote: i,
                });
            }
        });
    }
    verification(ui, event);
    if let Some(note) = &event.geometry_note {
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!("Map position: {note}"))
                .small()
                .weak(),
        );
    }
}

/// Date, place, figures, actors or claimant and side, and the source, as a
/// two-column grid.
fn facts(ui: &mut egui::Ui, data: &Data, event: &Event) {
    let mut when = format::when(event);
    if let Some(p) = event.date_precision {
        when.push_str(&format!(" · {}", format::date_precision(p)));
    }
    row(ui, "When", when);
    let mut place = event.place.clone().unwrap_or_else(|| "not placed".into());
    if let Some(p) = event.location_precision {
        place.push_str(&format!(" · {}", format::location_precision(p)));
    }
    if let Some(km) = event.uncertainty_km {
        place.push_str(&format!(" · within about {} km", format::number(km)));
    }
    row(ui, "Where", place);
    if let Some(m) = crate::model::positions::event_lonlat(event)
        .and_then(|[lon, lat]| format::elevation_at(lon, lat))
    {
        let at = if event.uncertainty_km.is_none() {
            "ground at the place"
        } else {
            "ground at the point drawn"
        };
        row(ui, "Elevation", format!("{m} ({at})"));
    }
    for (name, fig) in event.figures.named() {
        if let Some(fig) = fig {
            row(
                ui,
                &crate::data::vocabulary::default_label(name),
                format::figure(fig),
            );
        }
    }
    if let Some(claimant) = &event.claimant {
        row(ui, "Claimant", claimant.clone());
    }
    if !event.actors.is_empty() {
        row(ui, "Actors", event.actors.join(", "));
    }
    ui.label(RichText::new("Side").weak());
    let side = event.side.as_deref();
    let color = colors::side(&data.vocabulary, side, ui.visuals().dark_mode);
    ui.label(RichText::new(data.vocabulary.side_label(side)).color(color));
    ui.end_row();
    if let Some(source) = data.source_of(event) {
        row(ui, "Source", format::byline(source));
    }
    for (name, value) in event.fields.iter() {
        row(
            ui,
            &crate::data::vocabulary::default_label(name),
            value.to_owned(),
        );
    }
}

/// One labelled grid row with wrapping text.
fn row(ui: &mut egui::Ui, name: &str, value: String) {
    ui.label(RichText::new(name).weak());
    ui.add(egui::Label::new(value).wrap());
    ui.end_row();
}

/// The verdict badge, its note and the sources relied on.
fn verification(ui: &mut egui::Ui, event: &Event) {
    let Some(v) = &event.verification else {
        return;
    };
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Verification").strong());
        badge(
            ui,
            format::verdict(Some(v.verdict)),
            colors::verdict(Some(v.verdict)),
        );
    });
    ui.label(&v.note);
    if !v.sources.is_empty() {
        ui.label(
            RichText::new(format!("Sources: {}", v.sources.join("; ")))
                .small()
                .weak(),
        );
    }
}

/// A coloured badge with white text.
fn badge(ui: &mut egui::Ui, text: &str, fill: Color32) -> egui::Response {
    egui::Frame::new()
        .fill(fill)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 1))
        .show(ui, |ui| {
            ui.label(RichText::new(text).color(Color32::WHITE).strong());
        })
        .response
}
