//! The bundled base map's geometry prepared ahead of time and built into
//! the binary (`geodata/prepared_map.bin`), so that the window's first
//! frame does not wait for triangulating it: triangulating the coarse
//! levels took about 70 ms of CPU at every start, most of it in the
//! hundreds of holes of the largest countries, and the world layer about 90.
//!
//! The file is flat little-endian numbers read into the prepared types with
//! no parsing: points are `f32` offsets from their mesh's or line's box
//! (under a metre off at the scale of a continent), indices `u32`. It names
//! the geometry it was made from by a SHA-256 of the base map's
//! coordinates, the projection and the levels of detail; any other base map
//! (another region's) is prepared at start as before. A test
//! (`tests/model/prepared_map.rs`) makes it anew and fails when it differs
//! from the file in the repository; `UPDATE_PREPARED_MAP=1` writes it.

use sha2::{Digest, Sha256};

use crate::data::geodata::GeoData;
use crate::map::km_line::KmLine;
use crate::map::layers::base_prepare::{BaseGeometry, WorldGeometry};
use crate::map::layers::world::WHOLE_MARGIN_DEG;
use crate::map::mesh::EDGE_TOLERANCE_KM;
use crate::map::mesh::{Area, LOD_TOLERANCES_KM, Lines, MeshStats, TriMesh};
use crate::model::camera::{KmBox, Projection};

/// The prepared geometry built into the binary.
pub const BUNDLED: &[u8] = include_bytes!("../../geodata/prepared_map.bin");

/// What the file starts with: its kind and layout version.
const MAGIC: &[u8; 8] = b"BIMAP\x00\x00\x01";

/// The prepared geometry of one base map, checked against it.
#[derive(Clone, Copy)]
pub struct Baked {
    /// The base map's geometry.
    base: &'static [u8],
    /// The world's.
    world: &'static [u8],
}

/// A SHA-256 of what the prepared geometry depends on: the base map's
/// coordinates (and river levels, and country codes), the projection, the
/// levels of detail, how the world is cut around it and the layout of the
/// file.
pub fn fingerprint(geo: &GeoData, proj: &Projection) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(MAGIC);
    h.update(proj.reference_lat().to_le_bytes());
    for t in LOD_TOLERANCES_KM
        .iter()
        .chain([&EDGE_TOLERANCE_KM, &WHOLE_MARGIN_DEG])
    {
        h.update(t.to_le_bytes());
    }
    let mut ring = |ls: &geo::LineString<f64>| {
        h.update((ls.0.len() as u64).to_le_bytes());
        for c in &ls.0 {
            h.update(c.x.to_le_bytes());
            h.update(c.y.to_le_bytes());
        }
    };
    let shapes = geo
        .countries
        .iter()
        .map(|c| &c.shape)
        .chain(geo.lakes.iter().map(|l| &l.shape))
        .chain(geo.valley.iter().map(|v| &v.shape));
    for shape in shapes {
        for poly in &shape.0 {
            ring(poly.exterior());
            poly.interiors().iter().for_each(&mut ring);
        }
    }
    for river in &geo.rivers {
        ring(&river.line);
    }
    for border in &geo.borders {
        border.lines.0.iter().for_each(&mut ring);
    }
    let rivers: Vec<u8> = geo.rivers.iter().map(|r| r.level).collect();
    h.update(&rivers);
    for c in &geo.countries {
        h.update(c.iso3.as_bytes());
        h.update([0]);
    }
    h.finalize().into()
}

impl Baked {
    /// The geometry built into the binary, if it was made from `geo` in
    /// `proj` (the bundled base map in the bundled region's projection).
    pub fn for_map(geo: &GeoData, proj: &Projection) -> Option<Self> {
        let mut r = Reader::new(BUNDLED);
        if r.bytes(MAGIC.len())? != MAGIC || r.bytes(32)? != fingerprint(geo, proj) {
            return None;
        }
        let base_len = r.u64()? as usize;
        let base = r.bytes(base_len)?;
        let world_len = r.u64()? as usize;
        let world = r.bytes(world_len)?;
        Some(Self { base, world })
    }

    /// The base map's geometry, or `None` if the file is damaged.
    pub fn base(&self) -> Option<BaseGeometry> {
        let mut r = Reader::new(self.base);
        let geometry = BaseGeometry {
            countries: r.list(Reader::area)?,
            lakes: r.list(Reader::area)?,
            area: r.list(Reader::area)?.pop(),
            rivers: r.list(|r| Some((r.u8()?, r.lines()?)))?,
            borders: r.list(Reader::lines)?,
            stats: r.stats()?,
        };
        r.is_at_end().then_some(geometry)
    }

    /// The world's geometry, or `None` if the file is damaged.
    pub fn world(&self) -> Option<WorldGeometry> {
        let mut r = Reader::new(self.world);
        let countries = r.list(|r| {
            let len = r.u32()? as usize;
            let iso3 = String::from_utf8(r.bytes(len)?.to_vec()).ok()?;
            let mut area = r.area()?;
            // The world is generalised already: its finest level is its coarse one.
            area.fills[0] = area.fills[1].clone();
            area.outlines[0] = area.outlines[1].clone();
            Some((iso3, area))
        })?;
        let geometry = WorldGeometry {
            countries,
            stats: r.stats()?,
        };
        r.is_at_end().then_some(geometry)
    }
}

