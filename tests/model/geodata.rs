//! The bundled base map: enclaves, overlaps, validity, border length,
//! orientation, and name lookup.

use border_incidents::data::gazetteer::Gazetteer;
use border_incidents::data::geodata::GeoData;
use geo::{Area, BooleanOps, Contains, Point, Validation, Winding};

fn data() -> GeoData {
    GeoData::bundled().expect("bundled geodata parses")
}

fn owner(data: &GeoData, lon: f64, lat: f64) -> Vec<String> {
    let p = Point::new(lon, lat);
    data.countries
        .iter()
        .filter(|c| c.shape.contains(&p))
        .map(|c| c.iso3.clone())
        .collect()
}

#[test]
fn enclaves_belong_to_their_owner_only() {
    let d = data();
    assert_eq!(owner(&d, 70.580, 39.851), ["TJK"], "Vorukh");
    assert_eq!(owner(&d, 71.805, 39.983), ["UZB"], "Shohimardon");
}

#[test]
fn towns_lie_in_their_countries() {
    let d = data();
    let gaz = Gazetteer::new(&d.places);
    for (name, iso3) in [
        ("Batken", "KGZ"),
        ("Isfara", "TJK"),
        ("Khujand", "TJK"),
        ("Bishkek", "KGZ"),
        ("Dushanbe", "TJK"),
    ] {
        let best = &gaz.lookup(name)[0];
        let p = d.places[best.index].point;
        assert_eq!(owner(&d, p.x(), p.y()), [iso3], "{name}");
    }
}

#[test]
fn countries_do_not_overlap() {
    let d = data();
    for (i, a) in d.countries.iter().enumerate() {
        for b in &d.countries[i + 1..] {
            let inter = a.shape.intersection(&b.shape);
            // Planar square degrees to km² at about 40°N.
            let km2 = inter.unsigned_area() * 111.32 * 110.57 * 40f64.to_radians().cos();
            assert!(km2 < 0.01, "{}–{} overlap {km2} km²", a.iso3, b.iso3);
        }
    }
}

#[test]
fn rings_are_closed_valid_and_ccw() {
    for c in data().countries {
        for p in &c.shape.0 {
            assert!(p.exterior().is_closed(), "{}", c.iso3);
            assert!(p.exterior().is_ccw(), "{} exterior not CCW", c.iso3);
            for h in p.interiors() {
                assert!(h.is_closed() && h.is_cw(), "{} hole", c.iso3);
            }
        }
        let errors = c.shape.validation_errors();
        assert!(
            errors.is_empty(),
            "{}: {:?}",
            c.iso3,
            &errors[..errors.len().min(3)]
        );
    }
}

#[test]
fn kyrgyz_tajik_border_length() {
    let d = data();
    let b = d
        .borders
        .iter()
        .find(|b| b.countries == ["KGZ", "TJK"])
        .expect("KGZ–TJK border");
    assert!((930.0..=1000.0).contains(&b.length_km), "{}", b.length_km);
    // Vorukh's perimeter is part of the line.
    assert!(b.lines.0.len() >= 2);
}

#[test]
fn gazetteer_resolves_variant_spellings() {
    let d = data();
    let gaz = Gazetteer::new(&d.places);
    for (query, want) in [
        ("Bakten", "Batken"),
        ("Баткен", "Batken"),
        ("Isfana", "Razzakov"),
        ("Varukh", "Vorukh"),
        ("Ворух", "Vorukh"),
    ] {
        let found = gaz.lookup(query);
        assert!(!found.is_empty(), "{query}: no match");
        assert_eq!(d.places[found[0].index].name, want, "{query}: {found:?}");
    }
    assert!(gaz.lookup("Zzyzx Springs").is_empty());
}

#[test]
fn layers_are_populated() {
    let d = data();
    assert_eq!(d.countries.len(), 6);
    assert!(d.places.iter().filter(|p| p.is_capital()).count() >= 3);
    assert!(d.rivers.len() > 100);
    assert!(!d.lakes.is_empty());
    assert_eq!(d.borders.len(), 3);
    let valley = d.valley.expect("valley");
    assert!(
        valley.shape.contains(&Point::new(71.78, 40.38)),
        "Fergana city"
    );
}
