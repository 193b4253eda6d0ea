//! Where the fields of a record are in its raw bytes: a small scanner of
//! delimited text (RFC 4180 quoting when the dialect quotes) that counts
//! fields, lines and columns in characters. It runs only when a problem is
//! reported, never for every row.

/// A scanner at some byte of a record: which field, line and column it is
/// at, and whether inside quotes.
pub struct Scan {
    /// The field the scan is in, from 0.
    pub field: usize,
    /// The line, from 1.
    pub line: usize,
    /// The column in characters, from 1.
    pub column: usize,
    /// Inside a quoted field.
    pub quoted: bool,
    delimiter: u8,
    quoting: bool,
    /// At the first byte of a field (a quote there opens quoting).
    at_start: bool,
    /// The last byte was a quote inside quotes (closing or doubled).
    quote_seen: bool,
}

impl Scan {
    /// A scanner at the start of a record on `line`, whose fields are
    /// separated by `delimiter` and may be quoted when `quoting`.
    pub fn new(line: usize, delimiter: u8, quoting: bool) -> Self {
        Self {
            field: 0,
            line,
            column: 1,
            quoted: false,
            delimiter,
            quoting,
            at_start: true,
            quote_seen: false,
        }
    }

    /// Moves past byte `b`.
    pub fn step(&mut self, b: u8) {
        let starting = std::mem::replace(&mut self.at_start, false);
        if self.quoted {
            if b == b'"' {
                self.quoted = false;
                self.quote_seen = true;
            }
        } else if self.quoting && b == b'"' && (starting || self.quote_seen) {
            // Opens a quoted field, or is the second of a doubled quote.
            self.quoted = true;
            self.quote_seen = false;
        } else if b == self.delimiter {
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

/// The line and column where field `field` of the record in `bytes`
/// (starting on `line`) starts.
pub fn field_position(
    bytes: &[u8],
    line: usize,
    field: usize,
    dialect: (u8, bool),
) -> (usize, usize) {
    let mut scan = Scan::new(line, dialect.0, dialect.1);
    for &b in bytes {
        if scan.field >= field {
            break;
        }
        scan.step(b);
    }
    (scan.line, scan.column)
}

/// The index of the field whose quote the record in `bytes` leaves open,
/// if any.
pub fn unclosed_quote(bytes: &[u8], line: usize, dialect: (u8, bool)) -> Option<usize> {
    let mut scan = Scan::new(line, dialect.0, dialect.1);
    let mut open_field = None;
    for &b in bytes {
        let was_quoted = scan.quoted;
        scan.step(b);
        if scan.quoted && !was_quoted {
            open_field = Some(scan.field);
        }
    }
    scan.quoted.then_some(open_field).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_placed_by_delimiter_and_quotes() {
        let csv = "a,\"b,\"\"c\"\nd\",é,f".as_bytes();
        assert_eq!(field_position(csv, 4, 2, (b',', true)), (5, 4));
        assert_eq!(field_position(csv, 4, 3, (b',', true)), (5, 6));
        let tsv = "1\t\"x\t2\t3".as_bytes();
        assert_eq!(field_position(tsv, 1, 2, (b'\t', false)), (1, 6));
        assert_eq!(unclosed_quote(tsv, 1, (b'\t', false)), None);
        assert_eq!(unclosed_quote(tsv, 1, (b'\t', true)), Some(1));
    }
}
