//! The events the filters show, as a collection of their own: those events,
//! the sources they come from and the vocabulary terms they use, ready to be
//! written as an events file that reads back on its own.

use crate::data::Data;
use crate::data::event::Event;
use crate::data::events::Collection;
use crate::data::vocabulary::{Term, Vocabulary};

/// The shown events as a collection, and what had to be left out.
#[derive(Clone, Debug)]
pub struct Shown {
    /// The events, their sources (re-numbered) and the terms they use.
    pub collection: Collection,
    /// References (`refers_to`, `account_of`) to events not shown, left
    /// out so that the file reads back on its own.
    pub dropped_references: usize,
}

/// The events of `data` at the indices `shown`, in that order.
pub fn shown_collection(data: &Data, shown: &[usize]) -> Shown {
    let events: Vec<&Event> = shown.iter().filter_map(|&i| data.events.get(i)).collect();
    let mut source_map: Vec<Option<usize>> = vec![None; data.sources.len()];
    let mut sources = Vec::new();
    for e in &events {
        if let Some(slot) = source_map.get_mut(e.source)
            && slot.is_none()
            && let Some(source) = data.sources.get(e.source)
        {
            *slot = Some(sources.len());
            sources.push(source.clone());
        }
    }
    let ids: std::collections::HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let mut dropped_references = 0;
    let events: Vec<Event> = events
        .iter()
        .map(|e| {
            let mut e = (*e).clone();
            e.source = source_map.get(e.source).copied().flatten().unwrap_or(0);
            let before = e.refers_to.len();
            e.refers_to.retain(|id| ids.contains(id.as_str()));
            dropped_references += before - e.refers_to.len();
            if e.account_of
                .as_ref()
                .is_some_and(|id| !ids.contains(id.as_str()))
            {
                e.account_of = None;
                dropped_references += 1;
            }
            e
        })
        .collect();
    let used = |terms: &[Term], id_of: &dyn Fn(&Event) -> Option<&String>| -> Vec<Term> {
        terms
            .iter()
            .filter(|t| events.iter().any(|e| id_of(e) == Some(&t.id)))
            .cloned()
            .collect()
    };
    let vocabulary = Vocabulary {
        sides: used(&data.vocabulary.sides, &|e| e.side.as_ref()),
        categories: used(&data.vocabulary.categories, &|e| e.category.as_ref()),
    };
    Shown {
        collection: Collection {
            sources,
            vocabulary,
            events,
        },
        dropped_references,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subset_keeps_its_sources_and_terms_and_no_dangling_references() {
        let data = Data::bundled().unwrap();
        let accounts: Vec<usize> = (0..data.events.len())
            .filter(|&i| data.events[i].account_of.is_some())
            .collect();
        assert!(!accounts.is_empty(), "the bundled data has accounts");
        let shown = shown_collection(&data, &accounts[..1]);
        let c = &shown.collection;
        assert_eq!(c.events.len(), 1);
        assert_eq!(c.sources.len(), 1);
        assert_eq!(c.events[0].source, 0);
        assert!(c.events[0].account_of.is_none());
        assert!(shown.dropped_references >= 1);
        assert!(c.vocabulary.sides.len() <= 1);
    }
}
