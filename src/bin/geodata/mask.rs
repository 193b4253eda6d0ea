//! Binary masks on a grid of cells (row 0 north): flood fill, a cut line,
//! morphological opening and closing with a disc, hole filling, and the
//! outline of a region as rings of cell corners.

use std::collections::{HashMap, VecDeque};

/// A grid of booleans, row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct Mask {
    /// Columns.
    pub cols: usize,
    /// Rows.
    pub rows: usize,
    /// `cols × rows` cells.
    pub cells: Vec<bool>,
}

const STEPS: [(isize, isize); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];

impl Mask {
    /// A mask of `cols × rows` cells set by `f(col, row)`.
    pub fn from_fn(cols: usize, rows: usize, f: impl Fn(usize, usize) -> bool) -> Self {
        let cells = (0..rows)
            .flat_map(|r| (0..cols).map(move |c| (c, r)))
            .map(|(c, r)| f(c, r))
            .collect();
        Self { cols, rows, cells }
    }

    /// Whether a cell is set (cells outside the grid are not).
    pub fn get(&self, col: isize, row: isize) -> bool {
        col >= 0
            && row >= 0
            && (col as usize) < self.cols
            && (row as usize) < self.rows
            && self.cells[row as usize * self.cols + col as usize]
    }

    /// Number of cells set.
    pub fn count(&self) -> usize {
        self.cells.iter().filter(|&&b| b).count()
    }

    /// Clears the cells along the straight line between two points given in
    /// (fractional) cell coordinates. Cells are visited densely enough that
    /// the line has no diagonal gap, so a 4-connected fill cannot cross it.
    pub fn cut(&mut self, from: (f64, f64), to: (f64, f64)) {
        let n = ((to.0 - from.0).abs() + (to.1 - from.1).abs()).ceil() as usize * 4 + 1;
        for i in 0..=n {
            let t = i as f64 / n as f64;
            let c = (from.0 + (to.0 - from.0) * t).floor() as isize;
            let r = (from.1 + (to.1 - from.1) * t).floor() as isize;
            if self.get(c, r) {
                self.cells[r as usize * self.cols + c as usize] = false;
            }
        }
    }

    /// The cells 4-connected to any seed through set cells.
    pub fn fill_from(&self, seeds: &[(isize, isize)]) -> Self {
        let mut out = Self::from_fn(self.cols, self.rows, |_, _| false);
        let mut queue: VecDeque<(isize, isize)> = seeds
            .iter()
            .copied()
            .filter(|&(c, r)| self.get(c, r))
            .collect();
        for &(c, r) in &queue {
            out.cells[r as usize * self.cols + c as usize] = true;
        }
        while let Some((c, r)) = queue.pop_front() {
            for (dc, dr) in STEPS {
                let (nc, nr) = (c + dc, r + dr);
                if self.get(nc, nr) && !out.get(nc, nr) {
                    out.cells[nr as usize * self.cols + nc as usize] = true;
                    queue.push_back((nc, nr));
                }
            }
        }
        out
    }

    /// The mask with every hole filled: cells not set and not 4-connected
    /// to the grid's border through unset cells become set.
    pub fn filled(&self) -> Self {
        let outside = Self::from_fn(self.cols, self.rows, |c, r| !self.cells[r * self.cols + c]);
        let mut seeds = Vec::new();
        for c in 0..self.cols as isize {
            seeds.extend([(c, 0), (c, self.rows as isize - 1)]);
        }
        for r in 0..self.rows as isize {
            seeds.extend([(0, r), (self.cols as isize - 1, r)]);
        }
        let reached = outside.fill_from(&seeds);
        Self::from_fn(self.cols, self.rows, |c, r| {
            !reached.cells[r * self.cols + c]
        })
    }

    /// Erosion (`keep = true`: a cell stays set only if every cell of the
    /// disc around it is set) or dilation (`keep = false`: a cell becomes set
    /// if any cell of the disc is), the disc given as cell offsets.
    fn morph(&self, disc: &[(isize, isize)], erode: bool) -> Self {
        Self::from_fn(self.cols, self.rows, |c, r| {
            let (c, r) = (c as isize, r as isize);
            if erode {
                self.get(c, r) && disc.iter().all(|&(dc, dr)| self.get(c + dc, r + dr))
            } else {
                self.get(c, r) || disc.iter().any(|&(dc, dr)| self.get(c + dc, r + dr))
            }
        })
    }

    /// Opening (erosion, then dilation) with a disc: removes every part
    /// narrower than the disc's diameter.
    pub fn opened(&self, disc: &[(isize, isize)]) -> Self {
        self.morph(disc, true).morph(disc, false)
    }

    /// Closing (dilation, then erosion) with a disc: fills every inlet and
    /// gap narrower than the disc's diameter.
    pub fn closed(&self, disc: &[(isize, isize)]) -> Self {
        self.morph(disc, false).morph(disc, true)
    }

