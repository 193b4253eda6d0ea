//! The strict scorer: proposals against hand-coded events, one to one.
//! A proposal matches an expected event when every one of these holds:
//!
//! - **kind**: the same kind (incident, statement, context);
//! - **dates**: the ranges overlap, and the proposal's is at most
//!   [`WIDER_DAYS`] days wider than the coder's;
//! - **place**: both unplaced, or both placed with the points within the
//!   larger of the two uncertainties (at least [`SAME_PLACE_KM`], the extent
//!   of one settlement); a placed and an unplaced one never match;
//! - **claimant**: both without one, or both naming the same body
//!   ([`body`] says what that means);
//! - **figures**: for each type (killed, injured, evacuated, displaced)
//!   both without one, or both with one and the proposal's range holding
//!   the coded number (the coder's low and high when equal, their middle
//!   when both are given, else the one bound given).
//!
//! Each expected event is matched by at most one proposal (a maximum
//! matching, Kuhn's augmenting paths), so duplicates count against
//! precision.

pub mod body;
mod words;

use geo::{Distance as _, Haversine};

use crate::data::event::{Event, Figure, Figures};

/// How many days wider than the coder's a proposal's dates may be.
pub const WIDER_DAYS: i64 = 2;

/// The least radius two points are compared with: one settlement's
/// extent, for two exact points of the same town from different sources.
pub const SAME_PLACE_KM: f64 = 5.0;

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

/// Which of the conditions a pair meets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Check {
    /// Same kind.
    pub kind: bool,
    /// Dates overlap and are not too wide.
    pub dates: bool,
    /// Places agree.
    pub place: bool,
    /// Claimants name the same body.
    pub claimant: bool,
    /// Figures agree.
    pub figures: bool,
}

impl Check {
    /// Whether every condition holds.
    pub fn all(&self) -> bool {
        self.kind && self.dates && self.place && self.claimant && self.figures
    }

    /// The names of the conditions that fail.
    pub fn failing(&self) -> Vec<&'static str> {
        [
            (self.kind, "kind"),
            (self.dates, "dates"),
            (self.place, "place"),
            (self.claimant, "claimant"),
            (self.figures, "figures"),
        ]
        .into_iter()
        .filter(|(ok, _)| !ok)
        .map(|(_, name)| name)
        .collect()
    }
}

/// The conditions proposal `p` meets against expected event `e`.
pub fn check(p: &Event, e: &Event) -> Check {
    Check {
        kind: p.kind == e.kind,
        dates: dates_agree(p, e),
        place: places_agree(p, e),
        claimant: match (&p.claimant, &e.claimant) {
            (None, None) => true,
            (Some(a), Some(b)) => body::same_body(a, b),
            _ => false,
        },
        figures: figures_agree(&p.figures, &e.figures),
    }
}

/// Whether proposal `p` matches expected event `e`.
pub fn matches(p: &Event, e: &Event) -> bool {
    check(p, e).all()
}

fn dates_agree(p: &Event, e: &Event) -> bool {
    let (ps, pe) = (p.start.first_second(), p.end.end_exclusive());
    let (es, ee) = (e.start.first_second(), e.end.end_exclusive());
    let overlap = ps < ee && es < pe;
    overlap && (pe - ps) - (ee - es) <= WIDER_DAYS * 86_400
}

fn places_agree(p: &Event, e: &Event) -> bool {
    let point = |x: &Event| match &x.geometry {
        Some(geo::Geometry::Point(pt)) => Some(*pt),
        _ => None,
    };
    match (point(p), point(e)) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let radius = p
                .uncertainty_km
                .unwrap_or(0.0)
                .max(e.uncertainty_km.unwrap_or(0.0))
                .max(SAME_PLACE_KM);
            Haversine.distance(a, b) / 1000.0 <= radius
        }
        _ => false,
    }
}

fn figures_agree(p: &Figures, e: &Figures) -> bool {
    let one = |a: &Option<Box<Figure>>, b: &Option<Box<Figure>>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => coded_number(b).is_some_and(|n| holds(a, n)),
        _ => false,
    };
    one(&p.killed, &e.killed)
        && one(&p.injured, &e.injured)
        && one(&p.evacuated, &e.evacuated)
        && one(&p.displaced, &e.displaced)
}

/// The number a coded figure stands for.
fn coded_number(f: &Figure) -> Option<f64> {
    match (f.low, f.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        (Some(n), None) | (None, Some(n)) => Some(n),
        (None, None) => None,
    }
}

/// Whether a proposed figure's range holds `n`.
fn holds(f: &Figure, n: f64) -> bool {
    f.low.is_none_or(|l| l <= n) && f.high.is_none_or(|h| n <= h)
}

