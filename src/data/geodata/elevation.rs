//! Terrain from the GEBCO_2023 grid, as the `geodata` program stores it
//! under `geodata/` (format: `geodata/README.md`): an elevation grid for
//! reading heights at a point, and a shaded-relief (hillshade) image for the
//! map to upload as a texture. Both cover the map's box, north up, in plain
//! longitude/latitude cells.
//!
//! Decoding takes milliseconds, not microseconds: [`ElevationGrid::shared`]
//! decodes the grid on first use, and the hillshade is decoded only when
//! [`Hillshade::bundled`] is called (on a thread, if start-up must not wait).

use std::sync::OnceLock;

use geo::{Rect, coord};
use image::{DynamicImage, ImageFormat};

/// West, south, east, north edges (degrees) of both rasters: the map's box.
pub const BOUNDS: [f64; 4] = [66.5, 36.5, 80.5, 43.5];
/// Cells per degree of the hillshade: 240 (15″, the GEBCO grid's own).
pub const HILLSHADE_CELLS_PER_DEGREE: u32 = 240;
/// Cells per degree of the elevation grid: 120 (30″, means of 2 × 2 GEBCO cells).
pub const GRID_CELLS_PER_DEGREE: u32 = 120;
/// The hillshade's grey for flat ground (lit from 45° above the horizon:
/// 0.707 of white, in the image's 128 levels).
pub const FLAT_GREY: u8 = 181;
/// A stored grid value is metres plus this offset; a stored 0 is no data.
pub const ELEVATION_OFFSET_M: i32 = 1000;

/// `geodata/elevation.png`: 16-bit greyscale, metres + [`ELEVATION_OFFSET_M`].
pub const ELEVATION_PNG: &[u8] = include_bytes!("../../../geodata/elevation.png");
/// `geodata/hillshade.png`: 8-bit greyscale shaded relief.
pub const HILLSHADE_PNG: &[u8] = include_bytes!("../../../geodata/hillshade.png");

/// Credit for the elevation data, for the About view.
pub const ATTRIBUTION: &str = "Elevation and relief shading: GEBCO Compilation Group (2023) \
GEBCO 2023 Grid (doi:10.5285/f98b053b-0cbc-6c23-e053-6c86abc0af7b), public domain.";

/// Why a terrain raster could not be decoded.
#[derive(Debug, thiserror::Error)]
pub enum TerrainError {
    /// The bytes are not a PNG the decoder can read.
    #[error("{file}: {source}")]
    Png {
        /// The file name.
        file: &'static str,
        /// The decoder's error.
        source: image::ImageError,
    },
    /// The PNG is not of the documented pixel type or size.
    #[error("{file}: {what}")]
    Layout {
        /// The file name.
        file: &'static str,
        /// What differs from the documented layout.
        what: String,
    },
}

/// The map's box as a rectangle (x = longitude, y = latitude).
pub fn bounds() -> Rect<f64> {
    let [w, s, e, n] = BOUNDS;
    Rect::new(coord! { x: w, y: s }, coord! { x: e, y: n })
}

/// The width and height in cells of a raster over [`BOUNDS`].
pub fn raster_size(cells_per_degree: u32) -> (usize, usize) {
    let [w, s, e, n] = BOUNDS;
    let k = f64::from(cells_per_degree);
    (
        ((e - w) * k).round() as usize,
        ((n - s) * k).round() as usize,
    )
}

fn decode(
    file: &'static str,
    bytes: &[u8],
    cells_per_degree: u32,
) -> Result<DynamicImage, TerrainError> {
    let img = image::load_from_memory_with_format(bytes, ImageFormat::Png)
        .map_err(|source| TerrainError::Png { file, source })?;
    let want = raster_size(cells_per_degree);
    let got = (img.width() as usize, img.height() as usize);
    if got != want {
        return Err(TerrainError::Layout {
            file,
            what: format!(
                "{} × {} pixels, expected {} × {}",
                got.0, got.1, want.0, want.1
            ),
        });
    }
    Ok(img)
}

/// The bundled grid, once decoded.
static SHARED_GRID: OnceLock<Result<ElevationGrid, TerrainError>> = OnceLock::new();

/// Elevations in metres on a regular lon/lat grid, north row first.
#[derive(Clone, Debug)]
pub struct ElevationGrid {
    cols: usize,
    rows: usize,
    cells_per_degree: f64,
    /// Stored values: metres + [`ELEVATION_OFFSET_M`], 0 for no data.
    stored: Vec<u16>,
}

