//! How much happens in each time bucket, drawn above the bars.
//!
//! Each event counts once, spread evenly over its dates (see [`Spread`]):
//! short events count where they happen, and years of background add only
//! a thin layer to a week, so the week of the clashes shows its shape
//! instead of a flat band of everything going on. Bins are whole hours,
//! days, weeks… ([`Bins`]): the shortest at least [`MIN_BIN_WIDTH`] points
//! wide, so a few days show hours and months show days.
//! Shares come from the [`Density`] by binary search, without visiting
//! events, and are kept until the range, the width, the events or the
//! filters change.
//!
//! [`Spread`]: super::spread::Spread

use egui::{Color32, Rect, pos2};

use super::axis::Axis;
use super::density::Density;
use crate::data::time::Seconds;

/// The narrowest bin drawn, in points: bins are the shortest stretch of
/// [`STEPS`] at least this wide.
pub const MIN_BIN_WIDTH: f32 = 16.0;

/// The lengths a bin can have, shortest first: hours for a few days, days
/// for months, and so on.
const STEPS: [Seconds; 11] = [
    3_600,
    3 * 3_600,
    6 * 3_600,
    12 * 3_600,
    86_400,
    7 * 86_400,
    30 * 86_400,
    91 * 86_400,
    365 * 86_400,
    10 * 365 * 86_400,
    100 * 365 * 86_400,
];

/// How the histogram counts, for its legend and tooltip.
pub const MEANING: &str = "each event counted once, spread evenly over its dates";
/// How the store counts the histogram it answers a view with.
pub const MEANING_STORED: &str =
    "counted by the database: each event once, in the bar its start falls in";

/// The bins over an axis: whole hours, days, weeks… from `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bins {
    /// The first bin's start, at or before the axis's start, a multiple of
    /// `step` (so hours and days start on the hour and at midnight).
    pub start: Seconds,
    /// Each bin's length.
    pub step: Seconds,
    /// How many bins cover the axis.
    pub count: usize,
}

impl Bins {
    /// The bins for `axis` drawn `width` points wide.
    pub fn fitting(axis: &Axis, width: f32) -> Self {
        let per_second = f64::from(width.max(1.0)) / axis.span().max(1.0);
        let step = STEPS
            .into_iter()
            .find(|&s| s as f64 * per_second >= f64::from(MIN_BIN_WIDTH))
            .unwrap_or(STEPS[STEPS.len() - 1]);
        let start = (axis.from.floor() as Seconds).div_euclid(step) * step;
        let end = axis.to.ceil() as Seconds;
        let count = ((end - start + step - 1) / step).max(1) as usize;
        Self { start, step, count }
    }

    /// The stretch of bin `b`.
    pub fn time(&self, b: usize) -> (Seconds, Seconds) {
        let from = self.start + b as Seconds * self.step;
        (from, from + self.step)
    }

    /// The bin holding time `t`, if any.
    pub fn at(&self, t: Seconds) -> Option<usize> {
        let b = (t - self.start).div_euclid(self.step);
        usize::try_from(b).ok().filter(|&b| b < self.count)
    }
}

/// Shares per bin, remembered with what they were computed for.
#[derive(Clone, Debug, Default)]
pub struct Histogram {
    key: Option<(Bins, u64)>,
    counts: Vec<f32>,
}

impl Histogram {
    /// Recomputes the shares if the bins or the density changed.
    pub fn update(&mut self, bins: Bins, density: &Density) {
        let key = (bins, density.serial);
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.counts = counts(&bins, density);
        self.key = Some(key);
    }

    /// The shares, one per bin from the left.
    pub fn counts(&self) -> &[f32] {
        &self.counts
    }

    /// The bins last counted.
    pub fn bins(&self) -> Option<Bins> {
        self.key.map(|(bins, _)| bins)
    }
}

/// How many events passing the filters fall in each bin, each event spread
/// over its dates.
pub fn counts(bins: &Bins, density: &Density) -> Vec<f32> {
    (0..bins.count)
        .map(|b| {
            let (from, to) = bins.time(b);
            density.spread(from, to) as f32
        })
        .collect()
}

