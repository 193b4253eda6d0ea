//! The `border-incidents` command.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory as _, Parser, Subcommand};

/// A map viewer for armed border incidents.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// What to do; without one, prints this help.
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Check GeoJSON files: prints FILE:LINE:COL: error: message for each
    /// problem and a summary. Exits 0 when every file is valid, 1 when any
    /// is not, 2 on a usage error.
    Check {
        /// Also check each file as an events file.
        #[arg(long)]
        events: bool,
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Some(Command::Check { events, files }) => {
            let mut out = std::io::stdout().lock();
            let code = border_incidents::check::run_check(&files, events, &mut out);
            let _ = out.flush();
            ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        None => match Cli::command().print_help() {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        },
    }
}
