//! The date phrases of articles beyond the first one's, tried by
//! `dates::resolve` when none of its own rules fit. The
//! publication date is called P below; weeks run Monday to Sunday.
//!
//! - **A day**: "Wednesday", "on Wednesday" (the latest on or before P,
//!   as in `dates.rs`), "last Wednesday" (the latest strictly before P),
//!   written dates "14 September", "Sept. 14", "the 14th of September",
//!   "September 14, 2022", "2022-09-14", "14.09.2022" (without a year: the
//!   latest such day on or before P), each `day`. "yesterday" (P − 1), "the
//!   day before yesterday" (P − 2), "earlier today" (P).
//! - **A part of that day**: "Friday morning", "late on Thursday", "early
//!   Thursday", "Thursday night", "overnight on Thursday", "on the night of
//!   Thursday", "the morning of 14 September": the clock stretch of
//!   [`crate::data::dates::clock::part_of_day`] on that day, `day` (a night runs to
//!   06:00 the next day). "overnight", "last night": the night before P;
//!   "this morning", "tonight": on P. "by Thursday evening": from that
//!   day's midnight to the end of its evening (a state reached at the
//!   latest then), `day`; "by Thursday": that day.
//! - **A clock time**: "at 4:30 a.m. on Thursday", "Thursday at 16:00",
//!   "around midnight on Thursday", `time` ([`crate::data::dates::clock::clock`]).
//!   A clock time alone is read against P's midnight only for "midnight"
//!   ("around midnight": 23:00 the day before P to 00:59 on P); other bare
//!   times need an anchor (below).
//! - **Anchored phrases**, written `ANCHOR > PHRASE` in `date_text`: the
//!   phrase read against the anchor's reading ("on Thursday > ten minutes
//!   later", "late on Thursday > around midnight"): offsets ("ten minutes
//!   later", "hours later" = 1–12 h, "the next day", "two days earlier")
//!   shift the anchor; parts of the day and clock times ("in the morning",
//!   "at 5 am", "that night") are taken on the anchor's days. The
//!   extractor writes them so; a reader sees both phrases.
//! - **Weeks, months, years before P**: "earlier this week" (Monday to
//!   P − 1, or P on a Monday), "this week" (Monday to P), `week`; "earlier
//!   this month" / "this month" / "last month", `month`; "earlier this
//!   year" / "this year", `year`; "N days ago" (`day`), "N weeks ago" (that
//!   day ± 3, `week`), "N months ago" (that month), "N years ago" (that
//!   year); "in the past N days", "over the past week", "in recent days"
//!   (7 days), "in recent weeks" (30 days), "in recent months" (182 days),
//!   ending on P.
//! - **Months and seasons**: "in May", "May" (the latest May not after P's
//!   month), "last May" (the latest before P's month), "May 2021", "in May
//!   of 2021", `month`; "early/mid/late May", "mid-May", "the end of May"
//!   (days 1–10, 11–20, 21–end: `week`, the nearest value for ten days);
//!   "in the spring of 2021", "last summer", "in winter" (Mar–May, Jun–Aug,
//!   Sep–Nov, Dec–Feb; the latest that began before P), `year`, as three
//!   months are coarser than `month`; "early/mid/late 2021" (Jan–Apr,
//!   May–Aug, Sep–Dec), `year`.
//! - **"since X"** for any X above: from X's start to P, at the precision
//!   its length gives ([`precision_of`]).

use jiff::ToSpan as _;
use jiff::civil::{Date, DateTime};

use crate::data::dates::calendar::{ago, months_and_seasons, past_n};
use crate::data::dates::clock::{Window, at_minute, clock, day, offset, part_of_day};
use crate::data::dates::range::{DateError, Found, ResolvedDate, add_days, on_days, precision_of};
use crate::data::event::DatePrecision;
use crate::data::time::EventTime;

/// Resolves a normalised phrase (lower case, single spaces) no rule of
/// `dates.rs` knows; `Ok(None)` when none of these rules fit either.
pub(super) fn resolve(
    published: Date,
    phrase: &str,
    raw: &str,
) -> Result<Option<ResolvedDate>, DateError> {
    let w = words(phrase);
    let found = standalone(published, &w).or_else(|| since(published, &w));
    match found {
        Some(Ok(r)) => Ok(Some(r)),
        Some(Err(_)) => Err(DateError::OutOfRange {
            phrase: raw.trim().to_owned(),
            reason: "the date is outside the calendar".into(),
        }),
        None => Ok(None),
    }
}

/// The phrase's words, commas dropped.
fn words(phrase: &str) -> Vec<&str> {
    phrase
        .split(' ')
        .map(|w| w.trim_end_matches(','))
        .filter(|w| !w.is_empty())
        .collect()
}

fn between(start: DateTime, end: DateTime, precision: DatePrecision) -> ResolvedDate {
    ResolvedDate {
        start: EventTime::DateTime(start),
        end: EventTime::DateTime(end),
        precision,
    }
}