/// Draws the histogram of `bins` on `axis` in `rect`; bins inside the
/// window are `accent`.
pub fn paint(
    painter: &egui::Painter,
    rect: Rect,
    (axis, bins): (&Axis, &Bins),
    counts: &[f32],
    window_x: (f32, f32),
    (accent, faint): (Color32, Color32),
) {
    let max = counts.iter().copied().fold(0.0_f32, f32::max);
    if max <= 0.0 {
        return;
    }
    let x = |t: Seconds| axis.x(t as f64, rect.left(), rect.right());
    for (b, &n) in counts.iter().enumerate() {
        if n <= 0.0 {
            continue;
        }
        let (from, to) = bins.time(b);
        let (x0, x1) = (x(from), x(to));
        let h = ((rect.height() - 2.0) * n / max).max(1.0);
        let inside = x1 > window_x.0 && x0 < window_x.1;
        painter.rect_filled(
            Rect::from_min_max(pos2(x0, rect.bottom() - h), pos2(x1 - 1.0, rect.bottom())),
            0.0,
            if inside { accent } else { faint },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Data;
    use crate::data::time::EventTime;
    use crate::model::event_index::TimeIndex;
    use crate::model::filters::Filters;
    use crate::model::visibility::Visible;

    /// The week of the clashes, one day per bin: the days of fighting
    /// stand out, and the years of background do not flatten them.
    #[test]
    fn the_week_of_the_clashes_shows_its_shape() {
        let data = Data::bundled().unwrap();
        let index = TimeIndex::new(&data);
        let day = 86_400;
        let from = EventTime::parse("2022-09-12").unwrap().first_second();
        let visible = Visible {
            passes: std::sync::Arc::new(vec![true; data.events.len()]),
            ..Visible::default()
        };
        let key = Density::key(
            &data,
            &Filters::default(),
            crate::timeline::rows::Rows::Kind,
        );
        let density = Density::new(&data, &index, &visible, key);
        let axis = Axis {
            from: from as f64,
            to: (from + 8 * day) as f64,
        };
        let c = counts(&Bins::fitting(&axis, 8.0 * MIN_BIN_WIDTH), &density);
        assert_eq!(c.len(), 8, "one bin a day");
        // 12, 13 and 14 September: only long events reach them.
        let quiet = c[0].max(c[1]).max(c[2]);
        // 15–19 September: the fighting, the evacuation, the truce.
        let busy = c[3..=7].iter().copied().fold(f32::INFINITY, f32::min);
        assert!(busy > 3.0 * quiet, "{c:?}");
        // Each event counts once in all: the total is the number of events
        // when the buckets cover all of them.
        let (first, last) = index.span().unwrap();
        let all = Axis {
            from: first as f64,
            to: last as f64,
        };
        let total: f32 = counts(&Bins::fitting(&all, 8000.0), &density).iter().sum();
        assert!((total - data.events.len() as f32).abs() < 0.01, "{total}");
    }
}

#[cfg(test)]
mod bins {
    use super::*;

    fn axis(hours: f64) -> Axis {
        // 2022-09-14 10:20 civil time, not on a bin's edge.
        let from = crate::data::time::EventTime::parse("2022-09-14T10:20")
            .unwrap()
            .first_second() as f64;
        Axis {
            from,
            to: from + hours * 3600.0,
        }
    }

    #[test]
    fn a_few_days_show_hours_and_months_days() {
        let days = Bins::fitting(&axis(3.0 * 24.0), 1200.0);
        assert_eq!(days.step, 3_600);
        assert_eq!(days.start % 3_600, 0);
        let week = Bins::fitting(&axis(7.0 * 24.0), 1200.0);
        assert!(week.step < 86_400, "{week:?}");
        let months = Bins::fitting(&axis(61.0 * 24.0), 1200.0);
        assert_eq!(months.step, 86_400);
        assert_eq!(months.start % 86_400, 0, "from midnight");
        let years = Bins::fitting(&axis(9.0 * 365.0 * 24.0), 1200.0);
        assert!(years.step >= 30 * 86_400, "{years:?}");
    }

    #[test]
    fn the_bins_cover_the_axis() {
        let a = axis(50.0);
        let bins = Bins::fitting(&a, 900.0);
        assert!(bins.start as f64 <= a.from);
        assert!(bins.time(bins.count - 1).1 as f64 >= a.to);
        assert_eq!(bins.at(bins.start), Some(0));
        assert_eq!(bins.at(bins.start - 1), None);
    }
}
