//! What a sentence's event words propose: an incident each (the
//! claimant's account when it is in what was said), with the nearest
//! date phrase of what happened, else the last incident's, and the place
//! its sentence names, else a border, else the last placed incident's
//! (for violence and flight only).

use crate::data::event::{EventKind, Figures};

use super::{Carry, Context, Read, blank};
use crate::extract::dates::DatePhrase;
use crate::extract::draft::{Draft, When, Where, undated};
use crate::extract::places::{self, PlaceMention};
use crate::extract::text::Sentence;

/// An incident per event word (the claimant's account when it is in what
/// was said); returns the starts of the date phrases they used.
pub fn drafts(
    ctx: &Context<'_>,
    r: &Read<'_>,
    carry: &Carry,
    drafts: &mut Vec<Draft>,
) -> Vec<usize> {
    let statements = drafts.len();
    let content_dates = r.content_dates();
    let mut used = Vec::new();
    for t in &r.triggers {
        let in_content = r
            .speech
            .as_ref()
            .is_some_and(|sp| t.token >= sp.content && sp.content > 0);
        // What a statement tells with a word of harm alone and no count
        // ("said civilians had been killed") is the statement's, not a new
        // incident; "the fighting", "the ceasefire" with no date of their
        // own speak of one told before.
        let counted = r.figures != Figures::default();
        // What an appeal calls for ("urged both sides to agree a
        // ceasefire") has not happened.
        let appealed = in_content && r.speech.as_ref().is_some_and(|sp| sp.category == "appeal");
        if in_content && statements > 0 && !t.strong && !counted
            || appealed
            || told_before(r.s, t.token, &content_dates)
        {
            continue;
        }
        let base = if t.strong { 0.5 } else { 0.3 };
        let mut d = blank(EventKind::Incident, t.category, r.s, &r.quote, base);
        d.rule(&t.rule, 0.0);
        if in_content && statements > 0 {
            d.account = true;
            d.side = drafts.first().and_then(|st: &Draft| st.side.clone());
            d.rule("incident:told-by-claimant", -0.05);
        } else {
            d.side = Some("neutral".into());
        }
        let nearest = content_dates
            .iter()
            .min_by_key(|p| p.tokens.0.abs_diff(t.token))
            .copied();
        if let Some(p) = nearest {
            used.push(p.start);
        }
        d.when = incident_when(ctx, r, nearest, carry, &mut d);
        // A capital before the verb of saying ("In Dushanbe, the ministry
        // said…") is where it was said, not where what it tells happened.
        let said_at = match &r.speech {
            Some(sp) if in_content => sp.verb,
            _ => 0,
        };
        d.place = incident_place(ctx.text, r.s, &r.mentions, said_at, &mut d);
        drafts.push(d);
    }
    used
}

/// An incident's time: the nearest date phrase of what happened, else the
/// last incident's, else a weak hint ("now"), else the 30 days to
/// publication (flagged).
fn incident_when(
    ctx: &Context<'_>,
    r: &Read<'_>,
    nearest: Option<&DatePhrase>,
    carry: &Carry,
    d: &mut Draft,
) -> When {
    let weak = r.dates.iter().find(|p| p.weak());
    match (nearest, &carry.date, weak) {
        (Some(p), ..) | (None, None, Some(p)) => {
            d.rule(p.rule, if p.weak() { 0.0 } else { 0.15 });
            When {
                date_text: Some(p.date_text.clone()),
                resolved: p.resolved,
            }
        }
        (None, Some((w, _)), _) => {
            d.rule("date:carried", 0.05);
            w.clone()
        }
        _ => {
            d.rule("date:undated", -0.1);
            undated(ctx.published)
        }
    }
}

/// Whether the event word at token `k` names an incident told before:
/// after a determiner ("the fighting", "this week's clashes" aside) in a
/// sentence giving no date of its own.
fn told_before(s: &Sentence, k: usize, dates: &[&DatePhrase]) -> bool {
    let before = k.checked_sub(1).map_or("", |p| s.tokens[p].lower.as_str());
    dates.is_empty() && matches!(before, "the" | "this" | "that" | "these" | "those" | "such")
}

/// An incident's place: a named place that is not a capital (capitals
/// stand for governments; "in" a capital is a place, unless it comes
/// before the verb of saying at `said_at`), else a border; else none here
/// (the article's area is given to it once the whole text is read).
fn incident_place(
    text: &str,
    s: &Sentence,
    mentions: &[PlaceMention],
    said_at: usize,
    d: &mut Draft,
) -> Option<Where> {
    let named = mentions.iter().find(|m| {
        !m.capital
            || m.tokens.0 >= said_at
                && m.tokens.0 > 0
                && s.tokens[m.tokens.0 - 1].lower == "in"
                && m.place.is_some()
    });
    if let Some(m) = named {
        let (rule, delta) = if m.place.is_some() {
            (m.rule, 0.1)
        } else {
            (m.rule, -0.05)
        };
        d.rule(rule, delta);
        return Some(Where::Mention(m.clone()));
    }
    places::border(text, s).map(|b| {
        d.rule("place:border", 0.0);
        Where::Border(b)
    })
}
