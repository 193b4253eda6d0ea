//! Delimited tables read row by row in one streaming pass, with the line
//! and column (in characters) of every field for messages: the reader
//! under the ACLED, UCDP GED and GDELT formats.
//!
//! A table's [`Dialect`] says what separates its fields, whether they may
//! be quoted and whether a header row names its columns (else the format
//! names them). The `csv` crate parses the rows (RFC 4180 when quoting:
//! quotes, doubled quotes, delimiters and line breaks inside quoted
//! fields; CRLF). It reports where each record starts; to place a problem
//! at a field, the raw bytes of the current record are kept (`raw.rs`) and
//! scanned only when a problem is reported (`scan.rs`). A UTF-8 byte order
//! mark is skipped. A quote left open swallows the rest of the file into
//! one field: the last record is scanned for that and reported where the
//! quote opens.
//!
//! `layout.rs` says how a format's tables are written and which columns
//! it reads; [`dataset::read`] turns a table into a dataset collection
//! through a format's row function; `cells.rs` reads the values of cells,
//! `columns.rs` finds a layout's columns, `builder.rs` collects events and
//! vocabularies, `write.rs` writes rows back.

pub mod builder;
pub mod cells;
mod chunks;
pub mod columns;
pub mod dataset;
pub mod layout;
mod parts;
mod raw;
mod record;
mod scan;
pub mod write;

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, Read};
use std::rc::Rc;

use layout::{Dialect, Header};
use raw::{Prefixed, Raw, read_up_to};
use record::Record;

use crate::diagnostic::{Diagnostic, Severity};

/// Problems kept per file; the rest are counted.
pub const MAX_KEPT: usize = 100;

/// Problems found so far: the first [`MAX_KEPT`] kept, all counted.
#[derive(Debug, Default)]
pub struct Problems {
    /// The problems kept, in file order.
    pub kept: Vec<Diagnostic>,
    /// Errors found, kept or not.
    pub errors: usize,
    /// Warnings found, kept or not.
    pub warnings: usize,
}

impl Problems {
    /// Records a problem.
    pub fn push(&mut self, d: Diagnostic) {
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
        if self.kept.len() < MAX_KEPT {
            self.kept.push(d);
        }
    }

    /// Records the problems of a later part of the file, with `more` of
    /// its problems found afterwards, each put in its place by line.
    pub fn absorb(&mut self, part: Problems, mut more: Vec<Diagnostic>) {
        let (mut errors, mut warnings) = (part.errors, part.warnings);
        more.sort_by_key(|d| (d.line, d.column));
        let mut more = more.into_iter().peekable();
        for d in part.kept {
            while let Some(m) = more.next_if(|m| (m.line, m.column) < (d.line, d.column)) {
                self.push(m);
            }
            match d.severity {
                Severity::Error => errors -= 1,
                Severity::Warning => warnings -= 1,
            }
            self.push(d);
        }
        more.for_each(|m| self.push(m));
        self.errors += errors;
        self.warnings += warnings;
    }
}

/// A table being read: its column names and the current row.
pub struct Table<'r> {
    reader: csv::Reader<Prefixed<'r>>,
    raw: Rc<RefCell<Raw>>,
    dialect: Dialect,
    /// The column names, trimmed, as the header (or the format) gives them.
    pub header: Vec<String>,
    index: HashMap<String, usize>,
    record: Record,
    /// Where the current record starts: byte offset and line.
    start: (u64, usize),
    /// Lines before the input's first (when it is a part of a file).
    lines_before: usize,
}

impl<'r> Table<'r> {
    /// Opens a table of `dialect` on `input` and reads its header row, if
    /// it has one. Fails when the input cannot be read, or has no header
    /// row where one is due.
    pub fn open(input: &'r mut dyn Read, dialect: Dialect) -> Result<Self, Diagnostic> {
        let mut table = Self::reading(input, dialect)?;
        match dialect.header {
            Header::Row => {
                if !table.advance()? {
                    return Err(
                        Diagnostic::error("the file is empty: it has no header row").at(1, 1)
                    );
                }
                let names: Vec<String> = table
                    .record
                    .iter()
                    .map(|name| String::from_utf8_lossy(name).trim().to_owned())
                    .collect();
                table.name_columns(names);
            }
            Header::Fixed(names) => {
                table.name_columns(names.iter().map(|&n| n.to_owned()).collect())
            }
        }
        Ok(table)
    }

    /// Opens a part of a table of `dialect` whose columns are `header`:
    /// `input` holds whole records of it from line `first_line` on.
    pub fn continuing(
        input: &'r mut dyn Read,
        dialect: Dialect,
        header: &[String],
        first_line: usize,
    ) -> Result<Self, Diagnostic> {
        let mut table = Self::reading(input, dialect)?;
        table.lines_before = first_line.saturating_sub(1);
        table.name_columns(header.to_vec());
        Ok(table)
    }

