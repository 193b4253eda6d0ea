//! The time axis: the visible time range, its mapping to screen x, zooming
//! and panning, and calendar ticks whose labels never overlap.

use jiff::ToSpan as _;
use jiff::civil::{Date, DateTime};

use crate::data::time::{Seconds, from_seconds, to_seconds};

/// Shortest visible range: two hours.
pub const MIN_SPAN: f64 = 2.0 * 3600.0;
/// Longest visible range: 150 years.
pub const MAX_SPAN: f64 = 150.0 * 365.25 * 86_400.0;
/// Estimated width of one label character in points (12 pt proportional text).
const CHAR_WIDTH: f32 = 7.5;
/// Free space kept between two labels, in points.
const LABEL_GAP: f32 = 14.0;

/// A time as the scrubbing tooltip shows it.
pub fn stamp(t: Seconds) -> String {
    from_seconds(t).strftime("%a %-d %b %Y, %H:%M").to_string()
}

/// The visible time range `[from, to)` in seconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// First visible second.
    pub from: f64,
    /// One past the last visible second.
    pub to: f64,
}

impl Axis {
    /// A range around `[from, to)` with a margin of 4 % on both sides.
    pub fn around(from: Seconds, to: Seconds) -> Self {
        let pad = ((to - from) as f64 * 0.04).max(1800.0);
        Self::clamped(from as f64 - pad, to as f64 + pad)
    }

    /// The range `[from, to)` with its length kept within the zoom limits.
    pub fn clamped(from: f64, to: f64) -> Self {
        let mid = (from + to) / 2.0;
        let half = ((to - from).clamp(MIN_SPAN, MAX_SPAN)) / 2.0;
        Self {
            from: mid - half,
            to: mid + half,
        }
    }

    /// Length in seconds.
    pub fn span(&self) -> f64 {
        self.to - self.from
    }

    /// Screen x of time `t` on a strip from `x0` to `x1`.
    pub fn x(&self, t: f64, x0: f32, x1: f32) -> f32 {
        x0 + ((t - self.from) / self.span()) as f32 * (x1 - x0)
    }

    /// Time at screen x on a strip from `x0` to `x1`.
    pub fn t(&self, x: f32, x0: f32, x1: f32) -> f64 {
        self.from + f64::from((x - x0) / (x1 - x0).max(1.0)) * self.span()
    }

    /// Zooms by `factor` (> 1 zooms in) keeping time `at` under the pointer.
    pub fn zoom(&self, factor: f64, at: f64) -> Self {
        let span = (self.span() / factor).clamp(MIN_SPAN, MAX_SPAN);
        let frac = (at - self.from) / self.span();
        Self {
            from: at - frac * span,
            to: at - frac * span + span,
        }
    }

    /// Shifted by `dt` seconds.
    pub fn shifted(&self, dt: f64) -> Self {
        Self {
            from: self.from + dt,
            to: self.to + dt,
        }
    }
}

/// A calendar step between ticks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    Hours(i64),
    Days(i64),
    Weeks(i64),
    Months(i32),
    Years(i32),
}

/// Candidate steps from fine to coarse.
const STEPS: &[Step] = &[
    Step::Hours(1),
    Step::Hours(2),
    Step::Hours(3),
    Step::Hours(6),
    Step::Hours(12),
    Step::Days(1),
    Step::Days(2),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
];

impl Step {
    /// Typical length in seconds.
    fn approx_seconds(self) -> f64 {
        match self {
            Self::Hours(n) => n as f64 * 3600.0,
            Self::Days(n) => n as f64 * 86_400.0,
            Self::Weeks(n) => n as f64 * 7.0 * 86_400.0,
            Self::Months(n) => f64::from(n) * 30.44 * 86_400.0,
            Self::Years(n) => f64::from(n) * 365.25 * 86_400.0,
        }
    }

    /// Longest label this step produces, in characters.
    fn label_chars(self) -> usize {
        match self {
            Self::Hours(_) => "16 Sep 00:00".len(),
            Self::Days(_) | Self::Weeks(_) => "16 Sep".len(),
            Self::Months(_) => "Sep 2022".len(),
            Self::Years(_) => "2022".len(),
        }
    }

    /// The first tick at or before `t`.
    fn floor(self, t: DateTime) -> DateTime {
        let day = t.date();
        let midnight = |d: Date| d.to_datetime(jiff::civil::Time::midnight());
        match self {
            Self::Hours(n) => {
                let h = i64::from(t.hour());
                midnight(day) + ((h - h % n) as i32).hours()
            }
            Self::Days(n) => {
                let days = day
                    .since(Date::constant(1970, 1, 1))
                    .map_or(0, |s| s.get_days());
                let back = i64::from(days).rem_euclid(n);
                midnight(day) - (back as i32).days()
            }
            Self::Weeks(_) => {
                let back = i32::from(day.weekday().to_monday_zero_offset());
                midnight(day) - back.days()
            }
            Self::Months(n) => {
                let m = i32::from(day.month()) - 1;
                let start = Date::new(day.year(), (m - m % n + 1) as i8, 1).unwrap_or(day);
                midnight(start)
            }
            Self::Years(n) => {
                let y = i32::from(day.year());
                let y = y - y.rem_euclid(n);
                midnight(Date::new(y as i16, 1, 1).unwrap_or(day))
            }
        }
    }

