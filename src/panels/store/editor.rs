//! The editor of one of the store's events (Edit… on the detail card):
//! title, summary, dates, place, uncertainty, figures (read as the review
//! editor reads them, through `coding::fields`), claimant and category,
//! and for a reviewer the verdict and its note. Save sends the change with
//! the version it was made on; the server decides.

use egui::RichText;

use crate::coding::fields;
use crate::data::Data;
use crate::data::event::{Event, Verdict, Verification};
use crate::data::events::write::feature;
use crate::data::source::Source;
use crate::data::time::EventTime;
use crate::model::action::Action;
use crate::panels::panel::Frame;
use crate::store::live::{Change, Command};
use crate::ui_kit::format;

/// The editor's typed fields.
#[derive(Clone, Debug, Default, PartialEq)]
struct Form {
    title: String,
    summary: String,
    start: String,
    end: String,
    place: String,
    uncertainty: String,
    figures: [String; 4],
    claimant: String,
    category: Option<String>,
    verdict: Option<Verdict>,
    note: String,
}

impl Form {
    /// The fields filled from `e`.
    fn of(e: &Event) -> Self {
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        let figure = |f: Option<&crate::data::event::Figure>| {
            f.map(|f| f.as_stated.clone()).unwrap_or_default()
        };
        Self {
            title: e.title.clone(),
            summary: text(&e.summary),
            start: e.start.to_string(),
            end: e.end.to_string(),
            place: text(&e.place),
            uncertainty: e.uncertainty_km.map(|k| k.to_string()).unwrap_or_default(),
            figures: e.figures.named().map(|(_, f)| figure(f)),
            claimant: text(&e.claimant),
            category: e.category.clone(),
            verdict: e.verification.as_ref().map(|v| v.verdict),
            note: e
                .verification
                .as_ref()
                .map(|v| v.note.clone())
                .unwrap_or_default(),
        }
    }
}

/// The event as the editor was filled from it.
struct Filled {
    /// The event.
    event: Event,
    /// Its source, as it was then (its index may change meanwhile).
    source: Option<Source>,
    /// Its version.
    version: Option<i32>,
}

/// The editor of one event.
pub struct Editor {
    id: String,
    /// The fields, and what they were filled from: the change is made on
    /// it.
    form: Option<(Form, Filled)>,
    error: Option<String>,
}

impl Editor {
    /// The editor of event `id`, filled when first drawn.
    pub fn new(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            form: None,
            error: None,
        }
    }

    /// The event edited.
    pub fn event(&self) -> &str {
        &self.id
    }

    /// Draws the editor; returns what the user asked for, and whether it
    /// stays open.
    pub fn show(&mut self, ctx: &egui::Context, frame: &Frame<'_>) -> (Vec<Action>, bool) {
        let mut actions = Vec::new();
        let mut open = true;
        let mut stays = true;
        egui::Window::new("Edit event")
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                let live = frame.home.live();
                let now = frame.data.events.iter().find(|e| e.id == self.id);
                let version = live.and_then(|l| l.version(&self.id));
                let filled = match (&mut self.form, now) {
                    (Some(filled), _) => Some(filled),
                    (None, Some(e)) => {
                        let from = Filled {
                            event: e.clone(),
                            source: frame.data.source_of(e).cloned(),
                            version,
                        };
                        Some(self.form.insert((Form::of(e), from)))
                    }
                    (None, None) => None,
                };
                let Some((form, from)) = filled else {
                    ui.label("This event is no longer in the store.");
                    return;
                };
                let rights = live.map(|l| l.rights().clone()).unwrap_or_default();
                fields_grid(ui, form, frame.data, rights.may_verify);
                // Below the fields, so that they stay where the coder is
                // typing when another coder's change arrives.
                if now.is_none() {
                    ui.label(RichText::new("Another coder removed this event since you opened it.").small());
                } else if version != from.version {
                    ui.label(
                        RichText::new(
                            "Another coder changed this event since you opened it: saving will show what changed.",
                        )
                        .small(),
                    );
                }
                if let Some(error) = &self.error {
                    ui.label(RichText::new(error).color(ui.visuals().error_fg_color));
                }
                ui.horizontal(|ui| {
                    let save = ui.add_enabled(rights.may_edit, egui::Button::new("Save"));
                    if save.clicked() {
                        match edited(form, &from.event, rights.may_verify) {
                            Ok(new) => {
                                actions.push(change(from, new));
                                stays = false;
                            }
                            Err(message) => self.error = Some(message),
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        stays = false;
                    }
                });
            });
        (actions, open && stays)
    }
}

/// The change of the event as filled, as the action that sends it.
fn change(from: &Filled, new: Event) -> Action {
    let source = from.source.as_ref();
    Action::Store(Command::Edit(Box::new(Change {
        base_version: from.version,
        before: feature(&from.event, source),
        after: feature(&new, source),
        event: new,
        was: from.event.clone(),
    })))
}

