//! A window of whole days split into the whole years, whole months and
//! loose days it holds, each counted from the summary kept at that grain.

use jiff::ToSpan as _;
use jiff::civil::Date;

/// Two days, inclusive (or a first month and one past the last).
pub type DayRange = (Date, Date);

/// The whole months between two days (first month, one past the last) and
/// the runs of days before and after them (or the whole range, if no
/// month fits), inclusive.
pub fn split_months(first: Date, last: Date) -> (Option<DayRange>, Vec<DayRange>) {
    let end = last.tomorrow().unwrap_or(last);
    let month_start = |d: Date| d.first_of_month();
    let m0 = if first.day() == 1 {
        first
    } else {
        month_start(first).checked_add(1.month()).unwrap_or(first)
    };
    let m1 = month_start(end);
    if m0 >= m1 {
        return (None, vec![(first, last)]);
    }
    let mut ends = Vec::new();
    if first < m0 {
        ends.push((first, m0.yesterday().unwrap_or(m0)));
    }
    if m1 < end {
        ends.push((m1, last));
    }
    (Some((m0, m1)), ends)
}

/// A window's days as the summaries count them: the whole years in it
/// (first, one past the last), the whole months around them (each run:
/// first, one past the last) and the days left at its ends (inclusive).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Split {
    /// Whole years, counted from the yearly summary.
    pub years: Option<DayRange>,
    /// Whole months, from the monthly summary.
    pub months: Vec<DayRange>,
    /// The days left, from the daily summary or the events.
    pub days: Vec<DayRange>,
}

/// Splits the days from `first` to `last` (inclusive) into whole years,
/// whole months and days.
pub fn split_window(first: Date, last: Date) -> Split {
    let end = last.tomorrow().unwrap_or(last);
    let year_start = |d: Date| Date::new(d.year(), 1, 1).unwrap_or(d);
    let y0 = if first.day_of_year() == 1 {
        first
    } else {
        year_start(first).checked_add(1.year()).unwrap_or(first)
    };
    let y1 = year_start(end);
    let mut split = Split::default();
    let mut rest = vec![(first, last)];
    if y0 < y1 {
        split.years = Some((y0, y1));
        rest.clear();
        if first < y0 {
            rest.push((first, y0.yesterday().unwrap_or(y0)));
        }
        if y1 < end {
            rest.push((y1, last));
        }
    }
    for (a, b) in rest {
        let (months, days) = split_months(a, b);
        split.months.extend(months);
        split.days.extend(days);
    }
    split
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_long_window_splits_into_years_months_and_days() {
        let split = split_window(date(2019, 11, 20), date(2022, 2, 3));
        assert_eq!(split.years, Some((date(2020, 1, 1), date(2022, 1, 1))));
        assert_eq!(
            split.months,
            [
                (date(2019, 12, 1), date(2020, 1, 1)),
                (date(2022, 1, 1), date(2022, 2, 1))
            ]
        );
        assert_eq!(
            split.days,
            [
                (date(2019, 11, 20), date(2019, 11, 30)),
                (date(2022, 2, 1), date(2022, 2, 3))
            ]
        );
        let whole = split_window(date(2000, 1, 1), date(2024, 12, 31));
        assert_eq!(whole.years, Some((date(2000, 1, 1), date(2025, 1, 1))));
        assert!(whole.months.is_empty() && whole.days.is_empty());
        let short = split_window(date(2022, 9, 14), date(2022, 9, 20));
        assert_eq!(short.years, None);
        assert!(short.months.is_empty());
        assert_eq!(short.days, [(date(2022, 9, 14), date(2022, 9, 20))]);
    }

    #[test]
    fn a_window_splits_into_whole_months_and_end_days() {
        let (months, ends) = split_months(date(2022, 9, 14), date(2022, 12, 3));
        assert_eq!(months, Some((date(2022, 10, 1), date(2022, 12, 1))));
        assert_eq!(
            ends,
            [
                (date(2022, 9, 14), date(2022, 9, 30)),
                (date(2022, 12, 1), date(2022, 12, 3))
            ]
        );
        let (months, ends) = split_months(date(2022, 9, 1), date(2022, 9, 30));
        assert_eq!(months, Some((date(2022, 9, 1), date(2022, 10, 1))));
        assert!(ends.is_empty());
        let (months, ends) = split_months(date(2022, 9, 14), date(2022, 9, 20));
        assert_eq!(months, None);
        assert_eq!(ends, [(date(2022, 9, 14), date(2022, 9, 20))]);
    }
}
