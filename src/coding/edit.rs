//! The reviewer's edits as commands: each [`Edit`] becomes a [`Patch`]
//! (the proposals it changes, before and after), which the session applies
//! and keeps so that the edit can be undone and redone.

use crate::data::event::{Event, Quote};
use crate::data::events::{self, Collection};
use crate::data::source::Source;
use crate::diagnostic::Diagnostic;
use crate::extract::{Proposal, Status};

use super::{Session, fields};

/// One change the reviewer makes to the proposals.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Accept, reject or reopen a proposal.
    SetStatus {
        /// The proposal's event id.
        id: String,
        /// Its new status.
        status: Status,
    },
    /// Replace a proposal's event (same id) with an edited one; the
    /// proposal counts as accepted after changes.
    Replace(Box<Event>),
    /// Merge the proposal `from` into `into`: its quotes, figures and
    /// references join `into`'s, and references to it move to `into`.
    Merge {
        /// The proposal that stays.
        into: String,
        /// The proposal merged away.
        from: String,
    },
    /// Split the proposal: its quotes from index `quote` on become a new
    /// proposal (a copy of the event with those quotes).
    Split {
        /// The proposal's event id.
        id: String,
        /// The first quote that moves to the new proposal.
        quote: usize,
    },
    /// Add the text at `start..end` (bytes) as a quote of a proposal.
    AddQuote {
        /// The proposal's event id.
        id: String,
        /// Start of the span.
        start: usize,
        /// End of the span.
        end: usize,
    },
    /// Start a new incident from the text at `start..end` (bytes).
    NewEvent {
        /// Start of the span.
        start: usize,
        /// End of the span.
        end: usize,
    },
}

/// A proposal before and after an edit (`None`: it did not exist, or no
/// longer does).
#[derive(Clone, Debug, PartialEq)]
struct Change {
    id: String,
    before: Option<Proposal>,
    after: Option<Proposal>,
    /// Where a removed proposal stood, so that undoing puts it back there.
    index: Option<usize>,
}

/// What one edit changed, to apply again or undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Patch {
    changes: Vec<Change>,
}

impl Patch {
    /// Applies the patch to the proposals: a changed proposal keeps its
    /// place, a new one goes in text order of its first quote.
    pub fn apply(&self, mut proposals: Vec<Proposal>) -> Vec<Proposal> {
        for c in &self.changes {
            let at = proposals.iter().position(|p| p.event.id == c.id);
            match (at, &c.after) {
                (Some(i), None) => {
                    proposals.remove(i);
                }
                (Some(i), Some(after)) => proposals[i] = after.clone(),
                (None, Some(after)) => {
                    let start = first_start(after);
                    let i = c.index.map_or_else(
                        || proposals.partition_point(|p| first_start(p) <= start),
                        |i| i.min(proposals.len()),
                    );
                    proposals.insert(i, after.clone());
                }
                (None, None) => {}
            }
        }
        proposals
    }

    /// The id of the proposal the patch makes, if it makes one.
    pub fn created(&self) -> Option<&str> {
        self.changes
            .iter()
            .find(|c| c.before.is_none() && c.after.is_some())
            .map(|c| c.id.as_str())
    }

    /// The patch that undoes this one.
    pub fn inverse(&self) -> Patch {
        Patch {
            changes: self
                .changes
                .iter()
                .rev()
                .map(|c| Change {
                    id: c.id.clone(),
                    before: c.after.clone(),
                    after: c.before.clone(),
                    index: c.index,
                })
                .collect(),
        }
    }
}

/// Where a proposal sorts: its first quote's start.
fn first_start(p: &Proposal) -> usize {
    p.event.quotes.first().map_or(usize::MAX, |q| q.start)
}

/// The patch an edit makes of the session's proposals, or why it cannot
/// be made.
pub fn patch(session: &mut Session, edit: Edit) -> Result<Patch, String> {
    let changes = match edit {
        Edit::SetStatus { id, status } => {
            let before = find(session, &id)?;
            let after = Proposal {
                status,
                ..before.clone()
            };
            vec![change(&before, after)]
        }
        Edit::Replace(event) => {
            let before = find(session, &event.id)?;
            check(session, &event)?;
            let after = Proposal {
                event: *event,
                status: Status::Edited,
            };
            vec![change(&before, after)]
        }
        Edit::Merge { into, from } => merge(session, &into, &from)?,
        Edit::Split { id, quote } => split(session, &id, quote)?,
        Edit::AddQuote { id, start, end } => {
            let before = find(session, &id)?;
            let quote = quote_of(session.text(), start, end)?;
            if before.event.quotes.contains(&quote) {
                return Err("the proposal already has this quote".into());
            }
            let mut after = before.clone();
            after.event.quotes.push(quote);
            after.event.quotes.sort_by_key(|q| (q.start, q.end));
            vec![change(&before, after)]
        }
        Edit::NewEvent { start, end } => {
            let quote = quote_of(session.text(), start, end)?;
            let published = session.source.published;
            let event = fields::new_incident(session.fresh_id("incident"), quote, published);
            vec![added(Proposal {
                event,
                status: Status::Edited,
            })]
        }
    };
    Ok(Patch { changes })
}

