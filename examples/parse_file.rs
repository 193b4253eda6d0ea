//! Parses one countries-style GeoJSON file with the app's base-layer reader
//! and prints what it read; for timing and peak-memory measurements.
//!
//! Usage: `parse_file FILE.geojson`

use std::process::ExitCode;

use border_incidents::data::geodata::GeoData;
use border_incidents::data::geodata::load::GeoDataTexts;

/// A FeatureCollection with no features, for the layers left out.
const EMPTY: &str = r#"{"type":"FeatureCollection","features":[]}"#;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: parse_file FILE.geojson");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let texts = GeoDataTexts {
        countries: &text,
        lakes: EMPTY,
        rivers: EMPTY,
        places: EMPTY,
        borders: EMPTY,
        valley: EMPTY,
    };
    match GeoData::from_geojson_strs(&texts) {
        Ok(geo) => {
            let vertices: usize = geo
                .countries
                .iter()
                .flat_map(|c| &c.shape.0)
                .map(|p| {
                    p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>()
                })
                .sum();
            println!(
                "{path}: {} bytes, {} features, {vertices} vertices",
                text.len(),
                geo.countries.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
