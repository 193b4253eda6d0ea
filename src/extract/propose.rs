//! What one sentence proposes: a statement for reported speech (one per
//! side its claimant names), an incident per event word's category (the
//! claimant's account when it is in what was said), and a context row
//! for each date long past that no incident of the sentence uses.

use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::data::dates::ResolvedDate;
use crate::data::event::{DatePrecision, EventKind, Figures};
use crate::data::time::EventTime;

use super::dates::DatePhrase;
use super::draft::{Draft, When, Where, said_before, undated};
use super::gazetteer_index::PlaceIndex;
use super::incidents::{self, VIOLENT};
use super::places::{self, PlaceMention};
use super::sides::{self, Countries, Side};
use super::speech;
use super::text::Sentence;

/// How many words before its claimant a date of saying may stand
/// ("On Tuesday evening, the ministry said").
const SAID_DATE_REACH: usize = 5;

/// What carries over from sentence to sentence.
#[derive(Default)]
pub struct Carry {
    /// The anchor for relative date phrases.
    pub anchor: Option<String>,
    /// The last date an incident had from its own words, with its paragraph.
    pub date: Option<(When, usize)>,
    /// The last place named for an incident, with its paragraph.
    pub place: Option<(Where, usize)>,
    /// The last claimant, its sides, and its paragraph.
    pub claimant: Option<(String, Vec<Side>, usize)>,
    /// Every claimant named in full so far, with its sides ("the
    /// ministry" is the last of them whose words hold "ministry").
    pub claimants: Vec<(String, Vec<Side>)>,
}

/// The article-wide facts a sentence is read with.
pub struct Context<'a> {
    /// The text.
    pub text: &'a str,
    /// Publication date.
    pub published: Date,
    /// The gazetteer.
    pub places: &'a PlaceIndex,
    /// The countries table.
    pub countries: &'a Countries,
    /// The article's parties (country indices).
    pub parties: Vec<usize>,
    /// The parties' ISO alpha-2 codes: the world gazetteer's places in
    /// these countries rank first.
    pub prefer: Vec<&'a str>,
}

impl Context<'_> {
    /// A side's id.
    pub fn side_id(&self, side: &Side) -> String {
        match side {
            Side::Party(c) => self
                .countries
                .get(*c)
                .map_or_else(|| "undetermined".into(), |c| c.side_id()),
            Side::ThirdParty => "third_party".into(),
            Side::Neutral => "neutral".into(),
            Side::Undetermined => "undetermined".into(),
        }
    }
}

/// What a sentence found: its drafts and how many date phrases and
/// places it named (for the article's diagnostics).
pub struct Found {
    /// The drafts, statements before incidents.
    pub drafts: Vec<Draft>,
    /// Date phrases found.
    pub dates: usize,
    /// Places found.
    pub places: usize,
}

