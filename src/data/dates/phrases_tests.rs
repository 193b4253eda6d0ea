//! One test per rule of `phrases.rs`, each saying why it reads the
//! phrase as it does. Published Monday 19 September 2022 unless noted.

use jiff::civil::date;

use crate::data::dates::resolve;
use crate::data::event::DatePrecision as P;

const MONDAY: jiff::civil::Date = date(2022, 9, 19);

/// Resolves and returns (start, end, precision) as strings.
fn r(published: jiff::civil::Date, phrase: &str) -> (String, String, P) {
    let got = resolve(published, phrase).unwrap_or_else(|e| panic!("{phrase:?}: {e}"));
    (got.start.to_string(), got.end.to_string(), got.precision)
}

fn expect(phrase: &str, start: &str, end: &str, precision: P) {
    assert_eq!(
        r(MONDAY, phrase),
        (start.to_owned(), end.to_owned(), precision),
        "{phrase:?}"
    );
}

#[test]
fn last_weekday_is_strictly_before_publication() {
    // "last Monday" in a Monday article cannot be the day itself.
    expect("last Monday", "2022-09-12", "2022-09-12", P::Day);
    expect("last Wednesday", "2022-09-14", "2022-09-14", P::Day);
    // "on Wednesday" keeps the rule of dates.rs: on or before publication.
    expect("on Wednesday", "2022-09-14", "2022-09-14", P::Day);
}

#[test]
fn parts_of_a_named_day_narrow_it_to_the_clock() {
    // A report's "Friday morning" is that day's morning, not the whole day.
    expect(
        "Friday morning",
        "2022-09-16T05:00",
        "2022-09-16T11:59",
        P::Day,
    );
    expect(
        "late on Thursday",
        "2022-09-15T18:00",
        "2022-09-15T23:59",
        P::Day,
    );
    expect(
        "late Thursday",
        "2022-09-15T18:00",
        "2022-09-15T23:59",
        P::Day,
    );
    expect(
        "early on Friday",
        "2022-09-16T00:00",
        "2022-09-16T08:59",
        P::Day,
    );
    // A night runs into the next morning.
    expect(
        "Thursday night",
        "2022-09-15T21:00",
        "2022-09-16T05:59",
        P::Day,
    );
    expect(
        "on the night of 14 September",
        "2022-09-14T21:00",
        "2022-09-15T05:59",
        P::Day,
    );
    // "overnight into Friday" is the night that ends on Friday.
    expect(
        "overnight into Friday",
        "2022-09-15T21:00",
        "2022-09-16T05:59",
        P::Day,
    );
    expect(
        "in the early hours of Friday",
        "2022-09-16T00:00",
        "2022-09-16T05:59",
        P::Day,
    );
}

#[test]
fn by_a_time_is_that_day_up_to_it() {
    // "By Thursday evening the shooting had stopped": reached that day, by its evening's end.
    expect(
        "by Thursday evening",
        "2022-09-15T00:00",
        "2022-09-15T22:59",
        P::Day,
    );
    expect("by Thursday", "2022-09-15", "2022-09-15", P::Day);
}

#[test]
fn overnight_and_last_night_are_the_night_before_publication() {
    // A report published in the morning tells of the night just gone.
    expect("overnight", "2022-09-18T21:00", "2022-09-19T05:59", P::Day);
    expect("last night", "2022-09-18T21:00", "2022-09-19T05:59", P::Day);
    expect(
        "this morning",
        "2022-09-19T05:00",
        "2022-09-19T11:59",
        P::Day,
    );
}

#[test]
fn clock_times_on_a_day_are_exact() {
    expect(
        "at 4:30 a.m. on Thursday",
        "2022-09-15T04:30",
        "2022-09-15T04:30",
        P::Time,
    );
    expect(
        "Thursday at 16:00",
        "2022-09-15T16:00",
        "2022-09-15T16:00",
        P::Time,
    );
    // "around" is half an hour either way.
    expect(
        "around 5 pm on Thursday",
        "2022-09-15T16:30",
        "2022-09-15T17:30",
        P::Time,
    );
    // Reports use "midnight" loosely: 23:00 to 00:59.
    expect(
        "around midnight",
        "2022-09-18T23:00",
        "2022-09-19T00:59",
        P::Time,
    );
}

#[test]
fn a_bare_clock_time_needs_an_anchor() {
    // "at 5 am" says nothing of the day on its own.
    assert!(resolve(MONDAY, "at 5 am").is_err());
    assert!(resolve(MONDAY, "ten minutes later").is_err());
}

#[test]
fn anchored_phrases_read_against_their_anchor() {
    // Ten minutes after an exact time is ten minutes later.
    expect(
        "at 4:30 a.m. on Thursday > ten minutes later",
        "2022-09-15T04:40",
        "2022-09-15T04:40",
        P::Time,
    );
    // After a whole day it may already be the next day.
    expect(
        "on Thursday > ten minutes later",
        "2022-09-15",
        "2022-09-16",
        P::Days,
    );
    expect(
        "on Thursday > the next day",
        "2022-09-16",
        "2022-09-16",
        P::Day,
    );
    expect(
        "late on Thursday > around midnight",
        "2022-09-15T23:00",
        "2022-09-16T00:59",
        P::Time,
    );
    expect(
        "on Thursday > the following morning",
        "2022-09-16T05:00",
        "2022-09-16T11:59",
        P::Day,
    );
    expect(
        "on Thursday > two days earlier",
        "2022-09-13",
        "2022-09-13",
        P::Day,
    );
    expect(
        "Friday morning > hours later",
        "2022-09-16T06:00",
        "2022-09-16T23:59",
        P::Day,
    );
    expect(
        "on Saturday > that evening",
        "2022-09-17T18:00",
        "2022-09-17T22:59",
        P::Day,
    );
    // Anchors may be any phrase of dates.rs, and `;` still joins.
    expect(
        "on Saturday > the next day; on Monday",
        "2022-09-18",
        "2022-09-19",
        P::Day,
    );
}

