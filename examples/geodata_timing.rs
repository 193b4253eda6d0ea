//! Prints how long parsing the bundled base map takes.

use border_incidents::data::geodata::GeoData;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let start = std::time::Instant::now();
    let data = GeoData::bundled()?;
    println!(
        "GeoData::bundled(): {:?} ({} countries, {} places)",
        start.elapsed(),
        data.countries.len(),
        data.places.len()
    );
    Ok(())
}
