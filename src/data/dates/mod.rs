//! Resolves an article's time phrases ("late last week", "On Monday") to
//! inclusive date ranges, relative to the article's publication date.
//!
//! Every event's `start`/`end` in the bundled data is exactly what
//! [`resolve`] returns for its `date_text`, so the data cannot drift from the
//! article's words. The rules, with their reasons, are listed on
//! [`resolve`]; weeks run Monday to Sunday (ISO 8601).

pub(crate) mod calendar;
pub mod clock;
pub(crate) mod phrases;
pub(crate) mod range;

use jiff::ToSpan as _;
use jiff::civil::{Date, Weekday};

use crate::data::event::DatePrecision;
use crate::data::time::EventTime;

pub use crate::data::dates::range::{DateError, ResolvedDate, precision_of};

/// Resolves `phrase` relative to the publication date `published`.
///
/// Several phrases joined by `;` resolve to the smallest range covering all
/// of them, at the coarsest of their precisions. Matching ignores case,
/// curly apostrophes, runs of white space, trailing punctuation and a
/// trailing possessive `'s`. The rules (the examples assume the bundled
/// article, published Monday 19 September 2022):
///
/// - **"late last week"**: Thursday and Friday of the previous week
///   (15–16 Sep), `days`. "Late" is the end of the working week; Saturday
///   and Sunday are "the weekend", which the article names on its own ("last
///   weekend's", "this past weekend"), so neither weekend day is read into
///   "late last week" and a text joining both phrases covers Thursday to
///   Sunday.
/// - **"last week"**: Monday to Sunday of the previous week, `week`.
/// - **"the weekend", "over the weekend", "at the weekend", "this weekend",
///   "this past weekend"**: the current weekend if published on a Saturday or Sunday,
///   else the last one (17–18 Sep), `days`.
/// - **"last weekend"**: the last weekend that ended before publication
///   (17–18 Sep for a Monday), `days`.
/// - **"on Monday" … "on Sunday"** (or the bare weekday): the latest such
///   day on or before publication, `day` ("On Monday" in a Monday article is
///   the publication day).
/// - **"now", "today", "appears to be holding"**: a state observed at
///   publication, the publication day, `day`.
/// - **"insists", "maintains", "each accuse", "continue to accuse", "appear
///   to show"**: a side's standing account of the current crisis, reported in
///   the present tense: it was made between the start of the crisis (the
///   start of "late last week") and publication (15–19 Sep), `days`.
/// - **"several days", "over the course of several days", "after several
///   days"**: a duration inside the current crisis, not a date of its own:
///   from the crisis's start (the start of "late last week") to the day
///   before publication (15–18 Sep), `days` (`week` or `month` when an
///   article published later in the week makes the run longer). The article
///   says it of the fighting and of one side's account of it, which cannot
///   begin before the crisis it tells of; counting back a week from
///   publication would start on Monday 12 Sep, before anything the article
///   reports.
/// - **"a few weeks prior", "a few weeks prior to the present crisis"**:
///   "a few" read as two to four weeks before the crisis began (the start of
///   "late last week"): 18 Aug – 1 Sep, `month`.
/// - **"just …"** ("just appointed", "just released", "just labeled"): the
///   two weeks up to publication (5–19 Sep), `month`.
/// - **"recent", "recently", "a recent meeting"**: the 30 days up to
///   publication (20 Aug – 19 Sep), `month`.
/// - **"<Month> of last year"**: that whole month of the previous year,
///   `month`. **"last year"**: the previous year, `year`.
/// - **"since YYYY"**: 1 January YYYY to publication, `years`.
/// - **"in YYYY"** or a bare year: that year, `year`.
/// - **"in the YYY0s"** or "the YYY0s": that decade, `years`.
/// - **"during the Soviet period"**: 1922 (the Union treaty) to 1991 (the
///   dissolution the article dates), `years`.
/// - **Every other phrase** (weekdays with parts of the day, written
///   dates, clock times, "earlier this week", months and seasons, phrases
///   anchored to another with `>`): the rules of `phrases.rs`, tried
///   only when none of the above fits.
pub fn resolve(published: Date, phrase: &str) -> Result<ResolvedDate, DateError> {
    let mut hull: Option<ResolvedDate> = None;
    for part in phrase.split(';') {
        let one = resolve_one(published, part)?;
        hull = Some(match hull {
            None => one,
            Some(h) => ResolvedDate {
                start: h.start.min(one.start),
                end: h.end.max(one.end),
                precision: h.precision.max(one.precision),
            },
        });
    }
    hull.ok_or_else(|| DateError::Unknown(phrase.to_owned()))
}