/// Scores `proposed` against `expected` with a maximum one-to-one matching.
pub fn score(proposed: &[Event], expected: &[Event]) -> Score {
    let pairs = matching(proposed, expected);
    Score {
        proposed: proposed.len(),
        expected: expected.len(),
        matched: pairs.iter().filter(|p| p.is_some()).count(),
    }
}

/// A maximum one-to-one matching: for each expected event, the proposal
/// matched to it.
pub fn matching(proposed: &[Event], expected: &[Event]) -> Vec<Option<usize>> {
    let edges: Vec<Vec<usize>> = proposed
        .iter()
        .map(|p| {
            (0..expected.len())
                .filter(|&j| matches(p, &expected[j]))
                .collect()
        })
        .collect();
    let mut owner: Vec<Option<usize>> = vec![None; expected.len()];
    for i in 0..proposed.len() {
        let mut seen = vec![false; expected.len()];
        augment(i, &edges, &mut owner, &mut seen);
    }
    owner
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
    use crate::data::time::EventTime;

    fn bundled() -> Vec<Event> {
        events::bundled().unwrap().events
    }

    #[test]
    fn the_bundled_events_match_themselves_one_to_one() {
        let bundled = bundled();
        let s = score(&bundled, &bundled);
        assert_eq!(s.matched, bundled.len());
        let doubled: Vec<Event> = bundled.iter().chain(&bundled).cloned().collect();
        let s = score(&doubled, &bundled);
        assert_eq!(s.matched, bundled.len());
        assert!((s.precision() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn kind_dates_and_place_must_agree() {
        let bundled = bundled();
        let clash = bundled.iter().find(|e| e.id == "clashes-2022-09").unwrap();
        let mut p = clash.clone();
        assert!(matches(&p, clash));
        p.geometry = None;
        assert_eq!(
            check(&p, clash).failing(),
            ["place"],
            "unplaced never matches placed"
        );
        p.geometry = Some(geo::Geometry::Point(geo::Point::new(37.6, 55.75)));
        assert!(!matches(&p, clash), "Moscow is not within 125 km of Batken");
        let mut p = clash.clone();
        p.kind = crate::data::event::EventKind::Statement;
        assert_eq!(check(&p, clash).failing(), ["kind"]);
        let mut p = clash.clone();
        p.start = EventTime::parse("2021-01-01").unwrap();
        p.end = p.start;
        assert_eq!(check(&p, clash).failing(), ["dates"]);
    }

    #[test]
    fn dates_may_be_at_most_two_days_wider() {
        let bundled = bundled();
        let clash = bundled.iter().find(|e| e.id == "clashes-2022-09").unwrap();
        let day = |s: &str| EventTime::parse(s).unwrap();
        let mut p = clash.clone();
        p.start = day("2022-09-12");
        p.end = clash.end;
        let wider = (clash.start.first_second() - p.start.first_second()) / 86_400;
        assert_eq!(
            check(&p, clash).dates,
            wider <= WIDER_DAYS,
            "{wider} days wider"
        );
        p.start = day("2022-08-20");
        assert!(
            !check(&p, clash).dates,
            "a month before publication is too wide"
        );
    }

    #[test]
    fn claimants_and_figures_must_agree() {
        let bundled = bundled();
        let statement = bundled
            .iter()
            .find(|e| e.claimant.is_some())
            .unwrap()
            .clone();
        let mut p = statement.clone();
        p.claimant = Some("The border between the two".into());
        assert_eq!(check(&p, &statement).failing(), ["claimant"]);
        p.claimant = None;
        assert!(!check(&p, &statement).claimant);
        let fig = |low, high| {
            Some(Box::new(Figure {
                as_stated: String::new(),
                low,
                high,
            }))
        };
        let coded = Figures {
            killed: fig(Some(91.0), None),
            ..Figures::default()
        };
        let more_than_90 = Figures {
            killed: fig(Some(91.0), None),
            ..Figures::default()
        };
        assert!(figures_agree(&more_than_90, &coded));
        let ninety = Figures {
            killed: fig(Some(90.0), Some(90.0)),
            ..Figures::default()
        };
        assert!(!figures_agree(&ninety, &coded));
        let wounded = Figures {
            injured: fig(Some(91.0), None),
            ..Figures::default()
        };
        assert!(!figures_agree(&wounded, &coded), "the wrong type");
        let about = Figures {
            evacuated: fig(Some(122_400.0), Some(149_600.0)),
            ..Figures::default()
        };
        assert!(figures_agree(&about, &about));
        assert!(!figures_agree(&Figures::default(), &coded));
    }
}
