//! The building blocks of the date phrases of `phrases.rs`: days
//! ("Thursday", "last Thursday", "14 September", "Sept. 14, 2022"), parts
//! of a day ("morning", "late on", "overnight"), clock times ("at 4:30
//! a.m.", "around midnight") and offsets ("ten minutes later", "the next
//! day"), each read from lower-case words.

use jiff::ToSpan as _;
use jiff::civil::{Date, DateTime, Weekday};

use crate::data::number_words::{figures_value, word_value};

/// A stretch of one day's clock, in minutes from its midnight; `end` may
/// run past 1440 into the next day (the night), and is inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First minute.
    pub start: i64,
    /// Last minute (inclusive).
    pub end: i64,
    /// Whether it is a clock time ("at 4:30", "around midnight") rather
    /// than a part of the day ("morning").
    pub clock: bool,
}

impl Window {
    const fn part(start: i64, end: i64) -> Self {
        Self {
            start,
            end,
            clock: false,
        }
    }
}

/// Parts of the day and the stretch of the clock each is read as.
/// Morning 05:00–11:59, afternoon 12:00–17:59, evening 18:00–22:59; night
/// and overnight 21:00–05:59 the next day; "late" 18:00–23:59; "early" and
/// "the early hours" 00:00–08:59; dawn 04:00–06:59; dusk 17:00–19:59.
pub fn part_of_day(word: &str) -> Option<Window> {
    Some(match word {
        "morning" => Window::part(5 * 60, 12 * 60 - 1),
        "afternoon" => Window::part(12 * 60, 18 * 60 - 1),
        "evening" => Window::part(18 * 60, 23 * 60 - 1),
        "night" | "overnight" => Window::part(21 * 60, 30 * 60 - 1),
        "late" => Window::part(18 * 60, 24 * 60 - 1),
        "early" => Window::part(0, 9 * 60 - 1),
        "dawn" | "daybreak" => Window::part(4 * 60, 7 * 60 - 1),
        "dusk" | "nightfall" => Window::part(17 * 60, 20 * 60 - 1),
        _ => return None,
    })
}

/// A clock time at the start of `words` ("4:30", "4 a.m.", "16:00",
/// "midnight", "noon"), with any "at", "around", "about", "shortly
/// before/after" in front, and how many words it used. An exact time is
/// that minute; "around" widens it by half an hour each way, "shortly
/// before/after" by half an hour on one side; "midnight" is 23:00–00:59
/// and "noon" 11:30–12:30, which is how loosely reports use them.
pub fn clock(words: &[&str]) -> Option<(Window, usize)> {
    let mut i = 0;
    if words.first() == Some(&"at") {
        i += 1;
    }
    let (before, after) = match words.get(i..i + 2) {
        Some(["around" | "about" | "approximately" | "roughly", ..]) => (30, 30),
        Some(["shortly", "before"]) => (30, 0),
        Some(["shortly", "after"]) => (0, 30),
        _ => (0, 0),
    };
    i += match (before, after) {
        (30, 30) => 1,
        (0, 0) => 0,
        _ => 2,
    };
    match words.get(i).copied()? {
        "midnight" => return Some(clocked((Window::part(23 * 60, 25 * 60 - 1), i + 1))),
        "noon" | "midday" => {
            return Some(clocked((Window::part(11 * 60 + 30, 12 * 60 + 30), i + 1)));
        }
        _ => {}
    }
    let word = words.get(i)?;
    let (digits, glued) = split_meridiem(word);
    let (hour, minute) = match digits.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h.parse::<i64>().ok()?, m.parse::<i64>().ok()?),
        Some(_) => return None,
        None => (digits.parse::<i64>().ok()?, 0),
    };
    let mut used = i + 1;
    let meridiem = glued.or_else(|| {
        let m = words.get(used).and_then(|w| meridiem(w));
        used += usize::from(m.is_some());
        m
    });
    let hour = match meridiem {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        // Without am/pm only the 24-hour form with minutes is a time.
        None if digits.contains(':') && (0..24).contains(&hour) => hour,
        None => return None,
    };
    if !(0..60).contains(&minute) {
        return None;
    }
    let at = hour * 60 + minute;
    let window = Window {
        start: at - before,
        end: at + after,
        clock: true,
    };
    Some((window, used))
}

fn clocked((w, used): (Window, usize)) -> (Window, usize) {
    (Window { clock: true, ..w }, used)
}

/// "4pm" → ("4", Some(true)); "4:30" → ("4:30", None).
fn split_meridiem(word: &str) -> (&str, Option<bool>) {
    for (suffix, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(d) = word.strip_suffix(suffix).filter(|d| !d.is_empty()) {
            return (d, Some(pm));
        }
    }
    (word, None)
}

/// `Some(true)` for "pm" / "p.m.", `Some(false)` for "am" / "a.m.".
fn meridiem(word: &str) -> Option<bool> {
    match word {
        "am" | "a.m." | "a.m" => Some(false),
        "pm" | "p.m." | "p.m" => Some(true),
        _ => None,
    }
}

/// An English weekday name.
pub fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
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

/// The English month names, January first, in lower case.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A month name or its usual abbreviation ("sept.", "sep", "aug."), 1–12.
pub fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.');
    let index = MONTH_NAMES.iter().position(|m| {
        *m == w || (w.len() >= 3 && m.starts_with(w) && (w.len() == 3 || w == "sept"))
    })?;
    i8::try_from(index + 1).ok()
}

