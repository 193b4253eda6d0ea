//! The `check` command: checks files and prints one line per problem and a
//! summary.

use std::fs::File;
use std::io::{self, Write};
use std::path::PathBuf;

use super::events::{EventsSchema, EventsValidator};
use super::{Keep, Problem, Report, check_reader};

/// Exit status: every file is valid.
const VALID: i32 = 0;
/// Exit status: some file has errors or cannot be read.
const INVALID: i32 = 1;
/// Exit status: the command was used wrongly (or its output failed).
const USAGE: i32 = 2;

/// Checks `files` as GeoJSON (and, with `events`, as events files whose quotes
/// are spans of the bundled article), writing problems and a summary to `out`.
/// Returns the exit status: 0 all valid, 1 some invalid, 2 usage error.
pub fn run_check(files: &[PathBuf], events: bool, out: &mut impl Write) -> i32 {
    let schema = EventsSchema {
        article: crate::data::events::BUNDLED_ARTICLE.to_owned(),
    };
    let validator = events.then_some(&schema as &dyn EventsValidator);
    run_check_with(files, validator, out)
}

/// As [`run_check`], with the events check given by the caller.
pub fn run_check_with(
    files: &[PathBuf],
    events: Option<&dyn EventsValidator>,
    out: &mut impl Write,
) -> i32 {
    if files.is_empty() {
        return match writeln!(out, "error: no files given") {
            Ok(()) | Err(_) => USAGE,
        };
    }
    check_all(files, events, out).unwrap_or(USAGE)
}

fn check_all(
    files: &[PathBuf],
    events: Option<&dyn EventsValidator>,
    out: &mut impl Write,
) -> io::Result<i32> {
    let (mut valid, mut errors, mut warnings) = (0, 0, 0);
    for path in files {
        let report = check_file(path, events);
        report.write_to(out)?;
        valid += usize::from(report.is_valid());
        errors += report.errors;
        warnings += report.warnings;
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

fn check_file(path: &PathBuf, events: Option<&dyn EventsValidator>) -> Report {
    let name = path.display().to_string();
    let unreadable = |e: io::Error| Report {
        name: name.clone(),
        problems: vec![Problem::file_error(format!("cannot read: {e}"))],
        errors: 1,
        warnings: 0,
        features: None,
    };
    let Some(validator) = events else {
        return match File::open(path) {
            Ok(file) => check_reader(&name, file, Keep::Nothing),
            Err(e) => unreadable(e),
        };
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return unreadable(e),
    };
    let mut report = check_reader(&name, bytes.as_slice(), Keep::Nothing);
    if let (true, Ok(source)) = (report.is_valid(), std::str::from_utf8(&bytes)) {
        for problem in validator.validate(source) {
            report.push(problem);
        }
    }
    report
}
