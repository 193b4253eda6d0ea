//! How much of the events falls in a stretch of time when each event counts
//! once, spread evenly over its dates: an event of one hour counts fully in
//! the hour it happened, one of eight years counts a fraction of a percent
//! in a week of it. Answered by binary search over prefix sums, without
//! visiting events, so the histogram costs the same for any number of them.
//!
//! With `d = end - start`, the share of an event before time `t` is
//! `clamp((t - start) / d, 0, 1)`; summed over the events, that is
//! `t·A - B` over the events started by `t` minus the same over the events
//! ended by `t`, where `A` sums `1/d` and `B` sums `start/d` (or `end/d`).

use crate::data::time::Seconds;

/// Shortest duration an event is spread over, in seconds: a bound on the
/// sums' size, which keeps their rounding error far below one event.
const SHORTEST: f64 = 60.0;

/// Shares below this are rounding error, not events.
const NOISE: f64 = 1e-4;

/// Prefix sums over the events' starts and ends.
#[derive(Clone, Debug, Default)]
pub struct Spread {
    /// Origin of the times below, in seconds (the earliest start).
    origin: Seconds,
    /// Starts (from the origin), sorted.
    starts: Vec<f64>,
    /// `Σ 1/d` and `Σ start/d` over the starts before each position.
    started: Vec<(f64, f64)>,
    /// Ends (from the origin), sorted.
    ends: Vec<f64>,
    /// `Σ 1/d` and `Σ end/d` over the ends before each position.
    ended: Vec<(f64, f64)>,
}

impl Spread {
    /// The spread of events given as `(start, end_exclusive)`.
    pub fn new(spans: &[(Seconds, Seconds)]) -> Self {
        let origin = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let mut starts: Vec<(f64, f64)> = Vec::with_capacity(spans.len());
        let mut ends: Vec<(f64, f64)> = Vec::with_capacity(spans.len());
        for &(s, e) in spans {
            let s = (s - origin) as f64;
            let e = ((e - origin) as f64).max(s + SHORTEST);
            let weight = 1.0 / (e - s);
            starts.push((s, weight));
            ends.push((e, weight));
        }
        starts.sort_by(|a, b| a.0.total_cmp(&b.0));
        ends.sort_by(|a, b| a.0.total_cmp(&b.0));
        let prefix = |v: &[(f64, f64)]| {
            let mut sums = Vec::with_capacity(v.len() + 1);
            let (mut a, mut b) = (0.0, 0.0);
            sums.push((a, b));
            for &(t, w) in v {
                a += w;
                b += t * w;
                sums.push((a, b));
            }
            sums
        };
        Self {
            origin,
            started: prefix(&starts),
            ended: prefix(&ends),
            starts: starts.into_iter().map(|s| s.0).collect(),
            ends: ends.into_iter().map(|e| e.0).collect(),
        }
    }

    /// The events' shares before time `t`.
    fn before(&self, t: f64) -> f64 {
        let k = self.starts.partition_point(|&s| s < t);
        let j = self.ends.partition_point(|&e| e < t);
        let (a, b) = self.started[k];
        let (c, d) = self.ended[j];
        (t * a - b) - (t * c - d)
    }

    /// How many events fall in `[from, to)`, each spread over its dates.
    pub fn within(&self, from: Seconds, to: Seconds) -> f64 {
        if self.starts.is_empty() || to <= from {
            return 0.0;
        }
        let share =
            self.before((to - self.origin) as f64) - self.before((from - self.origin) as f64);
        if share < NOISE { 0.0 } else { share }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Seconds = 86_400;

    #[test]
    fn each_event_counts_once_spread_over_its_dates() {
        let t0 = 1_663_200_000; // 15 Sep 2022
        let spans = [
            (t0, t0 + DAY),                             // one day
            (t0, t0 + 4 * DAY),                         // four days
            (t0 - 3000 * DAY, t0 + 100 * DAY),          // years of background
            (t0 + 2 * DAY + 3600, t0 + 2 * DAY + 3601), // one second
        ];
        let s = Spread::new(&spans);
        let near = |a: f64, b: f64| (a - b).abs() < 1e-6;
        let all = s.within(t0 - 4000 * DAY, t0 + 4000 * DAY);
        assert!(near(all, 4.0), "{all}");
        let first_day = s.within(t0, t0 + DAY);
        assert!(near(first_day, 1.0 + 0.25 + 1.0 / 3100.0), "{first_day}");
        // The one-second event counts fully in its hour.
        let hour = s.within(t0 + 2 * DAY + 3600, t0 + 2 * DAY + 7200);
        assert!(hour > 1.0 && hour < 1.02, "{hour}");
        assert_eq!(s.within(t0 + 200 * DAY, t0 + 300 * DAY), 0.0);
        assert_eq!(Spread::new(&[]).within(0, 10), 0.0);
    }
}
