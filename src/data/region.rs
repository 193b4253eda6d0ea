//! A region profile: what makes the app about one border region, as data.
//!
//! The focus box the first view fits, the projection's reference latitude,
//! the border drawn emphasised, the country fills, the name of the area of
//! interest, the timeline's presets and the window's title. The bundled
//! Fergana profile is `assets/regions/fergana.json`; another region needs a
//! profile (and, when the bundled base map does not cover it, a folder of
//! base-map files beside it), not code.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::time::{EventTime, Seconds};
use super::vocabulary::{Rgb, parse_hex};

/// The bundled profile.
pub const BUNDLED_PROFILE: &str = include_str!("../../assets/regions/fergana.json");

/// A longitude/latitude box.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LonLatBox {
    /// Western edge, degrees east.
    pub west: f64,
    /// Southern edge, degrees north.
    pub south: f64,
    /// Eastern edge, degrees east.
    pub east: f64,
    /// Northern edge, degrees north.
    pub north: f64,
}

/// A country's fill in the light and the dark theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Fill {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// Fill in the light theme.
    pub light: Rgb,
    /// Fill in the dark theme.
    pub dark: Rgb,
}

/// A named stretch of time the timeline offers as a button.
#[derive(Clone, Debug, PartialEq)]
pub struct Preset {
    /// The button's label.
    pub label: String,
    /// First second.
    pub from: Seconds,
    /// One past the last second.
    pub to: Seconds,
}

/// A region profile.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionProfile {
    /// Stable slug.
    pub id: String,
    /// The window's title.
    pub title: String,
    /// The box the first view fits, and `F` fits again.
    pub focus: LonLatBox,
    /// The latitude at which the map's east–west distances are true.
    pub reference_lat: f64,
    /// The two countries (ISO alpha-3) whose border is drawn emphasised.
    pub emphasised_border: Option<[String; 2]>,
    /// What the legend calls that border (else it is named after the two
    /// countries).
    pub border_name: Option<String>,
    /// Country fills; countries not listed get a neutral grey.
    pub fills: Vec<Fill>,
    /// The name of the base map's area of interest, when it has one.
    pub area_name: Option<String>,
    /// The timeline's presets.
    pub presets: Vec<Preset>,
    /// The time window a first run opens on (else every event).
    pub first_window: Option<(Seconds, Seconds)>,
    /// A folder of base-map files (countries.geojson, borders.geojson, …)
    /// for a region the bundled base map does not cover.
    pub geodata: Option<PathBuf>,
}

