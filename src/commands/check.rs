//! The `check` command: checks files without a window and prints one line
//! per problem (`FILE:LINE:COL: error: …`) and a summary. Each file is
//! checked by the format that recognises it (`formats::for_check`).

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use crate::data::Data;
use crate::data::events;
use crate::diagnostic::Diagnostic;
use crate::formats;
use crate::import::{Checked, ImportContext, Want};

/// Exit status: every file is valid.
const VALID: i32 = 0;
/// Exit status: some file has errors or cannot be read.
const INVALID: i32 = 1;
/// Exit status: the command was used wrongly (or its output failed).
pub const USAGE: i32 = 2;

/// How to check.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// Check the files as events files: the schema, the sources' texts and
    /// every quote against the text of the source it names.
    pub events: bool,
    /// The text for an article source that names no text of its own.
    pub article: Option<String>,
}

/// Checks `files`, writing problems and a summary to `out`. Returns the
/// exit status: 0 all valid, 1 some invalid, 2 usage error.
pub fn run_check(files: &[PathBuf], opts: &CheckOptions, out: &mut impl Write) -> i32 {
    if files.is_empty() {
        return match writeln!(out, "error: no files given") {
            Ok(()) | Err(_) => USAGE,
        };
    }
    check_all(files, opts, out).unwrap_or(USAGE)
}

fn check_all(files: &[PathBuf], opts: &CheckOptions, out: &mut impl Write) -> io::Result<i32> {
    let (mut valid, mut errors, mut warnings) = (0, 0, 0);
    let known = known_events(opts);
    for path in files {
        let name = path.display().to_string();
        let checked = check_file(path, &name, opts, &known);
        for d in &checked.diagnostics {
            writeln!(out, "{}", d.in_file(&name))?;
        }
        if checked.omitted() > 0 {
            writeln!(
                out,
                "{name}: note: {} more problems not shown",
                checked.omitted()
            )?;
        }
        valid += usize::from(checked.errors == 0);
        errors += checked.errors;
        warnings += checked.warnings;
    }
    let total = files.len();
    writeln!(
        out,
        "{total} {} checked: {valid} valid, {} invalid ({errors} {}, {warnings} {})",
        plural(total, "file"),
        total - valid,
        plural(errors, "error"),
        plural(warnings, "warning"),
    )?;
    Ok(if valid == total { VALID } else { INVALID })
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_owned()
    } else {
        format!("{word}s")
    }
}

/// The events references may name: with `--events`, the bundled ones.
fn known_events(opts: &CheckOptions) -> Data {
    let events = if opts.events {
        events::bundled().map(|c| c.events).unwrap_or_default()
    } else {
        Vec::new()
    };
    Data {
        events,
        ..Data::default()
    }
}

fn check_file(path: &Path, name: &str, opts: &CheckOptions, known: &Data) -> Checked {
    let cannot_read =
        |e: io::Error| Checked::listing(vec![Diagnostic::error(format!("cannot read: {e}"))]);
    let mut file = match File::open(path) {
        Ok(f) => BufReader::new(f),
        Err(e) => return cannot_read(e),
    };
    let mut head = Vec::with_capacity(HEAD);
    if let Err(e) = (&mut file).take(HEAD as u64).read_to_end(&mut head) {
        return cannot_read(e);
    }
    let importer = match formats::for_check(path, &head) {
        Ok(importer) => importer,
        Err(unrecognised) => return Checked::listing(vec![unrecognised.diagnostic(path)]),
    };
    let ctx = ImportContext {
        name,
        path,
        want: if opts.events {
            Want::Events
        } else {
            Want::Anything
        },
        loaded: known,
        overlay_id: 0,
        article: opts.article.as_deref(),
    };
    let mut input = io::Cursor::new(head).chain(file);
    importer.check(&mut input, &ctx)
}

/// How many bytes of a file its format is told from.
const HEAD: usize = 4096;
