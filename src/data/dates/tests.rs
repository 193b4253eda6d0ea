//! One test per phrase rule of `dates::resolve`.

use super::*;
use jiff::civil::date;

/// The bundled article's publication day, a Monday.
const PUBLISHED: Date = date(2022, 9, 19);

/// Resolves against the bundled article's date and returns ISO strings.
fn r(phrase: &str) -> (String, String, DatePrecision) {
    let got = resolve(PUBLISHED, phrase).unwrap();
    (got.start.to_string(), got.end.to_string(), got.precision)
}

fn expect(phrase: &str, start: &str, end: &str, precision: DatePrecision) {
    assert_eq!(
        r(phrase),
        (start.to_owned(), end.to_owned(), precision),
        "phrase {phrase:?}"
    );
}

/// "Late" is the end of the working week: Saturday is "the weekend" as much
/// as Sunday is, and the article names the weekend on its own, so "late last
/// week" stops at Friday and joined with a weekend phrase runs to Sunday.
#[test]
fn late_last_week_is_thursday_and_friday_leaving_the_weekend_to_its_own_words() {
    expect(
        "late last week",
        "2022-09-15",
        "2022-09-16",
        DatePrecision::Days,
    );
    let weekend = r("last weekend");
    assert!(weekend.0.as_str() > "2022-09-16", "{weekend:?}");
    expect(
        "late last week; this past weekend",
        "2022-09-15",
        "2022-09-18",
        DatePrecision::Days,
    );
}

#[test]
fn last_week_is_the_previous_iso_week() {
    expect("last week", "2022-09-12", "2022-09-18", DatePrecision::Week);
}

#[test]
fn weekend_phrases_on_a_monday_are_the_weekend_just_gone() {
    for phrase in [
        "over the weekend",
        "this weekend",
        "This weekend",
        "this past weekend",
        "last weekend",
        "last weekend\u{2019}s",
        "the weekend",
    ] {
        expect(phrase, "2022-09-17", "2022-09-18", DatePrecision::Days);
    }
}

#[test]
fn weekend_phrases_on_a_weekend_day() {
    let sunday = date(2022, 9, 18);
    let this = resolve(sunday, "this weekend").unwrap();
    assert_eq!(this.start, EventTime::Date(date(2022, 9, 17)));
    let last = resolve(sunday, "last weekend").unwrap();
    assert_eq!(last.start, EventTime::Date(date(2022, 9, 10)));
    assert_eq!(last.end, EventTime::Date(date(2022, 9, 11)));
    let saturday = date(2022, 9, 17);
    let this = resolve(saturday, "over the weekend").unwrap();
    assert_eq!(this.end, EventTime::Date(date(2022, 9, 18)));
    let last = resolve(saturday, "last weekend").unwrap();
    assert_eq!(last.start, EventTime::Date(date(2022, 9, 10)));
}

#[test]
fn weekdays_are_the_latest_on_or_before_publication() {
    expect(
        "on Saturday",
        "2022-09-17",
        "2022-09-17",
        DatePrecision::Day,
    );
    expect("on Sunday", "2022-09-18", "2022-09-18", DatePrecision::Day);
    expect("On Monday", "2022-09-19", "2022-09-19", DatePrecision::Day);
    expect("Friday", "2022-09-16", "2022-09-16", DatePrecision::Day);
    expect("on Tuesday", "2022-09-13", "2022-09-13", DatePrecision::Day);
}

#[test]
fn present_states_are_the_publication_day() {
    expect("now", "2022-09-19", "2022-09-19", DatePrecision::Day);
    expect(
        "appears to be holding",
        "2022-09-19",
        "2022-09-19",
        DatePrecision::Day,
    );
}

#[test]
fn standing_accounts_run_from_the_crisis_to_publication() {
    for phrase in [
        "insists",
        "maintains",
        "each accuse",
        "continue to accuse",
        "appear to show",
    ] {
        expect(phrase, "2022-09-15", "2022-09-19", DatePrecision::Days);
    }
}

