//! The naive baseline the extractor is measured against: one event per
//! sentence, made from the extractor's own finders with none of its rules
//! of structure (no clauses, no carrying of dates or places between
//! sentences, no merging, no linking). A sentence with a verb of saying
//! is a statement by the words before it; else a sentence with an event
//! word is an incident of that word's category; the date is the
//! sentence's first date phrase (else the 30 days to publication), the
//! place its first gazetteer place (the world's only where large or a
//! capital: the baseline knows no parties), the figures the sentence's.

use border_incidents::data::event::{Event, EventKind, Figures};
use border_incidents::data::time::EventTime;
use border_incidents::extract::{
    PlaceIndex, dates, figures, incidents, places, sides, speech, text,
};
use jiff::ToSpan as _;
use jiff::civil::Date;

/// The baseline's events for `text`.
pub fn propose(text: &str, published: Date, index: &PlaceIndex) -> Vec<Event> {
    let countries = sides::Countries::bundled();
    let mut out = Vec::new();
    let mut anchor = None;
    for s in text::sentences(text) {
        let found = dates::find(text, &s, published, &mut anchor);
        let said = speech::find(text, &s);
        let triggers = incidents::find(&s, (0, 0));
        let (kind, category, claimant) = match &said {
            Some(sp) if !sp.pronoun => (
                EventKind::Statement,
                sp.category.to_owned(),
                Some(s.slice(text, sp.claimant.0, sp.claimant.1 - 1).to_owned()),
            ),
            _ => match triggers.first() {
                Some(t) => (EventKind::Incident, t.category.to_owned(), None),
                None => continue,
            },
        };
        let (start, end) = match found.iter().find(|p| !p.weak()) {
            Some(p) => (p.resolved.start, p.resolved.end),
            None => (
                EventTime::Date(published.checked_sub(30.days()).unwrap_or(published)),
                EventTime::Date(published),
            ),
        };
        let place = places::find(text, &s, index, countries, &[])
            .into_iter()
            .find_map(|m| m.place.map(|p| (p, m.uncertainty_km)));
        let point = place.and_then(|(p, _)| index.place(p)).map(|p| p.point);
        let figures = if kind == EventKind::Incident {
            figures::find(text, &s)
        } else {
            Figures::default()
        };
        out.push(Event {
            id: format!("baseline-{}", out.len() + 1),
            kind,
            source: 0,
            title: category.clone(),
            start,
            end,
            date_text: None,
            date_precision: None,
            place: None,
            place_ref: None,
            geonameid: None,
            location_precision: None,
            uncertainty_km: place.and_then(|(_, u)| u),
            category: Some(category),
            summary: None,
            actors: Vec::new(),
            quotes: Vec::new(),
            claimant,
            side: None,
            refers_to: Vec::new(),
            account_of: None,
            figures,
            verification: None,
            geometry: point.map(geo::Geometry::Point),
            geometry_note: None,
            fields: Default::default(),
            extraction: None,
        });
    }
    out
}