/// `window` on `date`.
fn in_window(date: Date, window: Window) -> Option<ResolvedDate> {
    let precision = if window.clock {
        DatePrecision::Time
    } else {
        DatePrecision::Day
    };
    Some(between(
        at_minute(date, window.start)?,
        at_minute(date, window.end)?,
        precision,
    ))
}

/// Every rule but "since" and anchored phrases.
fn standalone(p: Date, w: &[&str]) -> Found {
    let ok = |r: Option<ResolvedDate>| Some(r.ok_or(()));
    let week_monday = add_days(p, -i64::from(p.weekday().to_monday_zero_offset()));
    let month_first = p.first_of_month();
    let year_first = Date::new(p.year(), 1, 1).ok();
    match w {
        ["yesterday"] => return ok(add_days(p, -1).map(|d| on_days(d, d, DatePrecision::Day))),
        ["the", "day", "before", "yesterday"] => {
            return ok(add_days(p, -2).map(|d| on_days(d, d, DatePrecision::Day)));
        }
        ["earlier", "today"] | ["earlier", "in", "the", "day"] => {
            return ok(Some(on_days(p, p, DatePrecision::Day)));
        }
        ["this", part] | ["earlier", "this", part] if part_of_day(part).is_some() => {
            return ok(part_of_day(part).and_then(|win| in_window(p, win)));
        }
        ["tonight"] => return ok(part_of_day("evening").and_then(|win| in_window(p, win))),
        ["overnight"] | ["last", "night"] => {
            let night = part_of_day("night");
            return ok(add_days(p, -1)
                .zip(night)
                .and_then(|(d, n)| in_window(d, n)));
        }
        ["earlier", "this", "week"] => {
            let end = add_days(p, -1).max(week_monday);
            return ok(week_monday
                .zip(end)
                .map(|(s, e)| on_days(s, e, DatePrecision::Week)));
        }
        ["this", "week"] => return ok(week_monday.map(|s| on_days(s, p, DatePrecision::Week))),
        ["earlier", "this", "month"] => {
            let end = add_days(p, -1).unwrap_or(p).max(month_first);
            return ok(Some(on_days(month_first, end, DatePrecision::Month)));
        }
        ["this", "month"] => return ok(Some(on_days(month_first, p, DatePrecision::Month))),
        ["last", "month"] => {
            let first = month_first.checked_sub(1.month()).ok();
            return ok(first.map(|f| on_days(f, f.last_of_month(), DatePrecision::Month)));
        }
        ["earlier", "this", "year"] | ["this", "year"] => {
            return ok(year_first.map(|f| on_days(f, p, DatePrecision::Year)));
        }
        ["in", "recent", unit] => {
            let days = match *unit {
                "days" => 7,
                "weeks" => 30,
                "months" => 182,
                _ => return None,
            };
            return ok(add_days(p, -days).map(|s| on_days(s, p, precision_of(s, p))));
        }
        [n, unit, "ago"] => return ago(p, n, unit),
        _ => {}
    }
    if let Some(r) = past_n(p, w) {
        return Some(r);
    }
    if let Some(r) = months_and_seasons(p, w) {
        return Some(r);
    }
    day_phrase(p, w)
}

/// A day with what narrows it: "[on] [late|early] [last] Thursday
/// [morning|at 4 am]", "late on Thursday", "overnight on Thursday", "the
/// night of 14 September", "at 5 am on Thursday", "by Thursday evening",
/// "around midnight".
fn day_phrase(p: Date, w: &[&str]) -> Found {
    let mut i = 0;
    let by = w.first() == Some(&"by");
    i += usize::from(by);
    i += usize::from(w.get(i) == Some(&"on"));
    let mut window: Option<Window> = None;
    let mut into = false;
    // What comes before the day.
    match w.get(i..).unwrap_or_default() {
        ["late" | "early", "on", ..] => {
            window = part_of_day(w[i]);
            i += 2;
        }
        ["late" | "early", ..] => {
            window = part_of_day(w[i]);
            i += 1;
        }
        ["overnight", "on" | "into", ..] => {
            window = part_of_day("night");
            into = w[i + 1] == "into";
            i += 2;
        }
        ["in", "the", "early", "hours", "of", ..] => {
            window = Some(Window {
                start: 0,
                end: 6 * 60 - 1,
                clock: false,
            });
            i += 5;
        }
        ["the" | "in", "the", part, "of", ..] | ["the", part, "of", ..]
            if part_of_day(part).is_some() =>
        {
            window = part_of_day(part);
            i += if w[i] == "in" { 4 } else { 3 };
        }
        _ => {
            if let Some((win, used)) = clock(&w[i..]) {
                window = Some(win);
                i += used;
                if w.get(i) == Some(&"on") {
                    i += 1;
                } else if i == w.len() && win.start >= 23 * 60 {
                    // "around midnight" alone: the midnight that began P.
                    let d = add_days(p, -1)?;
                    return Some(in_window(d, win).ok_or(()));
                } else {
                    return None;
                }
            }
        }
    }
    let (mut date, used) = day(p, &w[i..])?;
    i += used;
    let window = after_day(window, &w[i..])?;
    if into {
        date = add_days(date, -1)?;
    }
    narrowed(date, window, by)
}

