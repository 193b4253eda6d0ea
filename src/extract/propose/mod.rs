//! What one sentence proposes: a statement for reported speech (one per
//! side its claimant names), an incident per event word's category (the
//! claimant's account when it is in what was said), and a context row
//! for each date long past that no incident of the sentence uses.

mod statements;
mod told;

use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::data::dates::ResolvedDate;
use crate::data::event::{DatePrecision, EventKind, Figures};
use crate::data::time::EventTime;

use crate::extract::dates::DatePhrase;
use crate::extract::draft::{Draft, When};
use crate::extract::gazetteer_index::PlaceIndex;
use crate::extract::incidents::{self, VIOLENT};
use crate::extract::places::{self, PlaceMention};
use crate::extract::sides::{Countries, Side};
use crate::extract::speech;
use crate::extract::text::Sentence;

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

/// What a sentence holds, found once and read by each rule.
pub struct Read<'s> {
    /// The sentence.
    pub s: &'s Sentence,
    /// Its date phrases (none in a dateline).
    pub dates: Vec<DatePhrase>,
    /// Its places (none in a dateline).
    pub mentions: Vec<PlaceMention>,
    /// Its figures.
    pub figures: Figures,
    /// Its reported speech, if any.
    pub speech: Option<speech::Speech>,
    /// Its event words.
    pub triggers: Vec<incidents::Trigger>,
    /// The quote its drafts carry (the whole sentence).
    pub quote: Vec<(usize, usize)>,
}

impl Read<'_> {
    /// Whether a date phrase is the time of saying: in the claimant's own
    /// clause ("On Tuesday the ministry said"), not before an attribution
    /// at the end ("… on Thursday, officials said"), or between the verb
    /// and what was said.
    pub fn said(&self, p: &DatePhrase) -> bool {
        self.speech.as_ref().is_some_and(|sp| {
            let clause = sp.claimant.0.saturating_sub(SAID_DATE_REACH);
            p.tokens.0 >= clause && p.tokens.1 < sp.verb
                || p.tokens.0 > sp.verb && p.tokens.0 < sp.content
        })
    }

    /// The date phrases of what happened: not of saying, not weak.
    pub fn content_dates(&self) -> Vec<&DatePhrase> {
        self.dates
            .iter()
            .filter(|p| !self.said(p) && !p.weak())
            .collect()
    }
}

/// Reads sentence `s`. A dateline ("QUETTA, Dec 16 (Wire) -") tells where
/// and when the report was filed, not where anything happened.
fn read<'s>(ctx: &Context<'_>, s: &'s Sentence, carry: &mut Carry) -> Read<'s> {
    let text = ctx.text;
    let body = crate::extract::text::dateline_end(text, s);
    let mut dates = crate::extract::dates::find(text, s, ctx.published, &mut carry.anchor);
    dates.retain(|p| p.tokens.0 >= body);
    let mut mentions = places::find(text, s, ctx.places, ctx.countries, &ctx.prefer);
    mentions.retain(|m| m.tokens.0 >= body);
    let speech = speech::find(text, s);
    let skip = speech.as_ref().map_or((0, 0), |sp| sp.claimant);
    Read {
        s,
        dates,
        mentions,
        figures: crate::extract::figures::find(text, s),
        triggers: incidents::find(s, skip),
        speech,
        quote: vec![(s.start, s.end)],
    }
}

/// The drafts of sentence `s`.
pub fn sentence(ctx: &Context<'_>, s: &Sentence, carry: &mut Carry) -> Found {
    let r = read(ctx, s, carry);
    let mut drafts = statements::drafts(ctx, &r, carry);
    let statements = drafts.len();
    let used = told::drafts(ctx, &r, carry, &mut drafts);
    attach_figures(&mut drafts[statements..], r.figures.clone());
    history(ctx, &r, &used, statements, &mut drafts);
    inherit(carry, &drafts, s.paragraph);
    Found {
        drafts,
        dates: r.dates.len(),
        places: r.mentions.len(),
    }
}

/// History: an incident dated years back that is no act of violence is
/// context; so is every other date long past that no incident used.
fn history(
    ctx: &Context<'_>,
    r: &Read<'_>,
    used: &[usize],
    statements: usize,
    drafts: &mut Vec<Draft>,
) {
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
    let incidents = drafts.len() - statements;
    let own_dates = r.content_dates().len();
    for p in r
        .dates
        .iter()
        .filter(|p| !p.weak() && p.resolved.end.date() < long_ago)
    {
        if used.contains(&p.start) || incidents > 0 && own_dates == 1 {
            continue;
        }
        let mut d = blank(EventKind::Context, "history", r.s, &r.quote, 0.45);
        d.when = When {
            date_text: Some(p.date_text.clone()),
            resolved: p.resolved,
        };
        d.rule("context:dated-background", 0.0);
        d.rule(p.rule, 0.0);
        d.quotes = vec![clause(ctx.text, r.s, p)];
        drafts.push(d);
    }
}

/// What the next sentences inherit: the last incident's own date (not its
/// place: an incident its sentence does not place is in the article's
/// area, `area.rs`, which matched the coders' points far more often than
/// the last incident's place did).
fn inherit(carry: &mut Carry, drafts: &[Draft], paragraph: usize) {
    for d in drafts.iter().filter(|d| d.kind == EventKind::Incident) {
        if d.rules
            .iter()
            .any(|r| r == "date:phrase" || r == "date:anchored")
            && d.when.resolved.precision <= DatePrecision::Week
        {
            carry.date = Some((d.when.clone(), paragraph));
        }
    }
}

/// A draft with nothing but its kind, category, quote and confidence.
pub fn blank(
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
