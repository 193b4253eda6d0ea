//! What a sentence's reported speech proposes: a statement per side its
//! claimant names, with the time of saying (a date in the claimant's
//! clause, else from the start of what it tells to publication) and the
//! capital it was said in when the sentence says so.

use crate::data::event::EventKind;

use super::{Carry, Context, Read, blank};
use crate::extract::draft::{Draft, When, Where, said_before};
use crate::extract::sides::{self, Side};
use crate::extract::speech::{self, Speech};

/// The statements of a sentence read as `r`.
pub fn drafts(ctx: &Context<'_>, r: &Read<'_>, carry: &mut Carry) -> Vec<Draft> {
    let Some(sp) = &r.speech else {
        return Vec::new();
    };
    let (claimant, sides) = claimant(ctx, r, sp, carry);
    if claimant.is_empty() {
        return Vec::new();
    }
    let said_date = r.dates.iter().find(|p| r.said(p));
    let own_start = r.content_dates().first().map(|p| p.resolved.start.date());
    let content_start =
        own_start.or_else(|| carry.date.as_ref().map(|(w, _)| w.resolved.start.date()));
    let tells = r.triggers.iter().any(|t| t.token >= sp.content);
    let category = if sp.category == "declaration" && tells {
        "account"
    } else {
        sp.category
    };
    // Where it was said: a capital that is the claimant ("Dushanbe
    // blamed…") or that the sentence says it was said in.
    let capital = r.mentions.iter().find(|m| {
        let (from, to) = sp.claimant;
        m.capital
            && m.place.is_some()
            && (m.tokens.0 >= from && m.tokens.1 <= to
                || m.tokens.0 > 0
                    && r.s.tokens[m.tokens.0 - 1].lower == "in"
                    && m.tokens.0 < sp.verb)
    });
    let mut out = Vec::new();
    for side in &sides {
        let mut d = blank(EventKind::Statement, category, r.s, &r.quote, 0.5);
        d.claimant = Some(claimant.clone());
        d.side = Some(ctx.side_id(side));
        d.rule(sp.rule, 0.0);
        if sp.pronoun {
            d.rule("claimant:pronoun", -0.1);
        }
        if sides.len() > 1 {
            d.rule("claimant:each-side", 0.0);
        }
        d.rule(&format!("statement:{category}"), 0.0);
        match side {
            Side::Undetermined => d.rule("side:undetermined", -0.15),
            _ => d.rule("side:from-claimant", 0.15),
        }
        d.when = match said_date {
            Some(p) => {
                d.rule(p.rule, 0.1);
                When {
                    date_text: Some(p.date_text.clone()),
                    resolved: p.resolved,
                }
            }
            None => {
                d.rule("date:said-before-publication", 0.0);
                if own_start.is_some() {
                    d.rule("date:from-what-it-tells", 0.0);
                }
                said_before(ctx.published, content_start)
            }
        };
        if let Some(c) = capital {
            d.place = Some(Where::Mention(c.clone()));
            d.rule("place:capital", 0.05);
        }
        out.push(d);
    }
    out
}

/// The claimant's words and sides: a pronoun takes the last claimant (of
/// this paragraph or the one before), "the ministry" the last body named
/// in full whose words hold "ministry", else the words themselves. What
/// it finds is remembered in `carry`.
fn claimant(
    ctx: &Context<'_>,
    r: &Read<'_>,
    sp: &Speech,
    carry: &mut Carry,
) -> (String, Vec<Side>) {
    let s = r.s;
    let definite = speech::definite(s, sp.claimant);
    let earlier = definite.and_then(|head| {
        carry
            .claimants
            .iter()
            .rev()
            .find(|(c, _)| c.to_lowercase().contains(head))
            .cloned()
    });
    let (claimant, sides) = if sp.pronoun {
        match &carry.claimant {
            Some((c, sides, p)) if *p + 1 >= s.paragraph => (c.clone(), sides.clone()),
            _ => (String::new(), Vec::new()),
        }
    } else if let Some(e) = earlier {
        e
    } else {
        let (from, to) = sp.claimant;
        let c = s.slice(ctx.text, from, to - 1).to_owned();
        let sides = sides::of_claimant(ctx.countries, &ctx.parties, ctx.text, s, from, to);
        (c, sides)
    };
    if !claimant.is_empty() {
        carry.claimant = Some((claimant.clone(), sides.clone(), s.paragraph));
        if !sp.pronoun && definite.is_none() {
            carry.claimants.push((claimant.clone(), sides.clone()));
        }
    }
    (claimant, sides)
}