    /// The region's outline: closed rings of cell-corner coordinates
    /// (column, row), with the region on the left when rows are taken to run
    /// south (so exteriors are counter-clockwise and holes clockwise once
    /// mapped to longitude and latitude). Regions touching only at a corner
    /// get separate rings.
    pub fn rings(&self) -> Vec<Vec<(i64, i64)>> {
        // Directed boundary edges, start corner → end corners.
        let mut next: HashMap<(i64, i64), Vec<(i64, i64)>> = HashMap::new();
        let mut starts = Vec::new();
        for r in 0..self.rows as isize {
            for c in 0..self.cols as isize {
                if !self.get(c, r) {
                    continue;
                }
                let (x, y) = (c as i64, r as i64);
                let mut add = |a: (i64, i64), b: (i64, i64)| {
                    next.entry(a).or_default().push(b);
                    starts.push(a);
                };
                if !self.get(c, r - 1) {
                    add((x + 1, y), (x, y));
                }
                if !self.get(c, r + 1) {
                    add((x, y + 1), (x + 1, y + 1));
                }
                if !self.get(c - 1, r) {
                    add((x, y), (x, y + 1));
                }
                if !self.get(c + 1, r) {
                    add((x + 1, y + 1), (x + 1, y));
                }
            }
        }
        starts.sort_unstable();
        starts.dedup();
        let mut rings = Vec::new();
        for start in starts {
            while next.get(&start).is_some_and(|v| !v.is_empty()) {
                let mut ring = vec![start];
                let (mut prev, mut at) = (start, start);
                // Every corner has as many edges out as in, so the walk ends
                // back at its start.
                while let Some(outs) = next.get_mut(&at).filter(|o| !o.is_empty()) {
                    // At a corner where the region touches itself, turn left
                    // (keep to the cell just walked along).
                    let heading = (at.0 - prev.0, at.1 - prev.1);
                    let left = (heading.1, -heading.0);
                    let i = outs
                        .iter()
                        .position(|&b| (b.0 - at.0, b.1 - at.1) == left)
                        .unwrap_or(0);
                    let to = outs.swap_remove(i);
                    prev = at;
                    at = to;
                    ring.push(at);
                    if at == start {
                        break;
                    }
                }
                rings.push(ring);
            }
        }
        rings
    }
}

/// The cell offsets within `radius_km` of a cell, for cells `cell_w_km`
/// wide and `cell_h_km` high (the centre excluded).
pub fn disc(radius_km: f64, cell_w_km: f64, cell_h_km: f64) -> Vec<(isize, isize)> {
    let (nc, nr) = (
        (radius_km / cell_w_km).floor() as isize,
        (radius_km / cell_h_km).floor() as isize,
    );
    let mut out = Vec::new();
    for dr in -nr..=nr {
        for dc in -nc..=nc {
            let (x, y) = (dc as f64 * cell_w_km, dr as f64 * cell_h_km);
            if (dc, dr) != (0, 0) && x * x + y * y <= radius_km * radius_km {
                out.push((dc, dr));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(rows: &[&str]) -> Mask {
        Mask::from_fn(rows[0].len(), rows.len(), |c, r| {
            rows[r].as_bytes()[c] == b'#'
        })
    }

    #[test]
    fn fill_stops_at_a_cut() {
        let m = parse(&["#####", "#####", "#####"]);
        let mut cut = m.clone();
        cut.cut((2.5, 0.0), (2.5, 2.99));
        assert_eq!(cut.fill_from(&[(0, 0)]).count(), 6);
        assert_eq!(m.fill_from(&[(0, 0)]).count(), 15);
    }

    #[test]
    fn holes_fill_and_narrow_parts_open() {
        let ring = parse(&["#####", "#...#", "#####"]);
        assert_eq!(ring.filled().count(), 15);
        let neck = parse(&["###....", "#######", "###....", "......."]);
        let d = disc(1.0, 1.0, 1.0);
        let opened = neck.opened(&d);
        // The disc is a cross: the block keeps all but its corners.
        assert_eq!(opened.count(), 8);
        assert!(!opened.get(5, 1), "the one-cell neck goes");
        let notch = parse(&[
            ".........",
            ".........",
            "..#.###..",
            "..#####..",
            "..#####..",
            ".........",
            ".........",
        ]);
        let closed = notch.closed(&disc(1.5, 1.0, 1.0));
        assert!(closed.get(3, 2), "the notch is filled");
        assert_eq!(closed.count(), notch.count() + 1);
    }

    #[test]
    fn rings_of_a_square_with_a_hole_and_a_corner_touch() {
        let m = parse(&["###.", "#.#.", "###.", "...#"]);
        let rings = m.rings();
        // The outline of the 3×3 block with its hole, and the lone cell
        // touching it at a corner: the hole is walked the other way.
        let area = |r: &Vec<(i64, i64)>| {
            r.windows(2)
                .map(|w| (w[0].0 * w[1].1 - w[1].0 * w[0].1) as f64)
                .sum::<f64>()
                / 2.0
        };
        let mut areas: Vec<f64> = rings.iter().map(area).collect();
        areas.sort_by(f64::total_cmp);
        // Rows run south, so region-on-the-left rings have negative signed
        // area in (column, row) coordinates.
        assert_eq!(areas, [-9.0, -1.0, 1.0]);
        assert!(rings.iter().all(|r| r.first() == r.last()));
    }
}
