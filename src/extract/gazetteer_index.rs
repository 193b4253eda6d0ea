//! The gazetteer as the extractor uses it: every spelling of every place
//! (GeoNames name, ASCII name, alternate names, Cyrillic folded to Latin)
//! in a hash map for exact look-ups, one-letter slips ("Bakten" for
//! Batken) through a map of each key with one letter deleted, and the
//! radius of the region or district each seat heads, measured from the
//! gazetteer itself.

use std::collections::HashMap;

use geo::{Distance as _, Haversine};

use crate::data::gazetteer::translit;
use crate::data::geodata::Place;

/// Places by name, with their regions' radii.
pub struct PlaceIndex {
    places: Vec<Place>,
    exact: HashMap<String, usize>,
    one_off: HashMap<String, Vec<usize>>,
    region_km: Vec<Option<f64>>,
    district_km: Vec<Option<f64>>,
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
        }
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

    /// The place at `index`.
    pub fn place(&self, index: usize) -> Option<&Place> {
        self.places.get(index)
    }

    /// For a region seat (a capital or first-order seat), the distance to
    /// the farthest place of its country that is nearer to it than to
    /// any other such seat: the radius of its region as the gazetteer
    /// outlines it (Batken: 125 km, to Ak-Suu).
    pub fn region_km(&self, index: usize) -> Option<f64> {
        self.region_km.get(index).copied().flatten()
    }

    /// The same for district seats (and region seats, which head a
    /// district too), measured against every seat down to the second order.
    pub fn district_km(&self, index: usize) -> Option<f64> {
        self.district_km.get(index).copied().flatten()
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
}