/// The proposal with this id, as it is before the edit.
fn find(session: &Session, id: &str) -> Result<Proposal, String> {
    session
        .proposal(id)
        .cloned()
        .ok_or_else(|| format!("no proposal has the id {id:?}"))
}

/// A proposal changed in place.
fn change(before: &Proposal, after: Proposal) -> Change {
    Change {
        id: before.event.id.clone(),
        before: Some(before.clone()),
        after: Some(after),
        index: None,
    }
}

/// A proposal the edit makes.
fn added(new: Proposal) -> Change {
    Change {
        id: new.event.id.clone(),
        before: None,
        after: Some(new),
        index: None,
    }
}

/// The patch splitting proposal `id` before its quote `quote`: the quotes
/// from there on become a new proposal.
fn split(session: &mut Session, id: &str, quote: usize) -> Result<Vec<Change>, String> {
    let before = find(session, id)?;
    if quote == 0 || quote >= before.event.quotes.len() {
        return Err("a proposal splits between two of its quotes".into());
    }
    let mut kept = before.clone();
    let moved_quotes = kept.event.quotes.split_off(quote);
    let mut split = before.event.clone();
    split.id = session.fresh_id("split");
    split.quotes = moved_quotes;
    let new = Proposal {
        event: split,
        status: Status::Proposed,
    };
    Ok(vec![change(&before, kept), added(new)])
}

/// The patch merging `from` into `into`.
fn merge(session: &Session, into: &str, from: &str) -> Result<Vec<Change>, String> {
    if into == from {
        return Err("a proposal cannot be merged with itself".into());
    }
    let (Some(a), Some(b)) = (session.proposal(into), session.proposal(from)) else {
        return Err("both proposals must exist to merge them".into());
    };
    let mut merged = a.clone();
    let e = &mut merged.event;
    for q in &b.event.quotes {
        if !e.quotes.contains(q) {
            e.quotes.push(q.clone());
        }
    }
    e.quotes.sort_by_key(|q| (q.start, q.end));
    for (mine, theirs) in [
        (&mut e.figures.killed, &b.event.figures.killed),
        (&mut e.figures.injured, &b.event.figures.injured),
        (&mut e.figures.evacuated, &b.event.figures.evacuated),
        (&mut e.figures.displaced, &b.event.figures.displaced),
    ] {
        if mine.is_none() {
            mine.clone_from(theirs);
        }
    }
    for r in &b.event.refers_to {
        if !e.refers_to.contains(r) && r != into {
            e.refers_to.push(r.clone());
        }
    }
    merged.status = Status::Edited;
    let mut changes = vec![
        change(a, merged),
        Change {
            id: from.to_owned(),
            before: Some(b.clone()),
            after: None,
            index: session.proposals().iter().position(|p| p.event.id == from),
        },
    ];
    // References to the merged-away proposal now name the one that stays.
    for p in session.proposals() {
        let names = p.event.refers_to.iter().any(|r| r == from)
            || p.event.account_of.as_deref() == Some(from);
        if p.event.id == into || p.event.id == from || !names {
            continue;
        }
        let mut after = p.clone();
        for r in &mut after.event.refers_to {
            if r == from {
                into.clone_into(r);
            }
        }
        after.event.refers_to.dedup();
        if after.event.account_of.as_deref() == Some(from) {
            after.event.account_of = Some(into.to_owned());
        }
        changes.push(change(p, after));
    }
    Ok(changes)
}

/// The quote at `start..end` of `text`, trimmed of white space at its ends.
fn quote_of(text: &str, start: usize, end: usize) -> Result<Quote, String> {
    let piece = text
        .get(start..end)
        .ok_or("the selection is not a span of the article's text")?;
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return Err("select some words of the article first".into());
    }
    Ok(Quote {
        text: trimmed.to_owned(),
        start: start + lead,
        end: start + lead + trimmed.len(),
    })
}

/// Checks that `event` would read back from an events file with the
/// session's source (and the proposals it names): the same checks the
/// events file gets.
fn check(session: &Session, event: &Event) -> Result<(), String> {
    let mut events = vec![Event {
        source: 0,
        ..event.clone()
    }];
    for id in event.refers_to.iter().chain(&event.account_of) {
        if let Some(p) = session.proposal(id)
            && p.event.id != event.id
        {
            events.push(Event {
                source: 0,
                refers_to: Vec::new(),
                account_of: None,
                ..p.event.clone()
            });
        }
    }
    let collection = Collection {
        sources: vec![Source {
            text_file: Some("article".into()),
            ..session.source.clone()
        }],
        vocabulary: session.vocabulary.clone(),
        events,
    };
    let written = crate::data::events::write::to_geojson(&collection);
    let texts = OneText(session.text());
    let loaded = events::parse("event", &written, &texts, &[]);
    match loaded.collection {
        Some(_) => Ok(()),
        None => Err(loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(Diagnostic::describe)
            .collect::<Vec<_>>()
            .join("; ")),
    }
}

/// The session's text, as the source text of a check.
pub(super) struct OneText<'a>(pub &'a str);

impl crate::data::SourceTexts for OneText<'_> {
    fn read(&self, _text_file: &str) -> Result<String, String> {
        Ok(self.0.to_owned())
    }
}
