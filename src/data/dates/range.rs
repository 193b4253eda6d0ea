//! What a resolved date phrase is, why a phrase may not resolve, and the
//! small calendar steps every set of date rules shares.

use jiff::ToSpan as _;
use jiff::civil::Date;

use crate::data::event::DatePrecision;
use crate::data::time::EventTime;

/// The inclusive range a phrase stands for, and how exact it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResolvedDate {
    /// First day (inclusive).
    pub start: EventTime,
    /// Last day (inclusive).
    pub end: EventTime,
    /// How exactly the phrase dates things.
    pub precision: DatePrecision,
}

/// Why a phrase could not be resolved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// No rule covers the phrase.
    #[error("no date rule for the phrase {0:?}; add one to src/data/dates.rs or reword date_text")]
    Unknown(String),
    /// The phrase resolves outside the calendar's range.
    #[error("the phrase {phrase:?} resolves outside the calendar: {reason}")]
    OutOfRange {
        /// The phrase.
        phrase: String,
        /// What the calendar said.
        reason: String,
    },
}

/// A result, or a date outside the calendar.
pub(super) type Found = Option<Result<ResolvedDate, ()>>;

/// The precision a range of whole days has: one day `day`, up to six
/// `days`, seven `week`, up to 31 `month`, up to 366 `year`, else `years`.
pub fn precision_of(start: Date, end: Date) -> DatePrecision {
    let days = (end - start).get_days() + 1;
    match days {
        ..=1 => DatePrecision::Day,
        2..=6 => DatePrecision::Days,
        7 => DatePrecision::Week,
        8..=31 => DatePrecision::Month,
        32..=366 => DatePrecision::Year,
        _ => DatePrecision::Years,
    }
}

/// Whole days from `start` to `end`, at `precision`.
pub(super) fn on_days(start: Date, end: Date, precision: DatePrecision) -> ResolvedDate {
    ResolvedDate {
        start: EventTime::Date(start),
        end: EventTime::Date(end),
        precision,
    }
}

/// `d` moved by `n` days, if the calendar reaches that far.
pub(super) fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}
