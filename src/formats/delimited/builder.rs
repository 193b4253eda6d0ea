//! What a dataset collection is built of while its rows are read: the
//! actors and event types met, as vocabularies (found by hash map: a
//! million rows, thousands of actors), the extra fields of each row, and
//! the events, with repeated ids refused.

use std::hash::BuildHasher as _;

use foldhash::HashMap;
use foldhash::HashMapExt as _;

use super::Row;
use crate::data::event::{Event, EventKind, Figures};
use crate::data::fields::{FieldNames, Fields, FieldsBuilder};
use crate::data::slug::slug;
use crate::data::time::EventTime;
use crate::data::vocabulary::{Symbol, Term, Vocabulary};
use crate::diagnostic::Diagnostic;

/// The terms of one vocabulary as they are met, found by label.
#[derive(Default)]
struct Terms {
    terms: Vec<Term>,
    by_label: HashMap<String, usize>,
    ids: HashMap<String, usize>,
}

impl Terms {
    /// The id of the term labelled `label`, added when new. Labels that
    /// make the same slug get `-2`, `-3`… so that ids stay unique.
    fn id(&mut self, label: &str, symbol: Symbol) -> &str {
        let index = match self.by_label.get(label) {
            Some(&i) => i,
            None => {
                let base = slug(label, '_').unwrap_or_else(|| "none".into());
                let mut id = base.clone();
                let mut n = 1;
                while self.ids.contains_key(&id) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                let i = self.terms.len();
                self.terms.push(Term {
                    label: label.to_owned(),
                    symbol,
                    ..Term::undeclared(&id)
                });
                self.ids.insert(id, i);
                self.by_label.insert(label.to_owned(), i);
                i
            }
        };
        &self.terms[index].id
    }
}

/// The terms a builder met, in the order met: what another builder takes
/// in when the parts of a table read apart are put together.
pub struct MetTerms {
    sides: Vec<Term>,
    categories: Vec<Term>,
}

/// The ids a part's events must change to, where a term took another id in
/// the whole table (two labels making one slug in different parts).
#[derive(Default)]
pub struct Renames {
    sides: HashMap<String, String>,
    categories: HashMap<String, String>,
}

impl Renames {
    /// Gives `event` the ids of the whole table.
    pub fn apply(&self, event: &mut Event) {
        let rename = |id: &mut Option<String>, renames: &HashMap<String, String>| {
            if let Some(new) = id.as_ref().and_then(|id| renames.get(id)) {
                *id = Some(new.clone());
            }
        };
        rename(&mut event.side, &self.sides);
        rename(&mut event.category, &self.categories);
    }

    /// Whether no id changes.
    pub fn is_empty(&self) -> bool {
        self.sides.is_empty() && self.categories.is_empty()
    }
}

/// Builds the collection while rows are read.
pub struct Builder {
    sides: Terms,
    categories: Terms,
    /// The columns kept in `fields`, in order.
    field_columns: Vec<usize>,
    /// Their names, then the layout's spare ones: one table for every event.
    field_names: FieldNames,
    fields: FieldsBuilder,
    /// The first event of each id hash, to find repeated ids.
    seen: HashMap<u64, u32>,
    events: Vec<Event>,
}

impl Builder {
    /// A builder keeping columns `field_columns` of each row, named
    /// `field_names` (then the spare columns' names), in `fields`.
    pub fn new(field_columns: Vec<usize>, field_names: FieldNames) -> Self {
        Self {
            sides: Terms::default(),
            categories: Terms::default(),
            field_columns,
            field_names,
            fields: FieldsBuilder::default(),
            seen: HashMap::new(),
            events: Vec::new(),
        }
    }

    /// The id of the side (actor) named `label`.
    pub fn side(&mut self, label: &str) -> String {
        self.sides.id(label, Symbol::default()).to_owned()
    }

    /// Adds the side (actor) named `label` to the vocabulary, when new.
    pub fn add_side(&mut self, label: &str) {
        self.sides.id(label, Symbol::default());
    }

