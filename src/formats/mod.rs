//! The file formats events come in and go out in, listed once.
//!
//! Each format is one importer ([`crate::import::Importer`]: name, file
//! name endings, how a file is recognised, how it is read and checked)
//! and, when it can be written, one exporter ([`crate::export::Exporter`]:
//! name, label, endings, how it is written), both in the format's own
//! file or folder here. [`IMPORTERS`] and [`EXPORTERS`] list them; Open's
//! filter, dropped files, the loader, `check`, `convert`, `--to` and the
//! Export dialog all read these lists, so a new format is its file and one
//! line in each list it joins.
//!
//! The table formats (ACLED, UCDP GED, GDELT) read through
//! [`delimited`]: a streaming reader of delimited rows that places every
//! problem at its line and column.

pub mod acled;
pub mod delimited;
pub mod gdelt;
pub mod geojson;
pub mod ucdp;

use std::fmt;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::export::Exporter;
use crate::import::Importer;

/// The formats the app reads, in the order they are tried: the first whose
/// `sniff` accepts a file reads it.
pub static IMPORTERS: &[&dyn Importer] =
    &[&geojson::GeoJson, &acled::Acled, &ucdp::Ucdp, &gdelt::Gdelt];

/// The formats events can be written in, in the order the Export dialog
/// offers them.
pub static EXPORTERS: &[&dyn Exporter] =
    &[&geojson::GeoJson, &acled::Acled, &ucdp::Ucdp, &gdelt::Gdelt];

/// Why no importer reads a file.
#[derive(Clone, Debug)]
pub enum Unrecognised {
    /// The formats whose file name ending the file has; none of them
    /// recognises what it holds.
    Claimed(Vec<&'static dyn Importer>),
    /// No format has the file's name ending.
    Unknown,
}

impl Unrecognised {
    /// The problem, at the start of the file.
    pub fn diagnostic(&self, path: &Path) -> Diagnostic {
        match self {
            Self::Claimed(formats) => {
                let ending = extension(path).unwrap_or_default();
                let expected: Vec<String> = formats
                    .iter()
                    .map(|f| format!("{} ({})", f.looks_like(), f.name()))
                    .collect();
                Diagnostic::error(format!(
                    "not a file this app reads as .{ending}: expected {}",
                    either(&expected, "or")
                ))
                .at(1, 1)
            }
            Self::Unknown => {
                let names: Vec<String> = IMPORTERS.iter().map(|f| f.name().to_owned()).collect();
                Diagnostic::error(format!(
                    "not a file this app reads ({})",
                    either(&names, "or")
                ))
            }
        }
    }
}

/// The importer that reads the file at `path` starting with `head` (its
/// first bytes): the first of [`IMPORTERS`] whose sniff accepts it.
pub fn recognise(path: &Path, head: &[u8]) -> Result<&'static dyn Importer, Unrecognised> {
    if let Some(&importer) = IMPORTERS.iter().find(|i| i.sniff(path, head)) {
        return Ok(importer);
    }
    let ending = extension(path);
    let claimed: Vec<&'static dyn Importer> = IMPORTERS
        .iter()
        .copied()
        .filter(|i| {
            ending
                .as_deref()
                .is_some_and(|e| i.extensions().contains(&e))
        })
        .collect();
    if claimed.is_empty() {
        Err(Unrecognised::Unknown)
    } else {
        Err(Unrecognised::Claimed(claimed))
    }
}

/// The importer that checks a file (`border-incidents check`): as
/// [`recognise`], except that a file whose name ending no format claims is
/// checked as GeoJSON, the app's own format, whose checker says where the
/// file stops being one.
pub fn for_check(path: &Path, head: &[u8]) -> Result<&'static dyn Importer, Unrecognised> {
    match recognise(path, head) {
        Err(Unrecognised::Unknown) => Ok(&geojson::GeoJson),
        found => found,
    }
}

/// The file name ending of `path`, lowercase.
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Open's filters: every file the app reads, then each format's files.
/// Each ending is given in lower and upper case (GDELT names its files
/// `.CSV`), since file choosers match patterns by case.
pub fn open_filters() -> Vec<(String, Vec<String>)> {
    let both_cases = |endings: &[&str]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for e in endings {
            for e in [e.to_ascii_lowercase(), e.to_ascii_uppercase()] {
                if !out.contains(&e) {
                    out.push(e);
                }
            }
        }
        out
    };
    let every: Vec<&str> = IMPORTERS
        .iter()
        .flat_map(|i| i.extensions())
        .copied()
        .collect();
    let mut filters = vec![("Files this app reads".to_owned(), both_cases(&every))];
    for importer in IMPORTERS {
        filters.push((
            importer.name().to_owned(),
            both_cases(importer.extensions()),
        ));
    }
    filters
}

/// One of the formats events can be written in ([`EXPORTERS`]), as a plain
/// value that export requests and the command line carry.
#[derive(Clone, Copy)]
pub struct Format(&'static dyn Exporter);

impl Default for Format {
    /// Events GeoJSON, the format that keeps everything.
    fn default() -> Self {
        Self(&geojson::GeoJson)
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Self) -> bool {
        self.name() == other.name()
    }
}

impl Eq for Format {}

impl fmt::Debug for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Format({})", self.name())
    }
}

