//! A proposal while it is being made: what one sentence (or several,
//! once merged) gives, before it becomes an [`Event`](crate::data::event::Event).

use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::data::dates::ResolvedDate;
use crate::data::event::{DatePrecision, EventKind, Figures};
use crate::data::time::EventTime;

use super::places::PlaceMention;

/// The time of a draft: the words and their reading.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    /// `date_text`, when the article's words give the time.
    pub date_text: Option<String>,
    /// The range.
    pub resolved: ResolvedDate,
}

/// Where a draft is: a place mention, or the words for a border.
#[derive(Clone, Debug, PartialEq)]
pub enum Where {
    /// A named place (placed or not).
    Mention(PlaceMention),
    /// Along a border the article names ("the Kyrgyz-Tajik border").
    Border(String),
}

/// One proposal in the making.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// Incident, statement or context.
    pub kind: EventKind,
    /// A category id.
    pub category: &'static str,
    /// The paragraph of its first sentence.
    pub paragraph: usize,
    /// Byte spans of its quotes, in text order.
    pub quotes: Vec<(usize, usize)>,
    /// When.
    pub when: When,
    /// Where, if anywhere.
    pub place: Option<Where>,
    /// Tolls stated with it.
    pub figures: Figures,
    /// The claimant of a statement, in the article's words.
    pub claimant: Option<String>,
    /// A side id, when known.
    pub side: Option<String>,
    /// For a statement: the drafts (by index) it speaks about.
    pub refers_to: Vec<usize>,
    /// For an incident told by one side: whether it is that side's account.
    pub account: bool,
    /// The incident (by index) an account tells.
    pub account_of: Option<usize>,
    /// The rules that produced it.
    pub rules: Vec<String>,
    /// How sure the rules are, 0–1.
    pub confidence: f64,
}

impl Draft {
    /// Adds a rule name (once) and moves the confidence by `delta`.
    pub fn rule(&mut self, rule: &str, delta: f64) {
        if !self.rules.iter().any(|r| r == rule) {
            self.rules.push(rule.to_owned());
        }
        self.confidence = (self.confidence + delta).clamp(0.05, 0.95);
    }

    /// Whether two drafts' times overlap.
    pub fn overlaps(&self, other: &Draft) -> bool {
        let (a, b) = (&self.when.resolved, &other.when.resolved);
        a.start.first_second() < b.end.end_exclusive()
            && b.start.first_second() < a.end.end_exclusive()
    }
}

/// A statement with no words for when it was said: on the day what it
/// tells began or the next (officials and witnesses speak of an incident
/// within a day; never after publication), else within the week before
/// publication.
pub fn said_before(published: Date, content_start: Option<Date>) -> When {
    let (start, end) = match content_start.filter(|d| *d <= published) {
        Some(day) => (day, day.checked_add(1.days()).unwrap_or(day).min(published)),
        None => (
            published.checked_sub(7.days()).unwrap_or(published),
            published,
        ),
    };
    When {
        date_text: None,
        resolved: ResolvedDate {
            start: EventTime::Date(start),
            end: EventTime::Date(end),
            precision: crate::data::dates::precision_of(start, end),
        },
    }
}

/// An incident the article gives no time for: the 30 days up to
/// publication, flagged.
pub fn undated(published: Date) -> When {
    let start = published.checked_sub(30.days()).unwrap_or(published);
    When {
        date_text: None,
        resolved: ResolvedDate {
            start: EventTime::Date(start),
            end: EventTime::Date(published),
            precision: DatePrecision::Month,
        },
    }
}
