//! The top of an events file: its `sources` and `vocabularies`, read from
//! the members the GeoJSON check kept, with the texts of the sources.

use std::collections::HashSet;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Deserialize;

use crate::check::ForeignMember;
use crate::data::slug::slug;
use crate::data::source::{Source, SourceKind, sha256_hex};
use crate::data::vocabulary::{Symbol, Term, Vocabulary, default_label, parse_hex};
use crate::diagnostic::Diagnostic;

/// Where the texts of an events file's article sources are found.
pub trait SourceTexts {
    /// The text of the file a source names in `text_file`, or why it
    /// cannot be read.
    fn read(&self, text_file: &str) -> Result<String, String>;

    /// The text for an article source that names no text of its own
    /// (`check --events --article FILE`), if one was given.
    fn fallback(&self) -> Option<String> {
        None
    }
}

/// An events file's sources and vocabularies.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// The sources, in file order.
    pub sources: Vec<Source>,
    /// The declared vocabularies.
    pub vocabulary: Vocabulary,
    /// Whether `vocabularies.sides` was given.
    pub sides_declared: bool,
    /// Whether `vocabularies.categories` was given.
    pub categories_declared: bool,
}

/// A `sources` element as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    #[serde(default)]
    kind: SourceKind,
    title: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    published: Option<String>,
    url: Option<String>,
    licence: Option<String>,
    text_file: Option<String>,
    text: Option<String>,
    sha256: Option<String>,
}

/// The single `source` member of the first events files.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacySource {
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    text: Option<String>,
}

impl From<LegacySource> for RawSource {
    fn from(l: LegacySource) -> Self {
        RawSource {
            id: "article".into(),
            kind: SourceKind::Article,
            title: l.title,
            outlet: l.publisher,
            author: l.author,
            published: l.published,
            url: None,
            licence: None,
            text_file: l.text,
            text: None,
            sha256: None,
        }
    }
}

/// A vocabulary term as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: String,
    label: Option<String>,
    colour: Option<String>,
    symbol: Option<Symbol>,
}

/// `vocabularies` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVocabularies {
    sides: Option<Vec<RawTerm>>,
    categories: Option<Vec<RawTerm>>,
}

/// Reads the header from the kept top-level `members`. A file that names
/// no source gets one, of kind dataset, named after `file_name`.
pub fn read(
    members: &[ForeignMember],
    file_name: &str,
    texts: &dyn SourceTexts,
) -> (Header, Vec<Diagnostic>) {
    let mut header = Header::default();
    let mut problems = Vec::new();
    for m in members {
        let at = |message: String, path: String| {
            Diagnostic::error(message)
                .at(m.line, m.column)
                .with_path(path)
        };
        match m.name.as_str() {
            "sources" => match Vec::<RawSource>::deserialize(&m.value) {
                Ok(raw) => {
                    for (i, r) in raw.into_iter().enumerate() {
                        let path = format!("sources[{i}]");
                        match source(r, texts) {
                            Ok(s) => header.sources.push(s),
                            Err(e) => problems.push(at(e, path)),
                        }
                    }
                }
                Err(e) => problems.push(at(e.to_string(), "sources".into())),
            },
            "source" => match LegacySource::deserialize(&m.value) {
                Ok(l) => match source(l.into(), texts) {
                    Ok(s) => header.sources.push(s),
                    Err(e) => problems.push(at(e, "source".into())),
                },
                Err(e) => problems.push(at(e.to_string(), "source".into())),
            },
            "vocabularies" => match RawVocabularies::deserialize(&m.value) {
                Ok(v) => {
                    if let Some(sides) = v.sides {
                        header.sides_declared = true;
                        header.vocabulary.sides =
                            terms(sides, "vocabularies.sides", &at, &mut problems);
                    }
                    if let Some(categories) = v.categories {
                        header.categories_declared = true;
                        header.vocabulary.categories =
                            terms(categories, "vocabularies.categories", &at, &mut problems);
                    }
                }
                Err(e) => problems.push(at(e.to_string(), "vocabularies".into())),
            },
            _ => {}
        }
    }
    let mut seen = HashSet::new();
    for s in &header.sources {
        if !seen.insert(s.id.clone()) {
            problems.push(Diagnostic::error(format!(
                "two sources have the id {:?}",
                s.id
            )));
        }
    }
    if header.sources.is_empty() && problems.is_empty() {
        header.sources.push(Source {
            id: file_stem(file_name),
            kind: SourceKind::Dataset,
            title: Some(file_name.to_owned()),
            ..Source::default()
        });
    }
    (header, problems)
}

/// Terms as declared; a bad colour or a repeated id is reported through
/// `at` and the term kept with a default colour.
fn terms(
    raw: Vec<RawTerm>,
    path: &str,
    at: &dyn Fn(String, String) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::with_capacity(raw.len());
    for (i, t) in raw.into_iter().enumerate() {
        if out.iter().any(|o| o.id == t.id) {
            problems.push(at(
                format!("{:?} is declared twice", t.id),
                format!("{path}[{i}]"),
            ));
            continue;
        }
        let colour = t.colour.as_deref().and_then(parse_hex);
        if t.colour.is_some() && colour.is_none() {
            problems.push(at(
                format!(
                    "colour {:?} is not #RRGGBB",
                    t.colour.clone().unwrap_or_default()
                ),
                format!("{path}[{i}].colour"),
            ));
        }
        out.push(Term {
            label: t.label.unwrap_or_else(|| default_label(&t.id)),
            colour: colour.unwrap_or_default(),
            symbol: t.symbol.unwrap_or_default(),
            declared_colour: colour.is_some(),
            id: t.id,
        });
    }
    out
}

/// A source with its date parsed and its text read and checked.
fn source(r: RawSource, texts: &dyn SourceTexts) -> Result<Source, String> {
    let published = match &r.published {
        Some(d) => Some(
            d.parse::<Date>()
                .map_err(|e| format!("published {d:?} is not YYYY-MM-DD: {e}"))?,
        ),
        None => None,
    };
    let text = match (&r.text, &r.text_file) {
        (Some(inline), _) => Some(inline.clone()),
        (None, Some(file)) => Some(
            texts
                .read(file)
                .map_err(|e| format!("cannot read its text_file {file:?}: {e}"))?,
        ),
        (None, None) if r.kind == SourceKind::Article => texts.fallback(),
        (None, None) => None,
    };
    let actual = text.as_deref().map(sha256_hex);
    if let (Some(recorded), Some(actual)) = (&r.sha256, &actual)
        && !recorded.eq_ignore_ascii_case(actual)
    {
        return Err(format!(
            "its text has SHA-256 {actual}, not {recorded} as recorded: the quotes were taken \
             from another version of the text"
        ));
    }
    Ok(Source {
        id: r.id,
        kind: r.kind,
        title: r.title,
        outlet: r.outlet,
        author: r.author,
        published,
        url: r.url,
        licence: r.licence,
        text_file: r.text_file,
        text: text.map(Arc::from),
        sha256: actual.or(r.sha256),
    })
}

/// A source id made from a file name: "ACLED export.csv" → "acled-export"
/// ("file" when the name has no letter or digit).
pub fn file_stem(file_name: &str) -> String {
    let stem = std::path::Path::new(file_name).file_stem().map_or_else(
        || file_name.to_owned(),
        |s| s.to_string_lossy().into_owned(),
    );
    slug(&stem, '-').unwrap_or_else(|| "file".into())
}