/// Lower-cases, unifies apostrophes and spaces, drops trailing punctuation
/// and a trailing possessive. One pass into one string: the resolver runs
/// it on every span the extractor tries.
fn normalize(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut space = false;
    for c in phrase.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    let kept = out.trim_end_matches(['.', ',', ':', '!', '?']).len();
    out.truncate(kept);
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    out
}

/// Resolves one phrase (no `;`).
fn resolve_one(published: Date, raw: &str) -> Result<ResolvedDate, DateError> {
    let phrase = normalize(raw);
    let anchor = Anchor::new(published, raw)?;
    if let Some(found) = anchor.named(&phrase)? {
        return Ok(found);
    }
    if let Some(found) = anchor.patterned(&phrase)? {
        return Ok(found);
    }
    if let Some((before, then)) = phrase.rsplit_once(" > ") {
        let before = resolve(published, before)?;
        return crate::data::dates::phrases::against_anchor(before, then)
            .ok_or_else(|| DateError::Unknown(raw.trim().to_owned()));
    }
    if let Some(found) = crate::data::dates::phrases::resolve(published, &phrase, raw)? {
        return Ok(found);
    }
    Err(DateError::Unknown(raw.trim().to_owned()))
}

/// The days a phrase is read against (publication, the Monday of its week,
/// the crisis' first day: the Thursday before that week) and the phrase as
/// written, for errors.
struct Anchor<'a> {
    /// The day of publication.
    published: Date,
    /// The Monday of the publication's week.
    week_monday: Date,
    /// The Thursday of the week before publication ("late last week").
    crisis_start: Date,
    /// The phrase as written.
    raw: &'a str,
}

/// A resolved range of whole days.
fn span(start: Date, end: Date, precision: DatePrecision) -> ResolvedDate {
    ResolvedDate {
        start: EventTime::Date(start),
        end: EventTime::Date(end),
        precision,
    }
}

impl<'a> Anchor<'a> {
    /// The anchors of a phrase published on `published`.
    fn new(published: Date, raw: &'a str) -> Result<Self, DateError> {
        let mut anchor = Self {
            published,
            week_monday: published,
            crisis_start: published,
            raw,
        };
        let back = -i64::from(published.weekday().to_monday_zero_offset());
        anchor.week_monday = anchor.days(published, back)?;
        anchor.crisis_start = anchor.days(anchor.week_monday, -7 + 3)?;
        Ok(anchor)
    }

    /// A date out of the calendar's range, named with the phrase.
    fn out_of_range(&self, e: jiff::Error) -> DateError {
        DateError::OutOfRange {
            phrase: self.raw.trim().to_owned(),
            reason: e.to_string(),
        }
    }

    /// `n` days after `d`.
    fn days(&self, d: Date, n: i64) -> Result<Date, DateError> {
        d.checked_add(n.days()).map_err(|e| self.out_of_range(e))
    }

    /// The phrases known by their words alone ("late last week", "the
    /// weekend", "recently", "the Soviet period"…).
    fn named(&self, phrase: &str) -> Result<Option<ResolvedDate>, DateError> {
        let (published, crisis_start) = (self.published, self.crisis_start);
        let found = match phrase {
            "late last week" => span(
                crisis_start,
                self.days(crisis_start, 1)?,
                DatePrecision::Days,
            ),
            "last week" => {
                let monday = self.days(self.week_monday, -7)?;
                span(monday, self.days(monday, 6)?, DatePrecision::Week)
            }
            "the weekend" | "over the weekend" | "at the weekend" | "this weekend"
            | "this past weekend" => {
                let saturday = match published.weekday() {
                    Weekday::Saturday => published,
                    Weekday::Sunday => self.days(published, -1)?,
                    _ => self.days(self.week_monday, -2)?,
                };
                span(saturday, self.days(saturday, 1)?, DatePrecision::Days)
            }
            "last weekend" => {
                // The Saturday before this week's Monday has always ended by now.
                let saturday = self.days(self.week_monday, -2)?;
                span(saturday, self.days(saturday, 1)?, DatePrecision::Days)
            }
            "now" | "today" | "appears to be holding" => {
                span(published, published, DatePrecision::Day)
            }
            "insists" | "maintains" | "each accuse" | "continue to accuse" | "appear to show" => {
                span(crisis_start, published, DatePrecision::Days)
            }
            "several days" | "over the course of several days" | "after several days" => {
                self.several_days()?
            }
            "a few weeks prior" | "a few weeks prior to the present crisis" => span(
                self.days(crisis_start, -28)?,
                self.days(crisis_start, -14)?,
                DatePrecision::Month,
            ),
            "recent" | "recently" | "a recent meeting" => {
                span(self.days(published, -30)?, published, DatePrecision::Month)
            }
            "during the soviet period" | "the soviet period" => {
                let start = Date::new(1922, 1, 1).map_err(|e| self.out_of_range(e))?;
                let end = Date::new(1991, 12, 31).map_err(|e| self.out_of_range(e))?;
                span(start, end, DatePrecision::Years)
            }
            "last year" => {
                let (start, end) =
                    year_range(published.year() - 1).map_err(|e| self.out_of_range(e))?;
                span(start, end, DatePrecision::Year)
            }
            _ => return Ok(None),
        };
        Ok(Some(found))
    }

