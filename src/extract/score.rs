//! Scoring proposals against hand-coded events. A proposal matches an
//! expected event when
//!
//! - their kinds agree (a context row also matches an incident coded
//!   with the category `history` or `context`, as the first article's
//!   events code background);
//! - their dates overlap;
//! - their places agree: both points lie within the larger of their
//!   uncertainties (at least the 25 km of `near`) of each other, or the
//!   proposal has no point (it is flagged for review and claims nothing);
//!   a point proposed where the coder found none does not match.
//!
//! Each expected event is matched by at most one proposal (a maximum
//! matching), so duplicates count against precision.

use geo::{Distance as _, Haversine};

use crate::data::event::{Event, EventKind};

use super::places::NEAR_KM;

/// Counts of one comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Proposals made.
    pub proposed: usize,
    /// Events expected.
    pub expected: usize,
    /// Pairs matched.
    pub matched: usize,
}

impl Score {
    /// Matched proposals over proposals (1 when none were made).
    pub fn precision(&self) -> f64 {
        if self.proposed == 0 {
            1.0
        } else {
            self.matched as f64 / self.proposed as f64
        }
    }

    /// Matched events over expected events (1 when none were expected).
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.matched as f64 / self.expected as f64
        }
    }

    /// The sum of two scores.
    pub fn plus(self, other: Score) -> Score {
        Score {
            proposed: self.proposed + other.proposed,
            expected: self.expected + other.expected,
            matched: self.matched + other.matched,
        }
    }
}

/// Whether proposal `p` matches expected event `e`.
pub fn matches(p: &Event, e: &Event) -> bool {
    let background = |x: &Event| {
        x.kind == EventKind::Context
            || x.kind == EventKind::Incident
                && matches!(x.category.as_deref(), Some("history" | "context"))
    };
    let kind = p.kind == e.kind || background(p) && background(e);
    let dates = p.start.first_second() < e.end.end_exclusive()
        && e.start.first_second() < p.end.end_exclusive();
    let point = |x: &Event| match &x.geometry {
        Some(geo::Geometry::Point(pt)) => Some(*pt),
        _ => None,
    };
    let place = match (point(p), point(e)) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => {
            let radius = p
                .uncertainty_km
                .unwrap_or(0.0)
                .max(e.uncertainty_km.unwrap_or(0.0))
                .max(NEAR_KM);
            Haversine.distance(a, b) / 1000.0 <= radius
        }
    };
    kind && dates && place
}

/// Scores `proposed` against `expected` with a maximum one-to-one matching.
pub fn score(proposed: &[Event], expected: &[Event]) -> Score {
    let edges: Vec<Vec<usize>> = proposed
        .iter()
        .map(|p| {
            (0..expected.len())
                .filter(|&j| matches(p, &expected[j]))
                .collect()
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; expected.len()];
    let mut matched = 0;
    for i in 0..proposed.len() {
        let mut seen = vec![false; expected.len()];
        if augment(i, &edges, &mut owner, &mut seen) {
            matched += 1;
        }
    }
    Score {
        proposed: proposed.len(),
        expected: expected.len(),
        matched,
    }
}

/// Kuhn's augmenting path from proposal `i`.
fn augment(i: usize, edges: &[Vec<usize>], owner: &mut [Option<usize>], seen: &mut [bool]) -> bool {
    for &j in &edges[i] {
        if seen[j] {
            continue;
        }
        seen[j] = true;
        if owner[j].is_none_or(|k| augment(k, edges, owner, seen)) {
            owner[j] = Some(i);
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::events;

    #[test]
    fn the_bundled_events_match_themselves_one_to_one() {
        let bundled = events::bundled().unwrap().events;
        let s = score(&bundled, &bundled);
        assert_eq!(s.matched, bundled.len());
        let doubled: Vec<Event> = bundled.iter().chain(&bundled).cloned().collect();
        let s = score(&doubled, &bundled);
        assert_eq!(s.matched, bundled.len());
        assert!((s.precision() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn kind_dates_and_place_must_agree() {
        let bundled = events::bundled().unwrap().events;
        let clash = bundled.iter().find(|e| e.id == "clashes-2022-09").unwrap();
        let mut p = clash.clone();
        assert!(matches(&p, clash));
        p.geometry = None;
        assert!(matches(&p, clash), "an unplaced proposal claims no place");
        p.geometry = Some(geo::Geometry::Point(geo::Point::new(37.6, 55.75)));
        assert!(!matches(&p, clash), "Moscow is not within 125 km of Batken");
        let mut p = clash.clone();
        p.kind = EventKind::Statement;
        assert!(!matches(&p, clash));
        let mut p = clash.clone();
        p.start = crate::data::time::EventTime::parse("2021-01-01").unwrap();
        p.end = p.start;
        assert!(!matches(&p, clash));
    }
}
