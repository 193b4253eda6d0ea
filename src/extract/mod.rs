//! The article extractor: from an article's text and publication date,
//! proposals of incidents, statements and context rows, each an
//! [`Event`] with its evidence (verbatim quotes as byte spans of the text,
//! a confidence and the rules that produced it). Nothing is invented: a
//! date comes from the article's words (or is flagged), a point only
//! from the gazetteer, a side only from the claimant's words.
//!
//! The rules, their confidences and measured quality are in
//! `EXTRACTION.md`. The work is one pass over the sentences (linear in
//! the text), reporting progress and stopping when asked to.
//! Knows nothing of egui.

mod area;
pub mod batch;
mod build;
pub mod calibration;
pub mod dates;
mod draft;
pub mod figures;
pub mod gazetteer_index;
pub mod incidents;
pub mod input;
mod merge;
pub mod places;
mod propose;
pub mod published;
pub mod score;
pub mod sides;
pub mod speech;
pub mod text;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

use jiff::civil::Date;

use crate::data::event::{Event, EventKind};
use crate::data::vocabulary::Vocabulary;
use crate::diagnostic::Diagnostic;

pub use gazetteer_index::PlaceIndex;
use propose::{Carry, Context};
use sides::Countries;

/// What a reviewer has decided about a proposal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Status {
    /// Proposed, not yet reviewed.
    #[default]
    Proposed,
    /// Accepted as proposed.
    Accepted,
    /// Accepted after changes.
    Edited,
    /// Rejected.
    Rejected,
}

/// One proposal: an event (its `extraction` holds the confidence and
/// rules) and what the reviewer made of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The proposed event; `source` is the index given in [`Options`].
    pub event: Event,
    /// The review status.
    pub status: Status,
}

/// How to extract.
pub struct Options<'a> {
    /// The publication date every phrase is read against.
    pub published: Date,
    /// The index of the article's source, for the events' `source`.
    pub source: usize,
    /// Prefix of the proposals' ids (the source's id: ids stay unique when
    /// several articles are loaded).
    pub id_prefix: &'a str,
    /// The gazetteer.
    pub places: &'a PlaceIndex,
    /// Called now and then with the share of the text read (0–1).
    pub progress: Option<&'a (dyn Fn(f32) + Sync)>,
    /// Set to stop early; what was found so far is dropped.
    pub cancel: Option<&'a AtomicBool>,
}

/// What extraction gave.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The proposals, in text order of their first quote.
    pub proposals: Vec<Proposal>,
    /// The vocabularies they use (categories and sides).
    pub vocabulary: Vocabulary,
    /// Problems and notes: no dates, no places, nothing found, cancelled.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether it was cancelled.
    pub cancelled: bool,
}

/// Proposals whose calibrated confidence is below this are weak: the
/// review panel folds them away (chosen on the build reports; see
/// EXTRACTION.md).
pub const WEAK_BELOW: f64 = 0.3;

/// Sentences read between progress reports and cancel checks.
const CHUNK: usize = 256;

/// What reading every sentence gave: the drafts, which incidents each
/// statement's sentence told, and how many date phrases and places were
/// found.
#[derive(Default)]
struct Drafted {
    drafts: Vec<draft::Draft>,
    told: Vec<(usize, Vec<usize>)>,
    dates: usize,
    places: usize,
}