/// The profile as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    id: String,
    title: String,
    focus: LonLatBox,
    reference_lat: f64,
    emphasised_border: Option<[String; 2]>,
    border_name: Option<String>,
    #[serde(default)]
    fills: Vec<RawFill>,
    area_name: Option<String>,
    #[serde(default)]
    presets: Vec<RawPreset>,
    first_window: Option<[String; 2]>,
    geodata: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFill {
    iso3: String,
    light: String,
    dark: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPreset {
    label: String,
    from: String,
    to: String,
}

impl Default for RegionProfile {
    /// The bundled profile (a profile for the whole world should it ever
    /// fail to read, which a test rules out).
    fn default() -> Self {
        Self::bundled().unwrap_or_else(|_| Self {
            id: "world".into(),
            title: "Border incidents".into(),
            focus: LonLatBox {
                west: -180.0,
                south: -60.0,
                east: 180.0,
                north: 75.0,
            },
            reference_lat: 0.0,
            emphasised_border: None,
            border_name: None,
            fills: Vec::new(),
            area_name: None,
            presets: Vec::new(),
            first_window: None,
            geodata: None,
        })
    }
}

impl RegionProfile {
    /// The bundled Fergana Valley profile.
    pub fn bundled() -> Result<Self, String> {
        Self::parse(BUNDLED_PROFILE, None)
    }

    /// Reads a profile file; a `geodata` folder it names is taken relative
    /// to the file's folder.
    pub fn read(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
        Self::parse(&text, path.parent())
    }

    /// Parses a profile; `folder` is where it lies, for its `geodata`.
    pub fn parse(text: &str, folder: Option<&Path>) -> Result<Self, String> {
        let raw: RawProfile = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        let b = raw.focus;
        let on_globe = b.west < b.east
            && b.south < b.north
            && (-180.0..=180.0).contains(&b.west)
            && (-180.0..=180.0).contains(&b.east)
            && (-85.0..=85.0).contains(&b.south)
            && (-85.0..=85.0).contains(&b.north);
        if !on_globe {
            return Err(format!("focus {b:?} is not a box on the globe"));
        }
        if !(-80.0..=80.0).contains(&raw.reference_lat) {
            return Err(format!(
                "reference_lat {} must lie within ±80°",
                raw.reference_lat
            ));
        }
        let fills = raw
            .fills
            .into_iter()
            .map(|f| {
                let colour = |c: &str| parse_hex(c).ok_or_else(|| format!("{c:?} is not #RRGGBB"));
                Ok(Fill {
                    light: colour(&f.light)?,
                    dark: colour(&f.dark)?,
                    iso3: f.iso3,
                })
            })
            .collect::<Result<_, String>>()?;
        let presets = raw
            .presets
            .into_iter()
            .map(|p| {
                let (from, to) = range(&p.from, &p.to)?;
                Ok(Preset {
                    label: p.label,
                    from,
                    to,
                })
            })
            .collect::<Result<_, String>>()?;
        let first_window = raw.first_window.map(|[a, b]| range(&a, &b)).transpose()?;
        Ok(Self {
            id: raw.id,
            title: raw.title,
            focus: b,
            reference_lat: raw.reference_lat,
            emphasised_border: raw.emphasised_border,
            border_name: raw.border_name,
            fills,
            area_name: raw.area_name,
            presets,
            first_window,
            geodata: raw
                .geodata
                .map(|g| folder.map_or_else(|| PathBuf::from(&g), |f| f.join(&g))),
        })
    }

    /// Whether the border between these two countries is the one drawn
    /// emphasised.
    pub fn is_emphasised(&self, countries: &[String; 2]) -> bool {
        self.emphasised_border.as_ref().is_some_and(|[a, b]| {
            (a == &countries[0] && b == &countries[1]) || (a == &countries[1] && b == &countries[0])
        })
    }

    /// A country's fill in the light or the dark theme.
    pub fn fill(&self, iso3: &str, dark: bool) -> Rgb {
        match self.fills.iter().find(|f| f.iso3 == iso3) {
            Some(f) if dark => f.dark,
            Some(f) => f.light,
            None if dark => [64, 64, 64],
            None => [228, 228, 228],
        }
    }
}

/// `[from, to)` of two dates (`to` inclusive as written).
fn range(from: &str, to: &str) -> Result<(Seconds, Seconds), String> {
    let parse = |t: &str| EventTime::parse(t).map_err(|e| format!("{t:?} is not a date: {e}"));
    let (a, b) = (parse(from)?.first_second(), parse(to)?.end_exclusive());
    if a < b {
        Ok((a, b))
    } else {
        Err(format!("{from}..{to} ends before it starts"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_profile_reads() {
        let p = RegionProfile::bundled().unwrap();
        assert_eq!(p.id, "fergana");
        assert!(p.is_emphasised(&["TJK".into(), "KGZ".into()]));
        assert!(!p.is_emphasised(&["KGZ".into(), "UZB".into()]));
        assert_eq!(p.fill("KGZ", false), [241, 218, 196]);
        assert_eq!(p.presets.len(), 3);
    }

    #[test]
    fn bad_profiles_say_what_is_wrong() {
        let bundled = BUNDLED_PROFILE;
        let swapped = bundled.replacen("\"reference_lat\": 40.5", "\"reference_lat\": 95", 1);
        assert!(
            RegionProfile::parse(&swapped, None)
                .unwrap_err()
                .contains("±80")
        );
        let typo = bundled.replacen("\"title\"", "\"titel\"", 1);
        assert!(
            RegionProfile::parse(&typo, None)
                .unwrap_err()
                .contains("unknown field `titel`")
        );
    }
}