/// "Several days" is how long something lasted, not when it began: the days
/// of the crisis up to publication. An account of the fighting "over the
/// course of several days" must not start before the fighting ("late last
/// week") does.
#[test]
fn several_days_is_a_duration_inside_the_crisis() {
    for phrase in [
        "several days",
        "over the course of several days",
        "After several days",
    ] {
        expect(phrase, "2022-09-15", "2022-09-18", DatePrecision::Days);
        assert_eq!(
            resolve(PUBLISHED, phrase).unwrap().start,
            resolve(PUBLISHED, "late last week").unwrap().start,
            "{phrase:?}"
        );
    }
    // Published later in the week, the run is longer and its precision
    // coarser: Tuesday 20 Sep gives Thu 15 – Mon 19 (five days), Sunday
    // 18 Sep gives Thu 8 – Sat 17 (ten days).
    let tuesday = resolve(date(2022, 9, 20), "several days").unwrap();
    assert_eq!(
        (tuesday.start, tuesday.end, tuesday.precision),
        (
            EventTime::Date(date(2022, 9, 15)),
            EventTime::Date(date(2022, 9, 19)),
            DatePrecision::Days
        )
    );
    let sunday = resolve(date(2022, 9, 18), "several days").unwrap();
    assert_eq!(
        (sunday.start, sunday.end, sunday.precision),
        (
            EventTime::Date(date(2022, 9, 8)),
            EventTime::Date(date(2022, 9, 17)),
            DatePrecision::Month
        )
    );
}

#[test]
fn a_few_weeks_prior_counts_back_from_the_crisis() {
    expect(
        "a few weeks prior",
        "2022-08-18",
        "2022-09-01",
        DatePrecision::Month,
    );
    expect(
        "A few weeks prior to the present crisis",
        "2022-08-18",
        "2022-09-01",
        DatePrecision::Month,
    );
}

#[test]
fn just_is_the_two_weeks_to_publication() {
    for phrase in ["just appointed", "just released", "just labeled"] {
        expect(phrase, "2022-09-05", "2022-09-19", DatePrecision::Month);
    }
}

#[test]
fn recent_is_the_month_to_publication() {
    expect(
        "a recent meeting",
        "2022-08-20",
        "2022-09-19",
        DatePrecision::Month,
    );
}

#[test]
fn month_of_last_year() {
    expect(
        "May of last year",
        "2021-05-01",
        "2021-05-31",
        DatePrecision::Month,
    );
    expect(
        "In May of last year",
        "2021-05-01",
        "2021-05-31",
        DatePrecision::Month,
    );
    expect(
        "February last year",
        "2021-02-01",
        "2021-02-28",
        DatePrecision::Month,
    );
    expect("last year", "2021-01-01", "2021-12-31", DatePrecision::Year);
}

#[test]
fn years_decades_and_since() {
    expect(
        "since 2014",
        "2014-01-01",
        "2022-09-19",
        DatePrecision::Years,
    );
    expect(
        "Since 2014",
        "2014-01-01",
        "2022-09-19",
        DatePrecision::Years,
    );
    expect("in 1991", "1991-01-01", "1991-12-31", DatePrecision::Year);
    expect("1917", "1917-01-01", "1917-12-31", DatePrecision::Year);
    expect(
        "in the 1920s",
        "1920-01-01",
        "1929-12-31",
        DatePrecision::Years,
    );
    expect(
        "the 1950s",
        "1950-01-01",
        "1959-12-31",
        DatePrecision::Years,
    );
}

#[test]
fn soviet_period() {
    expect(
        "During the Soviet period",
        "1922-01-01",
        "1991-12-31",
        DatePrecision::Years,
    );
}

#[test]
fn joined_phrases_take_the_hull_and_coarsest_precision() {
    expect(
        "late last week; last weekend\u{2019}s",
        "2022-09-15",
        "2022-09-18",
        DatePrecision::Days,
    );
    expect(
        "On Monday; several days",
        "2022-09-15",
        "2022-09-19",
        DatePrecision::Days,
    );
}

#[test]
fn unknown_phrases_are_errors() {
    for phrase in [
        "",
        "soon",
        "in 199",
        "the 1955s",
        "in Mayo of last year",
        "on Funday",
    ] {
        assert!(
            matches!(resolve(PUBLISHED, phrase), Err(DateError::Unknown(_))),
            "{phrase:?} should not resolve"
        );
    }
}

#[test]
fn out_of_calendar_is_an_error_not_a_panic() {
    let got = resolve(date(-9999, 1, 3), "late last week");
    assert!(matches!(got, Err(DateError::OutOfRange { .. })), "{got:?}");
}
