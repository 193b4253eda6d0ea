//! What the ACLED and UCDP importers share: reading a CSV table row by row
//! into one dataset [`Collection`], with the file as its source, the
//! actors and event types as its vocabularies, the ids checked for
//! repeats, and every bad row reported while the good ones load.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash as _, Hasher as _};
use std::io::Read;

use super::csv_rows::{Problems, Row, Table};
use crate::data::event::Event;
use crate::data::events::{Collection, Loaded};
use crate::data::fields::{FieldNames, Fields, FieldsBuilder};
use crate::data::slug::slug;
use crate::data::source::{Source, SourceKind};
use crate::data::vocabulary::{Symbol, Term, Vocabulary};
use crate::diagnostic::Diagnostic;

/// The columns of one CSV layout.
pub struct Layout {
    /// The dataset's name ("ACLED").
    pub dataset: &'static str,
    /// Columns a file must have.
    pub required: &'static [&'static str],
    /// Columns read into the event's own members (the others are kept in
    /// its `fields`).
    pub mapped: &'static [&'static str],
    /// Columns also read, though kept in `fields` as well.
    pub also_read: &'static [&'static str],
    /// Mapped columns an importer may also keep in `fields`, after the
    /// others (UCDP's coordinates of a place it does not draw).
    pub spare: &'static [&'static str],
}

/// What reading a CSV file gave: the events and problems, and how many
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
}

/// The terms of one vocabulary as they are met, found by label.
#[derive(Default)]
struct Terms {
    terms: Vec<Term>,
    by_label: HashMap<String, usize>,
    ids: HashMap<String, usize>,
}

impl Terms {
    /// The id of the term labelled `label`, added when new. Labels that
    /// make the same slug get `-2`, `-3`… so that ids stay unique.
    fn id(&mut self, label: &str, symbol: Symbol) -> &str {
        let index = match self.by_label.get(label) {
            Some(&i) => i,
            None => {
                let base = slug(label, '_').unwrap_or_else(|| "none".into());
                let mut id = base.clone();
                let mut n = 1;
                while self.ids.contains_key(&id) {
                    n += 1;
                    id = format!("{base}-{n}");
                }
                let i = self.terms.len();
                self.terms.push(Term {
                    label: label.to_owned(),
                    symbol,
                    ..Term::undeclared(&id)
                });
                self.ids.insert(id, i);
                self.by_label.insert(label.to_owned(), i);
                i
            }
        };
        &self.terms[index].id
    }
}

/// Builds the collection while rows are read.
pub struct Builder {
    sides: Terms,
    categories: Terms,
    /// The columns kept in `fields`, in order.
    field_columns: Vec<usize>,
    /// Their names, then the layout's spare ones: one table for every event.
    field_names: FieldNames,
    fields: FieldsBuilder,
    /// The first event of each id hash, to find repeated ids.
    seen: HashMap<u64, u32>,
    events: Vec<Event>,
}

impl Builder {
    /// The id of the side (actor) named `label`.
    pub fn side(&mut self, label: &str) -> String {
        self.sides.id(label, Symbol::default()).to_owned()
    }

    /// Adds the side (actor) named `label` to the vocabulary, when new.
    pub fn add_side(&mut self, label: &str) {
        self.sides.id(label, Symbol::default());
    }

    /// The id of the category labelled `label`, drawn with `symbol`.
    pub fn category(&mut self, label: &str, symbol: Symbol) -> String {
        self.categories.id(label, symbol).to_owned()
    }

    /// The row's columns that have no member of their own, then the
    /// layout's spare columns with the values in `spare`, when not empty.
    pub fn fields(&mut self, row: &Row<'_, '_>, spare: &[&str]) -> Result<Fields, Diagnostic> {
        let kept = self
            .field_columns
            .iter()
            .map(|&col| row.text(col).ok().filter(|text| !text.trim().is_empty()));
        let spare = spare.iter().map(|v| (!v.is_empty()).then_some(*v));
        self.fields
            .build(&self.field_names, kept.chain(spare))
            .map_err(|e| row.row_problem(e.to_string()))
    }

    /// Adds `event`, or returns why not (its id is taken).
    fn add(&mut self, event: Event) -> Result<(), String> {
        let mut h = DefaultHasher::new();
        event.id.hash(&mut h);
        let hash = h.finish();
        let index = self.events.len() as u32;
        if let Some(&first) = self.seen.get(&hash) {
            let taken = self.events.get(first as usize).map(|e| &e.id) == Some(&event.id)
                || self.events.iter().any(|e| e.id == event.id);
            if taken {
                return Err(format!("the id {:?} is used by an earlier row", event.id));
            }
        } else {
            self.seen.insert(hash, index);
        }
        self.events.push(event);
        Ok(())
    }
}

