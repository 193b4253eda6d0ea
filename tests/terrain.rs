//! The bundled terrain: spot elevations and the rasters' documented layout.

use std::time::Instant;

use border_incidents::data::elevation::{
    self, ElevationGrid, GRID_CELLS_PER_DEGREE, HILLSHADE_CELLS_PER_DEGREE, Hillshade,
};
use border_incidents::data::geodata::GeoData;
use geo::Point;

fn data() -> GeoData {
    GeoData::bundled().expect("bundled geodata parses")
}

/// A place of `places.geojson` by its GeoNames ASCII name.
fn place(d: &GeoData, ascii: &str) -> Point<f64> {
    d.places
        .iter()
        .find(|p| p.ascii_name == ascii)
        .unwrap_or_else(|| panic!("no place {ascii}"))
        .point
}

#[test]
fn spot_elevations_match_gebco() {
    let d = data();
    let grid = ElevationGrid::bundled().expect("elevation grid decodes");
    // GEBCO_2023 values at the places (issue #20).
    for (name, gebco) in [
        ("Khujand", 340.0),
        ("Namangan", 442.0),
        ("Isfara", 826.0),
        ("Osh", 974.0),
        ("Batken", 1035.0),
        ("Vorukh", 1407.0),
    ] {
        let p = place(&d, name);
        let got = grid.elevation_m(p.x(), p.y()).expect(name);
        println!("{name}: {got:.1} m (GEBCO {gebco} m, {:+.1})", got - gebco);
        assert!(
            (got - gebco).abs() <= 30.0,
            "{name}: {got:.0} m, GEBCO {gebco} m"
        );
    }
    assert_eq!(grid.elevation_m(60.0, 40.0), None, "outside the box");
    assert!(ElevationGrid::shared().is_ok());
}

#[test]
fn rasters_have_the_documented_size_and_bounds() {
    let grid = ElevationGrid::bundled().unwrap();
    assert_eq!(grid.size(), (14 * 120, 7 * 120));
    assert_eq!(GRID_CELLS_PER_DEGREE, 120);
    let shade = Hillshade::bundled().unwrap();
    assert_eq!((shade.width, shade.height), (14 * 240, 7 * 240));
    assert_eq!(HILLSHADE_CELLS_PER_DEGREE, 240);
    assert_eq!(shade.pixels.len(), shade.width * shade.height);
    for b in [grid.bounds(), shade.bounds] {
        assert_eq!(
            [b.min().x, b.min().y, b.max().x, b.max().y],
            [66.5, 36.5, 80.5, 43.5]
        );
    }
    // Relief: the valley floor near Namangan is flat (lit like flat ground,
    // 180), the Alai range is not.
    let px = |lon: f64, lat: f64| {
        let c = ((lon - 66.5) * 240.0) as usize;
        let r = ((43.5 - lat) * 240.0) as usize;
        shade.pixels[r * shade.width + c]
    };
    assert!((170..=190).contains(&px(71.67, 40.95)));
    let alai: Vec<u8> = (0..40)
        .map(|i| px(71.6 + i as f64 * 0.005, 39.79))
        .collect();
    assert!(alai.iter().max().unwrap() - alai.iter().min().unwrap() > 100);
    // Tiles for small GPU texture limits cover the image.
    let tiles = shade.tiles(2048);
    assert_eq!(tiles.len(), 2);
    assert_eq!(
        tiles.iter().map(|t| t.pixels.len()).sum::<usize>(),
        shade.pixels.len()
    );
}

/// Decode times; run with `cargo test --release --test terrain -- --ignored --nocapture`.
#[test]
#[ignore]
fn decode_times() {
    for _ in 0..3 {
        let t = Instant::now();
        let grid = ElevationGrid::bundled().unwrap();
        let grid_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let shade = Hillshade::bundled().unwrap();
        let shade_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let _ = data();
        let base_ms = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "elevation grid {:?}: {grid_ms:.1} ms; hillshade {}×{}: {shade_ms:.1} ms; base layers (for scale): {base_ms:.1} ms",
            grid.size(),
            shade.width,
            shade.height,
        );
    }
    let _ = elevation::ATTRIBUTION;
}
