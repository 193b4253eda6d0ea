//! The editor's fields as the reviewer types them, filled from the
//! selected proposal, and the event they describe once applied.

use crate::coding::{Session, fields};
use crate::data::event::{Event, EventKind};
use crate::data::gazetteer::{Candidate, Gazetteer};
use crate::panels::panel::Frame;

/// The editor's fields, as typed, for one proposal at one revision.
#[derive(Default)]
pub struct Form {
    /// The proposal and session revision the fields were filled from.
    pub(super) filled: Option<(String, u64)>,
    pub(super) title: String,
    pub(super) kind: Option<EventKind>,
    pub(super) date_text: String,
    pub(super) place: String,
    pub(super) uncertainty: String,
    pub(super) figures: [String; 4],
    pub(super) claimant: String,
    pub(super) category: Option<String>,
    pub(super) account_of: Option<String>,
    /// The gazetteer search and its results.
    pub(super) query: String,
    pub(super) found: Option<(String, Vec<Candidate>)>,
    /// The gazetteer place chosen (an index into the places).
    pub(super) chosen: Option<usize>,
    pub(super) merge_with: Option<String>,
    pub(super) error: Option<String>,
    pub(super) gazetteer: Option<Gazetteer>,
}

impl Form {
    /// Fills the fields from the event.
    pub(super) fn fill(&mut self, event: &Event, revision: u64) {
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        let figure = |f: Option<&crate::data::event::Figure>| {
            f.map(|f| f.as_stated.clone()).unwrap_or_default()
        };
        let named = event.figures.named();
        *self = Self {
            filled: Some((event.id.clone(), revision)),
            title: event.title.clone(),
            kind: Some(event.kind),
            date_text: text(&event.date_text),
            place: text(&event.place),
            uncertainty: event
                .uncertainty_km
                .map(|k| k.to_string())
                .unwrap_or_default(),
            figures: named.map(|(_, f)| figure(f)),
            claimant: text(&event.claimant),
            category: event.category.clone(),
            account_of: event.account_of.clone(),
            gazetteer: self.gazetteer.take(),
            ..Self::default()
        };
    }
}

/// The event as the fields describe it, or what is wrong with them.
pub(super) fn edited(
    form: &Form,
    e: &Event,
    session: &Session,
    frame: &Frame<'_>,
) -> Result<Event, String> {
    let text = |s: &str| Some(s.trim().to_owned()).filter(|t| !t.is_empty());
    let mut new = e.clone();
    new.title = text(&form.title).ok_or("a title is needed")?;
    new.kind = form.kind.unwrap_or(e.kind);
    let phrase = form.date_text.trim();
    if text(phrase) != e.date_text {
        new = match (phrase, session.source().published) {
            ("", _) => Event {
                date_text: None,
                ..new
            },
            (_, Some(published)) => fields::with_date(&new, published, phrase)?,
            (_, None) => {
                return Err(
                    "the article has no publication date to read the phrase against".into(),
                );
            }
        };
    }
    new.place = text(&form.place);
    if let Some(place) = form.chosen.and_then(|i| frame.data.geo.places.get(i)) {
        new = fields::at_place(&new, place);
    }
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
    new.account_of = form
        .account_of
        .clone()
        .filter(|_| new.kind == EventKind::Incident);
    Ok(new)
}