impl ElevationGrid {
    /// Decodes a 16-bit greyscale PNG laid out as `geodata/elevation.png`.
    pub fn from_png(bytes: &[u8]) -> Result<Self, TerrainError> {
        let file = "elevation.png";
        let img = decode(file, bytes, GRID_CELLS_PER_DEGREE)?;
        let (cols, rows) = (img.width() as usize, img.height() as usize);
        let DynamicImage::ImageLuma16(buf) = img else {
            return Err(TerrainError::Layout {
                file,
                what: format!("pixel type {:?}, expected 16-bit greyscale", img.color()),
            });
        };
        Ok(Self {
            cols,
            rows,
            cells_per_degree: f64::from(GRID_CELLS_PER_DEGREE),
            stored: buf.into_raw(),
        })
    }

    /// Decodes the bundled grid (about 1.4 million cells).
    pub fn bundled() -> Result<Self, TerrainError> {
        Self::from_png(ELEVATION_PNG)
    }

    /// The bundled grid, decoded once on first use and shared.
    pub fn shared() -> Result<&'static Self, &'static TerrainError> {
        SHARED_GRID.get_or_init(Self::bundled).as_ref()
    }

    /// The bundled grid if [`ElevationGrid::shared`] has decoded it, without
    /// waiting for it (what the window shows while it starts).
    pub fn decoded() -> Option<&'static Self> {
        SHARED_GRID.get()?.as_ref().ok()
    }

    /// Width and height in cells.
    pub fn size(&self) -> (usize, usize) {
        (self.cols, self.rows)
    }

    /// The area the grid covers.
    pub fn bounds(&self) -> Rect<f64> {
        bounds()
    }

    /// The elevation of cell (`col`, `row`), row 0 northmost, or `None`
    /// outside the grid or where it has no data.
    pub fn cell_m(&self, col: usize, row: usize) -> Option<f64> {
        if col >= self.cols || row >= self.rows {
            return None;
        }
        match self.stored[row * self.cols + col] {
            0 => None,
            v => Some(f64::from(i32::from(v) - ELEVATION_OFFSET_M)),
        }
    }

    /// The elevation in metres at a point, interpolated bilinearly between
    /// the four nearest cell centres (the nearest cell alone where one of
    /// them has no data); `None` outside the grid or on no data.
    pub fn elevation_m(&self, lon: f64, lat: f64) -> Option<f64> {
        let [w, s, e, n] = BOUNDS;
        if !(w..=e).contains(&lon) || !(s..=n).contains(&lat) {
            return None;
        }
        // Continuous cell coordinates, 0 at the first cell's centre.
        let x = ((lon - w) * self.cells_per_degree - 0.5).clamp(0.0, (self.cols - 1) as f64);
        let y = ((n - lat) * self.cells_per_degree - 0.5).clamp(0.0, (self.rows - 1) as f64);
        let (c0, r0) = (x.floor() as usize, y.floor() as usize);
        let (c1, r1) = ((c0 + 1).min(self.cols - 1), (r0 + 1).min(self.rows - 1));
        let (fx, fy) = (x - c0 as f64, y - r0 as f64);
        let corners = [
            self.cell_m(c0, r0),
            self.cell_m(c1, r0),
            self.cell_m(c0, r1),
            self.cell_m(c1, r1),
        ];
        if let [Some(a), Some(b), Some(c), Some(d)] = corners {
            let top = a + (b - a) * fx;
            let bottom = c + (d - c) * fx;
            return Some(top + (bottom - top) * fy);
        }
        self.cell_m(x.round() as usize, y.round() as usize)
    }
}

/// A shaded-relief image: one byte per cell (0 black, 255 white), north
/// row first, covering `bounds`.
#[derive(Clone, Debug)]
pub struct Hillshade {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Greyscale values, `width × height`, row by row from the north.
    pub pixels: Vec<u8>,
    /// West, south, east and north edges of the image (degrees).
    pub bounds: Rect<f64>,
}

impl Hillshade {
    /// Decodes an 8-bit greyscale PNG laid out as `geodata/hillshade.png`.
    pub fn from_png(bytes: &[u8]) -> Result<Self, TerrainError> {
        let file = "hillshade.png";
        let img = decode(file, bytes, HILLSHADE_CELLS_PER_DEGREE)?;
        let (width, height) = (img.width() as usize, img.height() as usize);
        let DynamicImage::ImageLuma8(buf) = img else {
            return Err(TerrainError::Layout {
                file,
                what: format!("pixel type {:?}, expected 8-bit greyscale", img.color()),
            });
        };
        Ok(Self {
            width,
            height,
            pixels: buf.into_raw(),
            bounds: bounds(),
        })
    }

    /// Decodes the bundled hillshade (about 5.6 million pixels).
    pub fn bundled() -> Result<Self, TerrainError> {
        Self::from_png(HILLSHADE_PNG)
    }