/// The fields, two columns; the verdict only for a role that may set it.
fn fields_grid(ui: &mut egui::Ui, form: &mut Form, data: &Data, may_verify: bool) {
    egui::Grid::new("store_editor_fields")
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            line(ui, "Title", &mut form.title);
            line(ui, "Summary", &mut form.summary);
            line(ui, "Start", &mut form.start);
            line(ui, "End", &mut form.end);
            line(ui, "Place", &mut form.place);
            line(ui, "Uncertainty (km)", &mut form.uncertainty);
            for (name, words) in ["Killed", "Injured", "Evacuated", "Displaced"]
                .into_iter()
                .zip(form.figures.iter_mut())
            {
                line(ui, name, words);
            }
            line(ui, "Claimant", &mut form.claimant);
            ui.label("Category");
            let shown = form
                .category
                .as_deref()
                .map_or("none", |c| data.vocabulary.category_label(c));
            egui::ComboBox::from_id_salt("store_editor_category")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.category, None, "none");
                    for term in &data.vocabulary.categories {
                        ui.selectable_value(&mut form.category, Some(term.id.clone()), &term.label);
                    }
                });
            ui.end_row();
            if may_verify {
                verdict_rows(ui, form);
            }
        });
}

/// The verdict and its note (reviewers only).
fn verdict_rows(ui: &mut egui::Ui, form: &mut Form) {
    ui.label("Verdict");
    egui::ComboBox::from_id_salt("store_editor_verdict")
        .selected_text(format::verdict(form.verdict))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.verdict, None, format::verdict(None));
            for v in Verdict::ALL {
                ui.selectable_value(&mut form.verdict, Some(v), format::verdict(Some(v)));
            }
        });
    ui.end_row();
    line(ui, "Verdict note", &mut form.note);
}

/// One labelled text field.
fn line(ui: &mut egui::Ui, name: &str, value: &mut String) {
    let label = ui.label(name);
    ui.add(egui::TextEdit::singleline(value).desired_width(300.0))
        .labelled_by(label.id);
    ui.end_row();
}

/// The event as the fields describe it, or what is wrong with them.
fn edited(form: &Form, e: &Event, may_verify: bool) -> Result<Event, String> {
    let text = |s: &str| Some(s.trim().to_owned()).filter(|t| !t.is_empty());
    let mut new = e.clone();
    new.title = text(&form.title).ok_or("a title is needed")?;
    new.summary = text(&form.summary);
    if form.start.trim() != e.start.to_string() || form.end.trim() != e.end.to_string() {
        let read = |what: &str, t: &str| {
            EventTime::parse(t.trim()).map_err(|_| {
                format!("{what}: {t:?} is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)")
            })
        };
        new.start = read("start", &form.start)?;
        new.end = read("end", &form.end)?;
        if new.end.end_exclusive() <= new.start.first_second() {
            return Err("the end comes before the start".to_owned());
        }
        new.date_text = None;
        new.date_precision = None;
    }
    new.place = text(&form.place);
    new.uncertainty_km = match text(&form.uncertainty) {
        None => None,
        Some(t) => match t.parse::<f64>() {
            Ok(km) if km >= 0.0 && km.is_finite() => Some(km),
            _ => {
                return Err(format!(
                    "uncertainty: {t:?} is not a distance in kilometres"
                ));
            }
        },
    };
    let words = [0, 1, 2, 3].map(|k| form.figures[k].as_str());
    new.figures = fields::figures(&e.figures, words);
    new.claimant = text(&form.claimant);
    new.category.clone_from(&form.category);
    if may_verify {
        new.verification = form.verdict.map(|verdict| {
            Box::new(Verification {
                verdict,
                note: form.note.trim().to_owned(),
                sources: (e.verification.as_ref())
                    .map(|v| v.sources.clone())
                    .unwrap_or_default(),
            })
        });
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> Event {
        let data = crate::data::events::bundled().unwrap();
        data.events
            .into_iter()
            .find(|e| e.figures.killed.is_some())
            .unwrap()
    }

    #[test]
    fn untouched_fields_give_the_same_event() {
        let e = event();
        assert_eq!(edited(&Form::of(&e), &e, true).unwrap(), e);
    }

    #[test]
    fn bad_fields_are_refused_with_a_reason() {
        let e = event();
        let mut form = Form::of(&e);
        form.uncertainty = "far".into();
        assert!(
            edited(&form, &e, false)
                .unwrap_err()
                .contains("uncertainty")
        );
        let mut form = Form::of(&e);
        form.start = "2022-13-40".into();
        assert!(edited(&form, &e, false).unwrap_err().contains("start"));
    }

    #[test]
    fn a_coder_cannot_change_the_verdict_even_through_the_form() {
        let e = event();
        let mut form = Form::of(&e);
        form.verdict = None;
        let new = edited(&form, &e, false).unwrap();
        assert_eq!(new.verification, e.verification);
    }
}
