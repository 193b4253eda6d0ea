//! Reading the installed source datasets; every failure names its file.

use std::fmt;
use std::path::{Path, PathBuf};

use border_incidents::data::geodata::geojson_read::{RawFeature, ShapeError};
use geo::{Coord, LineString, MultiPolygon};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Why a source file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The file is missing or unreadable.
    #[error("cannot read source file {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not the JSON expected.
    #[error("source file {path} is not a GeoJSON FeatureCollection: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// The parse error.
        source: serde_json::Error,
    },
    /// A geometry in the file is malformed.
    #[error("source file {path}: feature {iso3}: {source}")]
    Shape {
        /// The file.
        path: PathBuf,
        /// The feature's country code.
        iso3: String,
        /// What is wrong.
        source: ShapeError,
    },
    /// The file parsed but its content is not what was expected.
    #[error("source file {path}, line {line}: {what}")]
    Content {
        /// The file.
        path: PathBuf,
        /// 1-based line number (0 for the whole file).
        line: usize,
        /// What is wrong.
        what: String,
    },
}

fn read(path: &Path) -> Result<Vec<u8>, SourceError> {
    std::fs::read(path).map_err(|source| SourceError::Io {
        path: path.to_owned(),
        source,
    })
}

fn content(path: &Path, line: usize, what: impl Into<String>) -> SourceError {
    SourceError::Content {
        path: path.to_owned(),
        line,
        what: what.into(),
    }
}

#[derive(Deserialize)]
struct CountryProps {
    #[serde(rename = "A3")]
    a3: String,
}

