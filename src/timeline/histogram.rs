//! How much happens in each time bucket, drawn above the bars.
//!
//! Each event counts once, spread evenly over its dates (see [`Spread`]):
//! short events count where they happen, and years of background add only
//! a thin layer to a week, so the week of the clashes shows its shape
//! instead of a flat band of everything going on. Buckets are a fixed
//! number of points wide, so they get shorter in time as the user zooms in.
//! Shares come from the [`Density`] by binary search, without visiting
//! events, and are kept until the range, the width, the events or the
//! filters change.
//!
//! [`Spread`]: super::spread::Spread

use egui::{Color32, Rect, pos2};

use super::axis::Axis;
use super::density::Density;
use crate::data::time::Seconds;

/// Width of one bucket in points.
pub const BUCKET_WIDTH: f32 = 5.0;

/// How the histogram counts, for its legend and tooltip.
pub const MEANING: &str = "each event counted once, spread evenly over its dates";

/// Shares per bucket, remembered with what they were computed for.
#[derive(Clone, Debug, Default)]
pub struct Histogram {
    key: Option<(u64, u64, usize, u64)>,
    counts: Vec<f32>,
}

impl Histogram {
    /// Recomputes the shares if the axis, bucket count or density changed.
    pub fn update(&mut self, axis: &Axis, buckets: usize, density: &Density) {
        let key = (
            axis.from.to_bits(),
            axis.to.to_bits(),
            buckets,
            density.serial,
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.counts = counts(axis, buckets, density);
        self.key = Some(key);
    }

    /// The shares, one per bucket from the left.
    pub fn counts(&self) -> &[f32] {
        &self.counts
    }
}

/// The time of bucket `b` of `buckets` equal parts of the axis range.
pub fn bucket_time(axis: &Axis, buckets: usize, b: usize) -> (Seconds, Seconds) {
    let width = axis.span() / buckets.max(1) as f64;
    let from = (axis.from + b as f64 * width).floor() as Seconds;
    let to = (axis.from + (b + 1) as f64 * width).floor() as Seconds;
    (from, to.max(from + 1))
}

/// How many events passing the filters fall in each of `buckets` equal
/// parts of the axis range, each event spread over its dates.
pub fn counts(axis: &Axis, buckets: usize, density: &Density) -> Vec<f32> {
    let buckets = buckets.max(1);
    (0..buckets)
        .map(|b| {
            let (from, to) = bucket_time(axis, buckets, b);
            density.spread(from, to) as f32
        })
        .collect()
}

/// Draws the histogram in `rect`; buckets inside the window are `accent`.
pub fn paint(
    painter: &egui::Painter,
    rect: Rect,
    counts: &[f32],
    window_x: (f32, f32),
    accent: Color32,
    faint: Color32,
) {
    let max = counts.iter().copied().fold(0.0_f32, f32::max);
    if max <= 0.0 {
        return;
    }
    let w = rect.width() / counts.len().max(1) as f32;
    for (b, &n) in counts.iter().enumerate() {
        if n <= 0.0 {
            continue;
        }
        let x0 = rect.left() + b as f32 * w;
        let h = ((rect.height() - 2.0) * n / max).max(1.0);
        let inside = x0 + w > window_x.0 && x0 < window_x.1;
        painter.rect_filled(
            Rect::from_min_max(
                pos2(x0, rect.bottom() - h),
                pos2(x0 + w - 1.0, rect.bottom()),
            ),
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

    /// The week of the clashes, one day per bucket: the days of fighting
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
        let c = counts(&axis, 8, &density);
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
        let total: f32 = counts(&all, 500, &density).iter().sum();
        assert!((total - data.events.len() as f32).abs() < 0.01, "{total}");
    }
}