/// The file for `base` and `world`, prepared from the base map with this
/// fingerprint.
pub fn write(fingerprint: &[u8; 32], base: &BaseGeometry, world: &WorldGeometry) -> Vec<u8> {
    let mut b = Writer::default();
    b.list(&base.countries, Writer::area);
    b.list(&base.lakes, Writer::area);
    b.list(base.area.as_slice(), Writer::area);
    b.list(&base.rivers, |w, (level, lines)| {
        w.0.push(*level);
        w.lines(lines);
    });
    b.list(&base.borders, Writer::lines);
    b.stats(&base.stats);
    let mut w = Writer::default();
    w.list(&world.countries, |w, (iso3, area)| {
        w.u32(iso3.len() as u32);
        w.0.extend_from_slice(iso3.as_bytes());
        let mut coarse = area.clone();
        coarse.fills[0].clear();
        coarse.outlines[0].clear();
        w.area(&coarse);
    });
    w.stats(&world.stats);
    let mut out = Writer::default();
    out.0.extend_from_slice(MAGIC);
    out.0.extend_from_slice(fingerprint);
    for part in [b.0, w.0] {
        out.u64(part.len() as u64);
        out.0.extend_from_slice(&part);
    }
    out.0
}

/// Writes the file's numbers.
#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.u32(items.len() as u32);
        for item in items {
            each(self, item);
        }
    }

    fn bbox(&mut self, b: &KmBox) {
        for v in [b.min[0], b.min[1], b.max[0], b.max[1]] {
            self.f64(v);
        }
    }

    /// Points as `f32` offsets from the box's corner.
    fn points(&mut self, points: &[[f64; 2]], b: &KmBox) {
        self.u32(points.len() as u32);
        for p in points {
            for (v, min) in p.iter().zip(b.min) {
                let offset = (v - min) as f32;
                self.0.extend_from_slice(&offset.to_le_bytes());
            }
        }
    }

    fn mesh(&mut self, m: &TriMesh) {
        self.bbox(&m.bbox);
        self.points(&m.vertices, &m.bbox);
        self.list(&m.indices, |w, i| w.u32(*i));
    }

    fn line(&mut self, l: &KmLine) {
        self.bbox(&l.bbox);
        self.points(&l.points, &l.bbox);
    }

    fn area(&mut self, a: &Area) {
        self.bbox(&a.bbox);
        self.list(&a.fills, |w, level| w.list(level, Writer::mesh));
        self.list(&a.outlines, |w, level| w.list(level, Writer::line));
    }

    fn lines(&mut self, l: &Lines) {
        self.list(&l.lods, |w, level| w.list(level, Writer::line));
    }

    fn stats(&mut self, s: &MeshStats) {
        self.u64(s.triangulations as u64);
        for v in s.triangles.iter().chain(&s.vertices) {
            self.u64(*v as u64);
        }
    }
}

/// Reads the file's numbers; `None` past its end.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn new(bytes: &'static [u8]) -> Self {
        Self { bytes, at: 0 }
    }

    fn is_at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn bytes(&mut self, n: usize) -> Option<&'static [u8]> {
        let end = self.at.checked_add(n)?;
        let out = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(out)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.bytes(N)?.try_into().ok()
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.array()?))
    }

    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.array()?))
    }

    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.u32()? as usize;
        // A damaged count cannot reserve more than the bytes left.
        let mut out = Vec::with_capacity(n.min(self.bytes.len() - self.at));
        for _ in 0..n {
            out.push(each(self)?);
        }
        Some(out)
    }

    fn bbox(&mut self) -> Option<KmBox> {
        Some(KmBox {
            min: [self.f64()?, self.f64()?],
            max: [self.f64()?, self.f64()?],
        })
    }

    fn points(&mut self, b: &KmBox) -> Option<Vec<[f64; 2]>> {
        let n = self.u32()? as usize;
        let raw = self.bytes(n.checked_mul(8)?)?;
        let offset = |c: &[u8], k: usize| {
            let v = f32::from_le_bytes([c[4 * k], c[4 * k + 1], c[4 * k + 2], c[4 * k + 3]]);
            b.min[k] + f64::from(v)
        };
        Some(
            raw.chunks_exact(8)
                .map(|c| [offset(c, 0), offset(c, 1)])
                .collect(),
        )
    }

    fn mesh(&mut self) -> Option<TriMesh> {
        let bbox = self.bbox()?;
        let vertices = self.points(&bbox)?;
        let n = self.u32()? as usize;
        let raw = self.bytes(n.checked_mul(4)?)?;
        let indices: Vec<u32> = raw
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let count = vertices.len() as u32;
        indices.iter().all(|&i| i < count).then_some(TriMesh {
            vertices,
            indices,
            bbox,
        })
    }

    fn line(&mut self) -> Option<KmLine> {
        let bbox = self.bbox()?;
        let points = self.points(&bbox)?;
        Some(KmLine { points, bbox })
    }

    fn area(&mut self) -> Option<Area> {
        let bbox = self.bbox()?;
        let fills = self.list(|r| r.list(Reader::mesh))?;
        let outlines = self.list(|r| r.list(Reader::line))?;
        let levels = LOD_TOLERANCES_KM.len();
        (fills.len() == levels && outlines.len() == levels).then_some(Area {
            fills,
            outlines,
            bbox,
        })
    }

    fn lines(&mut self) -> Option<Lines> {
        Some(Lines {
            lods: self.list(|r| r.list(Reader::line))?,
        })
    }

    fn stats(&mut self) -> Option<MeshStats> {
        let mut s = MeshStats {
            triangulations: self.u64()? as usize,
            ..MeshStats::default()
        };
        for v in s.triangles.iter_mut().chain(s.vertices.iter_mut()) {
            *v = self.u64()? as usize;
        }
        Some(s)
    }
}
