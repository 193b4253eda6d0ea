//! Reads one ACLED or UCDP GED CSV file with the app's importer, streaming
//! from disk as the app does, and prints what it read and how long it
//! took; for time and peak-memory measurements (`/usr/bin/time -v`).
//!
//! Usage: `load_csv FILE.csv`

use std::io::{BufReader, Read as _};
use std::process::ExitCode;
use std::time::Instant;

use border_incidents::import::read_dataset_csv;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load_csv FILE.csv");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let mut file = match std::fs::File::open(&path) {
        Ok(f) => BufReader::with_capacity(1 << 16, f),
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut head = Vec::new();
    if let Err(e) = (&mut file).take(4096).read_to_end(&mut head) {
        eprintln!("{path}: {e}");
        return ExitCode::FAILURE;
    }
    let mut input = std::io::Cursor::new(head.clone()).chain(file);
    let Some(load) = read_dataset_csv(&path, &head, &mut input) else {
        eprintln!("{path}: not an ACLED or UCDP GED CSV");
        return ExitCode::FAILURE;
    };
    let seconds = started.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let events = load
        .loaded
        .collection
        .as_ref()
        .map_or(0, |c| c.events.len());
    println!(
        "{path}: {bytes} bytes, {events} events, {} errors, {:.2} s, {:.0} MB/s",
        load.errors,
        seconds,
        bytes as f64 / 1e6 / seconds
    );
    ExitCode::SUCCESS
}
