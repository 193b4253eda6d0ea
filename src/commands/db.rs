//! The `db` command: the shared store from the command line. `init`
//! creates or upgrades the schema, `push` writes files' events into the
//! database, `pull` writes its events to a file, `history` shows who
//! changed an event. Exit codes as for `check` and `convert`: 0 done, 1 an
//! error (said in one line), 2 a usage error.

use std::io::Write;
use std::path::PathBuf;

use crate::atomic;
use crate::commands::convert::{output_format, read_all};
use crate::data::events::{self, TextsBeside};
use crate::data::time::Seconds;
use crate::formats::Format;
use crate::store::conninfo::ConnInfo;
use crate::store::error::StoreError;
use crate::store::{cells, connect, history, kind, migrate, pull, push};

/// Exit status: done.
const DONE: i32 = 0;
/// Exit status: the database or an input refused.
const FAILED: i32 = 1;
/// Exit status: the command was used wrongly.
const USAGE: i32 = 2;

/// What `db` was asked to do.
#[derive(Clone, Debug)]
pub enum DbRequest {
    /// Create or upgrade the schema.
    Init {
        /// The connection string ("" for the environment).
        url: String,
    },
    /// Write files' events into the database.
    Push {
        /// The files.
        files: Vec<PathBuf>,
        /// The connection string.
        url: String,
    },
    /// Write the database's events to a file.
    Pull {
        /// The connection string.
        url: String,
        /// The file to write.
        output: PathBuf,
        /// Only events in this box.
        bbox: Option<[f64; 4]>,
        /// Only events overlapping this window.
        window: Option<(Seconds, Seconds)>,
        /// The format to write.
        to: Option<Format>,
        /// Counts per cell, about this many across, instead of events.
        cells: Option<u32>,
    },
    /// Show an event's history.
    History {
        /// The connection string.
        url: String,
        /// The event.
        event: String,
    },
}

/// Runs `request`, writing results to `out` and problems to `err`; returns
/// the exit status.
pub fn run_db(request: &DbRequest, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let url = match request {
        DbRequest::Init { url }
        | DbRequest::Push { url, .. }
        | DbRequest::Pull { url, .. }
        | DbRequest::History { url, .. } => url,
    };
    let info = match ConnInfo::parse(url) {
        Ok(info) => info,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return USAGE;
        }
    };
    let result = match request {
        DbRequest::Init { .. } => init(&info, out),
        DbRequest::Push { files, .. } => push_files(&info, files, out, err),
        DbRequest::Pull {
            output,
            bbox,
            window,
            cells: Some(across),
            ..
        } => pull_cells(&info, *bbox, *window, *across, output, out),
        DbRequest::Pull {
            output,
            bbox,
            window,
            to,
            ..
        } => {
            let format = match output_format(output, *to) {
                Ok(f) => f,
                Err(message) => {
                    let _ = writeln!(err, "error: {message}");
                    return USAGE;
                }
            };
            let scope = pull::Scope {
                bbox: *bbox,
                window: *window,
                ..Default::default()
            };
            pull_file(&info, &scope, output, format, out, err)
        }
        DbRequest::History { event, .. } => show_history(&info, event, out),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            FAILED
        }
    }
}

/// `db init`.
fn init(info: &ConnInfo, out: &mut dyn Write) -> Result<i32, StoreError> {
    let mut client = connect::connect(info)?;
    let report = migrate::init(&mut client, &info.dbname)?;
    if report.applied.is_empty() {
        let _ = writeln!(
            out,
            "{}: schema already at version {}; nothing to do",
            info.label(),
            report.to
        );
    } else {
        for (version, name) in &report.applied {
            let _ = writeln!(out, "applied migration {version} ({name})");
        }
        let _ = writeln!(
            out,
            "{}: schema at version {} (was {})",
            info.label(),
            report.to,
            report.from
        );
    }
    Ok(DONE)
}

