//! CSV tables read row by row in one streaming pass, with the line and
//! column (in characters) of every field for messages.
//!
//! The `csv` crate parses RFC 4180 (quotes, doubled quotes, commas and
//! line breaks inside quoted fields, CRLF). It reports where each record
//! starts; to place a problem at a field, the raw bytes of the current
//! record are kept (`Raw`, fed by a tee on the input) and scanned only when
//! a problem is reported. A UTF-8 byte order mark is skipped. A quote left
//! open swallows the rest of the file into one field: the last record is
//! scanned for that and reported where the quote opens.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::{self, Read};
use std::rc::Rc;

use super::csv_record::Record;
use crate::diagnostic::{Diagnostic, Severity};

/// Problems kept per file; the rest are counted.
pub const MAX_KEPT: usize = 100;

/// The bytes read but not yet discarded, and the offset of the first.
#[derive(Default)]
struct Raw {
    bytes: Vec<u8>,
    offset: u64,
}

impl Raw {
    /// Drops the bytes before `offset` once there are enough to be worth it.
    fn discard_before(&mut self, offset: u64) {
        let n = offset.saturating_sub(self.offset) as usize;
        if n >= 1 << 20 && n <= self.bytes.len() {
            self.bytes.drain(..n);
            self.offset = offset;
        }
    }

    /// The bytes from `offset` to the end of what was read.
    fn since(&self, offset: u64) -> &[u8] {
        let start = offset.saturating_sub(self.offset) as usize;
        self.bytes.get(start..).unwrap_or_default()
    }

    fn end(&self) -> u64 {
        self.offset + self.bytes.len() as u64
    }
}

/// Reads from the input and keeps a copy of what it read in `raw`.
struct Tee<'r> {
    inner: &'r mut dyn Read,
    raw: Rc<RefCell<Raw>>,
}

impl Read for Tee<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.raw.borrow_mut().bytes.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

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

    /// Problems found but not kept.
    pub fn omitted(&self) -> usize {
        (self.errors + self.warnings).saturating_sub(self.kept.len())
    }
}

/// A CSV file being read: its header and the current row.
pub struct Table<'r> {
    reader: csv::Reader<Prefixed<'r>>,
    raw: Rc<RefCell<Raw>>,
    /// The column names, trimmed, as the header gives them.
    pub header: Vec<String>,
    index: HashMap<String, usize>,
    record: Record,
    /// Where the current record starts: byte offset and line.
    start: (u64, usize),
}

impl<'r> Table<'r> {
    /// Opens a table on `input` and reads its header row. Fails when the
    /// input cannot be read or is empty.
    pub fn open(input: &'r mut dyn Read) -> Result<Self, Diagnostic> {
        let raw = Rc::new(RefCell::new(Raw::default()));
        let mut first = [0u8; 3];
        let got = read_up_to(input, &mut first).map_err(cannot_read)?;
        let prefix = if &first[..got] == b"\xEF\xBB\xBF" {
            Vec::new()
        } else {
            first[..got].to_vec()
        };
        raw.borrow_mut().bytes.extend_from_slice(&prefix);
        let tee = Tee {
            inner: input,
            raw: raw.clone(),
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(1 << 16)
            .from_reader(Prefixed { prefix, at: 0, tee });
        let mut table = Self {
            reader,
            raw,
            header: Vec::new(),
            index: HashMap::new(),
            record: Record::default(),
            start: (0, 1),
        };
        if !table.advance()? {
            return Err(Diagnostic::error("the file is empty: it has no header row").at(1, 1));
        }
        for (i, name) in table.record.iter().enumerate() {
            let name = String::from_utf8_lossy(name).trim().to_owned();
            table.index.entry(name.to_ascii_lowercase()).or_insert(i);
            table.header.push(name);
        }
        Ok(table)
    }

    /// The index of the column named `name` (case and surrounding spaces
    /// ignored), if the header has it.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
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
            self.start = (byte, line);
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
        if end >= self.raw.borrow().end()
            && let Some(field) = self.unclosed_quote()
        {
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
            problems.push(match self.header.get(field) {
                Some(name) => d.with_path(name.clone()),
                None => d,
            });
            return Ok(None);
        }
        Ok(Some(Row { table: self }))
    }

    /// The index of the field whose quote the current record leaves open.
    fn unclosed_quote(&self) -> Option<usize> {
        let raw = self.raw.borrow();
        let mut scan = Scan::new(self.start.1);
        let mut open_field = None;
        for &b in raw.since(self.start.0) {
            let was_quoted = scan.quoted;
            scan.step(b);
            if scan.quoted && !was_quoted {
                open_field = Some(scan.field);
            }
        }
        scan.quoted.then_some(open_field).flatten()
    }

    /// The line and column (characters, 1-based) where field `field` of the
    /// current record starts.
    fn field_position(&self, field: usize) -> (usize, usize) {
        let raw = self.raw.borrow();
        let mut scan = Scan::new(self.start.1);
        for &b in raw.since(self.start.0) {
            if scan.field >= field {
                break;
            }
            scan.step(b);
        }
        (scan.line, scan.column)
    }
}

/// A small RFC 4180 scanner over raw bytes: which field, line and column
/// it is at, and whether inside quotes.
struct Scan {
    field: usize,
    line: usize,
    column: usize,
    quoted: bool,
    /// At the first byte of a field (a quote there opens quoting).
    at_start: bool,
    /// The last byte was a quote inside quotes (closing or doubled).
    quote_seen: bool,
}

impl Scan {
    /// A scanner at the start of a record on `line`.
    fn new(line: usize) -> Self {
        Self {
            field: 0,
            line,
            column: 1,
            quoted: false,
            at_start: true,
            quote_seen: false,
        }
    }

    fn step(&mut self, b: u8) {
        let starting = std::mem::replace(&mut self.at_start, false);
        if self.quoted {
            if b == b'"' {
                self.quoted = false;
                self.quote_seen = true;
            }
        } else if b == b'"' && (starting || self.quote_seen) {
            // Opens a quoted field, or is the second of a doubled quote.
            self.quoted = true;
            self.quote_seen = false;
        } else if b == b',' {
            self.field += 1;
            self.at_start = true;
            self.quote_seen = false;
        } else {
            self.quote_seen = false;
        }
        if b == b'\n' {
            self.line += 1;
            self.column = 1;
        } else if b & 0xC0 != 0x80 {
            self.column += 1;
        }
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
        let (line, column) = self.table.field_position(col);
        let d = Diagnostic::error(message).at(line, column);
        match self.table.header.get(col) {
            Some(name) => d.with_path(name.clone()),
            None => d,
        }
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

/// The column names of a CSV header line at the start of `head` (a byte
/// order mark skipped), lowercased and trimmed, for sniffing.
pub fn header_names(head: &[u8]) -> Vec<String> {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    String::from_utf8_lossy(line)
        .split(',')
        .map(|n| n.trim().trim_matches('"').trim().to_ascii_lowercase())
        .collect()
}

/// Serves `prefix` first, then the tee.
struct Prefixed<'r> {
    prefix: Vec<u8>,
    at: usize,
    tee: Tee<'r>,
}

impl Read for Prefixed<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at < self.prefix.len() {
            let n = (self.prefix.len() - self.at).min(buf.len());
            buf[..n].copy_from_slice(&self.prefix[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        self.tee.read(buf)
    }
}

/// Reads until `buf` is full or the input ends; returns the bytes read.
fn read_up_to(input: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match input.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}