    /// The image cut into tiles of at most `max_side` pixels a side (for a
    /// GPU whose textures are limited in size), row by row from the
    /// north-west, each with its own bounds.
    pub fn tiles(&self, max_side: usize) -> Vec<Hillshade> {
        let side = max_side.max(1);
        let (w, s, e, n) = (
            self.bounds.min().x,
            self.bounds.min().y,
            self.bounds.max().x,
            self.bounds.max().y,
        );
        let (dx, dy) = ((e - w) / self.width as f64, (n - s) / self.height as f64);
        let mut out = Vec::new();
        for y0 in (0..self.height).step_by(side) {
            let y1 = (y0 + side).min(self.height);
            for x0 in (0..self.width).step_by(side) {
                let x1 = (x0 + side).min(self.width);
                let pixels = (y0..y1)
                    .flat_map(|y| &self.pixels[y * self.width + x0..y * self.width + x1])
                    .copied()
                    .collect();
                out.push(Hillshade {
                    width: x1 - x0,
                    height: y1 - y0,
                    pixels,
                    bounds: Rect::new(
                        coord! { x: w + x0 as f64 * dx, y: n - y1 as f64 * dy },
                        coord! { x: w + x1 as f64 * dx, y: n - y0 as f64 * dy },
                    ),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(cols: usize, rows: usize, stored: Vec<u16>) -> ElevationGrid {
        ElevationGrid {
            cols,
            rows,
            cells_per_degree: f64::from(GRID_CELLS_PER_DEGREE),
            stored,
        }
    }

    #[test]
    fn bilinear_between_centres_and_none_outside() {
        let off = ELEVATION_OFFSET_M as u16;
        let g = grid(2, 2, vec![off, off + 100, off + 200, off + 300]);
        let [w, _, _, n] = BOUNDS;
        let cell = 1.0 / f64::from(GRID_CELLS_PER_DEGREE);
        let centre = |c: f64, r: f64| (w + (c + 0.5) * cell, n - (r + 0.5) * cell);
        let near = |got: Option<f64>, want: f64| got.is_some_and(|v| (v - want).abs() < 1e-6);
        let (lon, lat) = centre(0.0, 0.0);
        assert!(near(g.elevation_m(lon, lat), 0.0));
        let (lon, lat) = centre(0.5, 0.5);
        assert!(near(g.elevation_m(lon, lat), 150.0));
        let (lon, lat) = centre(1.0, 0.25);
        assert!(near(g.elevation_m(lon, lat), 150.0));
        // Between the box's corner and the first centre: clamped to it.
        assert_eq!(g.elevation_m(w, n), Some(0.0));
        assert_eq!(g.elevation_m(w - 0.01, n), None);
        assert_eq!(g.elevation_m(w, n + 0.01), None);
    }

    #[test]
    fn no_data_falls_back_to_the_nearest_cell() {
        let off = ELEVATION_OFFSET_M as u16;
        let g = grid(2, 1, vec![off + 500, 0]);
        let [w, _, _, n] = BOUNDS;
        let cell = 1.0 / f64::from(GRID_CELLS_PER_DEGREE);
        assert_eq!(g.elevation_m(w + 0.7 * cell, n - 0.5 * cell), Some(500.0));
        assert_eq!(g.elevation_m(w + 1.4 * cell, n - 0.5 * cell), None);
    }

    #[test]
    fn tiles_cover_the_image_with_their_bounds() {
        let h = Hillshade {
            width: 5,
            height: 3,
            pixels: (0..15).collect(),
            bounds: Rect::new(coord! { x: 0.0, y: 0.0 }, coord! { x: 5.0, y: 3.0 }),
        };
        let t = h.tiles(2);
        assert_eq!(t.len(), 6);
        assert_eq!(
            (t[0].width, t[0].height, &t[0].pixels[..]),
            (2, 2, &[0, 1, 5, 6][..])
        );
        assert_eq!(t[2].pixels, [4, 9]);
        assert_eq!(t[5].pixels, [14]);
        assert_eq!(
            t[5].bounds,
            Rect::new(coord! { x: 4.0, y: 0.0 }, coord! { x: 5.0, y: 1.0 })
        );
    }

    #[test]
    fn wrong_size_or_garbage_is_an_error() {
        assert!(matches!(
            ElevationGrid::from_png(b"not a png"),
            Err(TerrainError::Png { .. })
        ));
        let mut png = Vec::new();
        let img = image::GrayImage::new(3, 2);
        img.write_to(&mut std::io::Cursor::new(&mut png), ImageFormat::Png)
            .unwrap();
        let err = Hillshade::from_png(&png).unwrap_err();
        assert!(err.to_string().contains("3 × 2 pixels"), "{err}");
    }
}
