//! The Fergana Valley from elevation: the connected low basin around the
//! valley floor, seeded at the valley's cities, cut at the western gate
//! near Khujand, smoothed and simplified.

use anyhow::{bail, ensure};
use geo::{Coord, GeodesicArea, LineString, Polygon, Simplify, Validation, Winding, coord};

use crate::mask::{Mask, disc};
use crate::terrain::Dem;

/// Cells at or below this elevation (metres) count as the valley. The
/// valley floor rises from about 330 m at Khujand to about 1,000 m in the
/// east, where Osh and Uzgen stand; above it the piedmont steepens into the
/// ranges.
pub const THRESHOLD_M: f32 = 1000.0;
/// The cities the fill starts from (GeoNames ASCII names in places.geojson).
pub const SEEDS: [&str; 7] = [
    "Namangan",
    "Andijon",
    "Fergana",
    "Qo'qon",
    "Marg'ilon",
    "Jalal-Abad",
    "Khujand",
];
/// The cut at the western gate: a line (lon, lat) across the gap west of
/// Khujand, from the foothills of the Turkestan range in the south, across
/// the Syr Darya and the Mogoltau hills, to the south-western end of the
/// Kurama range. Without it the fill runs on through the Hunger Steppe to
/// Tashkent at any threshold from 500 m (and from 800 m on through Kazakhstan
/// to the Chu valley and Bishkek).
pub const GATE_CUT: [(f64, f64); 2] = [(69.5, 39.9), (69.5, 40.75)];
/// The part of the grid searched (west, south, east, north); the fill must
/// not reach its edge.
pub const WINDOW: [f64; 4] = [68.5, 39.0, 75.0, 42.5];
/// Radius of the opening (km): drops gorges and strips narrower than twice
/// this, such as the Naryn gorge above Tash-Kömür.
pub const OPEN_KM: f64 = 2.5;
/// Radius of the closing (km): fills inlets narrower than twice this.
pub const CLOSE_KM: f64 = 2.0;
/// Douglas–Peucker tolerances (degrees) before and after the smoothing.
pub const SIMPLIFY_DEG: [f64; 2] = [0.004, 0.003];

/// The valley outline and figures about it.
pub struct Valley {
    /// The outline (no holes).
    pub shape: Polygon<f64>,
    /// Geodesic area, km².
    pub km2: f64,
    /// Area (km²) of the filled region before opening and closing.
    pub raw_km2: f64,
    /// The holes filled: approximate area (km²) and the centre (lon, lat)
    /// of their bounding box.
    pub holes: Vec<(f64, f64, f64)>,
}

/// The sentence stored with the area, saying how it was made.
pub fn method() -> String {
    let [(x0, y0), (_, y1)] = GATE_CUT;
    format!(
        "GEBCO_2023 cells (15″) at or below {THRESHOLD_M} m connected to Namangan, Andijon, \
         Fergana, Kokand, Margilan, Jalal-Abad and Khujand, cut at the western gate along \
         {x0}°E from {y0}°N to {y1}°N (west of Khujand, from the Turkestan range's foothills \
         across the Syr Darya and the Mogoltau to the end of the Kurama range) so that it does \
         not run on into the Hunger Steppe and the Tashkent oasis; opened with a {OPEN_KM} km \
         disc (drops gorges narrower than {} km), closed with a {CLOSE_KM} km disc, holes filled, \
         outline smoothed and simplified. Approximate: a contour of a 450 m grid, not a \
         surveyed boundary.",
        2.0 * OPEN_KM
    )
}

fn chaikin(ring: &[Coord<f64>]) -> Vec<Coord<f64>> {
    let n = ring.len() - 1;
    let mut out = Vec::with_capacity(2 * n + 1);
    for i in 0..n {
        let (a, b) = (ring[i], ring[i + 1]);
        out.push(coord! { x: 0.75 * a.x + 0.25 * b.x, y: 0.75 * a.y + 0.25 * b.y });
        out.push(coord! { x: 0.25 * a.x + 0.75 * b.x, y: 0.25 * a.y + 0.75 * b.y });
    }
    out.push(out[0]);
    out
}

/// The cells of the grid searched, [`WINDOW`].
struct Window {
    /// The column and row of its north-west corner in the grid.
    corner: (isize, isize),
    /// Its size in cells.
    cols: usize,
    rows: usize,
}

impl Window {
    /// The window in `dem`, which must cover it.
    fn of(dem: &Dem) -> anyhow::Result<Self> {
        let [w, s, e, n] = WINDOW;
        let (c0, r0) = dem.cell_of(w, n);
        let (c1, r1) = dem.cell_of(e, s);
        ensure!(
            c0 >= 0 && r0 >= 0 && c1 <= dem.cols as isize && r1 <= dem.rows as isize,
            "the grid does not cover the valley's window {WINDOW:?}"
        );
        Ok(Self {
            corner: (c0, r0),
            cols: (c1 - c0) as usize,
            rows: (r1 - r0) as usize,
        })
    }

    /// The cell of the window at (lon, lat).
    fn cell(&self, dem: &Dem, lon: f64, lat: f64) -> (isize, isize) {
        let (c, r) = dem.cell_of(lon, lat);
        (c - self.corner.0, r - self.corner.1)
    }

    /// Whether the fill reaches the window's edge.
    fn touched_by(&self, mask: &Mask) -> bool {
        let (cols, rows) = (self.cols, self.rows);
        (0..cols).any(|c| mask.cells[c] || mask.cells[(rows - 1) * cols + c])
            || (0..rows).any(|r| mask.cells[r * cols] || mask.cells[r * cols + cols - 1])
    }
}

