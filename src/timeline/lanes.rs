//! Where the timeline's rows and bars go: bars are packed into lanes, and
//! each row is as tall as what it holds in view, so a row with nothing in
//! view shrinks to its name and leaves the room to the rows that need it.
//! When the lanes do not fit, they get thinner before any bar is left out.

use egui::{Rect, pos2};

/// Height of a row's name above its bars.
pub const HEADER: f32 = 13.0;
/// Height of one lane of bars at full size.
pub const LANE: f32 = 12.0;
/// Height of a lane of background bars (events far longer than the view).
const BACKGROUND_LANE: f32 = 5.0;
/// Height of a crowded row's density strip.
const CROWD: f32 = 28.0;
/// Room below a row's last lane.
const PAD: f32 = 3.0;
/// Thinnest lanes get, as a share of their full size: a bar stays at
/// least 8 points high (12 × 0.8 less its gap).
const MIN_SCALE: f32 = 0.8;
/// Room between two lanes of bars.
const GAP: f32 = 1.5;
/// Most lanes a row is given; a crowd of bars beyond them overlaps.
const MAX_LANES: usize = 48;
/// Narrowest bar drawn, in points.
pub const MIN_BAR: f32 = 3.0;

/// A bar to place: its row, its ends on screen and whether it is background.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    /// The row it goes in.
    pub row: usize,
    /// Its left and right ends on screen.
    pub x: (f32, f32),
    /// Whether the event lasts far longer than the view (drawn thin, below).
    pub background: bool,
}

/// Where the rows and bars go.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Each row's area, header included, top to bottom.
    pub rows: Vec<Rect>,
    /// Each candidate's bar, or `None` when it is left out (only when a
    /// crowd of bars covers every lane of its row at that place).
    pub bars: Vec<Option<Rect>>,
}

impl Layout {
    /// Where a row's bars or density strip go, below its name.
    pub fn band(&self, row: usize) -> Rect {
        let r = self.rows[row];
        Rect::from_x_y_ranges(r.x_range(), (r.top() + HEADER).min(r.bottom())..=r.bottom())
    }
}

/// Lanes of each row, normal and background, and each candidate's lane.
struct Packing {
    normal: Vec<usize>,
    background: Vec<usize>,
    lanes: Vec<Option<usize>>,
}

/// Packs the candidates, in order, into at most `max` lanes per row and
/// kind: each takes the first lane free at its left end; when all are busy,
/// it goes over the lane that frees first only if it shows more there than
/// that lane already does (so a crowd costs one bar per few points).
fn pack(rows: usize, candidates: &[Candidate], max: usize) -> Packing {
    let mut ends: Vec<[Vec<f32>; 2]> = vec![[Vec::new(), Vec::new()]; rows];
    let mut lanes = Vec::with_capacity(candidates.len());
    for c in candidates {
        let slots = &mut ends[c.row][usize::from(c.background)];
        let lane = match slots.iter().position(|&e| e + 1.0 <= c.x.0) {
            Some(l) => Some(l),
            None if slots.len() < max => {
                slots.push(f32::NEG_INFINITY);
                Some(slots.len() - 1)
            }
            None => slots
                .iter()
                .enumerate()
                .min_by(|a, b| a.1.total_cmp(b.1))
                .filter(|(_, e)| **e + MIN_BAR < c.x.1)
                .map(|(l, _)| l),
        };
        if let Some(l) = lane {
            slots[l] = c.x.1;
        }
        lanes.push(lane);
    }
    Packing {
        normal: ends.iter().map(|e| e[0].len()).collect(),
        background: ends.iter().map(|e| e[1].len()).collect(),
        lanes,
    }
}

/// Lays out `crowded.len()` rows in `rect` (a crowded row shows a density
/// strip) and the candidates' bars in them.
pub fn layout(rect: Rect, crowded: &[bool], candidates: &[Candidate]) -> Layout {
    let rows = crowded.len();
    let mut max = MAX_LANES;
    let (packing, scale) = loop {
        let packing = pack(rows, candidates, max);
        let lanes = |r: usize| {
            packing.normal[r] as f32 * LANE + packing.background[r] as f32 * BACKGROUND_LANE
        };
        let fixed: f32 = (0..rows)
            .map(|r| match (crowded[r], lanes(r) > 0.0) {
                (true, _) => HEADER + CROWD,
                (false, true) => HEADER + PAD,
                (false, false) => HEADER,
            })
            .sum();
        let total: f32 = (0..rows).map(lanes).sum();
        let scale = if total > 0.0 {
            ((rect.height() - fixed) / total).min(1.0)
        } else {
            1.0
        };
        if scale >= MIN_SCALE || max == 1 {
            break (packing, scale.max(MIN_SCALE));
        }
        max /= 2;
    };
    let lane = LANE * scale;
    let back_lane = BACKGROUND_LANE * scale;
    let needs: Vec<f32> = (0..rows)
        .map(|r| {
            let bars = packing.normal[r] as f32 * lane + packing.background[r] as f32 * back_lane;
            match (crowded[r], bars > 0.0) {
                (true, _) => HEADER + CROWD,
                (false, true) => HEADER + bars + PAD,
                (false, false) => HEADER,
            }
        })
        .collect();
    // Room left over goes to the rows that hold something, by their need.
    let holding: f32 = (0..rows)
        .filter(|&r| needs[r] > HEADER)
        .map(|r| needs[r])
        .sum();
    let extra = (rect.height() - needs.iter().sum::<f32>()).max(0.0);
    let mut top = rect.top();
    let mut boxes = Vec::with_capacity(rows);
    for &need in &needs {
        let grow = if need > HEADER && holding > 0.0 {
            extra * need / holding
        } else {
            0.0
        };
        let h = need + grow;
        boxes.push(Rect::from_x_y_ranges(rect.x_range(), top..=top + h));
        top += h;
    }
    let bars = candidates
        .iter()
        .zip(&packing.lanes)
        .map(|(c, lane_of)| {
            let l = (*lane_of)? as f32;
            let band_top = boxes[c.row].top() + HEADER;
            let (y, h) = if c.background {
                let below = packing.normal[c.row] as f32 * lane;
                // Centred in its lane, as its hit area is (`hit_area`).
                (
                    band_top + below + l * back_lane + scale,
                    back_lane - 2.0 * scale,
                )
            } else {
                (band_top + l * lane + GAP / 2.0, lane - GAP)
            };
            Some(Rect::from_min_max(
                pos2(c.x.0, y),
                pos2(c.x.1, y + h.max(1.0)),
            ))
        })
        .collect();
    Layout { rows: boxes, bars }
}

