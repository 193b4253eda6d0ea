//! Parsing the six base-map GeoJSON files into [`GeoData`].

use serde::Deserialize;

use crate::data::geodata::geojson_read::{GeoDataError, RawFeature, convert};
use crate::data::geodata::{Border, Country, GeoData, Lake, Place, River, Valley};

/// The text of the six base-map files, one field per file.
#[derive(Clone, Copy, Debug)]
pub struct GeoDataTexts<'a> {
    /// `countries.geojson`.
    pub countries: &'a str,
    /// `lakes.geojson`.
    pub lakes: &'a str,
    /// `rivers.geojson`.
    pub rivers: &'a str,
    /// `places.geojson`.
    pub places: &'a str,
    /// `borders.geojson`.
    pub borders: &'a str,
    /// `fergana_valley.geojson`.
    pub valley: &'a str,
}

impl GeoDataTexts<'static> {
    /// The files committed under `geodata/`, embedded in the binary.
    pub const BUNDLED: GeoDataTexts<'static> = GeoDataTexts {
        countries: include_str!("../../../geodata/countries.geojson"),
        lakes: include_str!("../../../geodata/lakes.geojson"),
        rivers: include_str!("../../../geodata/rivers.geojson"),
        places: include_str!("../../../geodata/places.geojson"),
        borders: include_str!("../../../geodata/borders.geojson"),
        valley: include_str!("../../../geodata/fergana_valley.geojson"),
    };
}

#[derive(Deserialize)]
struct CountryProps {
    iso3: String,
    name: String,
}

#[derive(Deserialize)]
struct LakeProps {
    name: Option<String>,
}

#[derive(Deserialize)]
struct RiverProps {
    level: u8,
}

#[derive(Deserialize)]
struct PlaceProps {
    geonameid: u64,
    name: String,
    asciiname: String,
    alternatenames: Vec<String>,
    country: String,
    population: u64,
    feature_code: String,
    elevation: Option<f64>,
}

#[derive(Deserialize)]
struct BorderProps {
    countries: [String; 2],
    length_km: f64,
}

#[derive(Deserialize)]
struct ValleyProps {
    method: String,
}

impl GeoData {
    /// Parses the six base-map files.
    pub fn from_geojson_strs(texts: &GeoDataTexts<'_>) -> Result<GeoData, GeoDataError> {
        let countries = convert(
            "countries.geojson",
            texts.countries,
            |f: RawFeature<CountryProps>| {
                Ok(Country {
                    iso3: f.properties.iso3,
                    name: f.properties.name,
                    shape: f.geometry.into_multi_polygon()?,
                })
            },
        )?;
        let lakes = convert("lakes.geojson", texts.lakes, |f: RawFeature<LakeProps>| {
            Ok(Lake {
                name: f.properties.name,
                shape: f.geometry.into_multi_polygon()?,
            })
        })?;
        let rivers = convert(
            "rivers.geojson",
            texts.rivers,
            |f: RawFeature<RiverProps>| {
                Ok(River {
                    level: f.properties.level,
                    line: f.geometry.into_line_string()?,
                })
            },
        )?;
        let places = convert(
            "places.geojson",
            texts.places,
            |f: RawFeature<PlaceProps>| {
                let p = f.properties;
                Ok(Place {
                    geonameid: p.geonameid,
                    name: p.name,
                    ascii_name: p.asciiname,
                    alternate_names: p.alternatenames,
                    country: p.country,
                    population: p.population,
                    feature_code: p.feature_code,
                    elevation_m: p.elevation,
                    point: f.geometry.into_point()?,
                })
            },
        )?;
        let borders = convert(
            "borders.geojson",
            texts.borders,
            |f: RawFeature<BorderProps>| {
                Ok(Border {
                    countries: f.properties.countries,
                    length_km: f.properties.length_km,
                    lines: f.geometry.into_multi_line_string()?,
                })
            },
        )?;
        let valley = convert(
            "fergana_valley.geojson",
            texts.valley,
            |f: RawFeature<ValleyProps>| {
                Ok(Valley {
                    method: f.properties.method,
                    shape: f.geometry.into_multi_polygon()?,
                })
            },
        )?
        .into_iter()
        .next();
        Ok(GeoData {
            countries,
            lakes,
            rivers,
            places,
            borders,
            valley,
        })
    }

    /// Parses the files bundled into the binary from `geodata/`.
    pub fn bundled() -> Result<GeoData, GeoDataError> {
        GeoData::from_geojson_strs(&GeoDataTexts::BUNDLED)
    }

    /// Reads the six base-map files from `folder` (a region's own base
    /// map); a file that is not there is an empty layer.
    pub fn from_folder(folder: &std::path::Path) -> Result<GeoData, String> {
        const EMPTY: &str = r#"{"type":"FeatureCollection","features":[]}"#;
        let names = [
            "countries.geojson",
            "lakes.geojson",
            "rivers.geojson",
            "places.geojson",
            "borders.geojson",
            "fergana_valley.geojson",
        ];
        let mut texts = Vec::with_capacity(names.len());
        for name in names {
            let path = folder.join(name);
            texts.push(match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => EMPTY.to_owned(),
                Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
            });
        }
        let texts = GeoDataTexts {
            countries: &texts[0],
            lakes: &texts[1],
            rivers: &texts[2],
            places: &texts[3],
            borders: &texts[4],
            valley: &texts[5],
        };
        GeoData::from_geojson_strs(&texts).map_err(|e| format!("{}/{e}", folder.display()))
    }

    /// The country whose land contains `point`, if any.
    pub fn country_at(&self, point: geo::Point<f64>) -> Option<&Country> {
        use geo::Contains;
        self.countries.iter().find(|c| c.shape.contains(&point))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_file_is_named() {
        let mut texts = GeoDataTexts::BUNDLED;
        texts.rivers = "{\"type\":\"FeatureCollection\"";
        let err = GeoData::from_geojson_strs(&texts).unwrap_err();
        assert!(err.to_string().starts_with("rivers.geojson"), "{err}");
        texts.rivers = GeoDataTexts::BUNDLED.places;
        let err = GeoData::from_geojson_strs(&texts).unwrap_err();
        assert!(err.to_string().starts_with("rivers.geojson"), "{err}");
    }
}