    /// "Several days": from the crisis' first day to the day before
    /// publication, as precise as that length allows.
    fn several_days(&self) -> Result<ResolvedDate, DateError> {
        let end = self.days(self.published, -1)?;
        let length = end
            .since(self.crisis_start)
            .map_err(|e| self.out_of_range(e))?
            .get_days()
            + 1;
        let precision = match length {
            ..=6 => DatePrecision::Days,
            7 => DatePrecision::Week,
            _ => DatePrecision::Month,
        };
        Ok(span(self.crisis_start, end, precision))
    }

    /// The phrases read from their shape: "just …", a weekday, a month of
    /// last year, "since 2010", a decade, a year.
    fn patterned(&self, phrase: &str) -> Result<Option<ResolvedDate>, DateError> {
        let published = self.published;
        let range = |year| year_range(year).map_err(|e| self.out_of_range(e));
        if phrase.starts_with("just ") {
            let start = self.days(published, -14)?;
            return Ok(Some(span(start, published, DatePrecision::Month)));
        }
        let weekday_word = phrase.strip_prefix("on ").unwrap_or(phrase);
        if let Some(weekday) = parse_weekday(weekday_word) {
            let back = (7 + published.weekday().to_monday_zero_offset()
                - weekday.to_monday_zero_offset())
                % 7;
            let day = self.days(published, -i64::from(back))?;
            return Ok(Some(span(day, day, DatePrecision::Day)));
        }
        if let Some(month) = phrase
            .strip_suffix(" of last year")
            .or_else(|| phrase.strip_suffix(" last year"))
            .and_then(|m| m.strip_prefix("in ").or(Some(m)))
            .and_then(parse_month)
        {
            let first =
                Date::new(published.year() - 1, month, 1).map_err(|e| self.out_of_range(e))?;
            return Ok(Some(span(
                first,
                first.last_of_month(),
                DatePrecision::Month,
            )));
        }
        if let Some(year) = phrase.strip_prefix("since ").and_then(parse_year) {
            let (start, _) = range(year)?;
            return Ok(Some(span(start, published, DatePrecision::Years)));
        }
        let bare = phrase.strip_prefix("in ").unwrap_or(phrase);
        let bare = bare.strip_prefix("the ").unwrap_or(bare);
        if let Some(decade) = bare
            .strip_suffix('s')
            .and_then(parse_year)
            .filter(|y| y % 10 == 0)
        {
            let (start, _) = range(decade)?;
            let (_, end) = range(decade + 9)?;
            return Ok(Some(span(start, end, DatePrecision::Years)));
        }
        if let Some(year) = parse_year(bare) {
            let (start, end) = range(year)?;
            return Ok(Some(span(start, end, DatePrecision::Year)));
        }
        Ok(None)
    }
}

/// 1 January and 31 December of a year.
fn year_range(year: i16) -> Result<(Date, Date), jiff::Error> {
    Ok((Date::new(year, 1, 1)?, Date::new(year, 12, 31)?))
}

/// A four-digit year.
fn parse_year(text: &str) -> Option<i16> {
    if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// An English weekday name.
fn parse_weekday(text: &str) -> Option<Weekday> {
    Some(match text {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// An English month name, 1–12.
fn parse_month(text: &str) -> Option<i8> {
    let index = crate::data::dates::clock::MONTH_NAMES
        .iter()
        .position(|m| *m == text)?;
    i8::try_from(index + 1).ok()
}

#[cfg(test)]
mod tests;
