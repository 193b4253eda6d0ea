//! Writes a synthetic ACLED CSV (the published 31-column layout, generated
//! values, no real records) for measuring the importer and `convert`.
//!
//! Usage: `gen_acled OUT.csv [ROWS]` (default 1,000,000)

#[path = "../benches/common/acled_synth.rs"]
mod acled_synth;

use std::io::{BufWriter, Write as _};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: gen_acled OUT.csv [ROWS]");
        return ExitCode::from(2);
    };
    let rows: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);
    let written = std::fs::File::create(&out).and_then(|f| {
        let mut w = BufWriter::new(f);
        let n = acled_synth::write_acled_csv(rows, &mut w)?;
        w.flush()?;
        Ok(n)
    });
    match written {
        Ok(bytes) => {
            println!("{out}: {rows} rows, {bytes} bytes");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{out}: {e}");
            ExitCode::FAILURE
        }
    }
}
