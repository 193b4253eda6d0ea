//! The world gazetteer: GeoNames' populated places of the whole world
//! (cities500, CC BY 4.0) and their first-order divisions, as the geodata
//! pipeline writes them into `geodata/world_places.tsv.gz`, read once,
//! when first asked for.
//!
//! The file is UTF-8 text, gzip'd, one record a line, tab-separated:
//!
//! - `P  geonameid  name  keys  lat  lon  feature_code  country  population  region_km  district_km`:
//!   a place; `keys` are the [`translit::key`](super::translit::key)s of
//!   all its names, space-separated, its own name's first; `region_km` is
//!   given for the seat of a first-order division (the distance to the
//!   farthest place of that division), `district_km` likewise for the seat
//!   of a second-order one;
//! - `A  code  name  keys  seat_geonameid  radius_km`: a first-order
//!   division (`code` is `CC.NN`), the keys of its name with and without a
//!   word such as "Province", its seat and radius.

use std::collections::HashMap;
use std::io::Read as _;
use std::sync::OnceLock;

use geo::Point;

use crate::data::geodata::Place;

/// The world's places, indexed by the keys of their names.
pub struct World {
    places: Vec<Place>,
    region_km: Vec<Option<f32>>,
    district_km: Vec<Option<f32>>,
    by_key: HashMap<Box<str>, Vec<u32>>,
    divisions: HashMap<Box<str>, Vec<Division>>,
}

/// A first-order division: its seat (an index of [`World::place`]) and
/// radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Division {
    /// The seat's index.
    pub seat: u32,
    /// The distance from the seat to the division's farthest place, km.
    pub radius_km: f32,
}

/// The file the pipeline wrote, compiled in.
const BUNDLED: &[u8] = include_bytes!("../../../geodata/world_places.tsv.gz");

impl World {
    /// The bundled world gazetteer, read on first use (a few hundred
    /// milliseconds); an error says what is wrong with the bundled file.
    pub fn bundled() -> Result<&'static World, &'static str> {
        static WORLD: OnceLock<Result<World, String>> = OnceLock::new();
        WORLD
            .get_or_init(|| World::read(BUNDLED))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Reads a gzip'd file of the layout above.
    pub fn read(gz: &[u8]) -> Result<World, String> {
        let mut text = String::new();
        flate2::read::GzDecoder::new(gz)
            .read_to_string(&mut text)
            .map_err(|e| format!("world_places.tsv.gz: {e}"))?;
        let mut world = World {
            places: Vec::new(),
            region_km: Vec::new(),
            district_km: Vec::new(),
            by_key: HashMap::new(),
            divisions: HashMap::new(),
        };
        let mut ids: HashMap<u64, u32> = HashMap::new();
        for (n, line) in text.lines().enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = |what: &str| format!("world_places.tsv.gz:{}: {what}", n + 1);
            match cols[..] {
                [
                    "P",
                    id,
                    name,
                    keys,
                    lat,
                    lon,
                    code,
                    country,
                    population,
                    region,
                    district,
                ] => {
                    let number = |s: &str| s.parse::<f64>().map_err(|_| bad("not a number"));
                    let index = world.places.len() as u32;
                    let geonameid = id.parse().map_err(|_| bad("bad geonameid"))?;
                    ids.insert(geonameid, index);
                    world.places.push(Place {
                        geonameid,
                        name: name.to_owned(),
                        ascii_name: String::new(),
                        alternate_names: Vec::new(),
                        country: country.to_owned(),
                        population: population.parse().unwrap_or(0),
                        feature_code: code.to_owned(),
                        elevation_m: None,
                        point: Point::new(number(lon)?, number(lat)?),
                    });
                    world.region_km.push(region.parse().ok());
                    world.district_km.push(district.parse().ok());
                    for key in keys.split(' ').filter(|k| !k.is_empty()) {
                        world.by_key.entry(key.into()).or_default().push(index);
                    }
                }
                ["A", _code, _name, keys, seat, radius] => {
                    let seat = seat
                        .parse::<u64>()
                        .ok()
                        .and_then(|id| ids.get(&id).copied())
                        .ok_or_else(|| bad("a seat that is no place of the file"))?;
                    let radius_km = radius.parse().map_err(|_| bad("bad radius"))?;
                    for key in keys.split(' ').filter(|k| !k.is_empty()) {
                        world
                            .divisions
                            .entry(key.into())
                            .or_default()
                            .push(Division { seat, radius_km });
                    }
                }
                _ => return Err(bad(&format!("{} columns of an unknown record", cols.len()))),
            }
        }
        if world.places.is_empty() {
            return Err("world_places.tsv.gz: no places".into());
        }
        Ok(world)
    }

    /// How many places it holds.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether it holds no place (never, once read).
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place at `index`.
    pub fn place(&self, index: u32) -> Option<&Place> {
        self.places.get(index as usize)
    }

    /// The places one of whose names has the key `key`.
    pub fn named(&self, key: &str) -> &[u32] {
        self.by_key.get(key).map_or(&[], Vec::as_slice)
    }

    /// The first-order divisions whose name has the key `key`.
    pub fn divisions(&self, key: &str) -> &[Division] {
        self.divisions.get(key).map_or(&[], Vec::as_slice)
    }

    /// For a first-order seat, its division's radius.
    pub fn region_km(&self, index: u32) -> Option<f64> {
        self.region_km
            .get(index as usize)
            .copied()
            .flatten()
            .map(f64::from)
    }

    /// For a second-order seat, its division's radius.
    pub fn district_km(&self, index: u32) -> Option<f64> {
        self.district_km
            .get(index as usize)
            .copied()
            .flatten()
            .map(f64::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::gazetteer::translit::key;

    #[test]
    fn places_anywhere_by_any_of_their_names() {
        let w = World::bundled().unwrap();
        assert!(w.len() > 150_000, "{}", w.len());
        let named = |name: &str| -> Vec<(&str, &str)> {
            w.named(&key(name))
                .iter()
                .filter_map(|&i| w.place(i))
                .map(|p| (p.name.as_str(), p.country.as_str()))
                .collect()
        };
        assert!(named("Chaman").contains(&("Chaman", "PK")));
        assert!(named("Jermuk").contains(&("Jermuk", "AM")));
        assert!(named("Spin Boldak").iter().any(|(_, c)| *c == "AF"));
        // Keys were folded by today's key function: one that changed would
        // find nothing here, and the file must be made again.
        assert!(named("Баткен").contains(&("Batken", "KG")));
    }

    #[test]
    fn divisions_have_seats_and_radii() {
        let w = World::bundled().unwrap();
        let surin = w.divisions(&key("Surin"));
        assert!(!surin.is_empty());
        let d = surin[0];
        assert_eq!(w.place(d.seat).unwrap().country, "TH");
        assert!(d.radius_km > 20.0 && d.radius_km < 300.0, "{}", d.radius_km);
        assert!(w.region_km(d.seat).is_some());
    }

    #[test]
    fn a_broken_file_is_an_error() {
        assert!(World::read(b"not gzip").is_err());
    }
}
