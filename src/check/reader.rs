//! A reader that tells where the JSON parser is: line, column, the start of
//! the value being parsed, and the first byte that is not valid UTF-8.
//!
//! `serde_json` reads one byte at a time from an [`io::Read`]; this wrapper
//! sees each of those bytes, so its position is the parser's position.

use std::cell::RefCell;
use std::io::{self, Read};
use std::rc::Rc;

/// A place in the input: 1-based line and 1-based column counted in
/// characters (a multi-byte character is at the column of its first byte).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// Line, starting at 1.
    pub line: usize,
    /// Column in characters, starting at 1.
    pub column: usize,
}

/// The incremental UTF-8 check: how many continuation bytes are still due and
/// the range the next one must fall in (which rules out overlong forms,
/// surrogates and code points above U+10FFFF).
#[derive(Clone, Copy, Debug, Default)]
struct Utf8 {
    pending: u8,
    low: u8,
    high: u8,
}

impl Utf8 {
    /// Takes one byte; false when the input stops being valid UTF-8.
    fn step(&mut self, b: u8) -> bool {
        if self.pending > 0 {
            if b < self.low || b > self.high {
                return false;
            }
            self.pending -= 1;
            (self.low, self.high) = (0x80, 0xBF);
            return true;
        }
        let (pending, low, high) = match b {
            0x00..=0x7F => return true,
            0xC2..=0xDF => (1, 0x80, 0xBF),
            0xE0 => (2, 0xA0, 0xBF),
            0xE1..=0xEC | 0xEE..=0xEF => (2, 0x80, 0xBF),
            0xED => (2, 0x80, 0x9F),
            0xF0 => (3, 0x90, 0xBF),
            0xF1..=0xF3 => (3, 0x80, 0xBF),
            0xF4 => (3, 0x80, 0x8F),
            _ => return false,
        };
        *self = Self { pending, low, high };
        true
    }
}

/// What the reader has seen so far, shared with the visitors.
#[derive(Debug)]
pub struct Tracker {
    /// Position of the last byte read.
    here: Pos,
    /// The last byte read that was not JSON whitespace, and where it was.
    last_solid: Option<(u8, Pos)>,
    /// The last eight bytes read, the latest in the lowest byte.
    recent: u64,
    /// Where the first non-whitespace byte was.
    first_solid: Option<Pos>,
    /// Set when a value is about to start but its first byte is not read yet.
    armed: bool,
    /// Where the value being parsed started.
    start: Pos,
    utf8: Utf8,
    /// Where the input stopped being valid UTF-8, if it did.
    bad_utf8: Option<Pos>,
    /// Bytes read on the current line.
    byte_column: usize,
    /// The character column of the last few byte columns of the current
    /// line, to place errors that `serde_json` reports in bytes.
    recent_columns: [(usize, usize); 16],
}

impl Tracker {
    fn new() -> Self {
        Self {
            here: Pos { line: 1, column: 0 },
            last_solid: None,
            first_solid: None,
            recent: 0,
            armed: true,
            start: Pos::default(),
            utf8: Utf8::default(),
            bad_utf8: None,
            byte_column: 0,
            recent_columns: [(0, 0); 16],
        }
    }

    fn take(&mut self, b: u8) -> bool {
        self.recent = (self.recent << 8) | u64::from(b);
        if b == b'\n' {
            self.here.line += 1;
            self.here.column = 0;
            self.byte_column = 0;
        } else {
            if self.utf8.pending == 0 {
                // The continuation bytes of a character stay in its column.
                self.here.column += 1;
            }
            self.byte_column += 1;
            let slot = self.byte_column % self.recent_columns.len();
            self.recent_columns[slot] = (self.byte_column, self.here.column);
        }
        if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            self.last_solid = Some((b, self.here));
            self.first_solid.get_or_insert(self.here);
            if self.armed {
                self.armed = false;
                self.start = self.here;
            }
        }
        if self.utf8.step(b) {
            true
        } else {
            self.bad_utf8 = Some(self.here);
            false
        }
    }

    /// Called when a value is about to be deserialised: after `:` (or at the
    /// very start) its first byte is still unread; inside an array the
    /// parser has already peeked it.
    pub fn begin_value(&mut self) {
        match self.last_solid {
            Some((b':', _)) | None => self.armed = true,
            Some((_, pos)) => {
                self.armed = false;
                self.start = pos;
            }
        }
    }

    /// Where the current value started; valid in a visitor callback.
    pub fn value_start(&self) -> Pos {
        self.start
    }

    /// Position of the last byte read.
    pub fn here(&self) -> Pos {
        self.here
    }

    /// The last eight bytes read, oldest first (zeros before the start).
    pub fn recent(&self) -> [u8; 8] {
        self.recent.to_be_bytes()
    }

    /// The character column of byte column `byte_column` of `line`, as
    /// `serde_json` counts them in its errors; a column far behind the
    /// reader is taken to have only one-byte characters after it.
    pub fn char_column(&self, line: usize, byte_column: usize) -> usize {
        if line != self.here.line {
            return byte_column;
        }
        let known = self
            .recent_columns
            .iter()
            .find(|(byte, _)| *byte == byte_column && byte_column > 0);
        match known {
            Some(&(_, column)) => column,
            None => byte_column.saturating_sub(self.byte_column - self.here.column),
        }
    }

    /// Where the input stopped being valid UTF-8, if it did.
    pub fn bad_utf8(&self) -> Option<Pos> {
        self.bad_utf8
    }

    /// Where the first non-whitespace byte was, if there was one.
    pub fn first_solid(&self) -> Option<Pos> {
        self.first_solid
    }
}