/// The part of the day named after the day ("Thursday morning",
/// "Thursday at 4 am"), where none came before it; `None` when words are
/// left over.
fn after_day(before: Option<Window>, rest: &[&str]) -> Option<Option<Window>> {
    match rest {
        [] => Some(before),
        [part] if before.is_none() && part_of_day(part).is_some() => Some(part_of_day(part)),
        rest if before.is_none() => {
            let (win, used) = clock(rest)?;
            (used == rest.len()).then_some(Some(win))
        }
        _ => None,
    }
}

/// A day narrowed to a part of it: the whole day, the part, or with "by"
/// from the day's start to the part's end.
fn narrowed(date: Date, window: Option<Window>, by: bool) -> Found {
    let r = match (window, by) {
        (None, _) => Some(on_days(date, date, DatePrecision::Day)),
        (Some(win), false) => in_window(date, win),
        (Some(win), true) => {
            let start = at_minute(date, 0)?;
            Some(between(
                start,
                at_minute(date, win.end)?,
                DatePrecision::Day,
            ))
        }
    };
    Some(r.ok_or(()))
}

/// "since Thursday", "since 14 September", "since May 2021": from the
/// start of what follows to publication.
fn since(p: Date, w: &[&str]) -> Found {
    let ["since", rest @ ..] = w else { return None };
    let from = match standalone(p, rest)? {
        Ok(r) => r,
        Err(()) => return Some(Err(())),
    };
    let start = from.start.date();
    (start <= p).then(|| Ok(on_days(start, p, precision_of(start, p))))
}

/// `then` (a normalised phrase) read against the reading of its anchor.
pub(super) fn against_anchor(anchor: ResolvedDate, then: &str) -> Option<ResolvedDate> {
    anchored(anchor, &words(then))
}

/// A phrase read against an anchor: an offset shifts it; a part of the
/// day or a clock time is taken on the anchor's days.
fn anchored(anchor: ResolvedDate, w: &[&str]) -> Option<ResolvedDate> {
    let first = anchor.start.date();
    let last = anchor.end.date();
    let single_day = first == last;
    let part = match w {
        ["that" | "the" | "later" | "earlier", "same", "day"]
        | ["that", "day"]
        | ["later" | "earlier", "that", "day"] => {
            return Some(on_days(first, last, precision_of(first, last)));
        }
        ["that", part] | ["later", "that", part] | ["in", "the", part] | ["at", part] | [part] => {
            part_of_day(part)
        }
        _ => None,
    };
    let window = part.or_else(|| {
        clock(w)
            .filter(|(_, used)| *used == w.len())
            .map(|(win, _)| win)
    });
    if let Some(win) = window {
        let start = at_minute(first, win.start)?;
        let end = at_minute(last, win.end)?;
        let precision = match (win.clock, single_day) {
            (true, true) => DatePrecision::Time,
            (false, true) => DatePrecision::Day,
            _ => precision_of(first, last).max(DatePrecision::Days),
        };
        return Some(between(start, end, precision));
    }
    let ((lo, hi), part) = offset(w)?;
    let shift = |t: DateTime, m: i64| t.checked_add(jiff::SignedDuration::from_mins(m)).ok();
    match (anchor.start, anchor.end) {
        (EventTime::Date(s), EventTime::Date(e)) if lo % 1440 == 0 && hi % 1440 == 0 => {
            let (s, e) = (add_days(s, lo / 1440)?, add_days(e, hi / 1440)?);
            match part {
                Some(win) => {
                    let precision = if s == e {
                        DatePrecision::Day
                    } else {
                        precision_of(s, e)
                    };
                    Some(between(
                        at_minute(s, win.start)?,
                        at_minute(e, win.end)?,
                        precision,
                    ))
                }
                None => Some(on_days(s, e, precision_of(s, e).max(anchor.precision))),
            }
        }
        (EventTime::DateTime(s), EventTime::DateTime(e)) => {
            let (s, e) = (shift(s, lo)?, shift(e, hi)?);
            let precision = if lo == hi {
                anchor.precision
            } else {
                precision_of(s.date(), e.date()).max(DatePrecision::Day)
            };
            Some(between(s, e, precision))
        }
        _ => {
            // A day shifted by less than a day may run into the next.
            let s = shift(at_minute(first, 0)?, lo)?.date();
            let e = shift(at_minute(last, 24 * 60 - 1)?, hi)?.date();
            Some(on_days(s, e, precision_of(s, e)))
        }
    }
}

#[cfg(test)]
#[path = "phrases_tests.rs"]
mod tests;
