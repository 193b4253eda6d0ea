//! Checks of an event's values beyond their types: what its kind needs,
//! its quotes against the text of its source, its figures.

use crate::data::event::{Event, EventKind, Figures, Quote};
use crate::data::events::problem::Problem;
use crate::data::source::Source;

/// A statement needs a claimant, a side and what it refers to; only an
/// incident may be an account of another.
pub fn check_kind(event: &Event, problems: &mut Vec<Problem>) {
    if event.kind == EventKind::Statement {
        let needs = [
            ("claimant", event.claimant.is_none()),
            ("side", event.side.is_none()),
            ("refers_to", event.refers_to.is_empty()),
        ];
        for (field, lacking) in needs {
            if lacking {
                problems.push(Problem::StatementNeeds(field));
            }
        }
    }
    if event.kind != EventKind::Incident && event.account_of.is_some() {
        problems.push(Problem::AccountOfNotIncident);
    }
}

/// Checks each quote is the source's text at its byte span.
pub fn check_quotes(quotes: &[Quote], source: &Source, problems: &mut Vec<Problem>) {
    let Some(text) = source.text.as_deref() else {
        problems.extend((0..quotes.len()).map(|index| Problem::QuoteWithoutText {
            index,
            source_id: source.id.clone(),
        }));
        return;
    };
    for (index, q) in quotes.iter().enumerate() {
        let (start, end) = (q.start, q.end);
        match text.get(start..end).filter(|_| start < end) {
            None => problems.push(Problem::QuoteSpan {
                index,
                start,
                end,
                len: text.len(),
            }),
            Some(found) if found != q.text => problems.push(Problem::QuoteMismatch {
                index,
                source_id: source.id.clone(),
                start,
                end,
                found: found.chars().take(80).collect(),
                hint: text.find(q.text.as_str()).filter(|_| !q.text.is_empty()),
            }),
            Some(_) => {}
        }
    }
}

/// Checks each figure's low ≤ high and that neither is negative.
pub fn check_figures(figures: &Figures, problems: &mut Vec<Problem>) {
    for (name, figure) in figures.named() {
        let Some(f) = figure else { continue };
        let bad_order = matches!((f.low, f.high), (Some(l), Some(h)) if l > h);
        let negative = f.low.is_some_and(|v| v < 0.0) || f.high.is_some_and(|v| v < 0.0);
        if bad_order || negative {
            problems.push(Problem::Invalid {
                field: format!("figures.{name}"),
                message: "low and high must be non-negative with low ≤ high".into(),
            });
        }
    }
}
