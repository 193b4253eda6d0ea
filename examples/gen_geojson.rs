//! Writes a generated countries-style GeoJSON file of at least the given size
//! (in MB), for parsing benchmarks against other tools.
//!
//! Usage: `gen_geojson OUT.geojson [MB]` (default 100)

#[path = "../benches/common/synth.rs"]
mod synth;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: gen_geojson OUT.geojson [MB]");
        return ExitCode::from(2);
    };
    let mb: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100);
    let text = synth::countries_geojson(mb * 1024 * 1024);
    match std::fs::write(&out, &text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{out}: {e}");
            ExitCode::FAILURE
        }
    }
}
