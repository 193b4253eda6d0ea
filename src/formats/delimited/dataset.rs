//! A dataset table read into one dataset [`Collection`], in chunks of
//! whole records on every core (`parts.rs`): the
//! file as its source, the actors and event types as its vocabularies,
//! the ids checked for repeats, and every bad row reported while the good
//! ones load. What the ACLED, UCDP GED and GDELT formats share; each gives
//! its [`Layout`] and a row function.

use std::io::Read;

use super::builder::{Builder, id_hash};
use super::chunks::{CHUNK_BYTES, Chunk, Chunker};
use super::columns::Columns;
use super::layout::{Header, Layout};
use super::parts::{self, Part};
use super::{Problems, Row, Table};
use crate::data::event::Event;
use crate::data::events::{Collection, Loaded};
use crate::data::fields::FieldNames;
use crate::data::source::{Source, SourceKind};
use crate::diagnostic::Diagnostic;
use crate::import::Checked;

/// What a row function makes of one row: its event, or every problem of
/// the row.
pub type RowResult = Result<Event, Vec<Diagnostic>>;

/// What reading a table gave: the events and problems, and how many
/// problems there were in all (only the first hundred are listed).
pub struct CsvLoad {
    /// The events that read, and the problems listed.
    pub loaded: Loaded,
    /// Errors found, listed or not.
    pub errors: usize,
    /// Warnings found, listed or not.
    pub warnings: usize,
}

impl CsvLoad {
    fn failed(problems: Problems) -> Self {
        Self {
            errors: problems.errors,
            warnings: problems.warnings,
            loaded: Loaded {
                collection: None,
                diagnostics: problems.kept,
            },
        }
    }

    /// The events and problems, with a last line saying how many problems
    /// were not listed, if any (for the Problems window).
    pub fn into_loaded(self) -> Loaded {
        let mut loaded = self.loaded;
        let more = (self.errors + self.warnings).saturating_sub(loaded.diagnostics.len());
        if more > 0 {
            let message =
                format!("{more} more problems not listed (`border-incidents check` counts them)");
            loaded.diagnostics.push(Diagnostic::warning(message));
        }
        loaded
    }

    /// The problems, counted, for `check`.
    pub fn into_checked(self) -> Checked {
        Checked {
            diagnostics: self.loaded.diagnostics,
            errors: self.errors,
            warnings: self.warnings,
        }
    }
}

/// What every part of a table shares: its layout and columns, and the
/// columns kept in the events' `fields`.
struct Shape<'l> {
    layout: &'l Layout,
    header: Vec<String>,
    /// The column of the events' ids.
    id_column: usize,
    field_columns: Vec<usize>,
    field_names: FieldNames,
}

impl<'l> Shape<'l> {
    /// The shape of the table whose first chunk is `first`, or why it
    /// cannot be read as `layout`.
    fn of(first: &[u8], layout: &'l Layout) -> Result<Self, Vec<Diagnostic>> {
        let mut input = first;
        let table = open(&mut input, layout)?;
        let columns = Columns::of(&table, layout);
        let field_columns: Vec<usize> = (0..table.header.len())
            .filter(|&i| {
                !layout
                    .mapped
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(&table.header[i]))
            })
            .collect();
        let names = field_columns.iter().map(|&i| table.header[i].as_str());
        let field_names = FieldNames::new(names.chain(layout.spare.iter().copied()));
        Ok(Self {
            layout,
            id_column: columns.get(layout.required[0]).unwrap_or(0),
            header: table.header,
            field_columns,
            field_names,
        })
    }

    /// A builder keeping every column the layout does not map in the
    /// events' `fields`, then its spare columns.
    fn builder(&self) -> Builder {
        Builder::new(self.field_columns.clone(), self.field_names.clone())
    }
}

/// Reads a table of `layout` from `input` on every core; `convert` makes
/// each row an event or says what is wrong with it. The file `name`
/// becomes the collection's one source.
pub fn read(
    name: &str,
    input: &mut dyn Read,
    layout: &Layout,
    convert: impl Fn(&Row<'_, '_>, &Columns, &mut Builder) -> RowResult + Sync,
) -> CsvLoad {
    read_in_chunks(name, input, layout, convert, CHUNK_BYTES)
}

/// [`read`], cutting the input in chunks of about `chunk_bytes`.
pub fn read_in_chunks(
    name: &str,
    input: &mut dyn Read,
    layout: &Layout,
    convert: impl Fn(&Row<'_, '_>, &Columns, &mut Builder) -> RowResult + Sync,
    chunk_bytes: usize,
) -> CsvLoad {
    let mut problems = Problems::default();
    let dialect = layout.dialect;
    let mut chunker = Chunker::new(input, dialect.delimiter, dialect.quoting, chunk_bytes);
    let first = match chunker.next_chunk() {
        Ok(first) => first.unwrap_or(Chunk {
            index: 0,
            first_line: 1,
            bytes: Vec::new(),
        }),
        Err(e) => {
            problems.push(super::cannot_read(e));
            return CsvLoad::failed(problems);
        }
    };
    let shape = match Shape::of(&first.bytes, layout) {
        Ok(shape) => shape,
        Err(found) => {
            found.into_iter().for_each(|d| problems.push(d));
            return CsvLoad::failed(problems);
        }
    };
    let mut b = shape.builder();
    let mut failed = None;
    let read_part = |chunk: &Chunk| read_part(chunk, &shape, &convert);
    let mut take = |part: Part| {
        if let Err(d) = take_part(part, &shape, &mut b, &mut problems) {
            failed.get_or_insert(d);
        }
    };
    let read = parts::read_all(&mut chunker, first, &read_part, &mut take);
    if let Some(d) = read.err().map(super::cannot_read).or(failed) {
        problems.push(d);
        return CsvLoad::failed(problems);
    }
    finish(name, layout, b, problems)
}

