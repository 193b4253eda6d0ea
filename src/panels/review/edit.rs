//! The editor of the selected proposal: why it was proposed, accept,
//! reject, its quotes (split), its fields (title, kind, dates with the
//! resolver's reading, place by gazetteer search or on the map,
//! uncertainty, figures, claimant, category, account_of) and merging.
//! Typed fields change nothing until "Apply changes", which makes one edit.

use egui::RichText;

use crate::coding::{Command, Edit, Session, fields};
use crate::data::event::{Event, EventKind};
use crate::data::gazetteer::Gazetteer;
use crate::extract::{Proposal, Status};
use crate::model::action::Action;
use crate::panels::panel::Frame;

use crate::panels::review::form::{Form, edited};
use crate::ui_kit::format;

/// Draws the editor of `p` and returns what the user asked for.
pub(super) fn show(
    ui: &mut egui::Ui,
    frame: &Frame<'_>,
    session: &Session,
    p: &Proposal,
    form: &mut Form,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let e = &p.event;
    if form.filled != Some((e.id.clone(), session.revision())) {
        form.fill(e, session.revision());
    }
    summary(ui, p);
    actions.extend(status_buttons(ui, p));
    ui.separator();
    actions.extend(quotes(ui, e));
    ui.separator();
    fields_grid(ui, frame, session, e, form, &mut actions);
    actions.extend(apply_row(ui, frame, session, e, form));
    ui.separator();
    merge_row(ui, session, e, form, &mut actions);
    actions
}

/// An edit, as the action that asks for it.
fn edit(edit: Edit) -> Action {
    Action::Coding(Command::Edit(edit))
}

/// The proposal's title, status and date, why it was proposed and the
/// note on its place.
fn summary(ui: &mut egui::Ui, p: &Proposal) {
    let e = &p.event;
    ui.label(RichText::new(&e.title).strong());
    ui.label(format!(
        "{} · {}",
        crate::coding::status_key(p.status),
        format::when(e)
    ));
    if let Some(x) = &e.extraction {
        ui.label(
            RichText::new(format!(
                "Why: {} (confidence {:.0} %)",
                x.rules.join(", "),
                x.confidence * 100.0
            ))
            .small(),
        );
    }
    if let Some(note) = &e.geometry_note {
        ui.label(RichText::new(note).small().weak());
    }
}

/// Accept, reject or back to proposed, whichever the status is not.
fn status_buttons(ui: &mut egui::Ui, p: &Proposal) -> Option<Action> {
    let mut asked = None;
    ui.horizontal(|ui| {
        for (status, text) in [
            (Status::Accepted, "Accept"),
            (Status::Rejected, "Reject"),
            (Status::Proposed, "Back to proposed"),
        ] {
            if p.status != status && ui.button(text).clicked() {
                asked = Some(edit(Edit::SetStatus {
                    id: p.event.id.clone(),
                    status,
                }));
            }
        }
    });
    asked
}

/// The proposal's quotes, each after the first with a button splitting
/// the proposal before it.
fn quotes(ui: &mut egui::Ui, e: &Event) -> Option<Action> {
    let mut asked = None;
    for (k, q) in e.quotes.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let short: String = q.text.chars().take(160).collect();
            let more = if q.text.chars().count() > 160 {
                "…"
            } else {
                ""
            };
            ui.label(RichText::new(format!("“{short}{more}”")).italics());
            if k > 0
                && ui
                    .small_button(format!("Split before quote {}", k + 1))
                    .clicked()
            {
                asked = Some(edit(Edit::Split {
                    id: e.id.clone(),
                    quote: k,
                }));
            }
        });
    }
    asked
}

/// "Apply changes" (one edit of everything typed) and "Reset", and what
/// is wrong with the fields.
fn apply_row(
    ui: &mut egui::Ui,
    frame: &Frame<'_>,
    session: &Session,
    e: &Event,
    form: &mut Form,
) -> Option<Action> {
    let mut asked = None;
    ui.horizontal(|ui| {
        if ui.button("Apply changes").clicked() {
            match edited(form, e, session, frame) {
                Ok(new) if new == *e => form.error = Some("nothing changed".into()),
                Ok(new) => asked = Some(edit(Edit::Replace(Box::new(new)))),
                Err(message) => form.error = Some(message),
            }
        }
        if ui.button("Reset").clicked() {
            form.filled = None;
        }
    });
    if let Some(error) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    asked
}

/// A labelled single-line field in the grid.
fn field(ui: &mut egui::Ui, label: &str, value: &mut String) -> egui::Response {
    let l = ui.label(label);
    let r = ui
        .add(egui::TextEdit::singleline(value).desired_width(220.0))
        .labelled_by(l.id);
    ui.end_row();
    r
}

/// The event's fields.
fn fields_grid(
    ui: &mut egui::Ui,
    frame: &Frame<'_>,
    session: &Session,
    e: &Event,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    egui::Grid::new("review_fields")
        .num_columns(2)
        .show(ui, |ui| {
            field(ui, "Title", &mut form.title);
            kind_row(ui, form);
            date_rows(ui, session, form);
            actions.extend(place_rows(ui, frame, form));
            field(ui, "Uncertainty (km)", &mut form.uncertainty);
            for (k, name) in ["Killed", "Injured", "Evacuated", "Displaced"]
                .iter()
                .enumerate()
            {
                field(ui, name, &mut form.figures[k]);
            }
            field(ui, "Claimant", &mut form.claimant);
            category_row(ui, session, form);
            account_of_row(ui, session, e, form);
        });
}

