//! The GEBCO grid: read from its NetCDF-3 file, shaded, averaged, and
//! written as the two PNGs that `border_incidents::data::geodata::elevation` reads.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use anyhow::{Context, bail, ensure};
use border_incidents::data::geodata::elevation::{
    BOUNDS, ELEVATION_OFFSET_M, GRID_CELLS_PER_DEGREE, HILLSHADE_CELLS_PER_DEGREE,
};
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ImageBuffer, Luma};

use crate::netcdf::{AttrValue, NcType, NetCdf};

/// An elevation model on a regular lon/lat grid, north row first.
pub struct Dem {
    /// Longitude of the west edge of the first column (degrees).
    pub west: f64,
    /// Latitude of the north edge of the first row (degrees).
    pub north: f64,
    /// Cells per degree (240 for 15″).
    pub cells_per_degree: u32,
    /// Columns.
    pub cols: usize,
    /// Rows.
    pub rows: usize,
    /// Metres; NaN where there is no data.
    pub z: Vec<f32>,
}

impl Dem {
    /// The value at a cell, clamped to the grid's edge.
    pub fn at(&self, col: isize, row: isize) -> f32 {
        let c = col.clamp(0, self.cols as isize - 1) as usize;
        let r = row.clamp(0, self.rows as isize - 1) as usize;
        self.z[r * self.cols + c]
    }

    /// Size of a cell in degrees.
    pub fn step(&self) -> f64 {
        1.0 / f64::from(self.cells_per_degree)
    }

    /// The cell holding a point (which may lie outside the grid).
    pub fn cell_of(&self, lon: f64, lat: f64) -> (isize, isize) {
        let k = f64::from(self.cells_per_degree);
        (
            ((lon - self.west) * k).floor() as isize,
            ((self.north - lat) * k).floor() as isize,
        )
    }

    /// The centre of a cell.
    pub fn centre(&self, col: usize, row: usize) -> (f64, f64) {
        let s = self.step();
        (
            self.west + (col as f64 + 0.5) * s,
            self.north - (row as f64 + 0.5) * s,
        )
    }

    /// The first column and row of the map's box, checked to lie on the
    /// grid's cell edges and inside it.
    fn box_origin(&self) -> anyhow::Result<(usize, usize)> {
        let [w, s, e, n] = BOUNDS;
        let k = f64::from(self.cells_per_degree);
        let c0 = (w - self.west) * k;
        let r0 = (self.north - n) * k;
        ensure!(
            (c0 - c0.round()).abs() < 1e-6 && (r0 - r0.round()).abs() < 1e-6,
            "the map's box does not fall on the grid's cell edges"
        );
        let fits = c0 >= 0.0
            && r0 >= 0.0
            && c0 + (e - w) * k <= self.cols as f64
            && r0 + (n - s) * k <= self.rows as f64;
        ensure!(fits, "the grid does not cover the map's box {BOUNDS:?}");
        Ok((c0.round() as usize, r0.round() as usize))
    }
}

/// A coordinate variable, stored as doubles or floats.
fn coordinates(nc: &NetCdf, name: &str) -> Result<Vec<f64>, crate::netcdf::NcError> {
    match nc.var(name)?.ty {
        NcType::Float => Ok(nc.read_f32(name)?.into_iter().map(f64::from).collect()),
        _ => nc.read_f64(name),
    }
}

fn regular(values: &[f64], what: &str) -> anyhow::Result<f64> {
    ensure!(values.len() >= 2, "{what}: fewer than two values");
    let step = (values[values.len() - 1] - values[0]) / (values.len() - 1) as f64;
    for (i, v) in values.iter().enumerate() {
        ensure!(
            (v - (values[0] + i as f64 * step)).abs() < 1e-6,
            "{what}: value {i} ({v}) is off the regular spacing {step}"
        );
    }
    Ok(step)
}