    /// The tick after `t`.
    fn next(self, t: DateTime) -> Option<DateTime> {
        match self {
            Self::Hours(n) => t.checked_add((n as i32).hours()).ok(),
            Self::Days(n) => t.checked_add((n as i32).days()).ok(),
            Self::Weeks(n) => t.checked_add((n as i32).weeks()).ok(),
            Self::Months(n) => t.checked_add(n.months()).ok(),
            Self::Years(n) => t.checked_add(n.years()).ok(),
        }
    }

    /// The label of tick `t`.
    fn label(self, t: DateTime) -> String {
        match self {
            Self::Hours(_) if t.hour() == 0 => t.strftime("%-d %b 00:00").to_string(),
            Self::Hours(_) => t.strftime("%H:%M").to_string(),
            Self::Days(_) | Self::Weeks(_) => t.strftime("%-d %b").to_string(),
            Self::Months(_) => t.strftime("%b %Y").to_string(),
            Self::Years(_) => t.strftime("%Y").to_string(),
        }
    }
}

/// One tick of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Its time.
    pub t: Seconds,
    /// Its label.
    pub label: String,
}

/// Estimated width of a label in points.
pub fn label_width(label: &str) -> f32 {
    label.chars().count() as f32 * CHAR_WIDTH
}

/// Ticks for `axis` drawn `width` points wide: the finest calendar step whose
/// labels fit with a gap between them.
pub fn ticks(axis: &Axis, width: f32) -> Vec<Tick> {
    let per_second = f64::from(width.max(1.0)) / axis.span();
    let step = STEPS
        .iter()
        .copied()
        .find(|s| {
            // Months and years vary in length: use the shortest (28 d, 365 d).
            let shortest = s.approx_seconds() * 0.92;
            (shortest * per_second) as f32 >= label_width(&"0".repeat(s.label_chars())) + LABEL_GAP
        })
        .unwrap_or(Step::Years(50));
    let mut out = Vec::new();
    let mut t = step.floor(from_seconds(axis.from.floor() as Seconds));
    while to_seconds(t) as f64 <= axis.to {
        if to_seconds(t) as f64 >= axis.from {
            out.push(Tick {
                t: to_seconds(t),
                label: step.label(t),
            });
        }
        match step.next(t) {
            Some(n) => t = n,
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> f64 {
        crate::data::time::EventTime::parse(s)
            .unwrap()
            .first_second() as f64
    }

    #[test]
    fn labels_never_overlap_at_any_zoom() {
        let width = 1200.0;
        let centre = day("2022-09-16");
        for span in [
            MIN_SPAN,
            6.0 * 3600.0,
            86_400.0,
            7.0 * 86_400.0,
            60.0 * 86_400.0,
            400.0 * 86_400.0,
            9.0 * 365.0 * 86_400.0,
            40.0 * 365.0 * 86_400.0,
            MAX_SPAN,
        ] {
            let axis = Axis::clamped(centre - span / 2.0, centre + span / 2.0);
            let ticks = ticks(&axis, width);
            assert!(ticks.len() >= 2, "span {span}: {ticks:?}");
            for w in ticks.windows(2) {
                let x0 = axis.x(w[0].t as f64, 0.0, width);
                let x1 = axis.x(w[1].t as f64, 0.0, width);
                let room = x1 - x0;
                let need = (label_width(&w[0].label) + label_width(&w[1].label)) / 2.0;
                assert!(
                    room >= need,
                    "span {span}: {:?} and {:?} overlap",
                    w[0],
                    w[1]
                );
            }
        }
    }

    #[test]
    fn week_shows_days_and_day_shows_hours() {
        let axis = Axis::around(day("2022-09-12") as Seconds, day("2022-09-20") as Seconds);
        let labels: Vec<String> = ticks(&axis, 1200.0).into_iter().map(|t| t.label).collect();
        assert!(labels.contains(&"16 Sep".to_owned()), "{labels:?}");
        let axis = Axis::clamped(day("2022-09-16"), day("2022-09-17"));
        let labels: Vec<String> = ticks(&axis, 1200.0).into_iter().map(|t| t.label).collect();
        assert!(labels.contains(&"06:00".to_owned()), "{labels:?}");
    }

    #[test]
    fn zoom_keeps_pointer_time() {
        let axis = Axis::clamped(0.0, 1_000_000.0);
        let z = axis.zoom(2.0, 250_000.0);
        assert!((z.span() - 500_000.0).abs() < 1e-6);
        assert!((z.t(0.25, 0.0, 1.0) - 250_000.0).abs() < 1e-3);
    }
}
