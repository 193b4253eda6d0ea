//! Events files: a GeoJSON FeatureCollection of incidents, statements and
//! context rows with the sources they come from and the vocabularies they
//! use (the schema is in `assets/README.md`), read in one positioned pass.
//!
//! The streaming GeoJSON check reads the file once, keeping each feature's
//! geometry, properties and position and the top-level `sources` and
//! `vocabularies`; the events are built from that. Every problem is
//! returned as a [`Diagnostic`] placed at its feature's line and column,
//! with the path of the member it is about, so that a file can be fixed
//! in one pass (`border-incidents check --events FILE` prints them).

mod checks;
pub(crate) mod feature;
pub(crate) mod header;
pub(crate) mod problem;
mod stream;
#[cfg(test)]
mod stream_tests;
pub mod write;

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use geo::{Distance as _, Haversine, Point};

use crate::check::{Report, check_reader_taking};
use crate::data::dates;
use crate::data::event::{Event, EventKind};
use crate::data::source::Source;
use crate::data::vocabulary::{List, Vocabulary};
use crate::diagnostic::Diagnostic;
use header::SourceTexts;
use problem::Problem;
use stream::{Converted, EventTaker, ReadHeader};

/// The bundled article's text.
pub const BUNDLED_ARTICLE: &str = include_str!("../../../assets/article.txt");

/// The bundled article's events, as GeoJSON.
pub const BUNDLED_EVENTS: &str = include_str!("../../../assets/events.geojson");

/// What one events file holds, validated: every event's `source` is an
/// index into `sources`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Collection {
    /// Its sources, in file order.
    pub sources: Vec<Source>,
    /// Its vocabularies: those declared, and defaults for ids used but not
    /// declared.
    pub vocabulary: Vocabulary,
    /// Its events, in file order.
    pub events: Vec<Event>,
}

/// What reading a file gave: the collection when the file has no errors,
/// and every problem found (warnings too).
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The events, when there is no error.
    pub collection: Option<Collection>,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// The collection, or the errors (warnings dropped) for callers that
    /// need a valid file.
    pub fn into_result(self) -> Result<Collection, Vec<Diagnostic>> {
        match self.collection {
            Some(c) => Ok(c),
            None => Err(self.diagnostics),
        }
    }
}

/// Texts kept beside the events file, in its folder.
#[derive(Clone, Debug)]
pub struct TextsBeside {
    /// The events file's folder.
    pub folder: PathBuf,
    /// The text to use for an article source that names none.
    pub fallback: Option<String>,
}

impl TextsBeside {
    /// Texts beside the file at `path`.
    pub fn file(path: &Path) -> Self {
        Self {
            folder: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            fallback: None,
        }
    }
}

impl SourceTexts for TextsBeside {
    fn read(&self, text_file: &str) -> Result<String, String> {
        let path = self.folder.join(text_file);
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "not UTF-8 at byte {} (save it as UTF-8)",
                e.utf8_error().valid_up_to()
            )
        })
    }

    fn fallback(&self) -> Option<String> {
        self.fallback.clone()
    }
}

/// The texts compiled into the binary: the bundled article.
pub struct BundledTexts;

impl SourceTexts for BundledTexts {
    fn read(&self, text_file: &str) -> Result<String, String> {
        match text_file {
            "article.txt" => Ok(BUNDLED_ARTICLE.to_owned()),
            other => Err(format!("{other:?} is not bundled")),
        }
    }
}

/// Reads an events file from `input` in one pass. References (`refers_to`,
/// `account_of`) may name events of the file or of `known` (events already
/// loaded). When the file's sources and vocabularies come before its
/// features, the features are made events a batch at a time as they are
/// read (`stream.rs`).
pub fn read(name: &str, input: impl Read, texts: &dyn SourceTexts, known: &[Event]) -> Loaded {
    match read_streamed(name, input, texts, known) {
        Ok(loaded) => loaded,
        Err(report) => from_report(report, texts, known),
    }
}

/// Reads GeoJSON from `input` as an events file when its sources or
/// vocabularies come before its features (made events as they are read);
/// otherwise, or when the GeoJSON has errors, gives back the check's
/// report with the features kept, for the caller to say what it holds.
pub fn read_streamed(
    name: &str,
    input: impl Read,
    texts: &dyn SourceTexts,
    known: &[Event],
) -> Result<Loaded, Report> {
    let taker = EventTaker::new(name, texts);
    let report = check_reader_taking(name, input, &taker);
    match taker.finish(&report) {
        Some((header, converted)) if report.is_valid() => {
            Ok(collect(report, header, converted, known))
        }
        _ => Err(report),
    }
}

/// Reads an events file held in memory.
pub fn parse(name: &str, text: &str, texts: &dyn SourceTexts, known: &[Event]) -> Loaded {
    read(name, text.as_bytes(), texts, known)
}

/// The bundled article's collection.
pub fn bundled() -> Result<Collection, Vec<Diagnostic>> {
    parse("assets/events.geojson", BUNDLED_EVENTS, &BundledTexts, &[]).into_result()
}

/// Builds the events from a GeoJSON check that kept the features.
pub fn from_report(mut report: Report, texts: &dyn SourceTexts, known: &[Event]) -> Loaded {
    let features = report.features.take().unwrap_or_default();
    let header = header::read(&report.foreign, &report.name, texts);
    let mut converted = Converted::default();
    converted.add(
        features.into_iter().enumerate(),
        &stream::context(&header.0),
    );
    collect(report, header, converted, known)
}

