//! Reading an article file into text: UTF-8 as it is (quote spans are
//! byte offsets into the file exactly as given), UTF-16 with a byte order
//! mark and Windows-1251 converted, HTML with its tags stripped; empty
//! and binary files refused with a message that says what to do.

use crate::diagnostic::Diagnostic;

/// An article's text and how it was obtained from the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text the quotes are spans of.
    pub text: String,
    /// What was done to the file's bytes to get it (`None`: nothing, the
    /// text is the file), e.g. "converted from UTF-16LE", "tags stripped".
    pub changed: Option<String>,
}

/// Reads a file's bytes as an article; `name` (its file name) tells HTML.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, Diagnostic> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Diagnostic::error(
            "the file is empty: there is no article to read",
        ));
    }
    let (text, mut changed) = if let Some((encoding, _)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _, bad) = encoding.decode(bytes);
        if bad {
            return Err(Diagnostic::error(format!(
                "the file starts as {} but has bytes that are not: save it as UTF-8",
                encoding.name()
            )));
        }
        let changed =
            (encoding != encoding_rs::UTF_8).then(|| format!("converted from {}", encoding.name()));
        // A UTF-8 file keeps its byte order mark, so offsets stay the file's.
        let text = if encoding == encoding_rs::UTF_8 {
            String::from_utf8_lossy(bytes).into_owned()
        } else {
            text.into_owned()
        };
        (text, changed)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(t) => (t.to_owned(), None),
            Err(e) => {
                if binary(bytes) {
                    return Err(Diagnostic::error(
                        "the file is binary, not text: give the article as .txt, .md or .html",
                    ));
                }
                if cyrillic_1251(bytes) {
                    let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
                    (
                        text.into_owned(),
                        Some("converted from windows-1251".to_owned()),
                    )
                } else {
                    let at = crate::diagnostic::Position::of_offset(
                        std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
                        e.valid_up_to(),
                    );
                    return Err(Diagnostic::error(format!(
                        "not UTF-8 at byte {}: save the article as UTF-8 (or UTF-16 with a byte order mark)",
                        e.valid_up_to()
                    ))
                    .at(at.line, at.column));
                }
            }
        }
    };
    if text.contains('\0') || binary(text.as_bytes()) {
        return Err(Diagnostic::error(
            "the file is binary, not text: give the article as .txt, .md or .html",
        ));
    }
    let lower = name.to_ascii_lowercase();
    let text = if lower.ends_with(".html") || lower.ends_with(".htm") {
        changed = Some(match changed {
            Some(c) => format!("{c}, tags stripped"),
            None => "tags stripped".to_owned(),
        });
        strip_html(&text)
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::error("the file has no text outside its markup"));
    }
    Ok(Decoded { text, changed })
}

/// Whether bytes look binary: a NUL, or more than one in twenty control
/// bytes other than white space.
fn binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    head.contains(&0) || control * 20 > head.len()
}

/// Whether non-UTF-8 bytes read as Windows-1251 Cyrillic: most bytes
/// above 127 are its letters (0xC0–0xFF, Ё and ё) and stand in words of
/// several such letters (Latin-1 accents stand alone among ASCII letters).
fn cyrillic_1251(bytes: &[u8]) -> bool {
    let letter = |b: u8| b >= 0xC0 || b == 0xA8 || b == 0xB8;
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let letters = bytes.iter().filter(|&&b| letter(b)).count();
    let in_words = bytes
        .windows(2)
        .filter(|w| letter(w[0]) && letter(w[1]))
        .count();
    high > 0 && letters * 10 >= high * 8 && in_words * 2 >= letters
}

/// The text of an HTML page: tags, scripts and styles removed, block
/// ends as blank lines, the common entities decoded.
pub fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        let tag_end = rest[lt..].find('>').map_or(rest.len(), |i| lt + i + 1);
        let tag = rest[lt..tag_end].to_ascii_lowercase();
        rest = &rest[tag_end..];
        for skipped in ["script", "style"] {
            if tag.starts_with(&format!("<{skipped}")) {
                let close = format!("</{skipped}");
                let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                rest = &rest[end..];
            }
        }
        let block = [
            "<p", "</p", "<br", "<div", "</div", "<h1", "<h2", "<h3", "</h1", "</h2", "</h3",
            "<li", "<tr", "<time", "<article", "<header",
        ]
        .iter()
        .any(|b| tag.starts_with(b) && tag[b.len()..].starts_with([' ', '>', '/']));
        if block && !out.ends_with("\n\n") && !out.is_empty() {
            while out.ends_with([' ', '\n']) {
                out.pop();
            }
            out.push_str("\n\n");
        }
    }
    push_text(&mut out, rest);
    out.trim().to_owned() + "\n"
}

/// Appends text with its entities decoded and white space folded.
fn push_text(out: &mut String, raw: &str) {
    let decoded = raw
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&lsquo;", "\u{2018}")
        .replace("&ldquo;", "\u{201C}")
        .replace("&rdquo;", "\u{201D}")
        .replace("&mdash;", "\u{2014}")
        .replace("&ndash;", "\u{2013}")
        .replace("&amp;", "&");
    let lead = decoded.starts_with(char::is_whitespace);
    for (k, word) in decoded.split_whitespace().enumerate() {
        if (k > 0 || lead) && !(out.is_empty() || out.ends_with([' ', '\n'])) {
            out.push(' ');
        }
        out.push_str(word);
    }
    if decoded.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_byte_for_byte() {
        let d = decode("a.txt", "\u{FEFF}Clashes on Friday.".as_bytes()).unwrap();
        assert_eq!(d.text, "\u{FEFF}Clashes on Friday.");
        assert_eq!(d.changed, None);
    }

    #[test]
    fn utf16_and_windows_1251_are_converted() {
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Баткен".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode("a.txt", &utf16).unwrap();
        assert_eq!(d.text, "Баткен");
        assert_eq!(d.changed.as_deref(), Some("converted from UTF-16LE"));
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Бои в Баткене");
        let d = decode("a.txt", &cp1251).unwrap();
        assert_eq!(d.text, "Бои в Баткене");
        assert_eq!(d.changed.as_deref(), Some("converted from windows-1251"));
    }

    #[test]
    fn empty_binary_and_unknown_encodings_say_what_to_do() {
        assert!(
            decode("a.txt", b"  \n")
                .unwrap_err()
                .message
                .contains("empty")
        );
        assert!(
            decode("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0")
                .unwrap_err()
                .message
                .contains("binary")
        );
        let latin1 = b"Caf\xe9 \xe0 la \xe8re";
        assert!(
            decode("a.txt", latin1)
                .unwrap_err()
                .message
                .contains("save the article as UTF-8")
        );
    }

    #[test]
    fn html_tags_are_stripped() {
        let html = "<html><head><style>p{}</style><title>T</title></head><body><h1>Clash</h1><p>Troops &amp; guards fought on <b>Friday</b>.</p><script>x()</script></body></html>";
        let d = decode("a.html", html.as_bytes()).unwrap();
        assert_eq!(d.text, "T\n\nClash\n\nTroops & guards fought on Friday.\n");
        assert_eq!(d.changed.as_deref(), Some("tags stripped"));
    }
}