/// Extracts proposals from `text`.
pub fn extract(text: &str, options: &Options<'_>) -> Extracted {
    let countries = Countries::bundled();
    let sentences = text::sentences(text);
    if sentences.is_empty() {
        return Extracted {
            diagnostics: vec![Diagnostic::error("the article has no words to read")],
            ..Extracted::default()
        };
    }
    let parties = count_parties(text, &sentences, countries);
    let ctx = Context {
        text,
        published: options.published,
        places: options.places,
        countries,
        prefer: parties
            .iter()
            .filter_map(|&c| countries.get(c))
            .map(|c| c.iso2.as_str())
            .collect(),
        parties: parties.clone(),
    };
    let Some(found) = read_all(&ctx, &sentences, options) else {
        return Extracted {
            diagnostics: vec![Diagnostic::warning("extraction cancelled")],
            cancelled: true,
            ..Extracted::default()
        };
    };
    let (mut drafts, moved) = merge::merge(found.drafts, options.places);
    let told: Vec<(usize, Vec<usize>)> = found
        .told
        .into_iter()
        .map(|(s, list)| (moved[s], list.into_iter().map(|i| moved[i]).collect()))
        .collect();
    merge::link(&mut drafts, &told);
    area::fill(&mut drafts, options.places);
    let mut diagnostics = unlinked(&mut drafts);
    let mut events = build::events(&drafts, text, options.id_prefix, options.places);
    for e in &mut events {
        e.source = options.source;
    }
    let labels: Vec<(String, String)> = parties
        .iter()
        .filter_map(|&c| countries.get(c))
        .map(|c| (c.side_id(), c.adjective.clone()))
        .collect();
    let vocabulary = build::vocabulary(&events, &labels);
    diagnostics.extend(notes(found.dates, found.places, events.is_empty()));
    Extracted {
        proposals: events
            .into_iter()
            .map(|event| Proposal {
                event,
                status: Status::Proposed,
            })
            .collect(),
        vocabulary,
        diagnostics,
        cancelled: false,
    }
}

/// Reads every sentence but the headline, reporting progress; `None` when
/// cancelled.
fn read_all(
    ctx: &Context<'_>,
    sentences: &[text::Sentence],
    options: &Options<'_>,
) -> Option<Drafted> {
    let mut carry = Carry::default();
    let mut out = Drafted::default();
    for (n, s) in sentences.iter().enumerate() {
        if n % CHUNK == 0 {
            if options.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
                return None;
            }
            if let Some(report) = options.progress {
                report(s.start as f32 / ctx.text.len().max(1) as f32);
            }
        }
        if text::is_headline(ctx.text, sentences, n) {
            continue;
        }
        let found = propose::sentence(ctx, s, &mut carry);
        out.dates += found.dates;
        out.places += found.places;
        let first = out.drafts.len();
        let indices = |keep: fn(&draft::Draft) -> bool| -> Vec<usize> {
            found
                .drafts
                .iter()
                .enumerate()
                .filter(|(_, d)| keep(d))
                .map(|(i, _)| first + i)
                .collect()
        };
        let statements = indices(|d| d.kind == EventKind::Statement);
        let accounts = indices(|d| d.account);
        out.told
            .extend(statements.into_iter().map(|s| (s, accounts.clone())));
        out.drafts.extend(found.drafts);
    }
    if let Some(report) = options.progress {
        report(1.0);
    }
    Some(out)
}

/// Leaves out statements with no incident to refer to (only when the
/// article tells none: nothing refers to a draft, so removing these moves
/// no reference), and says so.
fn unlinked(drafts: &mut Vec<draft::Draft>) -> Vec<Diagnostic> {
    let unlinked = drafts
        .iter()
        .filter(|d| d.kind == EventKind::Statement && d.refers_to.is_empty())
        .count();
    if unlinked == 0 {
        return Vec::new();
    }
    drafts.retain(|d| d.kind != EventKind::Statement || !d.refers_to.is_empty());
    vec![Diagnostic::warning(format!(
        "{unlinked} statements left out: the article tells no incident for them to refer to"
    ))]
}

/// What the reviewer should know: no dates, no places, nothing found.
fn notes(dates: usize, places: usize, nothing: bool) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if dates == 0 {
        out.push(Diagnostic::warning(
            "no date phrase found: every proposal is dated only as before publication (review the dates)",
        ));
    }
    if places == 0 {
        out.push(Diagnostic::warning(
            "no place found in the gazetteer or in a place phrase: no proposal has a point",
        ));
    }
    if nothing {
        out.push(Diagnostic::warning(
            "nothing to propose: no event words or reported speech were found",
        ));
    }
    out
}

/// The article's parties: the countries it names most, a name in a
/// sentence about fighting or the border counting twice.
fn count_parties(text: &str, sentences: &[text::Sentence], countries: &Countries) -> Vec<usize> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for s in sentences {
        let about = s.tokens.iter().any(|t| t.lower == "border")
            || incidents::find(s, (0, 0))
                .iter()
                .any(|t| incidents::VIOLENT.contains(&t.category));
        for (_, c) in countries.named_in(text, s, 0, s.tokens.len()) {
            *counts.entry(c).or_default() += if about { 2 } else { 1 };
        }
    }
    sides::parties(&counts)
}