/// Streams the `features` array, keeping only the wanted countries (all
/// when `None`).
struct Collection<'a>(Option<&'a [&'a str]>);
struct Features<'a>(Option<&'a [&'a str]>);
type Kept = Vec<RawFeature<CountryProps>>;

impl<'de> DeserializeSeed<'de> for Collection<'_> {
    type Value = Kept;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Kept, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Collection<'_> {
    type Value = Kept;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a FeatureCollection object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kept, A::Error> {
        let mut kept = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == "features" {
                kept = Some(map.next_value_seed(Features(self.0))?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        kept.ok_or_else(|| de::Error::missing_field("features"))
    }
}

impl<'de> DeserializeSeed<'de> for Features<'_> {
    type Value = Kept;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Kept, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Features<'_> {
    type Value = Kept;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of features")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kept, A::Error> {
        let mut kept = Vec::new();
        while let Some(f) = seq.next_element::<RawFeature<CountryProps>>()? {
            if self.0.is_none_or(|w| w.contains(&f.properties.a3.as_str())) {
                kept.push(f);
            }
        }
        Ok(kept)
    }
}

/// Reads the `countries-land-10m` FeatureCollection: the wanted countries'
/// land in the order of `wanted` (failing if one is absent), or every
/// feature in file order when `wanted` is `None`.
pub fn read_countries(
    path: &Path,
    wanted: Option<&[&str]>,
) -> Result<Vec<(String, MultiPolygon<f64>)>, SourceError> {
    let bytes = read(path)?;
    let mut de = serde_json::Deserializer::from_slice(&bytes);
    let kept = Collection(wanted)
        .deserialize(&mut de)
        .and_then(|k| de.end().map(|()| k))
        .map_err(|source| SourceError::Json {
            path: path.to_owned(),
            source,
        })?;
    let all = kept
        .into_iter()
        .map(|f| {
            let iso3 = f.properties.a3;
            match f.geometry.into_multi_polygon() {
                Ok(shape) => Ok((iso3, shape)),
                Err(source) => Err(SourceError::Shape {
                    path: path.to_owned(),
                    iso3,
                    source,
                }),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    match wanted {
        None => Ok(all),
        Some(wanted) => select(path, &all, wanted),
    }
}

/// The wanted countries from `all` (read from `path`), in the order of
/// `wanted`; fails if one is absent.
pub fn select(
    path: &Path,
    all: &[(String, MultiPolygon<f64>)],
    wanted: &[&str],
) -> Result<Vec<(String, MultiPolygon<f64>)>, SourceError> {
    wanted
        .iter()
        .map(|iso3| {
            all.iter()
                .find(|(a3, _)| a3 == iso3)
                .cloned()
                .ok_or_else(|| content(path, 0, format!("no feature with A3 = {iso3}")))
        })
        .collect()
}

/// One GeoNames row (the columns the project uses).
#[derive(Clone, Debug)]
pub struct GeoNamesRow {
    /// Column 1: geonameid.
    pub geonameid: u64,
    /// Column 2: name.
    pub name: String,
    /// Column 3: ASCII name.
    pub asciiname: String,
    /// Column 4: alternate names, comma-separated in the source.
    pub alternatenames: Vec<String>,
    /// Columns 6 and 5: longitude and latitude.
    pub coord: Coord<f64>,
    /// Column 8: feature code.
    pub feature_code: String,
    /// Column 9: ISO alpha-2 country code.
    pub country: String,
    /// Column 11: first-order division code.
    pub admin1: String,
    /// Column 12: second-order division code.
    pub admin2: String,
    /// Column 15: population.
    pub population: u64,
    /// Column 17: elevation from a digital elevation model (metres).
    pub dem: Option<i64>,
}

/// Reads a GeoNames `cities500.txt` dump, keeping the rows `keep` accepts.
pub fn read_geonames(
    path: &Path,
    keep: impl Fn(&GeoNamesRow) -> bool,
) -> Result<Vec<GeoNamesRow>, SourceError> {
    let bytes = read(path)?;
    let text = String::from_utf8(bytes).map_err(|e| content(path, 0, e.to_string()))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let bad = |what: &str| content(path, i + 1, what.to_owned());
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 19 {
            return Err(bad(&format!("{} columns, expected 19", cols.len())));
        }
        let num = |c: usize| cols[c].parse::<f64>().map_err(|_| bad("bad number"));
        let row = GeoNamesRow {
            geonameid: cols[0].parse().map_err(|_| bad("bad geonameid"))?,
            name: cols[1].to_owned(),
            asciiname: cols[2].to_owned(),
            alternatenames: cols[3]
                .split(',')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            coord: Coord {
                x: num(5)?,
                y: num(4)?,
            },
            feature_code: cols[7].to_owned(),
            country: cols[8].to_owned(),
            admin1: cols[10].to_owned(),
            admin2: cols[11].to_owned(),
            population: cols[14].parse().unwrap_or(0),
            dem: cols[16].parse().ok().filter(|d| *d > -9000),
        };
        if keep(&row) {
            rows.push(row);
        }
    }
    if rows.is_empty() {
        return Err(content(path, 0, "no places matched"));
    }
    Ok(rows)
}

/// Reads a `gmt coast -I… -M` dump: segments headed by `> … Level N`.
pub fn read_gmt_rivers(path: &Path) -> Result<Vec<(u8, LineString<f64>)>, SourceError> {
    let bytes = read(path)?;
    let text = String::from_utf8(bytes).map_err(|e| content(path, 0, e.to_string()))?;
    let mut segments: Vec<(u8, Vec<Coord<f64>>)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let bad = |what: &str| content(path, i + 1, what.to_owned());
        if let Some(header) = line.strip_prefix('>') {
            let level = header
                .rsplit_once("Level")
                .and_then(|(_, l)| l.trim().parse::<u8>().ok())
                .ok_or_else(|| bad("segment header without `Level N`"))?;
            segments.push((level, Vec::new()));
        } else if !line.trim().is_empty() {
            let mut it = line.split_whitespace().map(str::parse::<f64>);
            let (Some(Ok(x)), Some(Ok(y))) = (it.next(), it.next()) else {
                return Err(bad("expected `lon lat`"));
            };
            let seg = segments
                .last_mut()
                .ok_or_else(|| bad("coordinates before the first `>` header"))?;
            seg.1.push(Coord { x, y });
        }
    }
    if segments.is_empty() {
        return Err(content(path, 0, "no river segments"));
    }
    Ok(segments
        .into_iter()
        .map(|(l, c)| (l, LineString::new(c)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("geodata-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn missing_file_is_named() {
        let path = Path::new("/nonexistent/map.geo.json");
        let err = read_countries(path, Some(&["KGZ"])).unwrap_err();
        assert!(
            err.to_string().contains("/nonexistent/map.geo.json"),
            "{err}"
        );
    }

    #[test]
    fn bad_json_is_named() {
        let path = temp_file(
            "broken.geo.json",
            "{\"type\":\"FeatureCollection\",\"features\":[",
        );
        let err = read_countries(&path, Some(&["KGZ"])).unwrap_err();
        assert!(matches!(err, SourceError::Json { .. }));
        assert!(err.to_string().contains("broken.geo.json"), "{err}");
    }

    #[test]
    fn absent_country_is_reported() {
        let path = temp_file(
            "one.geo.json",
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"A3":"TJK"},
            "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#,
        );
        let got = read_countries(&path, Some(&["TJK"])).unwrap();
        assert_eq!(got[0].1.0[0].exterior().0.len(), 4);
        let err = read_countries(&path, Some(&["TJK", "KGZ"])).unwrap_err();
        assert!(err.to_string().contains("one.geo.json"), "{err}");
        assert!(err.to_string().contains("KGZ"), "{err}");
    }

    #[test]
    fn short_geonames_row_names_file_and_line() {
        let path = temp_file("cities500.txt", "1\tA\tA\t\t40\t70\n");
        let err = read_geonames(&path, |_| true).unwrap_err();
        assert!(err.to_string().contains("cities500.txt, line 1"), "{err}");
    }

    #[test]
    fn gmt_dump_is_parsed_and_checked() {
        let path = temp_file(
            "rivers.txt",
            "> River Bin # 1, Level 2\n70.5\t40.1\n70.6\t40.2\n",
        );
        let got = read_gmt_rivers(&path).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, 2);
        let bad = temp_file("bad-rivers.txt", "> River Bin # 1\n70.5\t40.1\n");
        let err = read_gmt_rivers(&bad).unwrap_err();
        assert!(err.to_string().contains("bad-rivers.txt, line 1"), "{err}");
    }
}