/// Where a bar placed by [`layout`] answers the pointer: its lane's whole
/// height, so that the gap between two lanes belongs to one bar or the
/// other, never to both.
pub fn hit_area(bar: Rect, background: bool) -> Rect {
    // A bar is its lane less a gap: of 2 points scaled with the lane for
    // background bars, of [`GAP`] for the others.
    let gap = if background {
        bar.height() * 2.0 / (BACKGROUND_LANE - 2.0)
    } else {
        GAP
    };
    bar.expand2(egui::vec2(0.0, gap / 2.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plot(height: f32) -> Rect {
        Rect::from_min_max(pos2(0.0, 0.0), pos2(1000.0, height))
    }

    fn bar(row: usize, x0: f32, x1: f32) -> Candidate {
        Candidate {
            row,
            x: (x0, x1),
            background: false,
        }
    }

    #[test]
    fn a_row_with_nothing_in_view_is_only_its_name() {
        let candidates = [bar(0, 10.0, 500.0), bar(1, 100.0, 200.0)];
        let l = layout(plot(150.0), &[false, false, false], &candidates);
        assert_eq!(l.rows[2].height(), HEADER);
        assert!((l.rows[2].bottom() - 150.0).abs() < 1e-3);
        assert!(l.rows[0].height() > 40.0, "{:?}", l.rows);
    }

    #[test]
    fn every_bar_is_drawn_when_lanes_can_thin_and_none_overlap() {
        // Ten bars on the same days in one row of a short plot.
        let candidates: Vec<Candidate> = (0..10).map(|_| bar(0, 100.0, 400.0)).collect();
        let l = layout(plot(140.0), &[false, false], &candidates);
        let bars: Vec<Rect> = l.bars.iter().map(|b| b.expect("drawn")).collect();
        for (i, a) in bars.iter().enumerate() {
            assert!(a.height() >= 8.0, "{a:?} thinner than 8 points");
            assert!(l.rows[0].contains_rect(*a), "{a:?} in {:?}", l.rows[0]);
            for b in &bars[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn bars_answer_over_their_whole_lane_without_overlapping() {
        let mut long = bar(0, -10.0, 1010.0);
        long.background = true;
        let candidates = [bar(0, 100.0, 400.0), bar(0, 100.0, 400.0), long];
        let l = layout(plot(60.0), &[false], &candidates);
        let hits: Vec<Rect> = l
            .bars
            .iter()
            .zip(&candidates)
            .map(|(b, c)| hit_area(b.expect("drawn"), c.background))
            .collect();
        // Each lane's hit area ends where the next one's begins.
        assert!((hits[0].bottom() - hits[1].top()).abs() < 1e-3, "{hits:?}");
        assert!((hits[1].bottom() - hits[2].top()).abs() < 1e-3, "{hits:?}");
        assert!(hits[0].height() > l.bars[0].expect("drawn").height());
    }

    #[test]
    fn background_bars_go_below_the_views_events() {
        let mut long = bar(0, -10.0, 1010.0);
        long.background = true;
        let l = layout(plot(150.0), &[false], &[long, bar(0, 100.0, 200.0)]);
        let (back, short) = (l.bars[0].unwrap(), l.bars[1].unwrap());
        assert!(back.top() >= short.bottom(), "{back:?} {short:?}");
        assert!(back.height() < short.height());
    }

    #[test]
    fn a_crowd_beyond_every_lane_keeps_to_its_row() {
        let candidates: Vec<Candidate> = (0..5000)
            .map(|k| bar(0, k as f32 * 0.02, k as f32 * 0.02 + 3.0))
            .collect();
        let l = layout(plot(100.0), &[false], &candidates);
        let drawn: Vec<Rect> = l.bars.iter().flatten().copied().collect();
        assert!(drawn.len() < 5000);
        assert!(
            drawn
                .iter()
                .all(|b| l.rows[0].expand(0.5).contains_rect(*b))
        );
    }
}