/// The drafts of sentence `s`.
pub fn sentence(ctx: &Context<'_>, s: &Sentence, carry: &mut Carry) -> Found {
    let text = ctx.text;
    // A dateline ("QUETTA, Dec 16 (Wire) -") tells where and when the
    // report was filed, not where anything happened.
    let body = super::text::dateline_end(text, s);
    let mut dates = super::dates::find(text, s, ctx.published, &mut carry.anchor);
    dates.retain(|p| p.tokens.0 >= body);
    let mut mentions = places::find(text, s, ctx.places, ctx.countries, &ctx.prefer);
    mentions.retain(|m| m.tokens.0 >= body);
    let figures = super::figures::find(text, s);
    let speech = speech::find(text, s);
    let skip = speech.as_ref().map_or((0, 0), |sp| sp.claimant);
    let triggers = incidents::find(s, skip);
    let quote = vec![(s.start, s.end)];
    let mut drafts = Vec::new();
    // Dates of saying sit before the verb or between it and the content.
    // A date of saying stands in the claimant's own clause ("On Tuesday
    // the ministry said"), not in what comes before an attribution at the
    // end ("… on Thursday, officials said").
    let said = |p: &DatePhrase| {
        speech.as_ref().is_some_and(|sp| {
            let clause = sp.claimant.0.saturating_sub(SAID_DATE_REACH);
            p.tokens.0 >= clause && p.tokens.1 < sp.verb
                || p.tokens.0 > sp.verb && p.tokens.0 < sp.content
        })
    };
    let content_dates: Vec<&DatePhrase> = dates.iter().filter(|p| !said(p) && !p.weak()).collect();
    let weak = dates.iter().find(|p| p.weak());
    let mut incident_count = 0;
    let mut used_dates: Vec<&DatePhrase> = Vec::new();
    if let Some(sp) = &speech {
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
            let c = s.slice(text, sp.claimant.0, sp.claimant.1 - 1).to_owned();
            let sides = sides::of_claimant(
                ctx.countries,
                &ctx.parties,
                text,
                s,
                sp.claimant.0,
                sp.claimant.1,
            );
            (c, sides)
        };
        if !claimant.is_empty() {
            carry.claimant = Some((claimant.clone(), sides.clone(), s.paragraph));
            if !sp.pronoun && definite.is_none() {
                carry.claimants.push((claimant.clone(), sides.clone()));
            }
            let said_date = dates.iter().find(|p| said(p));
            let content_start = content_dates
                .first()
                .map(|p| p.resolved.start.date())
                .or_else(|| carry.date.as_ref().map(|(w, _)| w.resolved.start.date()));
            let tells = triggers.iter().any(|t| t.token >= sp.content);
            let category = if sp.category == "declaration" && tells {
                "account"
            } else {
                sp.category
            };
            // Where it was said: a capital that is the claimant ("Dushanbe
            // blamed…") or that the sentence says it was said in.
            let capital = mentions.iter().find(|m| {
                let (from, to) = sp.claimant;
                m.capital
                    && m.place.is_some()
                    && (m.tokens.0 >= from && m.tokens.1 <= to
                        || m.tokens.0 > 0 && s.tokens[m.tokens.0 - 1].lower == "in"
                            && m.tokens.0 < sp.verb)
            });
            for side in &sides {
                let mut d = blank(EventKind::Statement, category, s, &quote, 0.5);
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
                        said_before(ctx.published, content_start)
                    }
                };
                if let Some(c) = capital {
                    d.place = Some(Where::Mention(c.clone()));
                    d.rule("place:capital", 0.05);
                }
                drafts.push(d);
            }
        }
    }
    let statements = drafts.len();
    for t in &triggers {
        let in_content = speech
            .as_ref()
            .is_some_and(|sp| t.token >= sp.content && sp.content > 0);
        // What a statement tells with a word of harm alone and no count
        // ("said civilians had been killed") is the statement's, not a new
        // incident; "the fighting", "the ceasefire" with no date of their
        // own speak of one told before.
        let counted = figures != Figures::default();
        if in_content && statements > 0 && !t.strong && !counted
            || told_before(s, t.token, &content_dates)
        {
            continue;
        }
        let mut d = blank(
            EventKind::Incident,
            t.category,
            s,
            &quote,
            if t.strong { 0.5 } else { 0.3 },
        );
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
        d.when = match (nearest, &carry.date, weak) {
            (Some(p), ..) => {
                used_dates.push(p);
                d.rule(p.rule, 0.15);
                When {
                    date_text: Some(p.date_text.clone()),
                    resolved: p.resolved,
                }
            }
            (None, Some((w, _)), _) => {
                d.rule("date:carried", 0.05);
                w.clone()
            }
            (None, _, Some(p)) => {
                d.rule(p.rule, 0.0);
                When {
                    date_text: Some(p.date_text.clone()),
                    resolved: p.resolved,
                }
            }
            _ => {
                d.rule("date:undated", -0.1);
                undated(ctx.published)
            }
        };
        d.place = incident_place(text, s, &mentions, carry, &mut d);
        incident_count += 1;
        drafts.push(d);
    }
    attach_figures(&mut drafts[statements..], figures);
    // History: an incident dated years back that is no act of violence
    // is context; so is every other date long past.
    let long_ago = ctx
        .published
        .checked_sub(2.years())
        .unwrap_or(ctx.published);
    for d in &mut drafts[statements..] {
        if d.when.resolved.end.date() < long_ago && !VIOLENT.contains(&d.category) {
            d.kind = EventKind::Context;
            d.category = "history";
            d.rule("context:long-ago", 0.0);
        }
    }
    for p in dates
        .iter()
        .filter(|p| !p.weak() && p.resolved.end.date() < long_ago)
    {
        if used_dates.iter().any(|u| u.start == p.start)
            || incident_count > 0 && content_dates.len() == 1
        {
            continue;
        }
        let mut d = blank(EventKind::Context, "history", s, &quote, 0.45);
        d.when = When {
            date_text: Some(p.date_text.clone()),
            resolved: p.resolved,
        };
        d.rule("context:dated-background", 0.0);
        d.rule(p.rule, 0.0);
        d.quotes = vec![clause(text, s, p)];
        drafts.push(d);
    }
    // What the next sentences inherit.
    for d in drafts.iter().filter(|d| d.kind == EventKind::Incident) {
        if d.rules
            .iter()
            .any(|r| r == "date:phrase" || r == "date:anchored")
            && d.when.resolved.precision <= DatePrecision::Week
        {
            carry.date = Some((d.when.clone(), s.paragraph));
        }
        if let Some(p @ Where::Mention(m)) = &d.place
            && m.place.is_some()
        {
            carry.place = Some((p.clone(), s.paragraph));
        }
    }
    Found {
        drafts,
        dates: dates.len(),
        places: mentions.len(),
    }
}

