//! Merging drafts that are clearly one incident, and linking statements
//! and accounts to the incidents they speak of.

use crate::data::event::EventKind;

use super::draft::{Draft, Where};
use super::gazetteer_index::PlaceIndex;
use super::incidents::VIOLENT;
use super::places::NEAR_KM;

/// Whether two places can be the same: either is unknown, or both points
/// lie within the larger uncertainty (at least the 25 km of `near`).
fn same_place(a: &Option<Where>, b: &Option<Where>, index: &PlaceIndex) -> bool {
    use geo::{Distance as _, Haversine};
    let point = |w: &Option<Where>| match w {
        Some(Where::Mention(m)) => m
            .place
            .and_then(|p| index.place(p))
            .map(|p| (p.point, m.uncertainty_km.unwrap_or(0.0))),
        _ => None,
    };
    match (point(a), point(b)) {
        (Some((p, ua)), Some((q, ub))) => {
            Haversine.distance(p, q) / 1000.0 <= ua.max(ub).max(NEAR_KM)
        }
        _ => true,
    }
}

/// Merges incidents of one category and side, told by the same voice, in
/// the same or neighbouring paragraphs, whose dates overlap and places
/// agree. The first keeps its place; the merged one gains the quotes,
/// figures and rules of the other and the more exact date.
pub fn merge(drafts: Vec<Draft>, index: &PlaceIndex) -> (Vec<Draft>, Vec<usize>) {
    let mut out: Vec<Draft> = Vec::new();
    // Where each input draft went.
    let mut moved: Vec<usize> = Vec::with_capacity(drafts.len());
    for d in drafts {
        let target = out.iter().position(|o| {
            o.kind == EventKind::Incident
                && d.kind == EventKind::Incident
                && o.category == d.category
                && o.side == d.side
                && o.account == d.account
                && d.paragraph <= o.paragraph + 1
                && o.overlaps(&d)
                && same_place(&o.place, &d.place, index)
        });
        match target {
            Some(t) => {
                let o = &mut out[t];
                for q in &d.quotes {
                    if !o.quotes.contains(q) {
                        o.quotes.push(*q);
                    }
                }
                o.quotes.sort_unstable();
                let f = &mut o.figures;
                f.killed = f.killed.take().or(d.figures.killed);
                f.injured = f.injured.take().or(d.figures.injured);
                f.evacuated = f.evacuated.take().or(d.figures.evacuated);
                f.displaced = f.displaced.take().or(d.figures.displaced);
                if d.when.resolved.precision < o.when.resolved.precision
                    && d.when.date_text.is_some()
                {
                    o.when = d.when.clone();
                }
                let placed =
                    |w: &Option<Where>| matches!(w, Some(Where::Mention(m)) if m.place.is_some());
                if !placed(&o.place) && placed(&d.place) {
                    o.place = d.place.clone();
                }
                for r in &d.rules {
                    o.rule(r, 0.0);
                }
                o.confidence = o.confidence.max(d.confidence);
                o.paragraph = d.paragraph;
                o.rule("merge:same-incident", 0.05);
                moved.push(t);
            }
            None => {
                moved.push(out.len());
                out.push(d);
            }
        }
    }
    (out, moved)
}

/// Links each statement to what it speaks about and each account to the
/// incident it tells. `told[i]` lists the drafts (after merging) told in
/// statement `i`'s sentence. A statement with no incident of its own
/// refers to the nearest incident before it in its paragraph or the one
/// before, else the first violent incident of the article, else the first
/// incident; an account tells the first incident of the article's own
/// voice, of the same category if there is one, else violent, whose dates
/// overlap its own.
pub fn link(drafts: &mut [Draft], told: &[(usize, Vec<usize>)]) {
    for (statement, incidents) in told {
        let refers: Vec<usize> = incidents
            .iter()
            .copied()
            .filter(|&i| drafts.get(i).is_some_and(|d| d.kind == EventKind::Incident))
            .collect();
        if let Some(d) = drafts.get_mut(*statement) {
            d.refers_to = refers;
        }
    }
    let incident = |d: &Draft| d.kind == EventKind::Incident;
    for i in 0..drafts.len() {
        if drafts[i].kind != EventKind::Statement || !drafts[i].refers_to.is_empty() {
            continue;
        }
        let paragraph = drafts[i].paragraph;
        let before = (0..i)
            .rev()
            .find(|&j| incident(&drafts[j]) && drafts[j].paragraph + 1 >= paragraph);
        let fallback = || {
            drafts
                .iter()
                .position(|d| incident(d) && VIOLENT.contains(&d.category))
                .or_else(|| drafts.iter().position(incident))
        };
        if let Some(j) = before.or_else(fallback) {
            drafts[i].refers_to = vec![j];
            let rule = if before.is_some() {
                "refers:nearest-incident"
            } else {
                "refers:main-incident"
            };
            drafts[i].rule(rule, -0.05);
        }
    }
    for i in 0..drafts.len() {
        if !(incident(&drafts[i]) && drafts[i].account) {
            continue;
        }
        let own = |d: &Draft| incident(d) && !d.account && d.overlaps(&drafts[i]);
        let same = drafts
            .iter()
            .position(|d| own(d) && d.category == drafts[i].category);
        let violent = || {
            drafts.iter().position(|d| {
                own(d) && VIOLENT.contains(&d.category) && VIOLENT.contains(&drafts[i].category)
            })
        };
        if let Some(j) = same.or_else(violent) {
            drafts[i].account_of = Some(j);
            drafts[i].rule("account:of-overlapping-incident", 0.0);
        }
    }
}