#[test]
fn written_dates_take_the_latest_year_not_after_publication() {
    expect("14 September", "2022-09-14", "2022-09-14", P::Day);
    expect("Sept. 14", "2022-09-14", "2022-09-14", P::Day);
    expect(
        "on the 14th of September",
        "2022-09-14",
        "2022-09-14",
        P::Day,
    );
    expect("September 14, 2022", "2022-09-14", "2022-09-14", P::Day);
    expect(
        "Wednesday, 14 September 2022",
        "2022-09-14",
        "2022-09-14",
        P::Day,
    );
    expect("2022-09-14", "2022-09-14", "2022-09-14", P::Day);
    expect("14.09.2022", "2022-09-14", "2022-09-14", P::Day);
    // 25 December has not come yet in September: last year's.
    expect("25 December", "2021-12-25", "2021-12-25", P::Day);
}

#[test]
fn days_counted_back_from_publication() {
    expect("yesterday", "2022-09-18", "2022-09-18", P::Day);
    expect(
        "the day before yesterday",
        "2022-09-17",
        "2022-09-17",
        P::Day,
    );
    expect("three days ago", "2022-09-16", "2022-09-16", P::Day);
    // "A week ago" is loose: three days either way.
    expect("a week ago", "2022-09-09", "2022-09-15", P::Week);
    expect("two months ago", "2022-07-01", "2022-07-31", P::Month);
    expect("a decade ago", "2012-01-01", "2012-12-31", P::Year);
}

#[test]
fn this_week_month_and_year_end_at_publication() {
    // On a Monday "earlier this week" can only be the Monday.
    expect("earlier this week", "2022-09-19", "2022-09-19", P::Week);
    let thursday = date(2022, 9, 22);
    assert_eq!(
        r(thursday, "earlier this week"),
        ("2022-09-19".into(), "2022-09-21".into(), P::Week)
    );
    expect("this week", "2022-09-19", "2022-09-19", P::Week);
    expect("earlier this month", "2022-09-01", "2022-09-18", P::Month);
    expect("last month", "2022-08-01", "2022-08-31", P::Month);
    expect("earlier this year", "2022-01-01", "2022-09-19", P::Year);
    expect("in recent days", "2022-09-12", "2022-09-19", P::Month);
    expect(
        "in the past three days",
        "2022-09-16",
        "2022-09-19",
        P::Days,
    );
    expect("over the past week", "2022-09-12", "2022-09-19", P::Month);
    // "at the weekend" is the British "over the weekend".
    expect("at the weekend", "2022-09-17", "2022-09-18", P::Days);
}

#[test]
fn months_are_the_latest_not_after_publication() {
    expect("in May", "2022-05-01", "2022-05-31", P::Month);
    // In September, "in November" is last November.
    expect("in November", "2021-11-01", "2021-11-30", P::Month);
    // "last September", said in September, is a year ago.
    expect("last September", "2021-09-01", "2021-09-30", P::Month);
    expect("May 2021", "2021-05-01", "2021-05-31", P::Month);
    expect("in May of 2021", "2021-05-01", "2021-05-31", P::Month);
    // Thirds of a month are about ten days: the nearest precision is a week.
    expect("in early May", "2022-05-01", "2022-05-10", P::Week);
    expect("mid-May 2021", "2021-05-11", "2021-05-20", P::Week);
    expect("the end of April", "2022-04-21", "2022-04-30", P::Week);
}

#[test]
fn seasons_and_parts_of_years_are_three_or_four_months() {
    expect("in the spring of 2021", "2021-03-01", "2021-05-31", P::Year);
    expect("last winter", "2021-12-01", "2022-02-28", P::Year);
    expect("in summer", "2022-06-01", "2022-08-31", P::Year);
    expect("early 2021", "2021-01-01", "2021-04-30", P::Year);
    expect("late 2020", "2020-09-01", "2020-12-31", P::Year);
}

#[test]
fn since_runs_to_publication() {
    expect("since Thursday", "2022-09-15", "2022-09-19", P::Days);
    expect("since May 2021", "2021-05-01", "2022-09-19", P::Years);
    // "since 2014" keeps the rule of dates.rs.
    expect("since 2014", "2014-01-01", "2022-09-19", P::Years);
}

#[test]
fn phrases_that_are_not_dates_are_refused() {
    // ("May" alone is the month: the phrase finder decides whether a "may" is one.)
    for phrase in [
        "the next",
        "late",
        "on",
        "thursday at the border",
        "at 25:00 on Friday",
    ] {
        assert!(resolve(MONDAY, phrase).is_err(), "{phrase:?}");
    }
}
