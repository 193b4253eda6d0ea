//! The bundled terrain and world layer: spot elevations, the valley drawn
//! from elevation, the rasters' documented layout, and the world layer.

use std::time::Instant;

use border_incidents::data::geodata::GeoData;
use border_incidents::data::geodata::elevation::{
    self, ElevationGrid, GRID_CELLS_PER_DEGREE, HILLSHADE_CELLS_PER_DEGREE, Hillshade,
};
use border_incidents::data::geodata::world::World;
use geo::{Contains, GeodesicArea, Point, Validation};

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

#[test]
fn valley_holds_its_cities_and_not_the_ranges() {
    let d = data();
    let valley = d.valley.as_ref().expect("valley");
    assert!(valley.method.contains("1000 m"), "{}", valley.method);
    assert_eq!(valley.shape.0.len(), 1);
    let poly = &valley.shape.0[0];
    assert!(poly.interiors().is_empty(), "no holes");
    assert!(
        poly.exterior().0.len() <= 400,
        "{} vertices",
        poly.exterior().0.len()
    );
    let km2 = poly.geodesic_area_unsigned() / 1e6;
    assert!((18_000.0..30_000.0).contains(&km2), "{km2:.0} km²");
    for city in [
        "Namangan",
        "Andijon",
        "Fergana",
        "Qo'qon",
        "Marg'ilon",
        "Jalal-Abad",
    ] {
        assert!(valley.shape.contains(&place(&d, city)), "{city} is outside");
    }
    for city in ["Tashkent", "Bishkek", "Dushanbe"] {
        assert!(!valley.shape.contains(&place(&d, city)), "{city} is inside");
    }
    // The highest GEBCO_2023 cell in a box over each range's crest above
    // the valley (geodata/README.md).
    let grid = ElevationGrid::bundled().unwrap();
    for (range, lon, lat) in [
        ("Kurama", 70.3354, 40.8812),
        ("Chatkal", 70.5688, 41.4271),
        ("Alai", 71.7146, 39.7896),
        ("Turkestan", 70.2188, 39.5646),
    ] {
        let p = Point::new(lon, lat);
        assert!(!valley.shape.contains(&p), "{range} crest is inside");
        let m = grid.elevation_m(lon, lat).unwrap();
        assert!(m > 3000.0, "{range}: {m:.0} m");
    }
}

#[test]
fn world_layer_has_the_countries_and_capitals() {
    let w = World::bundled().expect("world layer parses");
    for iso3 in ["RUS", "CHN", "TUR", "KGZ", "USA", "AUS"] {
        let c = w.countries.iter().find(|c| c.iso3 == iso3);
        assert!(c.is_some_and(|c| !c.shape.0.is_empty()), "{iso3}");
    }
    let rus = w.countries.iter().find(|c| c.iso3 == "RUS").unwrap();
    assert_eq!(rus.name, "Russia");
    let moscow = w
        .capitals
        .iter()
        .find(|c| c.name == "Moscow")
        .expect("Moscow");
    assert_eq!(
        (moscow.country.as_str(), moscow.iso3.as_str()),
        ("RU", "RUS")
    );
    assert!((moscow.point.x() - 37.6).abs() < 0.1 && (moscow.point.y() - 55.75).abs() < 0.1);
    assert!(rus.shape.contains(&moscow.point));
    assert!(w.capitals.len() > 150, "{} capitals", w.capitals.len());
    assert!(
        w.countries.iter().all(|c| c.shape.is_valid()),
        "valid as written"
    );
    let size = border_incidents::data::geodata::world::COUNTRIES_GEOJSON.len()
        + border_incidents::data::geodata::world::CAPITALS_GEOJSON.len();
    assert!(size <= 1_500_000, "{size} bytes");
}

/// Decode times; run with `cargo test --release --test model terrain -- --ignored --nocapture`.
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
        let world = World::bundled().unwrap();
        let world_ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let _ = data();
        let base_ms = t.elapsed().as_secs_f64() * 1e3;
        println!(
            "elevation grid {:?}: {grid_ms:.1} ms; hillshade {}×{}: {shade_ms:.1} ms; world ({} countries): {world_ms:.1} ms; base layers (for scale): {base_ms:.1} ms",
            grid.size(),
            shade.width,
            shade.height,
            world.countries.len()
        );
    }
    let _ = elevation::ATTRIBUTION;
}