/// The kind, chosen from a list.
fn kind_row(ui: &mut egui::Ui, form: &mut Form) {
    let l = ui.label("Kind");
    egui::ComboBox::from_id_salt("review_kind")
        .selected_text(form.kind.map_or("", format::kind))
        .show_ui(ui, |ui| {
            for k in EventKind::ALL {
                ui.selectable_value(&mut form.kind, Some(k), format::kind(k));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

/// The date phrase, and how the resolver reads it against the article's
/// publication date.
fn date_rows(ui: &mut egui::Ui, session: &Session, form: &mut Form) {
    field(ui, "Date phrase", &mut form.date_text);
    ui.label("");
    let reading = match (session.source().published, form.date_text.trim()) {
        (_, "") => "no phrase: the dates stay as they are".to_owned(),
        (None, _) => "the article has no publication date".to_owned(),
        (Some(d), phrase) => match fields::date(d, phrase) {
            Ok(r) => format!(
                "reads as {} ({})",
                format::date_range(&r.start, &r.end),
                format::date_precision(r.precision)
            ),
            Err(err) => format!("cannot read it: {err}"),
        },
    };
    ui.label(RichText::new(reading).small());
    ui.end_row();
}

/// The place: its name, a gazetteer search with its results, and picking
/// it on the map.
fn place_rows(ui: &mut egui::Ui, frame: &Frame<'_>, form: &mut Form) -> Option<Action> {
    field(ui, "Place", &mut form.place);
    field(ui, "Find place", &mut form.query);
    if form.query.trim().chars().count() >= 3 || form.chosen.is_some() {
        ui.label("");
        ui.vertical(|ui| place_results(ui, frame, form));
        ui.end_row();
    }
    ui.label("");
    let mut asked = None;
    if frame.view.picking_place {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Click the map").strong());
            if ui.button("Stop picking").clicked() {
                asked = Some(Action::Coding(Command::PickPlace(false)));
            }
        });
    } else if ui.button("Pick on map").clicked() {
        asked = Some(Action::Coding(Command::PickPlace(true)));
    }
    ui.end_row();
    asked
}

/// The category, chosen from the session's vocabulary.
fn category_row(ui: &mut egui::Ui, session: &Session, form: &mut Form) {
    let l = ui.label("Category");
    let label = |id: &str| session.vocabulary().category_label(id).to_owned();
    egui::ComboBox::from_id_salt("review_category")
        .selected_text(form.category.as_deref().map(label).unwrap_or_default())
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.category, None, "none");
            for t in &session.vocabulary().categories {
                ui.selectable_value(&mut form.category, Some(t.id.clone()), &t.label);
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

/// The incident a statement is an account of, chosen among the other
/// incidents proposed.
fn account_of_row(ui: &mut egui::Ui, session: &Session, e: &Event, form: &mut Form) {
    let l = ui.label("Account of");
    let title = |id: &str| {
        session
            .proposal(id)
            .map_or(id.to_owned(), |p| p.event.title.clone())
    };
    egui::ComboBox::from_id_salt("review_account_of")
        .selected_text(form.account_of.as_deref().map(title).unwrap_or_default())
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.account_of, None, "none");
            let incidents = session
                .proposals()
                .iter()
                .filter(|o| o.event.kind == EventKind::Incident && o.event.id != e.id);
            for o in incidents {
                ui.selectable_value(
                    &mut form.account_of,
                    Some(o.event.id.clone()),
                    &o.event.title,
                );
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

/// The gazetteer's places for the search, as buttons choosing one.
fn place_results(ui: &mut egui::Ui, frame: &Frame<'_>, form: &mut Form) {
    let query = form.query.trim().to_owned();
    if query.chars().count() < 3 {
        if let Some(i) = form.chosen.and_then(|i| frame.data.geo.places.get(i)) {
            ui.label(format!("chosen: {}", i.name));
        }
        return;
    }
    if form.found.as_ref().is_none_or(|(q, _)| *q != query) {
        let gazetteer = form
            .gazetteer
            .get_or_insert_with(|| Gazetteer::new(&frame.data.geo.places));
        let found = gazetteer.lookup(&query).into_iter().take(5).collect();
        form.found = Some((query, found));
    }
    let Some((_, found)) = &form.found else {
        return;
    };
    if found.is_empty() {
        ui.label(RichText::new("no place of that name in the gazetteer").small());
    }
    let mut chosen = None;
    for c in found {
        let Some(place) = frame.data.geo.places.get(c.index) else {
            continue;
        };
        let text = format!("{} ({}, {})", place.name, place.country, place.feature_code);
        if ui
            .selectable_label(form.chosen == Some(c.index), text)
            .clicked()
        {
            chosen = Some((c.index, place.name.clone()));
        }
    }
    if let Some((index, name)) = chosen {
        form.chosen = Some(index);
        if form.place.trim().is_empty() {
            form.place = name;
        }
    }
}

/// Merging another proposal into this one.
fn merge_row(
    ui: &mut egui::Ui,
    session: &Session,
    e: &Event,
    form: &mut Form,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let l = ui.label("Merge with");
        let title = |id: &str| {
            session
                .proposal(id)
                .map_or(id.to_owned(), |p| p.event.title.clone())
        };
        egui::ComboBox::from_id_salt("review_merge")
            .selected_text(form.merge_with.as_deref().map(title).unwrap_or_default())
            .width(200.0)
            .show_ui(ui, |ui| {
                for o in session.proposals().iter().filter(|o| o.event.id != e.id) {
                    let text = format!("{} · {}", o.event.title, format::short_date(&o.event));
                    ui.selectable_value(&mut form.merge_with, Some(o.event.id.clone()), text);
                }
            })
            .response
            .labelled_by(l.id);
        if let Some(other) = form.merge_with.clone()
            && ui.button("Merge").clicked()
        {
            actions.push(Action::Coding(Command::Edit(Edit::Merge {
                into: e.id.clone(),
                from: other,
            })));
            form.merge_with = None;
        }
    });
}
