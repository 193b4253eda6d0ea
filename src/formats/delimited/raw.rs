//! The input of a table as it is read: a tee that keeps a copy of the
//! bytes the parser has taken, so that the current record's raw bytes are
//! at hand to place a problem at its field, and a reader that serves a few
//! bytes read ahead (to skip a byte order mark) before the rest.

use std::cell::RefCell;
use std::io::{self, Read};
use std::rc::Rc;

/// The bytes read but not yet discarded, and the offset of the first.
#[derive(Default)]
pub struct Raw {
    bytes: Vec<u8>,
    offset: u64,
}

impl Raw {
    /// Drops the bytes before `offset` once there are enough to be worth it.
    pub fn discard_before(&mut self, offset: u64) {
        let n = offset.saturating_sub(self.offset) as usize;
        if n >= 1 << 20 && n <= self.bytes.len() {
            self.bytes.drain(..n);
            self.offset = offset;
        }
    }

    /// The bytes from `offset` to the end of what was read.
    pub fn since(&self, offset: u64) -> &[u8] {
        let start = offset.saturating_sub(self.offset) as usize;
        self.bytes.get(start..).unwrap_or_default()
    }

    /// The offset just past the last byte read.
    pub fn end(&self) -> u64 {
        self.offset + self.bytes.len() as u64
    }
}

/// The input of a table: `input`, after the bytes read ahead of it that
/// belong to the table (`prefix`), with everything read kept in `raw`.
pub fn tee<'r>(input: &'r mut dyn Read, prefix: Vec<u8>, raw: Rc<RefCell<Raw>>) -> Prefixed<'r> {
    raw.borrow_mut().bytes.extend_from_slice(&prefix);
    Prefixed {
        prefix,
        at: 0,
        tee: Tee { inner: input, raw },
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

/// Serves `prefix` first, then the tee.
pub struct Prefixed<'r> {
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
pub fn read_up_to(input: &mut dyn Read, buf: &mut [u8]) -> io::Result<usize> {
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