    /// A table on `input` with no columns named yet.
    fn reading(input: &'r mut dyn Read, dialect: Dialect) -> Result<Self, Diagnostic> {
        let raw = Rc::new(RefCell::new(Raw::default()));
        let mut first = [0u8; 3];
        let got = read_up_to(input, &mut first).map_err(cannot_read)?;
        let prefix = if &first[..got] == b"\xEF\xBB\xBF" {
            Vec::new()
        } else {
            first[..got].to_vec()
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(dialect.delimiter)
            .quoting(dialect.quoting)
            .buffer_capacity(1 << 16)
            .from_reader(raw::tee(input, prefix, raw.clone()));
        Ok(Self {
            reader,
            raw,
            dialect,
            header: Vec::new(),
            index: HashMap::new(),
            record: Record::default(),
            start: (0, 1),
            lines_before: 0,
        })
    }

    fn name_columns(&mut self, names: Vec<String>) {
        for (i, name) in names.iter().enumerate() {
            self.index.entry(name.to_ascii_lowercase()).or_insert(i);
        }
        self.header = names;
    }

    /// How the table is written.
    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    /// The index of the column named `name` (case and surrounding spaces
    /// ignored), if the table has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.index.get(&name.trim().to_ascii_lowercase()).copied()
    }

    /// Reads the next record; false at the end of the input.
    fn advance(&mut self) -> Result<bool, Diagnostic> {
        let more = self
            .record
            .read(&mut self.reader)
            .map_err(|e| match e.into_kind() {
                csv::ErrorKind::Io(e) => cannot_read(e),
                other => Diagnostic::error(format!("cannot read: {other:?}")),
            })?;
        if more {
            let (byte, line) = self
                .record
                .position()
                .map_or((0, 1), |p| (p.byte(), p.line() as usize));
            self.start = (byte, self.lines_before + line);
            self.raw.borrow_mut().discard_before(byte);
        }
        Ok(more)
    }

    /// The next data row, or `None` at the end. A row whose quote is left
    /// open (it runs to the end of the file) is reported through
    /// `problems` and not returned.
    pub fn next_row(&mut self, problems: &mut Problems) -> Result<Option<Row<'_, 'r>>, Diagnostic> {
        if !self.advance()? {
            return Ok(None);
        }
        let end = self.reader.position().byte();
        if self.dialect.quoting && end >= self.raw.borrow().end() {
            let open = scan::unclosed_quote(
                self.raw.borrow().since(self.start.0),
                self.start.1,
                self.scan_dialect(),
            );
            if let Some(field) = open {
                problems.push(self.unclosed_quote(field));
                return Ok(None);
            }
        }
        Ok(Some(Row { table: self }))
    }

    /// The problem of a quote left open in field `field` of the current
    /// record, the file's last.
    fn unclosed_quote(&self, field: usize) -> Diagnostic {
        let (line, column) = self.field_position(field);
        let last_line = {
            let raw = self.raw.borrow();
            let rest = raw.since(self.start.0);
            let rest = rest.strip_suffix(b"\n").unwrap_or(rest);
            self.start.1 + rest.iter().filter(|&&b| b == b'\n').count()
        };
        let message = format!(
            "unclosed quote: this field runs to the end of the file (line {last_line}), \
             taking every row after it"
        );
        let d = Diagnostic::error(message).at(line, column);
        match self.header.get(field) {
            Some(name) => d.with_path(name.clone()),
            None => d,
        }
    }

    fn scan_dialect(&self) -> (u8, bool) {
        (self.dialect.delimiter, self.dialect.quoting)
    }

    /// The line and column (characters, 1-based) where field `field` of the
    /// current record starts.
    fn field_position(&self, field: usize) -> (usize, usize) {
        let raw = self.raw.borrow();
        scan::field_position(
            raw.since(self.start.0),
            self.start.1,
            field,
            self.scan_dialect(),
        )
    }
}

/// One data row of a [`Table`].
pub struct Row<'t, 'r> {
    table: &'t Table<'r>,
}

impl Row<'_, '_> {
    /// The line the row starts on.
    pub fn line(&self) -> usize {
        self.table.start.1
    }

    /// How many fields the row has.
    pub fn len(&self) -> usize {
        self.table.record.len()
    }

    /// Whether the row has no fields.
    pub fn is_empty(&self) -> bool {
        self.table.record.is_empty()
    }

    /// The raw bytes of field `col` (empty when the row is shorter).
    pub fn bytes(&self, col: usize) -> &[u8] {
        self.table.record.bytes(col)
    }

    /// Field `col` as text, or a problem when it is not UTF-8.
    pub fn text(&self, col: usize) -> Result<&str, Diagnostic> {
        self.table.record.text(col).map_err(|e| {
            self.problem(
                col,
                format!(
                    "not UTF-8 at byte {} of the field (save the file as UTF-8)",
                    e.valid_up_to() + 1
                ),
            )
        })
    }

    /// An error at the start of field `col`, about its column.
    pub fn problem(&self, col: usize, message: impl Into<String>) -> Diagnostic {
        let (line, column) = self.place(col);
        let d = Diagnostic::error(message).at(line, column);
        match self.table.header.get(col) {
            Some(name) => d.with_path(name.clone()),
            None => d,
        }
    }

    /// The line and column (characters, 1-based) where field `col` starts.
    pub fn place(&self, col: usize) -> (usize, usize) {
        self.table.field_position(col)
    }

    /// An error about the whole row, at its start.
    pub fn row_problem(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(self.line(), 1)
    }
}

/// A read failure as a diagnostic (its message carries the reader's, so a
/// cancelled load is recognised).
fn cannot_read(e: io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot read: {e}"))
}

/// The column names of a comma-separated header line at the start of
/// `head` (a byte order mark skipped), lowercased and trimmed, for
/// sniffing.
pub fn header_names(head: &[u8]) -> Vec<String> {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    String::from_utf8_lossy(line)
        .split(',')
        .map(|n| n.trim().trim_matches('"').trim().to_ascii_lowercase())
        .collect()
}
