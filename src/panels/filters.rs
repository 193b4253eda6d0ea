//! Filter toggles for the events list: kind, category, side and verdict,
//! each a checkbox list in a collapsing section.

use std::collections::BTreeSet;

use crate::data::Data;
use crate::data::event::{EventKind, Side, Verdict};
use crate::view::{Filters, kind_key, side_key, verdict_key};

use super::format;

/// Draws the toggles on a copy of `filters`; returns the copy if it changed.
pub fn show(ui: &mut egui::Ui, data: &Data, filters: &Filters) -> Option<Filters> {
    let mut f = filters.clone();
    egui::CollapsingHeader::new("Filters")
        .id_salt("filters")
        .show(ui, |ui| {
            section(
                ui,
                "Kind",
                &mut f.hidden_kinds,
                [EventKind::Incident, EventKind::Statement]
                    .iter()
                    .map(|k| (kind_key(*k), format::kind(*k).to_owned())),
            );
            let categories: BTreeSet<&String> = data
                .events
                .iter()
                .filter_map(|e| e.category.as_ref())
                .collect();
            section(
                ui,
                "Category",
                &mut f.hidden_categories,
                categories
                    .into_iter()
                    .map(|c| (c.clone(), format::category(c))),
            );
            let sides = [
                Some(Side::Kyrgyz),
                Some(Side::Tajik),
                Some(Side::ThirdParty),
                Some(Side::Neutral),
                None,
            ];
            let sides_present = sides
                .into_iter()
                .filter(|s| data.events.iter().any(|e| e.side == *s));
            section(
                ui,
                "Side",
                &mut f.hidden_sides,
                sides_present.map(|s| (side_key(s), format::side(s).to_owned())),
            );
            let verdicts = [
                Some(Verdict::Consistent),
                Some(Verdict::Imprecise),
                Some(Verdict::Unverified),
                Some(Verdict::Contradicted),
                None,
            ];
            let verdicts_present = verdicts.into_iter().filter(|v| {
                data.events
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

/// One collapsing checkbox list; a ticked box means "shown".
fn section(
    ui: &mut egui::Ui,
    title: &str,
    hidden: &mut BTreeSet<String>,
    items: impl Iterator<Item = (String, String)>,
) {
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
