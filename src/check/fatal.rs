//! Turns a `serde_json` error that stopped the parse into a problem a person
//! can act on.

use std::io::Read;

use serde_json::error::Category;

use super::reader::{SharedTracker, TrackingReader};
use crate::diagnostic::Diagnostic;

/// How deep `serde_json` lets arrays and objects nest (its limit of 128
/// counts the level that overflows).
const NESTING_LIMIT: usize = 127;

/// Describes the error `e` that ended the parse of `reader`.
pub fn describe<R: Read>(
    e: &serde_json::Error,
    tracker: &SharedTracker,
    reader: &mut TrackingReader<R>,
) -> Diagnostic {
    let at =
        |line: usize, column: usize, message: String| Diagnostic::error(message).at(line, column);
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    // serde_json counts columns in bytes; the tracker knows the characters.
    let column = tracker.borrow().char_column(e.line(), e.column());
    let reason = text.strip_suffix(&suffix).unwrap_or(&text);
    match e.classify() {
        Category::Io => {
            let bad = tracker.borrow().bad_utf8();
            match bad {
                Some(pos) => {
                    let message = if pos.line == 1 && pos.column == 1 && starts_like_utf16(reader) {
                        "file is not UTF-8 (it looks like UTF-16); GeoJSON must be UTF-8"
                    } else {
                        "invalid UTF-8; GeoJSON must be UTF-8 text"
                    };
                    at(pos.line, pos.column, message.to_owned())
                }
                None => Diagnostic::error(format!("cannot read: {reason}")),
            }
        }
        Category::Eof if tracker.borrow().first_solid().is_none() => {
            Diagnostic::error("file is empty")
        }
        Category::Eof => at(
            e.line(),
            column.max(1),
            format!("unexpected end of file: {reason}"),
        ),
        Category::Syntax | Category::Data => {
            let message = if reason == "recursion limit exceeded" {
                format!(
                    "nesting too deep: arrays and objects nested more than {NESTING_LIMIT} levels deep"
                )
            } else if reason == "number out of range" {
                "number out of range: too large for a 64-bit float".to_owned()
            } else if reason == "trailing characters" {
                "trailing characters after the top-level value".to_owned()
            } else if names_non_number(tracker, reader) {
                "NaN and Infinity are not JSON numbers; write a number or null".to_owned()
            } else {
                reason.to_owned()
            };
            at(e.line(), column, message)
        }
    }
}

/// True when the parser stopped inside `NaN` or `Infinity`: one of them
/// covers the last byte it read.
fn names_non_number<R: Read>(tracker: &SharedTracker, reader: &mut TrackingReader<R>) -> bool {
    let recent = tracker.borrow().recent();
    let mut window = recent.to_vec();
    window.extend(reader.peek_more(8));
    let last = recent.len() - 1;
    [&b"NaN"[..], b"Infinity"].iter().any(|word| {
        window
            .windows(word.len())
            .enumerate()
            .any(|(start, w)| w == *word && start <= last && last < start + word.len())
    })
}

/// True when the file opens with a UTF-16 byte order mark.
fn starts_like_utf16<R: Read>(reader: &mut TrackingReader<R>) -> bool {
    // The reader stopped before handing out the offending first byte.
    matches!(reader.peek_more(2).as_slice(), [0xFF, 0xFE] | [0xFE, 0xFF])
}

#[cfg(test)]
mod tests {
    use crate::check::{Keep, check_reader};

    fn first_message(text: &str) -> String {
        let report = check_reader("t", text.as_bytes(), Keep::Nothing);
        report.problems[0].message.clone()
    }

    #[test]
    fn names_nan_and_infinity() {
        for text in ["[NaN]", "{\"a\": Infinity}", "[1, -Infinity]", "-NaN"] {
            let m = first_message(text);
            assert!(m.starts_with("NaN and Infinity"), "{text}: {m}");
        }
    }
}