/// A day of the month: "14", "14th", "1st".
fn day_number(word: &str) -> Option<i8> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    let d: i8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A four-digit year.
pub fn year(word: &str) -> Option<i16> {
    let w = word.trim_end_matches(['.', ',']);
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        w.parse().ok()
    } else {
        None
    }
}

/// The latest `weekday` on or before `published` (strictly before with
/// `strictly`).
pub fn latest_weekday(published: Date, weekday: Weekday, strictly: bool) -> Option<Date> {
    let mut back =
        (7 + published.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()) % 7;
    if strictly && back == 0 {
        back = 7;
    }
    published.checked_sub(i64::from(back).days()).ok()
}

/// A day named at the start of `words`: "thursday", "last thursday",
/// "14 september", "the 14th of september 2022", "sept. 14, 2022",
/// "thursday, 14 september", "2022-09-14", "14.09.2022". A day without a
/// year is the latest such day on or before publication. Returns the day
/// and the words used.
pub fn day(published: Date, words: &[&str]) -> Option<(Date, usize)> {
    let strip = |w: &str| w.trim_end_matches(',').to_owned();
    let w: Vec<String> = words.iter().take(6).map(|w| strip(w)).collect();
    let get = |i: usize| w.get(i).map(String::as_str);
    if get(0) == Some("last")
        && let Some(wd) = get(1).and_then(weekday)
    {
        return Some((latest_weekday(published, wd, true)?, 2));
    }
    if let Some(wd) = get(0).and_then(weekday) {
        // "Thursday, 15 September": the written date decides.
        if let Some((d, used)) = written(published, &w[1..]) {
            return Some((d, used + 1));
        }
        return Some((latest_weekday(published, wd, false)?, 1));
    }
    if let Some(one) = get(0) {
        if let Ok(d) = one.parse::<Date>() {
            return Some((d, 1));
        }
        let parts: Vec<&str> = one.split('.').collect();
        if let [d, m, y] = parts[..]
            && d.len() <= 2
            && m.len() <= 2
            && let (Some(d), Ok(m), Some(y)) = (day_number(d), m.parse::<i8>(), year(y))
        {
            return Some((Date::new(y, m, d).ok()?, 1));
        }
    }
    written(published, &w)
}

/// "14 september [2022]", "the 14th of september", "september 14[, 2022]".
fn written(published: Date, w: &[String]) -> Option<(Date, usize)> {
    let get = |i: usize| w.get(i).map(String::as_str);
    let mut i = usize::from(get(0) == Some("the"));
    let (d, m) = if let Some(d) = get(i).and_then(day_number) {
        i += 1;
        i += usize::from(get(i) == Some("of"));
        let m = get(i).and_then(month)?;
        (d, m)
    } else {
        let m = get(i).and_then(month)?;
        i += 1;
        let d = get(i).and_then(day_number)?;
        (d, m)
    };
    i += 1;
    if let Some(y) = get(i).and_then(year) {
        return Some((Date::new(y, m, d).ok()?, i + 1));
    }
    let this_year = Date::new(published.year(), m, d).ok();
    let date = match this_year {
        Some(date) if date <= published => date,
        _ => Date::new(published.year() - 1, m, d).ok()?,
    };
    Some((date, i))
}

/// An offset in minutes, as a range, at the start of `words`: "ten
/// minutes later", "an hour later", "hours later" (1–12 hours), "minutes
/// later" (1–59 minutes), "two days later", "days later" (2–6 days), "a
/// week later", "the next day", "the following morning" (with its part of
/// the day), "two days earlier", "the day before", "the previous day".
/// Returns the range and, for "the next morning", the part of the day.
pub fn offset(words: &[&str]) -> Option<((i64, i64), Option<Window>)> {
    const DAY: i64 = 1440;
    match words {
        ["the", "next" | "following", unit] | ["a", unit, "later"] => {
            let minutes = unit_minutes(unit).map(|m| (m, None));
            return minutes
                .or_else(|| part_of_day(unit).map(|w| (DAY, Some(w))))
                .map(|(m, w)| ((m, m), w));
        }
        ["the", "day", "after"] => return Some(((DAY, DAY), None)),
        ["the", "previous", "day"] | ["the", "day", "before"] => {
            return Some(((-DAY, -DAY), None));
        }
        ["minutes", "later"] => return Some(((1, 59), None)),
        ["hours", "later"] => return Some(((60, 12 * 60), None)),
        ["days", "later"] => return Some(((2 * DAY, 6 * DAY), None)),
        _ => {}
    }
    let [n, unit, direction] = words else {
        return None;
    };
    let n = match *n {
        "a" | "an" => 1,
        other => figures_value(other)
            .map(|v| v as u64)
            .or_else(|| word_value(other))?,
    };
    let minutes = i64::try_from(n).ok()? * unit_minutes(unit.trim_end_matches('s'))?;
    match *direction {
        "later" | "after" => Some(((minutes, minutes), None)),
        "earlier" | "before" => Some(((-minutes, -minutes), None)),
        _ => None,
    }
}

/// Minutes in a unit of time.
fn unit_minutes(unit: &str) -> Option<i64> {
    Some(match unit {
        "minute" => 1,
        "hour" => 60,
        "day" => 1440,
        "week" => 7 * 1440,
        _ => return None,
    })
}

/// `date` at `minute` minutes past its midnight (which may be past 1440).
pub fn at_minute(date: Date, minute: i64) -> Option<DateTime> {
    date.to_datetime(jiff::civil::Time::midnight())
        .checked_add(jiff::SignedDuration::from_mins(minute))
        .ok()
}
