//! Filter toggles for the events list: kind, source, category, side and
//! verdict, each a checkbox list in a collapsing section.

use std::collections::BTreeSet;

use crate::data::Data;
use crate::data::event::{EventKind, Verdict};
use crate::model::filters::{Filters, kind_key, side_key, verdict_key};
use crate::ui_kit::format;

/// Draws the toggles on a copy of `filters`; returns the copy if it changed.
pub fn show(ui: &mut egui::Ui, data: &Data, filters: &Filters) -> Option<Filters> {
    let mut f = filters.clone();
    egui::CollapsingHeader::new("Filters")
        .id_salt("filters")
        .show(ui, |ui| {
            let kinds = EventKind::ALL.into_iter().filter(|k| {
                data.counts.is_some()
                    || filters.hidden_kinds.contains(&kind_key(*k))
                    || data.events.iter().any(|e| e.kind == *k)
            });
            section(
                ui,
                "Kind",
                &mut f.hidden_kinds,
                kinds.map(|k| (kind_key(k), format::kinds(k).to_owned())),
            );
            if data.sources.len() > 1 {
                section(
                    ui,
                    "Source",
                    &mut f.hidden_sources,
                    data.sources
                        .iter()
                        .map(|s| (s.id.clone(), s.short_name().to_owned())),
                );
            }
            let used = categories_offered(data, filters);
            section(
                ui,
                "Category",
                &mut f.hidden_categories,
                data.vocabulary
                    .categories
                    .iter()
                    .filter(|t| used.contains(t.id.as_str()))
                    .map(|t| (t.id.clone(), t.label.clone())),
            );
            let sides = data
                .vocabulary
                .sides
                .iter()
                .map(|t| Some(t.id.as_str()))
                .chain([None])
                .filter(|s| {
                    filters.hidden_sides.contains(&side_key(*s))
                        || data.events.iter().any(|e| e.side.as_deref() == *s)
                });
            section(
                ui,
                "Side",
                &mut f.hidden_sides,
                sides.map(|s| (side_key(s), data.vocabulary.side_label(s).to_owned())),
            );
            let verdicts = Verdict::ALL.into_iter().map(Some).chain([None]);
            let verdicts_present = verdicts.filter(|v| {
                filters.hidden_verdicts.contains(&verdict_key(*v))
                    || data
                        .events
                        .iter()
                        .any(|e| e.verification.as_ref().map(|x| x.verdict) == *v)
            });
            section(
                ui,
                "Verification",
                &mut f.hidden_verdicts,
                verdicts_present.map(|v| (verdict_key(v), format::verdict(v).to_owned())),
            );
            if f != Filters::default() && ui.button("Show all").clicked() {
                f = Filters {
                    text: f.text.clone(),
                    ..Filters::default()
                };
            }
        });
    (f != *filters).then_some(f)
}

/// The categories the filters offer: those of the events, or of the cells
/// a store's view drawn as counts holds (it has no events to list them
/// from), and those hidden, to show again. (Every kind is offered with
/// counts; hidden sides and verdicts stay listed likewise.)
fn categories_offered<'a>(data: &'a Data, filters: &'a Filters) -> BTreeSet<&'a str> {
    let counted = data.counts.as_deref();
    data.events
        .iter()
        .filter_map(|e| e.category.as_deref())
        .chain(counted.iter().flat_map(|c| {
            c.cells
                .iter()
                .flat_map(|cell| cell.by_category.iter().map(|(id, _)| id.as_str()))
        }))
        .chain(filters.hidden_categories.iter().map(String::as_str))
        .collect()
}

/// One collapsing checkbox list; a ticked box means "shown". A list with
/// nothing to offer (a store's view drawn as counts holds no sides or
/// verdicts to list) is left out.
fn section(
    ui: &mut egui::Ui,
    title: &str,
    hidden: &mut BTreeSet<String>,
    items: impl Iterator<Item = (String, String)>,
) {
    let mut items = items.peekable();
    if items.peek().is_none() {
        return;
    }
    egui::CollapsingHeader::new(title)
        .id_salt(("filter_section", title))
        .default_open(false)
        .show(ui, |ui| {
            for (key, label) in items {
                let mut shown = !hidden.contains(&key);
                if ui.checkbox(&mut shown, label).changed() {
                    if shown {
                        hidden.remove(&key);
                    } else {
                        hidden.insert(key);
                    }
                }
            }
        });
}
