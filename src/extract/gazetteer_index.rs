//! The gazetteer as the extractor uses it: every spelling of every place
//! (GeoNames name, ASCII name, alternate names, Cyrillic folded to Latin)
//! in a hash map for exact look-ups, one-letter slips ("Bakten" for
//! Batken) through a map of each key with one letter deleted, and the
//! radius of the region or district each seat heads, measured from the
//! gazetteer itself.
//!
//! Behind the region's own places stands the world gazetteer
//! ([`World`]), read the first time a name is not found among the
//! region's: the region's places always rank first. Its places are
//! numbered after the region's. Of the world's places of one name, those
//! in the countries the caller prefers (the article's parties) rank
//! first (by another name than their own only when they hold at least
//! [`WORLD_ALTERNATE_POPULATION`] people), then capitals, division seats
//! and the more populous; a place outside those countries is taken only by its own name (not an
//! alternate one) and only when it is a capital or holds at least
//! [`WORLD_MIN_POPULATION`] people, so a word that is also some village's
//! or some town's other name far away places nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

use geo::{Distance as _, Haversine};

use crate::data::gazetteer::translit;
use crate::data::gazetteer::world::World;
use crate::data::geodata::Place;

/// The least population of a world place outside the preferred countries.
pub const WORLD_MIN_POPULATION: u64 = 1_000_000;

/// The least population of a world place found by another name than its
/// own in the preferred countries (a village's other names are often
/// ordinary words or a person's name).
pub const WORLD_ALTERNATE_POPULATION: u64 = 50_000;

/// Places by name, with their regions' radii.
pub struct PlaceIndex {
    places: Vec<Place>,
    exact: HashMap<String, usize>,
    one_off: HashMap<String, Vec<usize>>,
    region_km: Vec<Option<f64>>,
    district_km: Vec<Option<f64>>,
    world: OnceLock<Option<&'static World>>,
}

/// How a seat ranks when several places share a name: capitals first,
/// then region seats, district seats, other places.
fn rank(p: &Place) -> u8 {
    match p.feature_code.as_str() {
        "PPLC" => 0,
        "PPLA" => 1,
        "PPLA2" => 2,
        "PPLA3" => 3,
        _ => 4,
    }
}

