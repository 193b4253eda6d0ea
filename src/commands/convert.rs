//! The `convert` command: reads events files in any format the app reads
//! (`formats::IMPORTERS`), or the shared database, merges them and writes
//! them to a store (`store::Store`): a file in one of the formats it writes
//! (`formats::EXPORTERS`), through `crate::atomic`, so that a failed
//! conversion never leaves half a file; or the database, in one
//! transaction.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use crate::data::Data;
use crate::data::events::Collection;
use crate::diagnostic::Diagnostic;
use crate::formats::{self, Format};
use crate::import::{ImportContext, Imported, Want};
use crate::store::Store;

/// Exit status: converted.
const DONE: i32 = 0;
/// Exit status: an input has errors or the output cannot be written.
const FAILED: i32 = 1;
/// Exit status: the command was used wrongly.
const USAGE: i32 = 2;

/// What to convert, and how.
#[derive(Clone, Debug)]
pub struct ConvertOptions {
    /// The files to read (a connection string reads the database).
    pub inputs: Vec<PathBuf>,
    /// The file to write (a connection string writes into the database).
    pub output: PathBuf,
    /// The format to write; else told by the output's extension.
    pub to: Option<Format>,
    /// Convert the rows that read even when others have errors.
    pub skip_bad_rows: bool,
}

/// Converts, writing problems and a summary to `out`. Returns the exit
/// status: 0 converted, 1 inputs with errors or a write failure, 2 usage.
pub fn run_convert(opts: &ConvertOptions, out: &mut impl Write) -> i32 {
    let target = match Store::from_path(&opts.output) {
        Ok(target) => target,
        Err(e) => {
            let _ = writeln!(out, "error: {e}");
            return USAGE;
        }
    };
    let format = match &target {
        Store::Database(_) => None,
        Store::File(path) => match output_format(path, opts.to) {
            Ok(f) => Some(f),
            Err(message) => {
                let _ = writeln!(out, "error: {message}");
                return USAGE;
            }
        },
    };
    match convert(opts, &target, format, out) {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(out, "{}: error: cannot write: {e}", target.label());
            FAILED
        }
    }
}

/// The format to write: `--to`, else the one the output's name ends in.
pub(crate) fn output_format(output: &Path, to: Option<Format>) -> Result<Format, String> {
    match to {
        Some(format) => Ok(format),
        None => Format::for_path(output),
    }
}

fn convert(
    opts: &ConvertOptions,
    target: &Store,
    format: Option<Format>,
    out: &mut impl Write,
) -> io::Result<i32> {
    let Some(collection) = read_all(&opts.inputs, opts.skip_bad_rows, out)? else {
        writeln!(
            out,
            "error: nothing written: fix the errors above (or give --skip-bad-rows to convert \
             the rows of a CSV file that read)"
        )?;
        return Ok(FAILED);
    };
    let written = match target.write(&collection, format) {
        Ok(written) => written,
        Err(e) => {
            writeln!(out, "{}: error: {e}", target.label())?;
            return Ok(FAILED);
        }
    };
    for note in &written.notes {
        writeln!(out, "{}: warning: {note}", target.label())?;
    }
    let how = format.map_or("the database", |f| f.name());
    writeln!(
        out,
        "wrote {} of {} events to {} ({how})",
        written.events,
        collection.events.len(),
        target.label(),
    )?;
    Ok(DONE)
}

/// Reads every input through the importer that recognises it and merges
/// them, writing each problem to `out`; `None` when any input failed (or
/// has bad rows, unless `skip_bad_rows`).
pub(crate) fn read_all(
    inputs: &[PathBuf],
    skip_bad_rows: bool,
    out: &mut dyn Write,
) -> io::Result<Option<Collection>> {
    let mut data = Data::default();
    let mut failed = false;
    for path in inputs {
        let name =
            Store::from_path(path).map_or_else(|_| path.display().to_string(), |s| s.label());
        let (collection, diagnostics) = read(path, &name, &data);
        for d in &diagnostics {
            writeln!(out, "{}", d.in_file(&name))?;
        }
        let errors = diagnostics.iter().any(Diagnostic::is_error);
        failed |= (errors && !skip_bad_rows) || collection.is_none();
        if let Some(c) = collection
            && let Err(message) = data.add(c)
        {
            writeln!(out, "{name}: error: {message}")?;
            failed = true;
        }
    }
    if failed {
        return Ok(None);
    }
    Ok(Some(Collection {
        sources: data.sources,
        vocabulary: data.vocabulary,
        events: data.events,
    }))
}

/// Reads one input through the importer that recognises it: its events
/// (the usable rows of a CSV file) and its problems.
fn read(path: &Path, name: &str, loaded: &Data) -> (Option<Collection>, Vec<Diagnostic>) {
    let failed = |message: String| (None, vec![Diagnostic::error(message)]);
    match Store::from_path(path) {
        Ok(Store::File(_)) => {}
        Ok(database) => {
            return match database.read() {
                Ok(collection) => (Some(collection), Vec::new()),
                Err(message) => failed(message),
            };
        }
        Err(e) => return failed(e.to_string()),
    }
    let mut file = match File::open(path) {
        Ok(f) => BufReader::new(f),
        Err(e) => return failed(format!("cannot read: {e}")),
    };
    let mut head = Vec::with_capacity(4096);
    if let Err(e) = (&mut file).take(4096).read_to_end(&mut head) {
        return failed(format!("cannot read: {e}"));
    }
    let importer = match formats::recognise(path, &head) {
        Ok(importer) => importer,
        Err(unrecognised) => return (None, vec![unrecognised.diagnostic(path)]),
    };
    let ctx = ImportContext {
        name,
        path,
        want: Want::Events,
        loaded,
        overlay_id: 0,
        article: None,
    };
    let mut input = io::Cursor::new(head).chain(file);
    match importer.load(&mut input, &ctx) {
        Imported::Events(l) => (l.collection, l.diagnostics),
        Imported::Overlay(_) => failed("holds no events".into()),
        Imported::Failed(diagnostics) => (None, diagnostics),
    }
}