/// The collection of a file's `converted` features, checked across
/// events, or every problem when there is an error (the check's report,
/// the header's, the features', the references' and dates').
fn collect(report: Report, header: ReadHeader, converted: Converted, known: &[Event]) -> Loaded {
    let valid = report.is_valid();
    let mut diagnostics = report.problems;
    if !valid {
        return Loaded {
            collection: None,
            diagnostics,
        };
    }
    if !report.is_collection {
        diagnostics.push(Diagnostic::error(Problem::NotCollection.to_string()));
        return Loaded {
            collection: None,
            diagnostics,
        };
    }
    let (header, problems) = header;
    diagnostics.extend(problems);
    diagnostics.extend(converted.diagnostics);
    let events = converted.events;
    let mut cross = check_ids_and_references(&events, known);
    cross.extend(check_dates(&events, &header.sources));
    for (i, problem) in cross {
        diagnostics.push(stream::at_feature(
            problem,
            converted.at[i],
            Some(&events[i].id),
        ));
    }
    diagnostics.sort_by_key(|d| (d.line, d.column));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Loaded {
            collection: None,
            diagnostics,
        };
    }
    let vocabulary = with_terms_used(&header.vocabulary, &events);
    Loaded {
        collection: Some(Collection {
            sources: header.sources,
            vocabulary,
            events,
        }),
        diagnostics,
    }
}

/// The `declared` vocabularies with a default term for each side or
/// category the events use without declaring it.
fn with_terms_used(declared: &Vocabulary, events: &[Event]) -> Vocabulary {
    let mut vocabulary = declared.clone();
    let mut present: [HashSet<String>; 2] = [List::Sides, List::Categories]
        .map(|l| vocabulary.list(l).iter().map(|t| t.id.clone()).collect());
    for e in events {
        let used = [(List::Sides, &e.side), (List::Categories, &e.category)];
        for (k, (list, id)) in used.into_iter().enumerate() {
            if let Some(id) = id
                && present[k].insert(id.clone())
            {
                vocabulary.ensure(list, id);
            }
        }
    }
    vocabulary.settle_colours();
    vocabulary
}

/// Unique ids; every `refers_to` names an incident; every `account_of`
/// names another incident that is not itself an account. Targets may be in
/// `events` or in `known`.
fn check_ids_and_references(events: &[Event], known: &[Event]) -> Vec<(usize, Problem)> {
    let mut errors = Vec::new();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        if let Some(&f) = first.get(e.id.as_str()) {
            let id = e.id.clone();
            errors.push((i, Problem::DuplicateId { id, first: f }));
        } else {
            first.insert(&e.id, i);
        }
    }
    let others: HashMap<&str, &Event> = known.iter().map(|e| (e.id.as_str(), e)).collect();
    let find = |id: &str| {
        first
            .get(id)
            .map(|&i| &events[i])
            .or(others.get(id).copied())
    };
    for (i, e) in events.iter().enumerate() {
        for target in &e.refers_to {
            match find(target).map(|t| t.kind) {
                None => errors.push((i, Problem::DanglingReference(target.clone()))),
                Some(EventKind::Incident) => {}
                Some(_) => errors.push((i, Problem::ReferenceNotIncident(target.clone()))),
            }
        }
        if let Some(target) = &e.account_of {
            match find(target) {
                Some(t) if t.kind == EventKind::Incident => {
                    if t.account_of.is_some() || t.id == e.id {
                        errors.push((i, Problem::AccountOfAccount(target.clone())));
                    }
                }
                _ => errors.push((i, Problem::AccountOfUnknown(target.clone()))),
            }
        }
    }
    errors
}

/// Each event's `start`/`end` (and `date_precision`, when given) must be
/// what [`dates::resolve`] makes of its `date_text` for its source's
/// publication date. Events without `date_text`, or whose source has no
/// date, are not checked.
fn check_dates(events: &[Event], sources: &[Source]) -> Vec<(usize, Problem)> {
    let mut errors = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let Some(text) = &e.date_text else { continue };
        let Some(published) = sources.get(e.source).and_then(|s| s.published) else {
            continue;
        };
        match dates::resolve(published, text) {
            Err(err) => errors.push((i, Problem::DateText(err))),
            Ok(r) => {
                let precision_differs = e.date_precision.is_some_and(|p| p != r.precision);
                if r.start != e.start || r.end != e.end || precision_differs {
                    let problem = Problem::DateDrift {
                        text: text.clone(),
                        expected: format!("{}/{} ({:?})", r.start, r.end, r.precision),
                        found: format!("{}/{} ({:?})", e.start, e.end, e.date_precision),
                    };
                    errors.push((i, problem));
                }
            }
        }
    }
    errors
}

/// Checks every `place_ref` with a gazetteer's `resolve` (true when it knows
/// the name), and that every geometry has a `place_ref` to trace it to.
/// Returns each problem with the index of its event.
pub fn validate_places(events: &[Event], resolve: impl Fn(&str) -> bool) -> Vec<(usize, Problem)> {
    let mut errors = Vec::new();
    for (i, e) in events.iter().enumerate() {
        match &e.place_ref {
            Some(name) if !resolve(name) => errors.push((i, Problem::UnknownPlace(name.clone()))),
            None if e.geometry.is_some() => errors.push((i, Problem::UntracedGeometry)),
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
) -> Vec<(usize, Problem)> {
    let mut errors = validate_places(events, |name| lookup(name).is_some());
    for (i, e) in events.iter().enumerate() {
        let (Some(name), Some(geo::Geometry::Point(p))) = (&e.place_ref, &e.geometry) else {
            continue;
        };
        let Some(known) = lookup(name) else { continue };
        let distance_km = Haversine.distance(*p, known) / 1000.0;
        if distance_km > tolerance_km {
            let place = name.clone();
            errors.push((i, Problem::PlaceMismatch { place, distance_km }));
        }
    }
    errors
}

#[cfg(test)]
mod tests;
