//! Loads and validates an events FeatureCollection (see `assets/README.md`
//! for the schema) and gives access to the bundled article and its events.
//!
//! Every check runs and every problem is returned, each tied to its feature
//! and, where known, a line and column, so a data editor can fix a file in
//! one pass (`border-incidents check --events FILE` prints them).

use std::collections::HashMap;

use geo::{Distance as _, Haversine, Point};
use jiff::civil::Date;
use serde::Deserialize;
use serde_json::Value;

pub use super::event_error::{EventError, Position, Problem};

use super::dates;
use super::event::{Event, EventKind};
use super::feature;
use super::json_pos::feature_offsets;

/// The bundled article's text.
pub const BUNDLED_ARTICLE: &str = include_str!("../../assets/article.txt");

/// The bundled article's events, as GeoJSON.
pub const BUNDLED_EVENTS: &str = include_str!("../../assets/events.geojson");

/// The article a collection was extracted from (the collection's optional
/// top-level `source` member).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceInfo {
    /// Headline.
    pub title: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publication date; date phrases are resolved against it.
    pub published: Option<Date>,
    /// Publisher.
    pub publisher: Option<String>,
    /// File name of the article's text, next to the events file.
    pub text: Option<String>,
}

/// `source` as written, before its date is parsed.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    /// Headline.
    title: Option<String>,
    /// Author.
    author: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    published: Option<String>,
    /// Publisher.
    publisher: Option<String>,
    /// Text file name.
    text: Option<String>,
}

impl RawSource {
    /// Parses the date.
    fn parse(self) -> Result<SourceInfo, String> {
        let published = match self.published {
            Some(d) => Some(
                d.parse::<Date>()
                    .map_err(|e| format!("published {d:?}: {e}"))?,
            ),
            None => None,
        };
        Ok(SourceInfo {
            title: self.title,
            author: self.author,
            published,
            publisher: self.publisher,
            text: self.text,
        })
    }
}

/// A validated collection: its source and its events, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct EventCollection {
    /// The article, when the file says.
    pub source: SourceInfo,
    /// The events.
    pub events: Vec<Event>,
}

/// Parses and validates an events FeatureCollection.
///
/// With `article`, every quote must be the article's text at its byte span.
/// Returns all problems found, not just the first.
pub fn parse_events(src: &str, article: Option<&str>) -> Result<Vec<Event>, Vec<EventError>> {
    parse_collection(src, article).map(|c| c.events)
}

/// Like [`parse_events`], also returning the collection's `source`. When
/// `source.published` is given, each event's `start`/`end` must equal what
/// its `date_text` resolves to (see [`check_dates`]).
pub fn parse_collection(
    src: &str,
    article: Option<&str>,
) -> Result<EventCollection, Vec<EventError>> {
    let root: Value = serde_json::from_str(src).map_err(|e| {
        let position = (e.line() > 0).then_some(Position {
            line: e.line(),
            column: e.column(),
        });
        vec![EventError::file(Problem::Syntax(e.to_string()), position)]
    })?;
    let not_collection =
        |why: &str| vec![EventError::file(Problem::NotCollection(why.into()), None)];
    if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
        return Err(not_collection("`type` is not \"FeatureCollection\""));
    }
    let Some(features) = root.get("features").and_then(Value::as_array) else {
        return Err(not_collection("no `features` array"));
    };
    let mut errors = Vec::new();
    let raw = root.get("source").map(RawSource::deserialize).transpose();
    let source = match raw
        .map_err(|e| e.to_string())
        .and_then(|r| r.map(RawSource::parse).transpose())
    {
        Ok(s) => s.unwrap_or_default(),
        Err(message) => {
            let problem = Problem::Invalid {
                field: "source".into(),
                message,
            };
            errors.push(EventError::file(problem, None));
            SourceInfo::default()
        }
    };
    let offsets = feature_offsets(src);
    let position = |i: usize| offsets.get(i).map(|&o| Position::of_offset(src, o));
    let mut events = Vec::with_capacity(features.len());
    let mut indices = Vec::with_capacity(features.len());
    for (index, value) in features.iter().enumerate() {
        match feature::to_event(value, article) {
            Ok(event) => {
                events.push(event);
                indices.push(index);
            }
            Err(problems) => errors.extend(problems.into_iter().map(|problem| EventError {
                feature: Some(index),
                id: feature::feature_id(value),
                position: position(index),
                problem,
            })),
        }
    }
    let mut cross = check_ids_and_references(&events);
    if let Some(published) = source.published {
        cross.extend(check_dates(&events, published));
    }
    for e in &mut cross {
        if let Some(i) = e.feature {
            e.feature = indices.get(i).copied();
            e.position = e.feature.and_then(position);
        }
    }
    errors.extend(cross);
    if errors.is_empty() {
        Ok(EventCollection { source, events })
    } else {
        errors.sort_by_key(|e| e.feature);
        Err(errors)
    }
}