/// Reads the GEBCO grid from a NetCDF-3 file with variables `lat`, `lon`
/// (cell centres, ascending, regular) and `elevation` (`lat` × `lon`, int16).
pub fn read_gebco(path: &Path) -> anyhow::Result<Dem> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let ctx = || format!("elevation file {}", path.display());
    let nc = NetCdf::parse(bytes).with_context(ctx)?;
    let title = nc.attrs.iter().find_map(|a| match (&a.name[..], &a.value) {
        ("title", AttrValue::Text(t)) => Some(t.as_str()),
        _ => None,
    });
    eprintln!(
        "elevation: NetCDF-3 format {}, {} records, {} variables; {}",
        nc.version,
        nc.numrecs,
        nc.vars.len(),
        title.unwrap_or("no title")
    );
    let lat = coordinates(&nc, "lat").with_context(ctx)?;
    let lon = coordinates(&nc, "lon").with_context(ctx)?;
    let var = nc.var("elevation").with_context(ctx)?;
    let dims: Vec<&str> = var.dims.iter().map(|&d| nc.dims[d].name.as_str()).collect();
    if dims != ["lat", "lon"] {
        bail!(
            "{}: elevation has dimensions {dims:?}, expected [lat, lon]",
            ctx()
        );
    }
    let fill = var
        .attrs
        .iter()
        .find_map(|a| match (&a.name[..], &a.value) {
            ("_FillValue", AttrValue::Numbers(n)) => n.first().copied(),
            _ => None,
        });
    let values = nc.read_i16("elevation").with_context(ctx)?;
    let (dx, dy) = (regular(&lon, "lon")?, regular(&lat, "lat")?);
    ensure!(dy > 0.0, "{}: latitudes must ascend", ctx());
    let k = (1.0 / dx).round();
    ensure!(
        (1.0 / dx - k).abs() < 1e-6 && (1.0 / dy - k).abs() < 1e-6,
        "{}: cells are not square whole fractions of a degree",
        ctx()
    );
    let (cols, rows) = (lon.len(), lat.len());
    // Flip to north-first rows.
    let mut z = Vec::with_capacity(values.len());
    for r in (0..rows).rev() {
        z.extend(values[r * cols..(r + 1) * cols].iter().map(|&v| {
            if fill == Some(f64::from(v)) {
                f32::NAN
            } else {
                f32::from(v)
            }
        }));
    }
    let snap = |v: f64| (v * k).round() / k;
    Ok(Dem {
        west: snap(lon[0] - dx / 2.0),
        north: snap(lat[rows - 1] + dy / 2.0),
        cells_per_degree: k as u32,
        cols,
        rows,
        z,
    })
}

/// Vertical exaggeration of the hillshade, chosen by eye: 1.5 brings out
/// the foothills around the valley without turning the high ranges black.
pub const Z_FACTOR: f64 = 1.5;
/// Sun elevation (degrees) for every light direction.
pub const ALTITUDE_DEG: f64 = 45.0;
/// Grey levels stored (spread over 0–255): 128 steps of 2 are as smooth to
/// the eye as 256 and make the PNG a sixth smaller.
pub const GREY_LEVELS: u32 = 128;

/// Multidirectional hillshade (lights from 225°, 270°, 315° and 360°,
/// each weighted by how squarely the slope faces it, as in USGS open-file
/// report 92-422 and GDAL's `-multidirectional`) of the map's box, one
/// byte per cell: 0 black, 255 white, flat ground 181, in [`GREY_LEVELS`]
/// levels. Gradients by Horn's method on metric cell sizes (east–west
/// spacing shrinks with cos(lat)).
pub fn hillshade(dem: &Dem) -> anyhow::Result<Vec<u8>> {
    ensure!(
        dem.cells_per_degree == HILLSHADE_CELLS_PER_DEGREE,
        "the grid has {} cells per degree, the hillshade {HILLSHADE_CELLS_PER_DEGREE}",
        dem.cells_per_degree
    );
    let (c0, r0) = dem.box_origin()?;
    let (cols, rows) =
        border_incidents::data::geodata::elevation::raster_size(dem.cells_per_degree);
    let alt = ALTITUDE_DEG.to_radians();
    let lights: Vec<(f64, [f64; 3])> = [225.0f64, 270.0, 315.0, 360.0]
        .iter()
        .map(|az| {
            let a = az.to_radians();
            (a, [a.sin() * alt.cos(), a.cos() * alt.cos(), alt.sin()])
        })
        .collect();
    let dy_m = dem.step() * 111_132.0;
    let mut out = Vec::with_capacity(cols * rows);
    for r in 0..rows {
        let row = (r0 + r) as isize;
        let lat = dem.centre(0, r0 + r).1.to_radians();
        let dx_m = dem.step() * 111_320.0 * lat.cos();
        for c in 0..cols {
            let col = (c0 + c) as isize;
            let z = |dc: isize, dr: isize| f64::from(dem.at(col + dc, row + dr));
            let (a, b, cc) = (z(-1, -1), z(0, -1), z(1, -1));
            let (d, f) = (z(-1, 0), z(1, 0));
            let (g, h, i) = (z(-1, 1), z(0, 1), z(1, 1));
            // East and north components of the gradient (row 0 is north).
            let gx = ((cc + 2.0 * f + i) - (a + 2.0 * d + g)) / (8.0 * dx_m) * Z_FACTOR;
            let gy = ((a + 2.0 * b + cc) - (g + 2.0 * h + i)) / (8.0 * dy_m) * Z_FACTOR;
            let shade = if gx.is_nan() || gy.is_nan() {
                ALTITUDE_DEG.to_radians().sin()
            } else {
                let norm = (gx * gx + gy * gy + 1.0).sqrt();
                let n = [-gx / norm, -gy / norm, 1.0 / norm];
                // Compass direction the slope faces (downhill).
                let aspect = (-gx).atan2(-gy);
                let mut sum = 0.0;
                for (az, l) in &lights {
                    let lit = (n[0] * l[0] + n[1] * l[1] + n[2] * l[2]).max(0.0);
                    sum += (aspect - az).cos().powi(2) * lit;
                }
                // The four weights add up to 2.
                sum / 2.0
            };
            let top = f64::from(GREY_LEVELS - 1);
            let level = (shade * top).round().clamp(0.0, top);
            out.push((level * 255.0 / top).round() as u8);
        }
    }
    Ok(out)
}