    /// The id of the category labelled `label`, drawn with `symbol`.
    pub fn category(&mut self, label: &str, symbol: Symbol) -> String {
        self.categories.id(label, symbol).to_owned()
    }

    /// The row's columns that have no member of their own, then the
    /// layout's spare columns with the values in `spare`, when not empty.
    pub fn fields(&mut self, row: &Row<'_, '_>, spare: &[&str]) -> Result<Fields, Diagnostic> {
        let kept = self
            .field_columns
            .iter()
            .map(|&col| row.text(col).ok().filter(|text| !text.trim().is_empty()));
        let spare = spare.iter().map(|v| (!v.is_empty()).then_some(*v));
        self.fields
            .build(&self.field_names, kept.chain(spare))
            .map_err(|e| row.row_problem(e.to_string()))
    }

    /// The terms met, for [`Builder::take_terms`] of another builder.
    pub fn into_terms(self) -> MetTerms {
        MetTerms {
            sides: self.sides.terms,
            categories: self.categories.terms,
        }
    }

    /// Takes in the terms a builder of a later part of the table met, in
    /// their order, and says which of that part's ids change.
    pub fn take_terms(&mut self, met: &MetTerms) -> Renames {
        let mut renames = Renames::default();
        let vocabularies = [
            (&met.sides, &mut self.sides, &mut renames.sides),
            (
                &met.categories,
                &mut self.categories,
                &mut renames.categories,
            ),
        ];
        for (terms, into, renamed) in vocabularies {
            for t in terms {
                let id = into.id(&t.label, t.symbol);
                if id != t.id {
                    renamed.insert(t.id.clone(), id.to_owned());
                }
            }
        }
        renames
    }

    /// Adds `event`, whose id hashes to `hash` ([`id_hash`]), or returns
    /// why not (its id is taken).
    pub fn add(&mut self, event: Event, hash: u64) -> Result<(), String> {
        let index = self.events.len() as u32;
        if let Some(&first) = self.seen.get(&hash) {
            let taken = self.events.get(first as usize).map(|e| &e.id) == Some(&event.id)
                || self.events.iter().any(|e| e.id == event.id);
            if taken {
                return Err(format!("the id {:?} is used by an earlier row", event.id));
            }
        } else {
            self.seen.insert(hash, index);
        }
        self.events.push(event);
        Ok(())
    }

    /// The vocabularies met (with colours settled) and the events added.
    pub fn finish(self) -> (Vocabulary, Vec<Event>) {
        let mut vocabulary = Vocabulary {
            sides: self.sides.terms,
            categories: self.categories.terms,
        };
        vocabulary.settle_colours();
        let mut events = self.events;
        events.shrink_to_fit();
        (vocabulary, events)
    }
}

/// The hash an event's id is checked for repeats by.
pub fn id_hash(id: &str) -> u64 {
    foldhash::fast::FixedState::default().hash_one(id)
}

/// A dataset row's incident with what every dataset row has (id, title,
/// span) and nothing else yet, for the formats to fill in.
pub fn incident(id: &str, title: String, (start, end): (EventTime, EventTime)) -> Event {
    Event {
        id: id.to_owned(),
        kind: EventKind::Incident,
        source: 0,
        title,
        start,
        end,
        date_text: None,
        date_precision: None,
        place: None,
        place_ref: None,
        geonameid: None,
        location_precision: None,
        uncertainty_km: None,
        category: None,
        summary: None,
        side: None,
        actors: Vec::new(),
        quotes: Vec::new(),
        claimant: None,
        refers_to: Vec::new(),
        account_of: None,
        figures: Figures::default(),
        verification: None,
        geometry: None,
        geometry_note: None,
        fields: Default::default(),
        extraction: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_make_one_slug_get_unique_ids() {
        let mut t = Terms::default();
        assert_eq!(t.id("Police", Symbol::Circle), "police");
        assert_eq!(t.id("POLICE", Symbol::Circle), "police-2");
        assert_eq!(t.id("Police", Symbol::Circle), "police");
    }
}
