//! The base map's geometry built into the binary (`geodata/prepared_map.bin`)
//! is what preparing the bundled base map gives now, and reads back into the
//! same meshes and lines.

use border_incidents::data::Data;
use border_incidents::data::geodata::world::World;
use border_incidents::map::baked::{self, Baked};
use border_incidents::map::layers::base_prepare::{BaseCover, BaseGeometry, WorldGeometry};
use border_incidents::map::mesh::Area;
use border_incidents::model::camera::Projection;

/// Where the file lies in the repository.
const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/geodata/prepared_map.bin");

/// The bundled base map and world prepared now, and the file they make.
fn prepared_now() -> (BaseGeometry, WorldGeometry, Vec<u8>) {
    let data = Data::bundled().expect("bundled data");
    let proj = Projection::at(data.region.reference_lat);
    let base = BaseGeometry::prepare(&data.geo, &proj);
    let world = World::bundled().expect("bundled world");
    let world = WorldGeometry::prepare(&world, &BaseCover::of(&data.geo), &proj);
    let file = baked::write(&baked::fingerprint(&data.geo, &proj), &base, &world);
    (base, world, file)
}

#[test]
fn the_prepared_map_in_the_binary_is_current() {
    let (_, _, file) = prepared_now();
    if std::env::var_os("UPDATE_PREPARED_MAP").is_some() {
        std::fs::write(FILE, &file).expect("writes geodata/prepared_map.bin");
        return;
    }
    assert!(
        file == baked::BUNDLED,
        "geodata/prepared_map.bin is not what the bundled base map prepares to now \
         ({} bytes against {}); write it anew with \
         UPDATE_PREPARED_MAP=1 cargo test --test model prepared_map",
        file.len(),
        baked::BUNDLED.len()
    );
}

/// Whether two areas have the same meshes and lines, points within a
/// metre (they are kept as `f32` offsets).
fn same_area(a: &Area, b: &Area) -> bool {
    let close =
        |p: &[f64; 2], q: &[f64; 2]| (p[0] - q[0]).abs() < 1e-3 && (p[1] - q[1]).abs() < 1e-3;
    let fills = a.fills.iter().zip(&b.fills).all(|(x, y)| {
        x.len() == y.len()
            && x.iter().zip(y).all(|(m, n)| {
                m.indices == n.indices
                    && m.bbox == n.bbox
                    && m.vertices.len() == n.vertices.len()
                    && m.vertices.iter().zip(&n.vertices).all(|(p, q)| close(p, q))
            })
    });
    let outlines = a.outlines.iter().zip(&b.outlines).all(|(x, y)| {
        x.len() == y.len()
            && x.iter().zip(y).all(|(l, k)| {
                l.points.len() == k.points.len()
                    && l.points.iter().zip(&k.points).all(|(p, q)| close(p, q))
            })
    });
    a.bbox == b.bbox && a.fills.len() == b.fills.len() && fills && outlines
}

#[test]
fn the_prepared_map_reads_back_as_prepared() {
    let (base, world, _) = prepared_now();
    let data = Data::bundled().expect("bundled data");
    let proj = Projection::at(data.region.reference_lat);
    let baked = Baked::for_map(&data.geo, &proj).expect("made for the bundled base map");
    let read = baked.base().expect("base map reads");
    assert_eq!(read.countries.len(), base.countries.len());
    assert!(
        read.countries
            .iter()
            .zip(&base.countries)
            .all(|(a, b)| same_area(a, b))
    );
    assert!(
        read.lakes
            .iter()
            .zip(&base.lakes)
            .all(|(a, b)| same_area(a, b))
    );
    assert!(same_area(
        read.area.as_ref().expect("area"),
        base.area.as_ref().expect("area")
    ));
    assert_eq!(read.rivers.len(), base.rivers.len());
    assert_eq!(read.borders.len(), base.borders.len());
    assert_eq!(read.stats, base.stats);
    let read = baked.world().expect("world reads");
    assert_eq!(read.countries.len(), world.countries.len());
    for ((iso_a, a), (iso_b, b)) in read.countries.iter().zip(&world.countries) {
        assert_eq!(iso_a, iso_b);
        assert!(same_area(a, b), "{iso_a}");
    }
}

#[test]
fn another_base_map_is_prepared_at_start() {
    let mut data = Data::bundled().expect("bundled data");
    let proj = Projection::at(data.region.reference_lat);
    assert!(Baked::for_map(&data.geo, &proj).is_some());
    assert!(Baked::for_map(&data.geo, &Projection::at(45.0)).is_none());
    data.geo.lakes.pop();
    assert!(Baked::for_map(&data.geo, &proj).is_none());
}