/// Whether the event word at token `k` names an incident told before:
/// after a determiner ("the fighting", "this week's clashes" aside) in a
/// sentence giving no date of its own.
fn told_before(s: &Sentence, k: usize, dates: &[&DatePhrase]) -> bool {
    let before = k.checked_sub(1).map_or("", |p| s.tokens[p].lower.as_str());
    dates.is_empty() && matches!(before, "the" | "this" | "that" | "these" | "those" | "such")
}

/// A draft with nothing but its kind, category, quote and confidence.
fn blank(
    kind: EventKind,
    category: &'static str,
    s: &Sentence,
    quote: &[(usize, usize)],
    confidence: f64,
) -> Draft {
    Draft {
        kind,
        category,
        paragraph: s.paragraph,
        quotes: quote.to_vec(),
        when: When {
            date_text: None,
            resolved: ResolvedDate {
                start: EventTime::Date(Date::MIN),
                end: EventTime::Date(Date::MIN),
                precision: DatePrecision::Years,
            },
        },
        place: None,
        figures: Figures::default(),
        claimant: None,
        side: None,
        refers_to: Vec::new(),
        account: false,
        account_of: None,
        rules: Vec::new(),
        confidence,
    }
}

/// An incident's place: a named place that is not a capital (capitals
/// stand for governments), else a border, else the last placed incident's
/// place in this paragraph or the one before.
fn incident_place(
    text: &str,
    s: &Sentence,
    mentions: &[PlaceMention],
    carry: &Carry,
    d: &mut Draft,
) -> Option<Where> {
    let named = mentions.iter().find(|m| {
        !m.capital || m.tokens.0 > 0 && s.tokens[m.tokens.0 - 1].lower == "in" && m.place.is_some()
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
    if let Some(b) = places::border(text, s) {
        d.rule("place:border", 0.0);
        return Some(Where::Border(b));
    }
    match &carry.place {
        Some((p, para)) if *para + 1 >= s.paragraph && super::area::on_the_ground(d.category) => {
            d.rule("place:carried", 0.0);
            Some(p.clone())
        }
        _ => None,
    }
}

/// Gives the sentence's figures to its incidents: evacuations and flight
/// to their own categories when present, tolls to the first violent one
/// (or the first incident).
fn attach_figures(incidents: &mut [Draft], figures: Figures) {
    let Figures {
        killed,
        injured,
        evacuated,
        displaced,
    } = figures;
    let pick = |incidents: &[Draft], wanted: &str| {
        incidents
            .iter()
            .position(|d| d.category == wanted)
            .or_else(|| incidents.iter().position(|d| VIOLENT.contains(&d.category)))
            .or(if incidents.is_empty() { None } else { Some(0) })
    };
    let mut give =
        |wanted: &str,
         f: Option<Box<crate::data::event::Figure>>,
         slot: fn(&mut Figures) -> &mut Option<Box<crate::data::event::Figure>>| {
            if let (Some(f), Some(i)) = (f, pick(incidents, wanted)) {
                *slot(&mut incidents[i].figures) = Some(f);
                incidents[i].rule("figures:stated", 0.05);
            }
        };
    give("armed_clash", killed, |f| &mut f.killed);
    give("armed_clash", injured, |f| &mut f.injured);
    give("evacuation", evacuated, |f| &mut f.evacuated);
    give("displacement", displaced, |f| &mut f.displaced);
}

/// The clause around a date phrase: from the last comma, dash or
/// semicolon before it to the next after it, within its sentence.
fn clause(text: &str, s: &Sentence, p: &DatePhrase) -> (usize, usize) {
    let seps = [',', ';', '\u{2014}', '(', ')', ':'];
    let before = text
        .get(s.start..p.start)
        .and_then(|t| t.rfind(seps))
        .map_or(s.start, |i| s.start + i + 1);
    let after = text
        .get(p.end..s.end)
        .and_then(|t| t.find(seps))
        .map_or(s.end, |i| p.end + i);
    let slice = text.get(before..after).unwrap_or("");
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    (before + lead, after - trail)
}
