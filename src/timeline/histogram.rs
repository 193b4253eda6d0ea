//! Events per time bucket, drawn above the bars.
//!
//! An event counts once in every bucket it overlaps, so a bucket's height is
//! the number of events going on during it (a long event raises a plateau,
//! it is not split into fractions). Buckets are a fixed number of points
//! wide, so they get shorter in time as the user zooms in. Counts come from
//! the time index (only events overlapping the visible range are visited)
//! and are kept until the range, the width or the filters change.

use egui::{Color32, Rect, pos2};

use super::axis::Axis;
use super::index::TimeIndex;
use crate::data::time::Seconds;
use crate::view::Filters;
use crate::visibility::Visible;

/// Width of one bucket in points.
pub const BUCKET_WIDTH: f32 = 5.0;

/// Counts per bucket, remembered with what they were computed for.
#[derive(Clone, Debug, Default)]
pub struct Histogram {
    key: Option<(u64, u64, usize, Filters)>,
    counts: Vec<u32>,
}

impl Histogram {
    /// Recomputes the counts if the axis, bucket count or filters changed.
    pub fn update(
        &mut self,
        axis: &Axis,
        buckets: usize,
        index: &TimeIndex,
        visible: &Visible,
        filters: &Filters,
    ) {
        let key = (
            axis.from.to_bits(),
            axis.to.to_bits(),
            buckets,
            filters.clone(),
        );
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.counts = counts(axis, buckets, index, visible);
        self.key = Some(key);
    }

    /// The counts, one per bucket from the left.
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }
}

/// Number of events passing the filters overlapping each of `buckets` equal
/// parts of the axis range.
pub fn counts(axis: &Axis, buckets: usize, index: &TimeIndex, visible: &Visible) -> Vec<u32> {
    let buckets = buckets.max(1);
    let width = axis.span() / buckets as f64;
    let mut diff = vec![0i64; buckets + 1];
    let from = axis.from.floor() as Seconds;
    let to = axis.to.ceil() as Seconds;
    let bucket = |t: f64| (((t - axis.from) / width).floor().max(0.0) as usize).min(buckets - 1);
    index.for_each_overlapping(from, to, |i, start, end| {
        if visible.passes.get(i).copied().unwrap_or(true) {
            let b0 = bucket(start as f64);
            let b1 = bucket((end - 1) as f64);
            diff[b0] += 1;
            diff[b1 + 1] -= 1;
        }
    });
    let mut running = 0i64;
    diff[..buckets]
        .iter()
        .map(|d| {
            running += d;
            running.max(0) as u32
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

    #[test]
    fn long_events_count_in_every_bucket() {
        let index = TimeIndex::from_spans(&[(0, 100), (10, 20), (95, 200)]);
        let visible = Visible {
            passes: vec![true, true, true],
            ..Visible::default()
        };
        let axis = Axis {
            from: 0.0,
            to: 100.0,
        };
        assert_eq!(counts(&axis, 4, &index, &visible), vec![2, 1, 1, 2]);
    }
}