/// The elevation grid of the map's box at [`GRID_CELLS_PER_DEGREE`]: each
/// value the mean of the source cells it covers, rounded to the metre, plus
/// [`ELEVATION_OFFSET_M`]; 0 where a source cell has no data.
pub fn grid(dem: &Dem) -> anyhow::Result<Vec<u16>> {
    let f = dem.cells_per_degree / GRID_CELLS_PER_DEGREE;
    ensure!(
        f >= 1 && f * GRID_CELLS_PER_DEGREE == dem.cells_per_degree,
        "the grid's {} cells per degree are no multiple of {GRID_CELLS_PER_DEGREE}",
        dem.cells_per_degree
    );
    let f = f as usize;
    let (c0, r0) = dem.box_origin()?;
    let (cols, rows) =
        border_incidents::data::geodata::elevation::raster_size(GRID_CELLS_PER_DEGREE);
    let mut out = Vec::with_capacity(cols * rows);
    for r in 0..rows {
        for c in 0..cols {
            let mut sum = 0.0f64;
            for dr in 0..f {
                for dc in 0..f {
                    sum += f64::from(dem.z[(r0 + r * f + dr) * dem.cols + c0 + c * f + dc]);
                }
            }
            let m = (sum / (f * f) as f64).round() + f64::from(ELEVATION_OFFSET_M);
            out.push(if m.is_nan() || m < 1.0 {
                0
            } else {
                m.min(65535.0) as u16
            });
        }
    }
    Ok(out)
}

fn encoder(path: &Path) -> anyhow::Result<PngEncoder<BufWriter<File>>> {
    let file = File::create(path).with_context(|| format!("writing {}", path.display()))?;
    Ok(PngEncoder::new_with_quality(
        BufWriter::new(file),
        CompressionType::Best,
        FilterType::Adaptive,
    ))
}

/// Writes an 8-bit greyscale PNG; returns its size in bytes.
pub fn write_png8(path: &Path, cols: usize, rows: usize, px: Vec<u8>) -> anyhow::Result<u64> {
    let img: ImageBuffer<Luma<u8>, _> = ImageBuffer::from_raw(cols as u32, rows as u32, px)
        .context("pixel count does not match the size")?;
    img.write_with_encoder(encoder(path)?)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(std::fs::metadata(path)?.len())
}

/// Writes a 16-bit greyscale PNG; returns its size in bytes.
pub fn write_png16(path: &Path, cols: usize, rows: usize, px: Vec<u16>) -> anyhow::Result<u64> {
    let img: ImageBuffer<Luma<u16>, _> = ImageBuffer::from_raw(cols as u32, rows as u32, px)
        .context("pixel count does not match the size")?;
    img.write_with_encoder(encoder(path)?)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(std::fs::metadata(path)?.len())
}

/// Writes `hillshade.png` and `elevation.png` into `out`; returns their
/// names and sizes.
pub fn write_all(dem: &Dem, out: &Path) -> anyhow::Result<Vec<(&'static str, u64)>> {
    use border_incidents::data::geodata::elevation::raster_size;
    let (cols, rows) = raster_size(HILLSHADE_CELLS_PER_DEGREE);
    let shade = hillshade(dem)?;
    let hs = write_png8(&out.join("hillshade.png"), cols, rows, shade)?;
    eprintln!("hillshade: {cols} × {rows}, vertical exaggeration {Z_FACTOR}");
    let (cols, rows) = raster_size(GRID_CELLS_PER_DEGREE);
    let el = write_png16(&out.join("elevation.png"), cols, rows, grid(dem)?)?;
    eprintln!("elevation grid: {cols} × {rows}");
    Ok(vec![("hillshade.png", hs), ("elevation.png", el)])
}