/// The table on `input`, or why it cannot be read as `layout` (it cannot
/// be read, or its header lacks required columns).
fn open<'r>(input: &'r mut dyn Read, layout: &Layout) -> Result<Table<'r>, Vec<Diagnostic>> {
    let table = Table::open(input, layout.dialect).map_err(|d| vec![d])?;
    let missing: Vec<Diagnostic> = layout
        .required
        .iter()
        .filter(|c| table.column(c).is_none())
        .map(|missing| {
            Diagnostic::error(format!(
                "missing required column: the header has no {missing:?} (is this file in the {} layout?)",
                layout.dataset
            ))
            .at(1, 1)
            .with_path(*missing)
        })
        .collect();
    if missing.is_empty() {
        Ok(table)
    } else {
        Err(missing)
    }
}

/// Reads the rows of one chunk of the table (the first holds its header).
fn read_part(
    chunk: &Chunk,
    shape: &Shape<'_>,
    convert: &(impl Fn(&Row<'_, '_>, &Columns, &mut Builder) -> RowResult + Sync),
) -> Part {
    let mut b = shape.builder();
    let mut part = Part {
        events: Vec::new(),
        id_at: Vec::new(),
        id_hashes: Vec::new(),
        problems: Problems::default(),
        terms: shape.builder().into_terms(),
        failed: None,
    };
    let mut input = chunk.bytes.as_slice();
    let dialect = shape.layout.dialect;
    let table = if chunk.index == 0 {
        Table::open(&mut input, dialect)
    } else {
        Table::continuing(&mut input, dialect, &shape.header, chunk.first_line)
    };
    let read = table.and_then(|mut table| {
        let columns = Columns::of(&table, shape.layout);
        rows(&mut table, shape, &columns, &mut b, &mut part, convert)
    });
    part.failed = read.err();
    part.terms = b.into_terms();
    part
}

/// Reads every row after the header, keeping the events `convert` makes
/// and the problems. Fails only when the input cannot be read.
fn rows(
    table: &mut Table<'_>,
    shape: &Shape<'_>,
    columns: &Columns,
    b: &mut Builder,
    part: &mut Part,
    convert: &impl Fn(&Row<'_, '_>, &Columns, &mut Builder) -> RowResult,
) -> Result<(), Diagnostic> {
    let width = table.header.len();
    let header = table.dialect().header;
    while let Some(row) = table.next_row(&mut part.problems)? {
        if row.len() != width {
            let message = match header {
                Header::Row => format!(
                    "the row has {} fields; the header names {width} columns",
                    row.len()
                ),
                Header::Fixed(_) => format!(
                    "the row has {} fields; a {} row has {width}",
                    row.len(),
                    shape.layout.dataset
                ),
            };
            part.problems.push(row.row_problem(message));
            continue;
        }
        match convert(&row, columns, b) {
            Ok(event) => {
                part.id_hashes.push(id_hash(&event.id));
                part.events.push(event);
                part.id_at.push(row.place(shape.id_column));
            }
            Err(mut found) => {
                found.sort_by_key(|d| (d.line, d.column));
                found.into_iter().for_each(|d| part.problems.push(d));
            }
        }
    }
    Ok(())
}

/// Adds a part's events to `b` in order (their ids checked for repeats,
/// their terms' ids made the whole table's) and its problems, with the
/// repeats', to `problems`; fails when the part could not be read.
fn take_part(
    part: Part,
    shape: &Shape<'_>,
    b: &mut Builder,
    problems: &mut Problems,
) -> Result<(), Diagnostic> {
    if let Some(d) = part.failed {
        problems.absorb(part.problems, Vec::new());
        return Err(d);
    }
    let renames = b.take_terms(&part.terms);
    let mut repeats = Vec::new();
    let placed = part.id_at.into_iter().zip(part.id_hashes);
    for (mut event, ((line, column), hash)) in part.events.into_iter().zip(placed) {
        if !renames.is_empty() {
            renames.apply(&mut event);
        }
        if let Err(message) = b.add(event, hash) {
            let d = Diagnostic::error(message).at(line, column);
            repeats.push(match shape.header.get(shape.id_column) {
                Some(name) => d.with_path(name.clone()),
                None => d,
            });
        }
    }
    problems.absorb(part.problems, repeats);
    Ok(())
}

/// The collection made of the rows that read.
fn finish(name: &str, layout: &Layout, b: Builder, problems: Problems) -> CsvLoad {
    let (vocabulary, events) = b.finish();
    let source = Source {
        id: crate::data::file_stem(name),
        kind: SourceKind::Dataset,
        title: Some(name.to_owned()),
        outlet: Some(layout.dataset.to_owned()),
        ..Source::default()
    };
    let usable = !events.is_empty() || problems.errors == 0;
    CsvLoad {
        errors: problems.errors,
        warnings: problems.warnings,
        loaded: Loaded {
            collection: usable.then(|| Collection {
                sources: vec![source],
                vocabulary,
                events,
            }),
            diagnostics: problems.kept,
        },
    }
}
