//! Unit tests of the time index on generated spans.

use super::*;

/// A small deterministic pseudo-random generator (xorshift).
fn rng(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn overlap_query_equals_brute_force() {
    let mut seed = 0x9E37_79B9_7F4A_7C15;
    for round in 0..20 {
        let n = 50 + round * 37;
        let spans: Vec<(Seconds, Seconds)> = (0..n)
            .map(|_| {
                let start = (rng(&mut seed) % 100_000) as Seconds - 50_000;
                let len = match rng(&mut seed) % 10 {
                    0 => (rng(&mut seed) % 60_000) as Seconds,
                    _ => 1 + (rng(&mut seed) % 500) as Seconds,
                };
                (start, start + len)
            })
            .collect();
        let index = TimeIndex::from_spans(&spans);
        for _ in 0..50 {
            let from = (rng(&mut seed) % 120_000) as Seconds - 60_000;
            let to = from + (rng(&mut seed) % 20_000) as Seconds;
            let brute: Vec<usize> = (0..n)
                .filter(|&i| spans[i].0 < to && spans[i].1 > from)
                .collect();
            assert_eq!(index.overlapping(from, to), brute, "[{from}, {to})");
            assert_eq!(index.count_overlapping(from, to), brute.len());
            // Few found (a list sorted) or many (a bitmap), filtered.
            let kept: Vec<usize> = brute.iter().copied().filter(|i| i % 3 != 0).collect();
            assert_eq!(index.overlapping_where(from, to, |i| i % 3 != 0), kept);
            let narrow = (from, from + 1 + (rng(&mut seed) % 50) as Seconds);
            let brute: Vec<usize> = (0..n)
                .filter(|&i| spans[i].0 < narrow.1 && spans[i].1 > narrow.0)
                .collect();
            assert_eq!(index.overlapping(narrow.0, narrow.1), brute);
        }
    }
}

#[test]
fn only_the_events_named_changing_change_when_the_window_moves() {
    let mut seed = 0x2545_F491_4F6C_DD1D;
    let spans: Vec<(Seconds, Seconds)> = (0..400)
        .map(|_| {
            let start = (rng(&mut seed) % 10_000) as Seconds;
            (start, start + 1 + (rng(&mut seed) % 700) as Seconds)
        })
        .collect();
    let index = TimeIndex::from_spans(&spans);
    let overlaps = |i: usize, (from, to): (Seconds, Seconds)| spans[i].0 < to && spans[i].1 > from;
    for _ in 0..300 {
        let mut window = || {
            let from = (rng(&mut seed) % 11_000) as Seconds;
            (from, from + (rng(&mut seed) % 3_000) as Seconds)
        };
        let (was, now) = (window(), window());
        let mut named = vec![false; spans.len()];
        index.for_each_changing(was, now, |i, start, end| {
            assert_eq!((start, end), spans[i]);
            named[i] = true;
        });
        for (i, &named) in named.iter().enumerate() {
            if overlaps(i, was) != overlaps(i, now) {
                assert!(named, "event {i} changed unnamed: {was:?} → {now:?}");
            }
        }
        let count = named.iter().filter(|&&n| n).count();
        assert!(index.count_changing(was, now) >= count);
    }
}

#[test]
fn steps_between_starts() {
    let index = TimeIndex::from_spans(&[(10, 20), (0, 5), (30, 31)]);
    assert_eq!(index.next_start_after(0, |_| true), Some((0, 10)));
    assert_eq!(index.next_start_after(10, |_| true), Some((2, 30)));
    assert_eq!(index.prev_start_before(10, |_| true), Some((1, 0)));
    assert_eq!(index.prev_start_before(0, |_| true), None);
    assert_eq!(index.next_start_after(0, |i| i == 2), Some((2, 30)));
    assert_eq!(index.span(), Some((0, 31)));
}

#[test]
fn the_busiest_span_holds_half_the_starts() {
    // Two events a century back, three within a week.
    let week = [0, 2, 6].map(|d| 3_000_000_000 + d * DAY);
    let spans = [(0, DAY), (DAY, 2 * DAY), (week[0], week[0] + DAY)]
        .into_iter()
        .chain(week[1..].iter().map(|&s| (s, s + DAY)))
        .collect::<Vec<_>>();
    let index = TimeIndex::from_spans(&spans);
    assert_eq!(index.busiest_span(), Some((week[0], week[2] + DAY)));
    assert_eq!(TimeIndex::from_spans(&[]).busiest_span(), None);
    assert_eq!(
        TimeIndex::from_spans(&[(5, 9)]).busiest_span(),
        Some((5, 5 + DAY))
    );
}
