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
/// agree; and a statement that goes on with the last statement's words:
/// the same claimant (a pronoun resolved to it, or its words again) in the
/// same or the next paragraph, with no time of saying of its own or the
/// same. The first keeps its place; the merged one gains the quotes,
/// figures and rules of the other and the more exact date.
pub fn merge(drafts: Vec<Draft>, index: &PlaceIndex) -> (Vec<Draft>, Vec<usize>) {
    let mut out: Vec<Draft> = Vec::new();
    // Where each input draft went.
    let mut moved: Vec<usize> = Vec::with_capacity(drafts.len());
    for d in drafts {
        let target = match d.kind {
            EventKind::Incident => out.iter().position(|o| same_incident(o, &d, index)),
            EventKind::Statement => out
                .iter()
                .rposition(|o| o.kind == EventKind::Statement)
                .filter(|&t| goes_on(&out[t], &d)),
            _ => None,
        };
        match target {
            Some(t) => {
                absorb(&mut out[t], d);
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

/// Whether incident `d` is incident `o` told again.
fn same_incident(o: &Draft, d: &Draft, index: &PlaceIndex) -> bool {
    o.kind == EventKind::Incident
        && o.category == d.category
        && o.side == d.side
        && o.account == d.account
        && d.paragraph <= o.paragraph + 1
        && o.overlaps(d)
        && same_place(&o.place, &d.place, index)
}

/// Whether statement `d` goes on with statement `o`, the last one before
/// it: the same claimant and side, the same or the next paragraph, and no
/// time of saying of its own (or the same) nor words of an earlier time.
fn goes_on(o: &Draft, d: &Draft) -> bool {
    let claimant = |x: &Draft| x.claimant.as_deref().map(str::to_lowercase);
    claimant(o).is_some()
        && claimant(o) == claimant(d)
        && o.side == d.side
        && d.paragraph <= o.paragraph + 1
        && (d.when == o.when || d.when.date_text.is_none() && !tells_earlier(o, d))
}

/// Whether `d` tells in words of a time before `o` was said, or the two
/// times do not meet: then it is said of another day.
fn tells_earlier(o: &Draft, d: &Draft) -> bool {
    let own = d.rules.iter().any(|r| r == "date:from-what-it-tells");
    own && d.when.resolved.start.first_second() < o.when.resolved.start.first_second()
        || !o.overlaps(d)
}

/// Gives `o` the quotes, figures, rules and (for an incident) the more
/// exact date and the place of `d`, which it absorbs.
fn absorb(o: &mut Draft, d: Draft) {
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
    let statement = o.kind == EventKind::Statement;
    if !statement
        && d.when.resolved.precision < o.when.resolved.precision
        && d.when.date_text.is_some()
    {
        o.when = d.when.clone();
    }
    let placed = |w: &Option<Where>| matches!(w, Some(Where::Mention(m)) if m.place.is_some());
    if !placed(&o.place) && placed(&d.place) {
        o.place = d.place.clone();
    }
    for r in &d.rules {
        o.rule(r, 0.0);
    }
    o.confidence = o.confidence.max(d.confidence);
    o.paragraph = d.paragraph;
    if statement {
        o.rule("merge:same-statement", 0.0);
    } else {
        o.rule("merge:same-incident", 0.05);
    }
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
            for i in refers {
                if !d.refers_to.contains(&i) {
                    d.refers_to.push(i);
                }
            }
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

#[cfg(test)]
mod tests {
    use crate::data::event::{Event, EventKind};
    use crate::data::geodata::GeoData;
    use crate::extract::{Options, PlaceIndex, extract};

    fn statements(text: &str) -> Vec<Event> {
        let places = PlaceIndex::new(&GeoData::bundled().unwrap().places);
        let options = Options {
            published: jiff::civil::date(2022, 9, 18),
            source: 0,
            id_prefix: "t",
            places: &places,
            progress: None,
            cancel: None,
        };
        extract(text, &options)
            .proposals
            .into_iter()
            .map(|p| p.event)
            .filter(|e| e.kind == EventKind::Statement)
            .collect()
    }

    #[test]
    fn a_statement_goes_on_in_the_next_sentence() {
        let text = "Kyrgyzstan's border service said on Saturday that Tajik guards opened fire \
                    near Ak-Sai. It said two of its guards were wounded.";
        let found = statements(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].quotes.len(), 2);
        assert_eq!(
            found[0].claimant.as_deref(),
            Some("Kyrgyzstan's border service")
        );
    }

    #[test]
    fn words_of_an_earlier_day_are_another_statement() {
        let text = "Kyrgyzstan's health ministry said late on Sunday that 59 people had been \
                    killed. Kyrgyzstan's health ministry said 24 had died on Friday.";
        assert_eq!(statements(text).len(), 2);
    }
}
