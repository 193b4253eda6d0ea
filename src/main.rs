//! The `border-incidents` binary: opens the app, renders a screenshot, or checks files.

use std::process::ExitCode;

use clap::Parser as _;

use border_incidents::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { .. }) => {
            eprintln!("border-incidents: check is not available in this build");
            ExitCode::from(2)
        }
        None => match border_incidents::run::run(cli) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("border-incidents: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}
