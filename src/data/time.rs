//! Points in time as the sources give them: a date, or a date and time.
//!
//! All times are civil (wall-clock) times of the region; the timeline works
//! in seconds since 1970-01-01T00:00 on that civil clock.

use jiff::civil::{Date, DateTime};

/// Seconds since 1970-01-01T00:00 civil time, the timeline's unit.
pub type Seconds = i64;

/// A date, or a date with a time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventTime {
    /// A whole day.
    Date(Date),
    /// A moment.
    DateTime(DateTime),
}

impl EventTime {
    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`.
    pub fn parse(text: &str) -> Result<Self, jiff::Error> {
        if text.len() <= 10 {
            text.parse::<Date>().map(Self::Date)
        } else {
            text.parse::<DateTime>().map(Self::DateTime)
        }
    }

    /// The calendar day it falls on.
    pub fn date(&self) -> Date {
        match self {
            Self::Date(d) => *d,
            Self::DateTime(dt) => dt.date(),
        }
    }

    /// The first second it covers.
    pub fn first_second(&self) -> Seconds {
        match self {
            Self::Date(d) => to_seconds(d.to_datetime(jiff::civil::Time::midnight())),
            Self::DateTime(dt) => to_seconds(*dt),
        }
    }

    /// One past the last second it covers (a whole day for a date).
    pub fn end_exclusive(&self) -> Seconds {
        match self {
            Self::Date(_) => self.first_second() + 86_400,
            Self::DateTime(dt) => to_seconds(*dt) + 1,
        }
    }
}

impl std::fmt::Display for EventTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Date(d) => write!(f, "{d}"),
            Self::DateTime(dt) => write!(f, "{}", dt.strftime("%Y-%m-%dT%H:%M")),
        }
    }
}

/// Seconds since 1970-01-01T00:00 of a civil date-time.
pub fn to_seconds(dt: DateTime) -> Seconds {
    let epoch = DateTime::constant(1970, 1, 1, 0, 0, 0, 0);
    let span = dt.duration_since(epoch);
    span.as_secs()
}

/// The civil date-time of a timeline second (saturating at jiff's range).
pub fn from_seconds(s: Seconds) -> DateTime {
    let epoch = DateTime::constant(1970, 1, 1, 0, 0, 0, 0);
    epoch
        .checked_add(jiff::SignedDuration::from_secs(s))
        .unwrap_or(if s < 0 { DateTime::MIN } else { DateTime::MAX })
}

/// Whether a timeline second falls within the calendar (years −9999 to
/// 9999); a saved or typed time outside it is not used.
pub fn in_calendar(s: Seconds) -> bool {
    let epoch = DateTime::constant(1970, 1, 1, 0, 0, 0, 0);
    epoch
        .checked_add(jiff::SignedDuration::from_secs(s))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_covers_whole_day() {
        let t = EventTime::parse("2022-09-16").unwrap();
        assert_eq!(t.end_exclusive() - t.first_second(), 86_400);
        assert_eq!(from_seconds(t.first_second()).date(), t.date());
    }

    #[test]
    fn calendar_bounds_times() {
        assert!(in_calendar(0) && in_calendar(-60_000_000_000));
        assert!(!in_calendar(i64::MAX) && !in_calendar(i64::MIN));
    }

    #[test]
    fn datetime_parses() {
        let t = EventTime::parse("2022-09-16T04:50").unwrap();
        assert_eq!(t.to_string(), "2022-09-16T04:50");
    }
}
