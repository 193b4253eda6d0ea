//! The `extract` command: proposes an events file for each article, with
//! the article as its source, which `check --events` accepts.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use crate::atomic;
use crate::data::event::{Event, EventKind};
use crate::data::events::write::to_geojson;
use crate::data::events::{self, Collection, TextsBeside};
use crate::data::geodata::GeoData;
use crate::data::slug::slug;
use crate::data::source::{Source, SourceKind, sha256_hex};
use crate::extract::{self, Options, PlaceIndex, batch, input, published};
use crate::store::Store;

/// Exit status: every article gave an events file.
const DONE: i32 = 0;
/// Exit status: an article could not be read.
const FAILED: i32 = 1;
/// Exit status: used wrongly, or an article's date is unknown.
pub const USAGE: i32 = 2;

/// What to extract and where to write it.
#[derive(Clone, Debug, Default)]
pub struct ExtractOptions {
    /// Article files or directories of them.
    pub inputs: Vec<PathBuf>,
    /// The publication date, when the texts do not give it.
    pub published: Option<Date>,
    /// The source's title.
    pub title: Option<String>,
    /// The source's outlet.
    pub outlet: Option<String>,
    /// The output file, or directory for several articles.
    pub out: Option<PathBuf>,
}

/// The article files an input names: the file, or a directory's `.txt`,
/// `.md` and `.html` files in name order.
fn articles(inputs: &[PathBuf]) -> io::Result<(Vec<PathBuf>, bool)> {
    let mut out = Vec::new();
    let mut from_dir = false;
    for input in inputs {
        if input.is_dir() {
            from_dir = true;
            let mut files: Vec<PathBuf> = std::fs::read_dir(input)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    let ext = p
                        .extension()
                        .and_then(|e| e.to_str())
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    p.is_file() && matches!(ext.as_str(), "txt" | "md" | "html" | "htm")
                })
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok((out, from_dir))
}

/// Runs the command, writing a line per article to `out` and problems to
/// `err`. Returns the exit status: 0 done, 1 an article unreadable, 2 a
/// usage error or an article without a date.
pub fn run_extract(opts: &ExtractOptions, out: &mut impl Write, err: &mut impl Write) -> i32 {
    let (files, from_dir) = match articles(&opts.inputs) {
        Ok(found) => found,
        Err(e) => return say(err, &format!("error: cannot list the articles: {e}"), USAGE),
    };
    if files.is_empty() {
        return say(
            err,
            "error: no article files given (.txt, .md or .html)",
            USAGE,
        );
    }
    let database = match opts.out.as_deref().map(Store::from_path) {
        Some(Ok(Store::File(_))) | None => None,
        Some(Ok(database)) => Some(database),
        Some(Err(e)) => return say(err, &format!("error: {e}"), USAGE),
    };
    let out_file = opts.out.as_deref().filter(|_| database.is_none());
    let to_dir = files.len() > 1 || from_dir || out_file.is_some_and(Path::is_dir);
    if let (true, Some(dir)) = (to_dir, out_file)
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        return say(
            err,
            &format!(
                "{}: error: cannot make the output folder: {e}",
                dir.display()
            ),
            USAGE,
        );
    }
    let places = match GeoData::bundled() {
        Ok(geo) => PlaceIndex::new(&geo.places),
        Err(e) => return say(err, &format!("error: the bundled gazetteer: {e}"), FAILED),
    };
    let mut status = DONE;
    // Two articles that would write one file (x.txt and x.html) are not
    // read at all: the second is named, and neither output is clobbered.
    let mut targets: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in &files {
        let target = output_path(file, out_file, to_dir);
        match targets.iter().find(|(_, t)| *t == target) {
            Some((first, _)) => {
                let line = format!(
                    "{}: error: its output {} would also be {}'s; rename one or give -o DIR",
                    file.display(),
                    target.display(),
                    first.display()
                );
                status = status.max(say(err, &line, FAILED));
            }
            None => targets.push((file.clone(), target)),
        }
    }
    // Articles are read on every core; what each says is written in the
    // articles' order.
    let read = |(file, target): &(PathBuf, PathBuf)| {
        let (mut said, mut problems) = (Vec::new(), Vec::new());
        let into = Destination {
            target,
            database: database.as_ref(),
        };
        let code = match one(file, &into, opts, &places, &mut said, &mut problems) {
            Ok(code) => code,
            Err(e) => say(
                &mut problems,
                &format!("{}: error: {e}", target.display()),
                FAILED,
            ),
        };
        (code, said, problems)
    };
    batch::in_order(&targets, read, |(code, said, problems)| {
        // The terminal may be gone; the exit status still tells.
        let _ = out.write_all(&said);
        let _ = err.write_all(&problems);
        status = status.max(code);
    });
    status
}

fn say(err: &mut impl Write, line: &str, code: i32) -> i32 {
    let _ = writeln!(err, "{line}");
    code
}

/// `NAME.events.geojson` beside the input, or in the output folder, or
/// the output file given.
fn output_path(input: &Path, out: Option<&Path>, to_dir: bool) -> PathBuf {
    let stem = input
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    let name = format!("{stem}.events.geojson");
    match out {
        Some(o) if !to_dir => o.to_path_buf(),
        Some(dir) => dir.join(name),
        None => input.with_file_name(name),
    }
}

/// Where one article's proposals go: the events file `target`, or the
/// shared database (the file's name still names the source).
struct Destination<'a> {
    target: &'a Path,
    database: Option<&'a Store>,
}