/// `db push`.
fn push_files(
    info: &ConnInfo,
    files: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, StoreError> {
    let Ok(Some(collection)) = read_all(files, false, err) else {
        let _ = writeln!(err, "error: nothing pushed: fix the errors above");
        return Ok(FAILED);
    };
    let mut client = kind::open(info)?;
    let total = collection.events.len();
    let mut shown = 0;
    let report = push::push(
        &mut client,
        &collection,
        &mut |done| {
            if total >= 10_000 && done * 10 / total > shown {
                shown = done * 10 / total;
                let _ = writeln!(err, "sent {done} of {total} events");
            }
        },
        None,
    )?;
    let _ = writeln!(
        out,
        "pushed {total} events to {}: {} added, {} changed, {} unchanged",
        info.label(),
        report.inserted,
        report.updated,
        report.unchanged
    );
    if report.vacuumed {
        let _ = writeln!(out, "summaries vacuumed for the views that count them");
    }
    Ok(DONE)
}

/// `db pull`.
fn pull_file(
    info: &ConnInfo,
    scope: &pull::Scope,
    output: &std::path::Path,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, StoreError> {
    let mut client = kind::open(info)?;
    let text = pull::pull_text(&mut client, scope)?;
    let name = format!("{} (database)", info.label());
    let loaded = events::parse(&name, &text, &TextsBeside::file(output), &[]);
    let collection = match loaded.into_result() {
        Ok(c) => c,
        Err(problems) => {
            for p in &problems {
                let _ = writeln!(err, "{}", p.in_file(&name));
            }
            let _ = writeln!(
                err,
                "error: nothing written: the database holds events that do not read back"
            );
            return Ok(FAILED);
        }
    };
    let exporter = format.exporter();
    let written = atomic::write_file(output, |w| exporter.write(&collection, w));
    match written {
        Ok(notes) => {
            for note in &notes {
                let _ = writeln!(err, "{}: warning: {note}", output.display());
            }
            let _ = writeln!(
                out,
                "wrote {} events to {} ({})",
                collection.events.len() - notes.len(),
                output.display(),
                format.name()
            );
            Ok(DONE)
        }
        Err(e) => {
            let _ = writeln!(err, "{}: error: cannot write: {e}", output.display());
            Ok(FAILED)
        }
    }
}

/// `db pull --cells`: counts per grid cell as GeoJSON squares.
fn pull_cells(
    info: &ConnInfo,
    bbox: Option<[f64; 4]>,
    window: Option<(Seconds, Seconds)>,
    across: u32,
    output: &std::path::Path,
    out: &mut dyn Write,
) -> Result<i32, StoreError> {
    let mut client = kind::open(info)?;
    let bbox = match bbox {
        Some(b) => b,
        None => match cells::extent(&mut client)? {
            Some(b) => b,
            None => {
                let _ = writeln!(out, "the database holds no placed events: nothing to count");
                return Ok(DONE);
            }
        },
    };
    let query = cells::CellQuery {
        bbox,
        window,
        kinds: None,
        categories: None,
        narrowing: Default::default(),
        across,
    };
    let counted = cells::count(&mut client, &query)?;
    let text = cells::to_geojson(&counted);
    if let Err(e) = atomic::write_bytes(output, text.as_bytes()) {
        return Err(StoreError::Server(format!(
            "{}: cannot write: {e}",
            output.display()
        )));
    }
    let _ = writeln!(
        out,
        "wrote {} cells of level {} holding {} events to {}",
        counted.cells.len(),
        counted.level,
        counted.total,
        output.display()
    );
    Ok(DONE)
}

/// `db history`.
fn show_history(info: &ConnInfo, event: &str, out: &mut dyn Write) -> Result<i32, StoreError> {
    let mut client = kind::open(info)?;
    let changes = history::of_event(&mut client, event)?;
    if changes.is_empty() {
        return Err(StoreError::Refused {
            what: format!("event {event:?}"),
            detail: "the database has no history for it (no such event)".to_owned(),
        });
    }
    for change in &changes {
        for line in history::describe(change) {
            let _ = writeln!(out, "{line}");
        }
    }
    Ok(DONE)
}
