//! A table's input cut into chunks of whole records, so that each can be
//! parsed on a core of its own: a chunk ends just after a line break that
//! is outside quotes. Where quotes open and close is followed as the csv
//! parser reads them (RFC 4180): a quote opens a quoted field only at the
//! start of a field, and inside one a doubled quote is a quote. The scan
//! jumps from quote to line break with `memchr`, so it costs little beside
//! the parse. A UTF-8 byte order mark at the start is dropped.

use std::io::{self, Read};

/// The size a chunk is cut at (a record longer than this makes its chunk
/// longer).
pub const CHUNK_BYTES: usize = 4 << 20;

/// Whole records of the input, from line `first_line`.
pub struct Chunk {
    /// The chunk's place among the chunks, from 0.
    pub index: usize,
    /// The line the chunk starts on, from 1.
    pub first_line: usize,
    /// The records' bytes; the last record of the input may lack its line
    /// break (or leave a quote open).
    pub bytes: Vec<u8>,
}

/// Cuts an input into [`Chunk`]s of about `size` bytes. The buffers of
/// chunks read are given back ([`Chunker::give_back`]) and filled again,
/// so that a large file is not read into fresh memory chunk after chunk.
pub struct Chunker<'r> {
    input: &'r mut dyn Read,
    delimiter: u8,
    quoting: bool,
    size: usize,
    /// Bytes read past the last chunk's end: the start of the next.
    carry: Vec<u8>,
    /// Buffers of chunks already read, to fill again.
    spare: Vec<Vec<u8>>,
    next_index: usize,
    next_line: usize,
    /// The input's first bytes were looked at for a byte order mark.
    started: bool,
    ended: bool,
}

/// Buffers kept to fill again (a few per core are in use at once).
const SPARE_KEPT: usize = 16;

/// The most a buffer is made ready for before it is read into.
const RESERVE_MAX: usize = 64 << 20;

impl<'r> Chunker<'r> {
    /// A chunker of `input`, a table whose fields are separated by
    /// `delimiter` and may be quoted when `quoting`.
    pub fn new(input: &'r mut dyn Read, delimiter: u8, quoting: bool, size: usize) -> Self {
        Self {
            input,
            delimiter,
            quoting,
            size: size.max(1),
            carry: Vec::new(),
            spare: Vec::new(),
            next_index: 0,
            next_line: 1,
            started: false,
            ended: false,
        }
    }

    /// Takes back the buffer of a chunk that has been read, to fill again.
    pub fn give_back(&mut self, mut bytes: Vec<u8>) {
        if self.spare.len() < SPARE_KEPT {
            bytes.clear();
            self.spare.push(bytes);
        }
    }

    /// The next chunk, `None` once the input is all given, or why the
    /// input cannot be read.
    pub fn next_chunk(&mut self) -> io::Result<Option<Chunk>> {
        let mut bytes = self.spare.pop().unwrap_or_default();
        // Room for a chunk and the probe read that finds the end (a chunker
        // of one chunk for the whole input grows as it reads).
        bytes.reserve(
            self.size
                .saturating_add(1)
                .min(RESERVE_MAX)
                .max(self.carry.len()),
        );
        bytes.extend_from_slice(&self.carry);
        self.carry.clear();
        let mut want = self.size;
        loop {
            if !self.ended && bytes.len() < want {
                let missing = (want - bytes.len()) as u64;
                let got = (&mut *self.input).take(missing).read_to_end(&mut bytes)?;
                self.ended = got as u64 != missing;
                if !std::mem::replace(&mut self.started, true) && bytes.starts_with(b"\xEF\xBB\xBF")
                {
                    bytes.drain(..3);
                    continue;
                }
            }
            if self.ended {
                return Ok((!bytes.is_empty()).then(|| self.chunk(bytes)));
            }
            match last_record_end(&bytes, self.delimiter, self.quoting) {
                Some(end) => {
                    self.carry.extend_from_slice(&bytes[end..]);
                    bytes.truncate(end);
                    return Ok(Some(self.chunk(bytes)));
                }
                // One record fills the chunk: read on to its end.
                None => want = bytes.len() * 2,
            }
        }
    }

    fn chunk(&mut self, bytes: Vec<u8>) -> Chunk {
        let chunk = Chunk {
            index: self.next_index,
            first_line: self.next_line,
            bytes,
        };
        self.next_index += 1;
        self.next_line += memchr::memchr_iter(b'\n', &chunk.bytes).count();
        chunk
    }
}

/// Just past the last line break of `bytes` that ends a record (is outside
/// quotes), `bytes` starting at the start of a record.
pub fn last_record_end(bytes: &[u8], delimiter: u8, quoting: bool) -> Option<usize> {
    if !quoting {
        return memchr::memrchr(b'\n', bytes).map(|i| i + 1);
    }
    let mut last = None;
    let mut at = 0;
    while let Some(i) = memchr::memchr2(b'"', b'\n', &bytes[at..]) {
        let p = at + i;
        at = p + 1;
        if bytes[p] == b'\n' {
            last = Some(at);
            continue;
        }
        let starts_field =
            p == 0 || matches!(bytes[p - 1], b'\n' | b'\r') || bytes[p - 1] == delimiter;
        if !starts_field {
            continue;
        }
        // Inside quotes: on to the quote that closes them.
        loop {
            let Some(q) = memchr::memchr(b'"', &bytes[at..]) else {
                return last;
            };
            let q = at + q;
            if bytes.get(q + 1) == Some(&b'"') {
                at = q + 2;
            } else {
                at = q + 1;
                break;
            }
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, size: usize) -> Vec<(usize, String)> {
        let mut input = text.as_bytes();
        let mut chunker = Chunker::new(&mut input, b',', true, size);
        let mut chunks = Vec::new();
        while let Some(c) = chunker.next_chunk().unwrap() {
            chunks.push((c.first_line, String::from_utf8(c.bytes).unwrap()));
        }
        chunks
    }

    #[test]
    fn chunks_end_only_at_line_breaks_outside_quotes() {
        let text = "a,\"x\ny\",b\n\"q\"\"\n\",c\nd,e\"\nf,g\n";
        let chunks = cut(text, 4);
        assert_eq!(
            chunks,
            [
                (1, "a,\"x\ny\",b\n".to_owned()),
                (3, "\"q\"\"\n\",c\n".to_owned()),
                (5, "d,e\"\n".to_owned()),
                (6, "f,g\n".to_owned()),
            ]
        );
        let joined: String = chunks.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn buffers_given_back_are_filled_again_with_the_same_chunks() {
        let text = "a,\"x\ny\",b\n\"q\"\"\n\",c\nd,e\"\nf,g\nh,i\n";
        let mut input = text.as_bytes();
        let mut chunker = Chunker::new(&mut input, b',', true, 4);
        let mut reused = Vec::new();
        while let Some(c) = chunker.next_chunk().unwrap() {
            reused.push((c.first_line, String::from_utf8(c.bytes.clone()).unwrap()));
            let capacity = c.bytes.capacity();
            chunker.give_back(c.bytes);
            assert_eq!(chunker.spare.last().map(Vec::capacity), Some(capacity));
        }
        assert_eq!(reused, cut(text, 4));
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_an_open_quote_runs_to_the_end() {
        assert_eq!(
            cut("\u{feff}\"h\"\n1,\"open\n2\n", 3),
            [(1, "\"h\"\n".to_owned()), (2, "1,\"open\n2\n".to_owned())]
        );
        assert_eq!(last_record_end(b"a\tb\"\nc", b'\t', false), Some(5));
    }
}