/// Extracts one article.
fn one(
    file: &Path,
    into: &Destination<'_>,
    opts: &ExtractOptions,
    places: &PlaceIndex,
    out: &mut impl Write,
    err: &mut impl Write,
) -> io::Result<i32> {
    let name = file.display().to_string();
    let target = into.target;
    let (decoded, published) = match read_article(file, &name, opts) {
        Ok(read) => read,
        Err((line, code)) => return Ok(say(err, &line, code)),
    };
    let source = source_of(file, target, opts, &decoded, published)?;
    let options = Options {
        published,
        source: 0,
        id_prefix: &source.id,
        places,
        progress: None,
        cancel: None,
    };
    let found = extract::extract(&decoded.text, &options);
    if let Some(how) = &decoded.changed {
        writeln!(
            err,
            "{name}: note: {how}; the text quoted is written beside the output"
        )?;
    }
    for d in &found.diagnostics {
        writeln!(err, "{}", d.in_file(&name))?;
    }
    let events: Vec<_> = found.proposals.into_iter().map(|p| p.event).collect();
    let shown = into
        .database
        .map_or_else(|| target.display().to_string(), Store::label);
    let summary = summary(&shown, &events, &name, published);
    let collection = Collection {
        sources: vec![source],
        vocabulary: found.vocabulary,
        events,
    };
    if !write_checked(into, &collection, err)? {
        return Ok(say(
            err,
            &format!("{name}: error: the proposals do not make a valid events file"),
            FAILED,
        ));
    }
    writeln!(out, "{summary}")?;
    Ok(DONE)
}

/// The article's text, decoded, and its publication date (given, or
/// found in the text); else the line to say and the exit status.
fn read_article(
    file: &Path,
    name: &str,
    opts: &ExtractOptions,
) -> Result<(input::Decoded, Date), (String, i32)> {
    let bytes =
        std::fs::read(file).map_err(|e| (format!("{name}: error: cannot read: {e}"), FAILED))?;
    let decoded = input::decode(name, &bytes).map_err(|d| (d.in_file(name).to_string(), FAILED))?;
    let Some(published) = opts
        .published
        .or_else(|| published::find(&decoded.text).map(|(d, _)| d))
    else {
        let message = format!(
            "{name}: error: no publication date: pass --published YYYY-MM-DD (the text has no dateline, \
             \"Published …\" line or date under its title)"
        );
        return Err((message, USAGE));
    };
    Ok((decoded, published))
}

/// The article as the source of the events written to `target`, its id
/// made from the file name. The text is named relative to the events file;
/// a text that was converted to UTF-8 is written beside it, so that the
/// quotes' byte offsets hold.
fn source_of(
    file: &Path,
    target: &Path,
    opts: &ExtractOptions,
    decoded: &input::Decoded,
    published: Date,
) -> io::Result<Source> {
    let folder = target.parent().map(Path::to_path_buf).unwrap_or_default();
    let stem = target.file_name().map_or_else(String::new, |s| {
        s.to_string_lossy()
            .trim_end_matches(".events.geojson")
            .to_owned()
    });
    let text_file = match &decoded.changed {
        None => relative(&folder, file).unwrap_or_else(|| file.display().to_string()),
        Some(_) => {
            let beside = format!("{stem}.txt");
            atomic::write_bytes(&folder.join(&beside), decoded.text.as_bytes())?;
            beside
        }
    };
    Ok(Source {
        id: slug(&stem, '-').unwrap_or_else(|| "article".into()),
        kind: SourceKind::Article,
        title: opts.title.clone().or_else(|| first_line(&decoded.text)),
        outlet: opts.outlet.clone(),
        published: Some(published),
        text_file: Some(text_file),
        sha256: Some(sha256_hex(&decoded.text)),
        text: Some(decoded.text.as_str().into()),
        ..Source::default()
    })
}

/// The line said for an article written: how many proposals of each kind.
fn summary(target: &str, events: &[Event], name: &str, published: Date) -> String {
    let count = |k| events.iter().filter(|e| e.kind == k).count();
    format!(
        "{target}: {} proposals ({} incidents, {} statements, {} context) from {name}, published {published}",
        events.len(),
        count(EventKind::Incident),
        count(EventKind::Statement),
        count(EventKind::Context),
    )
}

/// Writes the collection to its store (the events file whole or not at
/// all; the database in one transaction), if it reads back (the same
/// check `check --events` makes); else says why to `err` and writes
/// nothing. Returns whether it was written.
fn write_checked(
    into: &Destination<'_>,
    collection: &Collection,
    err: &mut impl Write,
) -> io::Result<bool> {
    let target = into.target;
    let written = to_geojson(collection);
    let shown = target.display().to_string();
    let loaded = events::read(&shown, written.as_bytes(), &TextsBeside::file(target), &[]);
    if loaded.collection.is_none() {
        for d in &loaded.diagnostics {
            writeln!(err, "{}", d.in_file(&shown))?;
        }
        return Ok(false);
    }
    match into.database {
        Some(database) => {
            database.write(collection, None).map_err(io::Error::other)?;
        }
        None => atomic::write_bytes(target, written.as_bytes())?,
    }
    Ok(true)
}

/// The first line with words, as a title.
fn first_line(text: &str) -> Option<String> {
    text.lines()
        .map(|l| {
            l.trim()
                .trim_start_matches('\u{FEFF}')
                .trim_start_matches('#')
                .trim()
        })
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(200).collect())
}

/// `file` relative to the folder `from` ("../articles/a.txt").
fn relative(from: &Path, file: &Path) -> Option<String> {
    let from = std::fs::canonicalize(if from.as_os_str().is_empty() {
        Path::new(".")
    } else {
        from
    })
    .ok()?;
    let file = std::fs::canonicalize(file).ok()?;
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = file.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".into(); a.len() - common];
    parts.extend(
        b[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    Some(parts.join("/"))
}