/// Shared handle on a [`Tracker`].
pub type SharedTracker = Rc<RefCell<Tracker>>;

/// The error a [`TrackingReader`] returns at the first invalid UTF-8 byte.
#[derive(Debug, thiserror::Error)]
#[error("invalid UTF-8")]
pub struct InvalidUtf8;

/// Buffers an inner reader and feeds the parser byte by byte, tracking each.
pub struct TrackingReader<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    tracker: SharedTracker,
}

impl<R: Read> TrackingReader<R> {
    /// Wraps `inner`; the returned tracker follows the bytes handed out.
    pub fn new(inner: R) -> (Self, SharedTracker) {
        let tracker = Rc::new(RefCell::new(Tracker::new()));
        let reader = Self {
            inner,
            buf: vec![0; 64 * 1024].into_boxed_slice(),
            pos: 0,
            len: 0,
            tracker: Rc::clone(&tracker),
        };
        (reader, tracker)
    }

    fn fill(&mut self) -> io::Result<()> {
        if self.pos == self.len {
            self.len = loop {
                match self.inner.read(&mut self.buf) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    other => break other?,
                }
            };
            self.pos = 0;
        }
        Ok(())
    }

    /// Skips a UTF-8 byte order mark at the start; true if there was one.
    /// Call before anything else is read.
    pub fn skip_bom(&mut self) -> io::Result<bool> {
        const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];
        // Gather the first three bytes, however the inner reader splits them.
        while self.len < BOM.len() {
            let n = match self.inner.read(&mut self.buf[self.len..]) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => other?,
            };
            if n == 0 {
                break;
            }
            self.len += n;
        }
        let bom = self.buf[self.pos..self.len].starts_with(&BOM);
        if bom {
            self.pos += BOM.len();
        }
        Ok(bom)
    }

    /// Reads up to `n` more bytes (for quoting what the parser choked on).
    pub fn peek_more(&mut self, n: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n && self.fill().is_ok() && self.pos < self.len {
            out.push(self.buf[self.pos]);
            self.pos += 1;
        }
        out
    }
}

impl<R: Read> Read for TrackingReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        self.fill()?;
        let n = out.len().min(self.len - self.pos);
        let mut tracker = self.tracker.borrow_mut();
        for (dst, &b) in out.iter_mut().zip(&self.buf[self.pos..self.pos + n]) {
            if !tracker.take(b) {
                return Err(io::Error::new(io::ErrorKind::InvalidData, InvalidUtf8));
            }
            *dst = b;
        }
        self.pos += n;
        drop(tracker);
        if n == 0 && self.tracker.borrow().utf8.pending > 0 {
            // The input ends inside a multi-byte character.
            let mut tracker = self.tracker.borrow_mut();
            tracker.bad_utf8 = Some(tracker.here);
            return Err(io::Error::new(io::ErrorKind::InvalidData, InvalidUtf8));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid(bytes: &[u8]) -> bool {
        let mut u = Utf8::default();
        bytes.iter().all(|&b| u.step(b)) && u.pending == 0
    }

    #[test]
    fn utf8_agrees_with_std() {
        let samples: [&[u8]; 10] = [
            b"plain",
            "Ош Баткен Исфара".as_bytes(),
            "𝄞 emoji 🙂".as_bytes(),
            &[0xC0, 0x80],
            &[0xED, 0xA0, 0x80],
            &[0xF4, 0x90, 0x80, 0x80],
            &[0xE2, 0x82],
            &[0xFF],
            &[0xE0, 0x9F, 0x80],
            &[0xF0, 0x9F, 0x99, 0x82],
        ];
        for s in samples {
            assert_eq!(valid(s), std::str::from_utf8(s).is_ok(), "{s:?}");
        }
    }

    #[test]
    fn tracks_lines_and_columns() {
        let (mut r, t) = TrackingReader::new(&b"{\n  \"a\": 1\n}"[..]);
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).unwrap();
        assert_eq!(t.borrow().here(), Pos { line: 3, column: 1 });
        let (mut r, t) = TrackingReader::new("\"Баткен\"".as_bytes());
        r.read_to_end(&mut sink).unwrap();
        assert_eq!(t.borrow().here(), Pos { line: 1, column: 8 });
    }

    /// Hands out one byte per read, as a slow pipe might.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let Some((&b, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            out[0] = b;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn byte_order_mark_is_skipped_whole_or_not_at_all() {
        for (input, bom, rest) in [
            (&b"\xEF\xBB\xBF{}"[..], true, &b"{}"[..]),
            (b"\xEF\xBB", false, b"\xEF\xBB"),
            (b"\xEF", false, b"\xEF"),
            (b"", false, b""),
            (b"{}", false, b"{}"),
        ] {
            let (mut r, _) = TrackingReader::new(Trickle(input));
            assert_eq!(r.skip_bom().unwrap(), bom);
            assert_eq!(r.peek_more(8), rest);
        }
    }
}