/// Reads a CSV file of `layout` from `input` in one pass; `convert` makes
/// each row an event or says what is wrong with it. The file `name`
/// becomes the collection's one source.
pub fn read(
    name: &str,
    input: &mut dyn Read,
    layout: &Layout,
    mut convert: impl FnMut(&Row<'_, '_>, &Columns, &mut Builder) -> Result<Event, Vec<Diagnostic>>,
) -> CsvLoad {
    let mut problems = Problems::default();
    let failed = |problems: Problems| CsvLoad {
        errors: problems.errors,
        warnings: problems.warnings,
        loaded: Loaded {
            collection: None,
            diagnostics: problems.kept,
        },
    };
    let mut table = match Table::open(input) {
        Ok(t) => t,
        Err(d) => {
            problems.push(d);
            return failed(problems);
        }
    };
    let columns = Columns::of(&table, layout);
    for missing in layout.required.iter().filter(|c| table.column(c).is_none()) {
        problems.push(
            Diagnostic::error(format!(
                "missing required column: the header has no {missing:?} (is this file in the {} layout?)",
                layout.dataset
            ))
            .at(1, 1)
            .with_path(*missing),
        );
    }
    if problems.errors > 0 {
        return failed(problems);
    }
    let field_columns: Vec<usize> = (0..table.header.len())
        .filter(|&i| {
            !layout
                .mapped
                .contains(&table.header[i].to_ascii_lowercase().as_str())
        })
        .collect();
    let names = field_columns.iter().map(|&i| table.header[i].as_str());
    let field_names = FieldNames::new(names.chain(layout.spare.iter().copied()));
    let mut b = Builder {
        sides: Terms::default(),
        categories: Terms::default(),
        field_columns,
        field_names,
        fields: FieldsBuilder::default(),
        seen: HashMap::new(),
        events: Vec::new(),
    };
    let width = table.header.len();
    loop {
        let row = match table.next_row(&mut problems) {
            Ok(Some(row)) => row,
            Ok(None) => break,
            Err(d) => {
                problems.push(d);
                return failed(problems);
            }
        };
        if row.len() != width {
            problems.push(row.row_problem(format!(
                "the row has {} fields; the header names {width} columns",
                row.len()
            )));
            continue;
        }
        match convert(&row, &columns, &mut b) {
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
    finish(name, layout, b, problems)
}

/// The collection made of the rows that read.
fn finish(name: &str, layout: &Layout, b: Builder, problems: Problems) -> CsvLoad {
    let mut vocabulary = Vocabulary {
        sides: b.sides.terms,
        categories: b.categories.terms,
    };
    vocabulary.settle_colours();
    let mut events = b.events;
    events.shrink_to_fit();
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

/// Where a layout's columns are in a file's header.
pub struct Columns {
    /// Each column of the layout the file has, with its index. A layout
    /// names a couple of dozen columns, read a dozen times a row: a scan
    /// comparing lengths first finds one faster than hashing its name.
    index: Vec<(&'static str, usize)>,
}

impl Columns {
    fn of(table: &Table<'_>, layout: &Layout) -> Self {
        let mut index: Vec<(&'static str, usize)> = Vec::new();
        let names = layout.mapped.iter().chain(layout.required);
        for &c in names.chain(layout.also_read) {
            if let Some(i) = table.column(c)
                && index.iter().all(|(n, _)| *n != c)
            {
                index.push((c, i));
            }
        }
        Self { index }
    }

    /// The index of column `name`, when the file has it.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.index
            .iter()
            .find(|(n, _)| n.len() == name.len() && *n == name)
            .map(|&(_, i)| i)
    }

    /// The trimmed text of column `name` in `row` ("" when the file has
    /// no such column).
    pub fn text<'a>(&self, row: &'a Row<'_, '_>, name: &str) -> Result<&'a str, Diagnostic> {
        match self.get(name) {
            Some(col) => row.text(col).map(str::trim),
            None => Ok(""),
        }
    }

    /// An error at column `name` of `row`.
    pub fn problem(&self, row: &Row<'_, '_>, name: &str, message: impl Into<String>) -> Diagnostic {
        match self.get(name) {
            Some(col) => row.problem(col, message),
            None => row.row_problem(message).with_path(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_that_make_one_slug_get_unique_ids() {
        let mut t = Terms::default();
        assert_eq!(t.id("Police", Symbol::Circle), "police");
        assert_eq!(t.id("POLICE", Symbol::Circle), "police-2");
        assert_eq!(t.id("Police", Symbol::Circle), "police");
    }
}