/// The bundled article and its validated events.
pub fn bundled() -> Result<(&'static str, EventCollection), Vec<EventError>> {
    parse_collection(BUNDLED_EVENTS, Some(BUNDLED_ARTICLE)).map(|c| (BUNDLED_ARTICLE, c))
}

/// An error about `events[index]` (no position; callers add it).
fn at(events: &[Event], index: usize, problem: Problem) -> EventError {
    EventError {
        feature: Some(index),
        id: events.get(index).map(|e| e.id.clone()),
        position: None,
        problem,
    }
}

/// Unique ids; every `refers_to` names an incident; every `account_of`
/// names another incident that is not itself an account.
fn check_ids_and_references(events: &[Event]) -> Vec<EventError> {
    let mut errors = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if let Some(&f) = first.get(e.id.as_str()) {
            let problem = Problem::DuplicateId {
                id: e.id.clone(),
                first: f,
            };
            errors.push(at(events, i, problem));
        } else {
            first.insert(&e.id, i);
        }
    }
    for (i, e) in events.iter().enumerate() {
        for target in &e.refers_to {
            match first.get(target.as_str()).map(|&t| events[t].kind) {
                None => errors.push(at(events, i, Problem::DanglingReference(target.clone()))),
                Some(EventKind::Statement) => {
                    errors.push(at(events, i, Problem::ReferenceNotIncident(target.clone())));
                }
                Some(EventKind::Incident) => {}
            }
        }
        if let Some(target) = &e.account_of {
            match first.get(target.as_str()).map(|&t| &events[t]) {
                Some(t) if t.kind == EventKind::Incident => {
                    if t.account_of.is_some() || t.id == e.id {
                        errors.push(at(events, i, Problem::AccountOfAccount(target.clone())));
                    }
                }
                _ => errors.push(at(events, i, Problem::AccountOfUnknown(target.clone()))),
            }
        }
    }
    errors
}

/// Each event's `start`/`end` (and `date_precision`, when given) must be
/// what [`dates::resolve`] makes of its `date_text` for an article published
/// on `published`. Events without `date_text` are not checked.
pub fn check_dates(events: &[Event], published: Date) -> Vec<EventError> {
    let mut errors = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let Some(text) = &e.date_text else { continue };
        match dates::resolve(published, text) {
            Err(err) => errors.push(at(events, i, Problem::DateText(err))),
            Ok(r) => {
                let precision_differs = e.date_precision.is_some_and(|p| p != r.precision);
                if r.start != e.start || r.end != e.end || precision_differs {
                    let problem = Problem::DateDrift {
                        text: text.clone(),
                        expected: format!("{}/{} ({:?})", r.start, r.end, r.precision),
                        found: format!("{}/{} ({:?})", e.start, e.end, e.date_precision),
                    };
                    errors.push(at(events, i, problem));
                }
            }
        }
    }
    errors
}

/// Checks every `place_ref` with a gazetteer's `resolve` (true when it knows
/// the name), and that every geometry has a `place_ref` to trace it to.
pub fn validate_places(events: &[Event], resolve: impl Fn(&str) -> bool) -> Vec<EventError> {
    let mut errors = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match &e.place_ref {
            Some(name) if !resolve(name) => {
                errors.push(at(events, i, Problem::UnknownPlace(name.clone())))
            }
            None if e.geometry.is_some() => errors.push(at(events, i, Problem::UntracedGeometry)),
            _ => {}
        }
    }
    errors
}

/// Like [`validate_places`], and also that each point geometry lies within
/// `tolerance_km` of the gazetteer's point for its `place_ref`.
pub fn validate_place_points(
    events: &[Event],
    lookup: impl Fn(&str) -> Option<Point<f64>>,
    tolerance_km: f64,
) -> Vec<EventError> {
    let mut errors = validate_places(events, |name| lookup(name).is_some());
    for (i, e) in events.iter().enumerate() {
        let (Some(name), Some(geo::Geometry::Point(p))) = (&e.place_ref, &e.geometry) else {
            continue;
        };
        let Some(known) = lookup(name) else { continue };
        let distance_km = Haversine.distance(*p, known) / 1000.0;
        if distance_km > tolerance_km {
            let problem = Problem::PlaceMismatch {
                place: name.clone(),
                distance_km,
            };
            errors.push(at(events, i, problem));
        }
    }
    errors
}

#[cfg(test)]
#[path = "events_tests.rs"]
mod tests;
