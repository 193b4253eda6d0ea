//! Turning drafts into events of the model, with ids, titles, quotes,
//! points and the `extraction` evidence, and the vocabularies they use.

use crate::data::event::{Event, EventKind, Extraction, LocationPrecision, Quote};
use crate::data::vocabulary::{Symbol, Term, Vocabulary, default_label};

use super::draft::{Draft, Where};
use super::gazetteer_index::PlaceIndex;

/// Every category the extractor proposes, with its label and symbol.
pub const CATEGORIES: &[(&str, &str, Symbol)] = &[
    ("armed_clash", "Armed clash", Symbol::Diamond),
    ("shelling", "Shelling", Symbol::Triangle),
    ("incursion", "Incursion", Symbol::Diamond),
    ("destruction", "Destruction", Symbol::Triangle),
    ("blockade", "Blockade", Symbol::Square),
    ("evacuation", "Evacuation", Symbol::Circle),
    ("displacement", "Displacement", Symbol::Circle),
    ("return", "Return", Symbol::Circle),
    ("ceasefire", "Ceasefire", Symbol::Square),
    ("diplomacy", "Diplomacy", Symbol::Square),
    ("legal", "Legal act", Symbol::Square),
    ("history", "History", Symbol::Ring),
    ("account", "Account", Symbol::Bubble),
    ("accusation", "Accusation", Symbol::Bubble),
    ("appeal", "Appeal", Symbol::Bubble),
    ("declaration", "Declaration", Symbol::Bubble),
    ("footage", "Footage", Symbol::Bubble),
];

/// The vocabularies of an extraction: every category above, and the
/// sides its events use (a party's label is "<Adjective> account").
pub fn vocabulary(events: &[Event], party_labels: &[(String, String)]) -> Vocabulary {
    let categories = CATEGORIES
        .iter()
        .map(|(id, label, symbol)| Term {
            label: (*label).to_owned(),
            symbol: *symbol,
            ..Term::undeclared(id)
        })
        .collect();
    let mut sides: Vec<Term> = Vec::new();
    for e in events {
        let Some(side) = &e.side else { continue };
        if sides.iter().any(|t| &t.id == side) {
            continue;
        }
        let label = match side.as_str() {
            "third_party" => "Third party".to_owned(),
            "neutral" => "Neutral (the article itself)".to_owned(),
            "undetermined" => "Side not determined (review)".to_owned(),
            other => party_labels
                .iter()
                .find(|(id, _)| id == other)
                .map_or_else(|| default_label(other), |(_, l)| format!("{l} account")),
        };
        sides.push(Term {
            label,
            ..Term::undeclared(side)
        });
    }
    Vocabulary { sides, categories }
}

/// The label of a category id.
fn label(category: &str) -> &str {
    CATEGORIES
        .iter()
        .find(|(id, ..)| *id == category)
        .map_or(category, |(_, l, _)| l)
}

/// The events of `drafts`, ids made from `prefix`, quotes of `text`.
pub fn events(drafts: &[Draft], text: &str, prefix: &str, index: &PlaceIndex) -> Vec<Event> {
    let ids: Vec<String> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| format!("{prefix}-{:03}-{}", i + 1, d.category.replace('_', "-")))
        .collect();
    drafts
        .iter()
        .zip(&ids)
        .map(|(d, id)| event(d, id.clone(), &ids, text, index))
        .collect()
}

/// Where a draft is: its words, its gazetteer place, precision,
/// uncertainty and, when it has no point, why.
struct Placement<'a> {
    words: Option<String>,
    point: Option<&'a crate::data::geodata::Place>,
    precision: Option<LocationPrecision>,
    uncertainty: Option<f64>,
    note: Option<String>,
}

fn placement<'a>(d: &Draft, index: &'a PlaceIndex) -> Placement<'a> {
    match &d.place {
        Some(Where::Mention(m)) => {
            let point = m.place.and_then(|i| index.place(i));
            Placement {
                words: Some(m.text.clone()),
                point,
                precision: Some(m.precision),
                uncertainty: m.uncertainty_km,
                note: point.is_none().then(|| {
                    format!(
                        "Not placed: the gazetteer does not know {:?} (review)",
                        m.text
                    )
                }),
            }
        }
        Some(Where::Border(words)) => Placement {
            words: Some(words.clone()),
            point: None,
            precision: Some(LocationPrecision::Border),
            uncertainty: None,
            note: Some("Not placed: the article names the border, not a place on it".to_owned()),
        },
        None => Placement {
            words: None,
            point: None,
            precision: None,
            uncertainty: None,
            note: Some("Not placed: the article names no place for it".to_owned()),
        },
    }
}

/// A draft's title: a statement's claimant and category, a context row's
/// category and words of time, else the category and place.
fn title(d: &Draft, place: Option<&str>) -> String {
    match (&d.kind, &d.claimant) {
        (EventKind::Statement, Some(c)) => format!("{c}: {}", label(d.category).to_lowercase()),
        (EventKind::Context, _) => format!(
            "{}{}",
            label(d.category),
            d.when
                .date_text
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default()
        ),
        _ => format!(
            "{}{}",
            label(d.category),
            place.map(|p| format!(" ({p})")).unwrap_or_default()
        ),
    }
}

fn event(d: &Draft, id: String, ids: &[String], text: &str, index: &PlaceIndex) -> Event {
    let quotes = d
        .quotes
        .iter()
        .filter_map(|&(s, e)| {
            text.get(s..e).map(|t| Quote {
                text: t.to_owned(),
                start: s,
                end: e,
            })
        })
        .collect();
    let Placement {
        words: place,
        point,
        precision,
        uncertainty,
        note,
    } = placement(d, index);
    let title = title(d, place.as_deref());
    let name = |i: &usize| ids.get(*i).cloned();
    Event {
        id,
        kind: d.kind,
        source: 0,
        title,
        start: d.when.resolved.start,
        end: d.when.resolved.end,
        date_text: d.when.date_text.clone(),
        date_precision: Some(d.when.resolved.precision),
        place,
        place_ref: point.map(|p| p.name.clone()),
        geonameid: point.map(|p| p.geonameid),
        location_precision: precision,
        uncertainty_km: uncertainty,
        category: Some(d.category.to_owned()),
        summary: None,
        actors: Vec::new(),
        quotes,
        claimant: d.claimant.clone(),
        side: d.side.clone(),
        refers_to: d.refers_to.iter().filter_map(name).collect(),
        account_of: d.account_of.as_ref().and_then(name),
        figures: d.figures.clone(),
        verification: None,
        geometry: point.map(|p| geo::Geometry::Point(p.point)),
        geometry_note: if point.is_some() { None } else { note },
        fields: Default::default(),
        extraction: Some(Box::new(Extraction {
            confidence: super::calibration::calibrate((d.confidence * 100.0).round() / 100.0),
            rules: d.rules.clone(),
        })),
    }
}