impl Format {
    /// Every format, in the order of [`EXPORTERS`].
    pub fn all() -> impl Iterator<Item = Self> {
        EXPORTERS.iter().map(|&e| Self(e))
    }

    /// The format named `name` (as `--to` takes it, case ignored).
    pub fn named(name: &str) -> Option<Self> {
        Self::all().find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// The format an output named `path` is written in: the one format
    /// whose ending it has, else a message saying to name it with `--to`.
    pub fn for_path(path: &Path) -> Result<Self, String> {
        let ending = extension(path).unwrap_or_default();
        let mut claiming = Self::all().filter(|f| f.0.extensions().contains(&ending.as_str()));
        let names = |formats: &mut dyn Iterator<Item = Self>| -> String {
            let named: Vec<String> = formats.map(|f| format!("--to {}", f.name())).collect();
            either(&named, "or")
        };
        match (claiming.next(), claiming.next()) {
            (Some(only), None) => Ok(only),
            (Some(first), Some(second)) => {
                let mut all = [first, second].into_iter().chain(claiming);
                Err(format!(
                    "{}: a .{ending} output needs {} (the layout to write)",
                    path.display(),
                    names(&mut all)
                ))
            }
            (None, _) => Err(format!(
                "{}: cannot tell the format from the name; give {}",
                path.display(),
                names(&mut Self::all())
            )),
        }
    }

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Its name in the Export dialog.
    pub fn label(self) -> &'static str {
        self.0.label()
    }

    /// The file name ending given to the files it writes.
    pub fn extension(self) -> &'static str {
        self.0.extensions().first().copied().unwrap_or_default()
    }

    /// Its exporter.
    pub fn exporter(self) -> &'static dyn Exporter {
        self.0
    }
}

/// "a, b or c".
fn either(words: &[String], or: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {or} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_a_name_and_an_ending_of_its_own() {
        for (i, a) in IMPORTERS.iter().enumerate() {
            assert!(!a.extensions().is_empty(), "{}", a.name());
            assert!(IMPORTERS[..i].iter().all(|b| b.name() != a.name()));
        }
        for (i, a) in EXPORTERS.iter().enumerate() {
            assert_eq!(a.name(), a.name().to_ascii_lowercase());
            assert!(EXPORTERS[..i].iter().all(|b| b.name() != a.name()));
        }
    }

    #[test]
    fn the_readme_names_every_format_written() {
        let names: Vec<&str> = EXPORTERS.iter().map(|e| e.name()).collect();
        let to = format!("[--to {}]", names.join("|"));
        let readme = include_str!("../../README.md");
        let lines: Vec<&str> = readme.lines().filter(|l| l.contains("[--to g")).collect();
        assert!(lines.len() >= 2, "README.md's convert and db pull lines");
        for line in lines {
            assert!(line.contains(&to), "{line:?} lacks {to}");
        }
        for importer in IMPORTERS {
            assert!(readme.contains(importer.name()), "{}", importer.name());
        }
    }

    #[test]
    fn open_offers_every_ending_in_both_cases() {
        let filters = open_filters();
        assert_eq!(filters.len(), IMPORTERS.len() + 1);
        let (_, all) = &filters[0];
        for ending in ["geojson", "GEOJSON", "json", "csv", "CSV"] {
            assert!(all.iter().any(|e| e == ending), "{ending}: {all:?}");
        }
        assert_eq!(all.iter().filter(|e| *e == "csv").count(), 1);
    }

    #[test]
    fn an_output_is_named_by_its_ending_or_by_to() {
        assert_eq!(
            Format::for_path(Path::new("out.GeoJSON")).map(Format::name),
            Ok("geojson")
        );
        let csv = Format::for_path(Path::new("out.csv")).unwrap_err();
        assert!(csv.contains("--to acled, --to ucdp or --to gdelt"), "{csv}");
        let unknown = Format::for_path(Path::new("out.txt")).unwrap_err();
        assert!(
            unknown.contains("give --to geojson, --to acled"),
            "{unknown}"
        );
        assert_eq!(Format::named("ACLED").map(Format::name), Some("acled"));
        assert_eq!(Format::default().name(), "geojson");
    }

    #[test]
    fn a_file_no_format_recognises_is_named_by_the_formats_of_its_ending() {
        let csv = recognise(Path::new("x.csv"), b"a,b\n1,2\n").unwrap_err();
        let message = csv.diagnostic(Path::new("x.csv")).message;
        assert!(message.starts_with("not a file this app reads as .csv: expected "));
        assert!(message.contains("(ACLED CSV)") && message.contains("(GDELT 2.0 events)"));
        let txt = recognise(Path::new("x.txt"), b"hello").unwrap_err();
        assert!(matches!(txt, Unrecognised::Unknown));
        let checked_as = for_check(Path::new("x.txt"), b"hello").ok();
        assert_eq!(checked_as.map(|i| i.name()), Some("GeoJSON"));
    }
}
