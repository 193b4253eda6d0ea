//! Events per time bucket, drawn above the bars.
//!
//! An event counts once in every bucket it overlaps, so a bucket's height is
//! the number of events going on during it (a long event raises a plateau,
//! it is not split into fractions). Buckets are a fixed number of points
//! wide, so they get shorter in time as the user zooms in. Counts come from
//! the [`Density`] by binary search, without visiting events, and are kept
//! until the range, the width, the events or the filters change.

use egui::{Color32, Rect, pos2};

use super::axis::Axis;
use super::density::Density;
use crate::data::time::Seconds;

/// Width of one bucket in points.
pub const BUCKET_WIDTH: f32 = 5.0;

/// Counts per bucket, remembered with what they were computed for.
#[derive(Clone, Debug, Default)]
pub struct Histogram {
    key: Option<(u64, u64, usize, u64)>,
    counts: Vec<u32>,
}

impl Histogram {
    /// Recomputes the counts if the axis, bucket count or density changed.
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

    /// The counts, one per bucket from the left.
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }
}

/// Number of events passing the filters overlapping each of `buckets` equal
/// parts of the axis range.
pub fn counts(axis: &Axis, buckets: usize, density: &Density) -> Vec<u32> {
    let buckets = buckets.max(1);
    let width = axis.span() / buckets as f64;
    (0..buckets)
        .map(|b| {
            let from = (axis.from + b as f64 * width).floor() as Seconds;
            let to = (axis.from + (b + 1) as f64 * width).ceil() as Seconds;
            u32::try_from(density.count_all(from, to)).unwrap_or(u32::MAX)
        })
        .collect()
}

/// Draws the histogram in `rect`; buckets inside the window are `accent`.
pub fn paint(
    painter: &egui::Painter,
    rect: Rect,
    counts: &[u32],
    window_x: (f32, f32),
    accent: Color32,
    faint: Color32,
) {
    let max = counts.iter().copied().max().unwrap_or(0).max(1) as f32;
    let w = rect.width() / counts.len().max(1) as f32;
    for (b, &n) in counts.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let x0 = rect.left() + b as f32 * w;
        let h = (rect.height() - 2.0) * (n as f32 / max).sqrt();
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
    use crate::model::event_index::TimeIndex;
    use crate::model::filters::Filters;
    use crate::model::visibility::Visible;

    #[test]
    fn long_events_count_in_every_bucket() {
        let data = Data::bundled().unwrap();
        let index = TimeIndex::new(&data);
        // The incidents of 14-17 September 2022, one day per bucket.
        let day = 86_400;
        let from = crate::data::time::EventTime::parse("2022-09-14")
            .unwrap()
            .first_second();
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
            to: (from + 4 * day) as f64,
        };
        let expected: Vec<u32> = (0..4)
            .map(|b| {
                index
                    .overlapping(from + b * day, from + (b + 1) * day)
                    .len() as u32
            })
            .collect();
        assert!(expected.iter().any(|&n| n > 1), "{expected:?}");
        assert_eq!(counts(&axis, 4, &density), expected);
    }
}
