//! The `check` command: checks files without a window and prints one line
//! per problem (`FILE:LINE:COL: error: …`) and a summary.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use crate::check::{Keep, check_reader};
use crate::data::events::{self, TextsBeside};
use crate::diagnostic::{Diagnostic, counts};
use crate::import::read_dataset_csv;

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

/// What checking one file found.
struct Checked {
    name: String,
    /// The problems listed (the GeoJSON check keeps the first hundred).
    diagnostics: Vec<Diagnostic>,
    /// Errors found, listed or not.
    errors: usize,
    /// Warnings found, listed or not.
    warnings: usize,
}

impl Checked {
    /// A file with every problem listed.
    fn listing(name: String, diagnostics: Vec<Diagnostic>) -> Self {
        let (errors, warnings) = counts(&diagnostics);
        Self {
            name,
            diagnostics,
            errors,
            warnings,
        }
    }

    /// Problems found but not listed.
    fn omitted(&self) -> usize {
        (self.errors + self.warnings).saturating_sub(self.diagnostics.len())
    }
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
    for path in files {
        let checked = check_file(path, opts);
        for d in &checked.diagnostics {
            writeln!(out, "{}", d.in_file(&checked.name))?;
        }
        if checked.omitted() > 0 {
            writeln!(
                out,
                "{}: note: {} more problems not shown",
                checked.name,
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

fn check_file(path: &Path, opts: &CheckOptions) -> Checked {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => BufReader::new(f),
        Err(e) => {
            let problem = Diagnostic::error(format!("cannot read: {e}"));
            return Checked::listing(name, vec![problem]);
        }
    };
    if is_csv(path) {
        return check_csv(name, file);
    }
    if opts.events {
        let texts = TextsBeside {
            fallback: opts.article.clone(),
            ..TextsBeside::file(path)
        };
        let known = events::bundled().map(|c| c.events).unwrap_or_default();
        let loaded = events::read(&name, file, &texts, &known);
        return Checked::listing(name, loaded.diagnostics);
    }
    let report = check_reader(&name, file, Keep::Nothing);
    Checked {
        name: report.name,
        diagnostics: report.problems,
        errors: report.errors,
        warnings: report.warnings,
    }
}

/// Whether the file is to be checked as a dataset CSV: its name ends in
/// `.csv`.
fn is_csv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Checks an ACLED or UCDP GED CSV file through its importer: every bad
/// row with its line, column and column name.
fn check_csv(name: String, mut file: BufReader<File>) -> Checked {
    let mut head = Vec::with_capacity(HEAD);
    if let Err(e) = (&mut file).take(HEAD as u64).read_to_end(&mut head) {
        let problem = Diagnostic::error(format!("cannot read: {e}"));
        return Checked::listing(name, vec![problem]);
    }
    let mut input = io::Cursor::new(head.clone()).chain(file);
    match read_dataset_csv(&name, &head, &mut input) {
        Some(load) => Checked {
            name,
            diagnostics: load.loaded.diagnostics,
            errors: load.errors,
            warnings: load.warnings,
        },
        None => {
            let problem = Diagnostic::error(
                "not an ACLED or UCDP GED CSV: the header row names neither event_id_cnty and \
                 event_date (ACLED) nor where_prec and date_prec (UCDP GED)",
            )
            .at(1, 1);
            Checked::listing(name, vec![problem])
        }
    }
}

/// How many bytes of a CSV file are read to tell its layout.
const HEAD: usize = 4096;