impl PlaceIndex {
    /// Indexes `places`. A name is indexed when its key has at least three
    /// letters and it is not a short code in capitals (GeoNames lists
    /// airport codes such as "OSS" among the alternate names).
    pub fn new(places: &[Place]) -> Self {
        let mut exact: HashMap<String, usize> = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            let names = [&p.name, &p.ascii_name]
                .into_iter()
                .chain(&p.alternate_names);
            for name in names {
                let code = name.chars().count() <= 3 && name.chars().all(|c| c.is_uppercase());
                let key = translit::key(name);
                if code || key.len() < 3 {
                    continue;
                }
                let better = |j: usize| {
                    let (a, b) = (&places[i], &places[j]);
                    (rank(a), std::cmp::Reverse(a.population))
                        < (rank(b), std::cmp::Reverse(b.population))
                };
                match exact.get(&key) {
                    Some(&j) if !better(j) => {}
                    _ => {
                        exact.insert(key, i);
                    }
                }
            }
        }
        let mut one_off: HashMap<String, Vec<usize>> = HashMap::new();
        for (key, &i) in &exact {
            if key.len() >= 5 {
                for d in deletions(key) {
                    one_off.entry(d).or_default().push(i);
                }
            }
        }
        Self {
            region_km: seat_radii(places, &["PPLC", "PPLA"]),
            district_km: seat_radii(places, &["PPLC", "PPLA", "PPLA2"]),
            places: places.to_vec(),
            exact,
            one_off,
            world: OnceLock::new(),
        }
    }

    /// The world gazetteer, read on first use (`None` if the bundled file
    /// cannot be read: then only the region's places are known).
    fn world(&self) -> Option<&'static World> {
        *self.world.get_or_init(|| World::bundled().ok())
    }

    /// The place a name spells exactly: the region's, else the world's
    /// best in the `prefer`red countries (ISO alpha-2), else a capital or
    /// a large place anywhere. A name written in capitals ("ANI", "UNHCR")
    /// is an acronym far more often than a place: it finds a world place
    /// only by that place's own name.
    pub fn find(&self, name: &str, prefer: &[&str]) -> Option<usize> {
        let key = translit::key(name);
        if let Some(&i) = self.exact.get(&key) {
            return Some(i);
        }
        if key.len() < 3 {
            return None;
        }
        let acronym = name.chars().any(char::is_alphabetic)
            && name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        let world = self.world()?;
        let preferred = |p: &Place| prefer.iter().position(|c| *c == p.country);
        world
            .named(&key)
            .iter()
            .filter_map(|&i| world.place(i).map(|p| (i, p)))
            .filter(|(_, p)| {
                let own = translit::key(&p.name) == key;
                match preferred(p) {
                    Some(_) if acronym => own,
                    Some(_) => own || p.population >= WORLD_ALTERNATE_POPULATION,
                    None => own && (p.is_capital() || p.population >= WORLD_MIN_POPULATION),
                }
            })
            .min_by_key(|(_, p)| {
                (
                    preferred(p).unwrap_or(usize::MAX),
                    rank(p),
                    std::cmp::Reverse(p.population),
                )
            })
            .map(|(i, _)| self.places.len() + i as usize)
    }

    /// A first-order division of the world named `name` ("Surin" of
    /// "Surin province"), as its seat and radius, in the preferred
    /// countries only.
    pub fn division(&self, name: &str, prefer: &[&str]) -> Option<(usize, f64)> {
        let world = self.world()?;
        world
            .divisions(&translit::key(name))
            .iter()
            .filter_map(|d| {
                let country = &world.place(d.seat)?.country;
                let rank = prefer.iter().position(|c| c == country)?;
                Some((rank, d))
            })
            .min_by_key(|(rank, _)| *rank)
            .map(|(_, d)| (self.places.len() + d.seat as usize, f64::from(d.radius_km)))
    }

    /// The place a name spells exactly (after folding scripts and
    /// spellings).
    pub fn exact(&self, name: &str) -> Option<usize> {
        self.exact.get(&translit::key(name)).copied()
    }

    /// The one place whose name is one slip (a letter added, dropped,
    /// changed or two swapped) from `name`, for names of five letters or
    /// more with the same first letter; `None` when none or several are.
    pub fn one_slip(&self, name: &str) -> Option<usize> {
        let key = translit::key(name);
        if key.len() < 5 {
            return None;
        }
        let mut found: Vec<usize> = Vec::new();
        let mut consider = |i: usize| {
            if !found.contains(&i) {
                found.push(i);
            }
        };
        if let Some(list) = self.one_off.get(&key) {
            list.iter().for_each(|&i| consider(i));
        }
        for d in deletions(&key) {
            if let Some(&i) = self.exact.get(&d) {
                consider(i);
            }
            if let Some(list) = self.one_off.get(&d) {
                list.iter().for_each(|&i| consider(i));
            }
        }
        found.retain(|&i| {
            let names = [&self.places[i].name, &self.places[i].ascii_name]
                .into_iter()
                .chain(&self.places[i].alternate_names);
            names.map(|n| translit::key(n)).any(|k| {
                k.chars().next() == key.chars().next() && strsim::damerau_levenshtein(&k, &key) == 1
            })
        });
        match found[..] {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The place at `index` (the region's, then the world's).
    pub fn place(&self, index: usize) -> Option<&Place> {
        match index.checked_sub(self.places.len()) {
            None => self.places.get(index),
            Some(w) => self.world()?.place(u32::try_from(w).ok()?),
        }
    }

    /// For a region seat (a capital or first-order seat), the distance to
    /// the farthest place of its country that is nearer to it than to
    /// any other such seat: the radius of its region as the gazetteer
    /// outlines it (Batken: 125 km, to Ak-Suu).
    pub fn region_km(&self, index: usize) -> Option<f64> {
        match index.checked_sub(self.places.len()) {
            None => self.region_km.get(index).copied().flatten(),
            Some(w) => self.world()?.region_km(u32::try_from(w).ok()?),
        }
    }

    /// The same for district seats (and region seats, which head a
    /// district too), measured against every seat down to the second order.
    pub fn district_km(&self, index: usize) -> Option<f64> {
        match index.checked_sub(self.places.len()) {
            None => self.district_km.get(index).copied().flatten(),
            Some(w) => self.world()?.district_km(u32::try_from(w).ok()?),
        }
    }
}

/// Each key with one letter deleted.
fn deletions(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    (0..chars.len())
        .map(|skip| {
            chars
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .collect()
        })
        .collect()
}

/// For each place that is a seat of one of `codes`, the radius of the
/// area nearer to it than to any other such seat of its country, out to
/// the farthest populated place of the gazetteer; `None` for the others.
fn seat_radii(places: &[Place], codes: &[&str]) -> Vec<Option<f64>> {
    let is_seat = |p: &Place| codes.contains(&p.feature_code.as_str());
    let km = |a: &Place, b: &Place| Haversine.distance(a.point, b.point) / 1000.0;
    let mut radius: Vec<Option<f64>> = places.iter().map(|p| is_seat(p).then_some(0.0)).collect();
    for p in places {
        let nearest = places
            .iter()
            .enumerate()
            .filter(|(_, s)| is_seat(s) && s.country == p.country)
            .map(|(i, s)| (i, km(p, s)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, d)) = nearest
            && let Some(Some(r)) = radius.get_mut(i)
        {
            *r = r.max(d);
        }
    }
    radius
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::geodata::GeoData;

    fn index() -> PlaceIndex {
        PlaceIndex::new(&GeoData::bundled().unwrap().places)
    }

    #[test]
    fn spellings_and_scripts_find_the_same_place() {
        let ix = index();
        let batken = ix.exact("Batken").unwrap();
        assert_eq!(ix.exact("Баткен"), Some(batken));
        assert_eq!(ix.one_slip("Bakten"), Some(batken));
        assert_eq!(ix.exact("Bakten"), None);
        // Airport codes are not names.
        assert_eq!(ix.exact("OSS"), None);
        let dushanbe = ix.exact("Dushanbe").unwrap();
        assert!(ix.place(dushanbe).unwrap().is_capital());
    }

    #[test]
    fn region_radius_is_measured_from_the_gazetteer() {
        let ix = index();
        let batken = ix.exact("Batken").unwrap();
        let r = ix.region_km(batken).unwrap();
        assert!((r - 125.0).abs() < 1.0, "{r}");
        assert!(ix.district_km(batken).unwrap() <= r);
        let village = ix.exact("Vorukh");
        assert!(village.is_none_or(|v| ix.region_km(v).is_none()));
    }

    #[test]
    fn the_world_behind_the_region() {
        let ix = index();
        // The region's own place first, wherever else the name is found.
        assert_eq!(ix.find("Batken", &["KG"]), ix.exact("Batken"));
        let chaman = ix.find("Chaman", &["AF", "PK"]).unwrap();
        assert_eq!(ix.place(chaman).unwrap().country, "PK");
        // A village far from the article's countries is not taken.
        let small = ix.find("Kantharalak", &[]);
        assert!(small.is_none_or(|i| ix.place(i).unwrap().population >= WORLD_MIN_POPULATION));
        assert!(ix.find("Kantharalak", &["TH"]).is_some());
        // An acronym is not some city's other name ("ANI" is one of Yanji's).
        assert_eq!(ix.find("ANI", &["IN", "CN"]), None);
        assert!(ix.find("Yanji", &["IN", "CN"]).is_some());
        let (seat, km) = ix.division("Surin", &["TH", "KH"]).unwrap();
        assert_eq!(ix.place(seat).unwrap().country, "TH");
        assert!(km > 20.0);
        assert_eq!(ix.region_km(seat).map(|r| r.round()), Some(km.round()));
    }
}
