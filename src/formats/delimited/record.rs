//! The record a CSV table is at: its fields as bytes, and as text when the
//! whole record is UTF-8. The record is checked once when read, not field
//! by field each time one is asked for (a dataset row has thirty-odd
//! fields, most of them read twice).

use std::io::Read;
use std::str::Utf8Error;

/// The fields of the current record.
pub struct Record(Current);

/// The record as read: text when all of it is UTF-8, else bytes.
enum Current {
    Text(csv::StringRecord),
    Bytes(csv::ByteRecord),
    /// Only while a record is being read.
    Reading,
}

impl Default for Record {
    fn default() -> Self {
        Self(Current::Bytes(csv::ByteRecord::new()))
    }
}

impl Record {
    /// Reads the next record from `reader` (reusing this one's memory);
    /// false at the end of the input.
    pub fn read<R: Read>(&mut self, reader: &mut csv::Reader<R>) -> csv::Result<bool> {
        let mut bytes = match std::mem::replace(&mut self.0, Current::Reading) {
            Current::Text(text) => text.into_byte_record(),
            Current::Bytes(bytes) => bytes,
            Current::Reading => csv::ByteRecord::new(),
        };
        let more = reader.read_byte_record(&mut bytes);
        self.0 = match csv::StringRecord::from_byte_record(bytes) {
            Ok(text) => Current::Text(text),
            Err(e) => Current::Bytes(e.into_byte_record()),
        };
        more
    }

    fn bytes_record(&self) -> Option<&csv::ByteRecord> {
        match &self.0 {
            Current::Text(text) => Some(text.as_byte_record()),
            Current::Bytes(bytes) => Some(bytes),
            Current::Reading => None,
        }
    }

    /// Where the record starts in the input.
    pub fn position(&self) -> Option<&csv::Position> {
        self.bytes_record()?.position()
    }

    /// How many fields the record has.
    pub fn len(&self) -> usize {
        self.bytes_record().map_or(0, csv::ByteRecord::len)
    }

    /// Whether the record has no fields.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The raw bytes of field `col` (empty when the record is shorter).
    pub fn bytes(&self, col: usize) -> &[u8] {
        self.bytes_record()
            .and_then(|r| r.get(col))
            .unwrap_or_default()
    }

    /// Field `col` as text ("" when the record is shorter), or why it is
    /// not UTF-8.
    pub fn text(&self, col: usize) -> Result<&str, Utf8Error> {
        match &self.0 {
            Current::Text(text) => Ok(text.get(col).unwrap_or_default()),
            _ => std::str::from_utf8(self.bytes(col)),
        }
    }

    /// The fields' raw bytes, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.bytes_record().into_iter().flat_map(|r| r.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_when_the_record_is_utf8_else_bytes() {
        let input = "a,b\u{e9}\n";
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(input.as_bytes());
        let mut r = Record::default();
        assert!(r.read(&mut reader).unwrap());
        assert_eq!(
            (r.text(0), r.text(1), r.text(2)),
            (Ok("a"), Ok("b\u{e9}"), Ok(""))
        );
        let mut bad = b"\"x\xff\",y\n".to_vec();
        bad.extend_from_slice(b"z\n");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bad.as_slice());
        assert!(r.read(&mut reader).unwrap());
        assert_eq!(r.text(0).map_err(|e| e.valid_up_to()), Err(1));
        assert_eq!(
            (r.text(1), r.bytes(0), r.len()),
            (Ok("y"), &b"x\xff"[..], 2)
        );
        assert!(r.read(&mut reader).unwrap());
        assert_eq!(
            (r.text(0), r.position().map(|p| p.line())),
            (Ok("z"), Some(2))
        );
        assert!(!r.read(&mut reader).unwrap());
    }
}
