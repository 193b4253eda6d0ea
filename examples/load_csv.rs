//! Reads one dataset file (ACLED, UCDP GED or GDELT) with the importer
//! that recognises it, streaming from disk as the app does, and prints
//! what it read and how long it took; for time and peak-memory
//! measurements (`/usr/bin/time -v`).
//!
//! Usage: `load_csv FILE.csv`

use std::io::{BufReader, Read as _};
use std::process::ExitCode;
use std::time::Instant;

use border_incidents::data::Data;
use border_incidents::formats;
use border_incidents::import::{ImportContext, Imported, Want};

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
    let importer = match formats::recognise(std::path::Path::new(&path), &head) {
        Ok(importer) => importer,
        Err(unrecognised) => {
            let why = unrecognised.diagnostic(std::path::Path::new(&path));
            eprintln!("{}", why.in_file(&path));
            return ExitCode::FAILURE;
        }
    };
    let loaded = Data::default();
    let ctx = ImportContext {
        name: &path,
        path: std::path::Path::new(&path),
        want: Want::Events,
        loaded: &loaded,
        overlay_id: 0,
        article: None,
    };
    let mut input = std::io::Cursor::new(head).chain(file);
    let Imported::Events(load) = importer.load(&mut input, &ctx) else {
        eprintln!("{path}: holds no events");
        return ExitCode::FAILURE;
    };
    let seconds = started.elapsed().as_secs_f64();
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let events = load.collection.as_ref().map_or(0, |c| c.events.len());
    let problems = load.diagnostics.len();
    println!(
        "{path}: {bytes} bytes, {events} events, {problems} problems listed, {:.2} s, {:.0} MB/s",
        seconds,
        bytes as f64 / 1e6 / seconds
    );
    // What was measured is the load. Giving the memory back one
    // allocation at a time (a million events, about ten each) takes a
    // quarter as long again and serves nothing in a process that exits;
    // the system takes it back whole.
    std::mem::forget(load);
    ExitCode::SUCCESS
}
