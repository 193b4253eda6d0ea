//! A dataset table read row by row into one dataset [`Collection`]: the
//! file as its source, the actors and event types as its vocabularies,
//! the ids checked for repeats, and every bad row reported while the good
//! ones load. What the ACLED, UCDP GED and GDELT formats share; each gives
//! its [`Layout`] and a row function.

use std::io::Read;

use super::builder::Builder;
use super::columns::Columns;
use super::layout::{Header, Layout};
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

/// Reads a table of `layout` from `input` in one pass; `convert` makes
/// each row an event or says what is wrong with it. The file `name`
/// becomes the collection's one source.
pub fn read(
    name: &str,
    input: &mut dyn Read,
    layout: &Layout,
    convert: impl FnMut(&Row<'_, '_>, &Columns, &mut Builder) -> RowResult,
) -> CsvLoad {
    let mut problems = Problems::default();
    let mut table = match open(input, layout) {
        Ok(table) => table,
        Err(found) => {
            found.into_iter().for_each(|d| problems.push(d));
            return CsvLoad::failed(problems);
        }
    };
    let columns = Columns::of(&table, layout);
    let mut b = builder(&table, layout);
    if let Err(d) = rows(&mut table, layout, &columns, &mut b, &mut problems, convert) {
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

/// A builder keeping every column of `table` the layout does not map in
/// the events' `fields`, then its spare columns.
fn builder(table: &Table<'_>, layout: &Layout) -> Builder {
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
    Builder::new(field_columns, field_names)
}

/// Reads every row after the header, adding the events `convert` makes and
/// keeping the problems. Fails only when the input cannot be read.
fn rows(
    table: &mut Table<'_>,
    layout: &Layout,
    columns: &Columns,
    b: &mut Builder,
    problems: &mut Problems,
    mut convert: impl FnMut(&Row<'_, '_>, &Columns, &mut Builder) -> RowResult,
) -> Result<(), Diagnostic> {
    let width = table.header.len();
    let header = table.dialect().header;
    while let Some(row) = table.next_row(problems)? {
        if row.len() != width {
            let message = match header {
                Header::Row => format!(
                    "the row has {} fields; the header names {width} columns",
                    row.len()
                ),
                Header::Fixed(_) => format!(
                    "the row has {} fields; a {} row has {width}",
                    row.len(),
                    layout.dataset
                ),
            };
            problems.push(row.row_problem(message));
            continue;
        }
        match convert(&row, columns, b) {
            Ok(event) => {
                if let Err(message) = b.add(event) {
                    let col = columns.get(layout.required[0]).unwrap_or(0);
                    problems.push(row.problem(col, message));
                }
            }
            Err(mut found) => {
                found.sort_by_key(|d| (d.line, d.column));
                found.into_iter().for_each(|d| problems.push(d));
            }
        }
    }
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
