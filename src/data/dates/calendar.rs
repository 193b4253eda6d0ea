//! Calendar ranges counted back from publication for `phrases.rs`:
//! "N days ago", "in the past week", months ("in May", "mid-May 2021")
//! and seasons ("last summer"); the rules are listed there.

use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::data::dates::clock::{month, year};
use crate::data::dates::range::{Found, add_days, on_days, precision_of};
use crate::data::event::DatePrecision;
use crate::data::number_words::{figures_value, word_value};

/// "N days ago", "a week ago", "two months ago", "a decade ago".
pub(super) fn ago(p: Date, n: &str, unit: &str) -> Found {
    let n: i64 = match n {
        "a" | "an" | "one" => 1,
        other => word_value(other)
            .map(|v| v as i64)
            .or_else(|| figures_value(other).map(|v| v as i64))?,
    };
    let unit = unit.trim_end_matches('s');
    let r = match unit {
        "day" => add_days(p, -n).map(|d| on_days(d, d, DatePrecision::Day)),
        "week" => add_days(p, -7 * n).and_then(|d| {
            Some(on_days(
                add_days(d, -3)?,
                add_days(d, 3)?.min(p),
                DatePrecision::Week,
            ))
        }),
        "month" => p
            .first_of_month()
            .checked_sub(n.months())
            .ok()
            .map(|f| on_days(f, f.last_of_month(), DatePrecision::Month)),
        "year" | "decade" => {
            let years = if unit == "decade" { 10 * n } else { n };
            let y = i16::try_from(i64::from(p.year()) - years).ok();
            y.and_then(|y| {
                Some(on_days(
                    Date::new(y, 1, 1).ok()?,
                    Date::new(y, 12, 31).ok()?,
                    DatePrecision::Year,
                ))
            })
        }
        _ => return None,
    };
    Some(r.ok_or(()))
}

/// "in the past three days", "over the last week", "during the past two
/// weeks": that many days up to publication.
pub(super) fn past_n(p: Date, w: &[&str]) -> Found {
    let rest = match w {
        [
            "in" | "over" | "during" | "within",
            "the",
            "past" | "last",
            rest @ ..,
        ] => rest,
        _ => return None,
    };
    let (n, unit) = match rest {
        [unit] => (1, *unit),
        ["few", unit] => (3, *unit),
        [n, unit] => (
            word_value(n)
                .map(|v| v as i64)
                .or_else(|| figures_value(n).map(|v| v as i64))?,
            *unit,
        ),
        _ => return None,
    };
    let days = match unit.trim_end_matches('s') {
        "day" => n,
        "week" => 7 * n,
        "month" => 30 * n,
        _ => return None,
    };
    let start = add_days(p, -days);
    Some(start.map(|s| on_days(s, p, precision_of(s, p))).ok_or(()))
}

/// Months ("in May", "last May", "May 2021", "mid-May", "the end of May")
/// and seasons ("in the spring of 2021", "last summer"), and "early /
/// mid / late 2021".
pub(super) fn months_and_seasons(p: Date, w: &[&str]) -> Found {
    let mut w = w;
    if let ["in" | "during", rest @ ..] = w {
        w = rest;
    }
    // Which part of the month: days 1–10, 11–20 or 21 to the end.
    let mut third: Option<u8> = None;
    let mut last = false;
    let (head, rest): (Option<u8>, &[&str]) = match w {
        ["early", rest @ ..] | ["the", "beginning" | "start", "of", rest @ ..] => (Some(0), rest),
        ["mid", rest @ ..] | ["the", "middle", "of", rest @ ..] => (Some(1), rest),
        ["late", rest @ ..] | ["the", "end", "of", rest @ ..] => (Some(2), rest),
        ["last", rest @ ..] => {
            last = true;
            (None, rest)
        }
        [one, rest @ ..] if one.starts_with("mid-") => {
            third = Some(1);
            // "mid-May 2021": the month follows the hyphen.
            let m = one.trim_start_matches("mid-");
            return month_in(p, m, rest, third, false);
        }
        _ => (None, w),
    };
    if head.is_some() {
        third = head;
    }
    let rest = rest.strip_prefix(&["the"]).unwrap_or(rest);
    let [first, rest @ ..] = rest else {
        return None;
    };
    // "early 2021": thirds of a year.
    if let (Some(t), Some(y), []) = (third, year(first), rest) {
        let (m1, m2) = [(1, 4), (5, 8), (9, 12)][usize::from(t)];
        let s = Date::new(y, m1, 1).ok();
        let e = Date::new(y, m2, 1).ok().map(|d| d.last_of_month());
        return Some(
            s.zip(e)
                .map(|(s, e)| on_days(s, e, DatePrecision::Year))
                .ok_or(()),
        );
    }
    if let Some(r) = season(p, first, rest, last) {
        return Some(r);
    }
    month_in(p, first, rest, third, last)
}

/// `name` (a month) in the year `rest` gives, else the latest not after
/// P's month (strictly before with `last`); the `third` of it if given.
fn month_in(p: Date, name: &str, rest: &[&str], third: Option<u8>, last: bool) -> Found {
    let m = month(name)?;
    let y = match rest {
        [] => {
            let before = if last { m < p.month() } else { m <= p.month() };
            if before { p.year() } else { p.year() - 1 }
        }
        [y] | ["of", y] => year(y)?,
        _ => return None,
    };
    let first = Date::new(y, m, 1).ok();
    let r = first.map(|f| match third {
        None => on_days(f, f.last_of_month(), DatePrecision::Month),
        Some(t) => {
            let s = f.with().day(1 + 10 * t as i8).build().unwrap_or(f);
            let e = if t == 2 {
                f.last_of_month()
            } else {
                f.with().day(10 + 10 * t as i8).build().unwrap_or(f)
            };
            on_days(s, e, DatePrecision::Week)
        }
    });
    Some(r.ok_or(()))
}

/// "spring [of] [2021]", "last summer", "winter": three months, the
/// latest that began before publication when no year is given.
fn season(p: Date, name: &str, rest: &[&str], last: bool) -> Found {
    let first_month: i8 = match name {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    };
    let y = match rest {
        [] => {
            let this = Date::new(p.year(), first_month, 1).ok()?;
            let began = if last {
                this.checked_add(3.months()).ok()? <= p
            } else {
                this <= p
            };
            if began { p.year() } else { p.year() - 1 }
        }
        [y] | ["of", y] => year(y)?,
        _ => return None,
    };
    let start = Date::new(y, first_month, 1).ok();
    let end = start
        .and_then(|s| s.checked_add(2.months()).ok())
        .map(|d| d.last_of_month());
    Some(
        start
            .zip(end)
            .map(|(s, e)| on_days(s, e, DatePrecision::Year))
            .ok_or(()),
    )
}
