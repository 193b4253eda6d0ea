//! The `border-incidents` binary: opens the app, renders a screenshot, checks
//! or converts files, or extracts articles.

use std::process::ExitCode;

use clap::Parser as _;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use border_incidents::cli::{Cli, Command, DbCommand};
use border_incidents::commands::check::{CheckOptions, USAGE, run_check};
use border_incidents::commands::convert::{ConvertOptions, run_convert};
use border_incidents::commands::db::{DbRequest, run_db};
use border_incidents::commands::extract::{ExtractOptions, run_extract};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check {
            events,
            article,
            files,
        }) => check(&files, events, article.as_deref()),
        Some(Command::Convert {
            inputs,
            output,
            to,
            skip_bad_rows,
        }) => {
            let opts = ConvertOptions {
                inputs,
                output,
                to,
                skip_bad_rows,
            };
            let mut out = std::io::stdout().lock();
            let code = run_convert(&opts, &mut out);
            let _ = out.flush();
            ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::Extract {
            articles,
            published,
            title,
            outlet,
            out,
        }) => {
            let opts = ExtractOptions {
                inputs: articles,
                published,
                title,
                outlet,
                out,
            };
            let code = run_extract(&opts, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(u8::try_from(code).unwrap_or(2))
        }
        Some(Command::Db { action }) => db(action),
        None => match border_incidents::run::run(cli) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("border-incidents: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}

/// `check`: validates files, prints problems, returns 0 / 1 / 2.
fn check(files: &[PathBuf], events: bool, article: Option<&Path>) -> ExitCode {
    let article = match article {
        None => None,
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(e) => {
                eprintln!("{}: error: cannot read the article: {e}", path.display());
                return ExitCode::from(USAGE as u8);
            }
        },
    };
    let opts = CheckOptions { events, article };
    let mut out = std::io::stdout().lock();
    let code = run_check(files, &opts, &mut out);
    let _ = out.flush();
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

/// `db`: the shared store from the command line; returns 0 / 1 / 2.
fn db(action: DbCommand) -> ExitCode {
    let url = |u: Option<String>| u.unwrap_or_default();
    let request = match action {
        DbCommand::Init { url: u } => DbRequest::Init { url: url(u) },
        DbCommand::Push { files, to } => DbRequest::Push {
            files,
            url: url(to),
        },
        DbCommand::Pull {
            url: u,
            output,
            bbox,
            window,
            to,
            cells,
        } => DbRequest::Pull {
            url: url(u),
            output,
            bbox,
            window,
            to,
            cells,
        },
        DbCommand::History { mut args } => {
            let event = args.pop().unwrap_or_default();
            DbRequest::History {
                url: args.pop().unwrap_or_default(),
                event,
            }
        }
    };
    let mut out = std::io::stdout().lock();
    let code = run_db(&request, &mut out, &mut std::io::stderr());
    let _ = out.flush();
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