/// Derives the valley from the grid, seeded at `seeds` (lon, lat).
pub fn valley(dem: &Dem, seeds: &[(f64, f64)]) -> anyhow::Result<Valley> {
    let window = Window::of(dem)?;
    let seeds: Vec<(isize, isize)> = seeds.iter().map(|&(x, y)| window.cell(dem, x, y)).collect();
    let filled = low_land(dem, &window, &seeds)?;
    // Cell size at the window's middle latitude (varies by ±3 % across it).
    let [_, s, _, n] = WINDOW;
    let mid = ((s + n) / 2.0).to_radians();
    let (cw, ch) = (dem.step() * 111.320 * mid.cos(), dem.step() * 110.574);
    let cell_km2 = cw * ch;
    let raw_km2 = filled.count() as f64 * cell_km2;
    let smooth = filled
        .opened(&disc(OPEN_KM, cw, ch))
        .fill_from(&seeds)
        .closed(&disc(CLOSE_KM, cw, ch));
    for (i, &(c, r)) in seeds.iter().enumerate() {
        ensure!(
            smooth.get(c, r),
            "seed {} was lost in the opening",
            SEEDS[i]
        );
    }
    let solid = smooth.filled();
    let holes = holes_filled(dem, &window, &solid, &smooth, cell_km2);
    let shape = outline(dem, &solid)?;
    Ok(Valley {
        km2: shape.geodesic_area_unsigned() / 1e6,
        shape,
        raw_km2,
        holes,
    })
}

/// The cells at or below [`THRESHOLD_M`] connected to the seeds, with the
/// western gate cut; the fill must not leak to the window's edge.
fn low_land(dem: &Dem, window: &Window, seeds: &[(isize, isize)]) -> anyhow::Result<Mask> {
    let [w, _, _, n] = WINDOW;
    let (c0, r0) = window.corner;
    let low = |c: usize, r: usize| dem.at(c0 + c as isize, r0 + r as isize) <= THRESHOLD_M;
    let mut mask = Mask::from_fn(window.cols, window.rows, low);
    let frac = |lon: f64, lat: f64| {
        let k = f64::from(dem.cells_per_degree);
        ((lon - w) * k, (n - lat) * k)
    };
    for pair in GATE_CUT.windows(2) {
        mask.cut(frac(pair[0].0, pair[0].1), frac(pair[1].0, pair[1].1));
    }
    for (i, &(c, r)) in seeds.iter().enumerate() {
        ensure!(
            mask.get(c, r),
            "seed {} lies above {THRESHOLD_M} m",
            SEEDS[i]
        );
    }
    let filled = mask.fill_from(seeds);
    if window.touched_by(&filled) {
        bail!("the valley's fill reaches the edge of its window {WINDOW:?}: it leaks");
    }
    Ok(filled)
}

/// The holes of `smooth` that `solid` fills: each one's area (km²) and the
/// centre (lon, lat) of its bounding box.
fn holes_filled(
    dem: &Dem,
    window: &Window,
    solid: &Mask,
    smooth: &Mask,
    cell_km2: f64,
) -> Vec<(f64, f64, f64)> {
    let [w, _, _, n] = WINDOW;
    let cols = window.cols;
    let holes = Mask::from_fn(cols, window.rows, |c, r| {
        solid.cells[r * cols + c] && !smooth.cells[r * cols + c]
    });
    let k = f64::from(dem.cells_per_degree);
    holes
        .rings()
        .iter()
        .map(|ring| {
            let (cs, rs): (Vec<i64>, Vec<i64>) = ring.iter().copied().unzip();
            let mid = |v: &[i64]| {
                (v.iter().min().unwrap_or(&0) + v.iter().max().unwrap_or(&0)) as f64 / 2.0
            };
            (
                ring_area(ring).abs() * cell_km2,
                w + mid(&cs) / k,
                n - mid(&rs) / k,
            )
        })
        .collect()
}

/// The outline of `solid` (which must be one piece) in lon/lat, simplified,
/// smoothed, simplified again and wound counter-clockwise.
fn outline(dem: &Dem, solid: &Mask) -> anyhow::Result<Polygon<f64>> {
    let [w, _, _, n] = WINDOW;
    let k = f64::from(dem.cells_per_degree);
    let rings = solid.rings();
    let Some(outer) = rings
        .iter()
        .max_by(|a, b| ring_area(a).abs().total_cmp(&ring_area(b).abs()))
    else {
        bail!("the valley is empty");
    };
    ensure!(rings.len() == 1, "the valley is in {} pieces", rings.len());
    let line: LineString<f64> = outer
        .iter()
        .map(|&(c, r)| coord! { x: w + c as f64 / k, y: n - r as f64 / k })
        .collect();
    let line = line.simplify(SIMPLIFY_DEG[0]);
    let line = LineString::new(chaikin(&chaikin(&line.0)));
    let mut line = line.simplify(SIMPLIFY_DEG[1]);
    line.make_ccw_winding();
    let shape = Polygon::new(line, vec![]);
    ensure!(
        shape.is_valid(),
        "the valley's outline is not a valid polygon"
    );
    Ok(shape)
}

/// Signed area of a ring of cell corners, in cells.
fn ring_area(ring: &[(i64, i64)]) -> f64 {
    ring.windows(2)
        .map(|p| (p[0].0 * p[1].1 - p[1].0 * p[0].1) as f64)
        .sum::<f64>()
        / 2.0
}
