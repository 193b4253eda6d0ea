//! Splitting an article into paragraphs, sentences and word tokens, each
//! with its byte span in the text, in one linear pass.

/// A word (or number) of the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The word in lower case, a possessive `'s` dropped, curly
    /// apostrophes made straight.
    pub lower: String,
    /// Whether it begins with a capital letter.
    pub capital: bool,
}

/// A sentence with its tokens.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset one past its last character (closing punctuation and
    /// quotation marks included).
    pub end: usize,
    /// Which paragraph it is in, from 0.
    pub paragraph: usize,
    /// Its words.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// The text between the starts of tokens `from` and the end of `to`
    /// (inclusive), as it stands in `text`.
    pub fn slice<'a>(&self, text: &'a str, from: usize, to: usize) -> &'a str {
        match (self.tokens.get(from), self.tokens.get(to)) {
            (Some(a), Some(b)) if a.start <= b.end => text.get(a.start..b.end).unwrap_or(""),
            _ => "",
        }
    }

    /// The index of the first token at or after byte `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.start < offset)
    }
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: [&str; 38] = [
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "sgt", "capt", "st", "no", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m",
    "u.s", "u.n", "e.g", "h.e", "prof", "brig", "adm", "sen", "gov", "cpl", "pvt",
];

/// Characters that may join the parts of one token when letters or digits
/// stand on both sides ("Kara-Suu", "136,000", "4:30", "a.m", "don't").
fn joins(c: char) -> bool {
    matches!(
        c,
        '-' | '\'' | '\u{2019}' | '.' | ':' | ',' | '\u{2010}' | '\u{2011}'
    )
}

/// Splits `text` into sentences. Paragraphs are separated by blank lines;
/// a sentence ends at `.`, `!` or `?` (with any closing quotes) followed
/// by white space, except after a known abbreviation or an initial, and at
/// every paragraph break.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut current = Sentence {
        start: 0,
        end: 0,
        paragraph,
        tokens: Vec::new(),
    };
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    let mut newlines = 0;
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            newlines += 1;
            if newlines == 2 {
                close(&mut out, &mut current, i);
                paragraph += 1;
                current.paragraph = paragraph;
            }
            continue;
        }
        if !c.is_whitespace() {
            newlines = 0;
        }
        if c.is_alphanumeric() {
            let start = i;
            let end = word_end(text, &mut chars, i + c.len_utf8());
            if current.tokens.is_empty() {
                current.start = start;
            }
            current.tokens.push(token(text, start, end));
            current.end = end;
            continue;
        }
        if matches!(c, '.' | '!' | '?') {
            let mut end = i + 1;
            while let Some(&(j, d)) = chars.peek() {
                if matches!(
                    d,
                    '"' | '\u{201D}' | '\'' | '\u{2019}' | ')' | '.' | '!' | '?'
                ) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            current.end = end;
            let followed_by_space = bytes.get(end).is_none_or(u8::is_ascii_whitespace);
            let abbreviation = c == '.'
                && end == i + 1
                && current.tokens.last().is_some_and(|t| {
                    t.end == i
                        && (ABBREVIATIONS.contains(&t.lower.as_str())
                            || t.lower.chars().count() == 1 && t.capital)
                });
            if followed_by_space && !abbreviation {
                close(&mut out, &mut current, end);
            }
        } else if !c.is_whitespace() && !current.tokens.is_empty() {
            current.end = i + c.len_utf8();
        }
    }
    close(&mut out, &mut current, text.len());
    out
}

/// Where the word whose first character ends at `end` ends: letters and
/// digits, and the characters that join them ([`joins`]) when one follows.
fn word_end(
    text: &str,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    mut end: usize,
) -> usize {
    while let Some(&(j, d)) = chars.peek() {
        let joined = joins(d)
            && text[j + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
        if !(d.is_alphanumeric() || joined) {
            break;
        }
        chars.next();
        end = j + d.len_utf8();
    }
    end
}

/// Ends the current sentence (if it has words) and starts the next.
fn close(out: &mut Vec<Sentence>, current: &mut Sentence, _at: usize) {
    if !current.tokens.is_empty() {
        let paragraph = current.paragraph;
        out.push(std::mem::replace(
            current,
            Sentence {
                start: 0,
                end: 0,
                paragraph,
                tokens: Vec::new(),
            },
        ));
    }
}

/// The token where the body of sentence `s` begins after a dateline
/// ("QUETTA/KABUL, Dec 16 (Wire) - Afghan forces…": a first word in
/// capitals, then within eight words a dash standing apart); 0 when it has
/// none.
pub fn dateline_end(text: &str, s: &Sentence) -> usize {
    let Some(first) = s.tokens.first() else {
        return 0;
    };
    let word = &text[first.start..first.end];
    let capitals = word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !word.chars().any(char::is_lowercase);
    if !capitals {
        return 0;
    }
    for k in 0..s.tokens.len().min(8) {
        let gap_end = s.tokens.get(k + 1).map_or(s.end, |t| t.start);
        let gap = text.get(s.tokens[k].end..gap_end).unwrap_or("");
        if [" - ", " \u{2013} ", " \u{2014} ", " -- "]
            .iter()
            .any(|d| gap.contains(d))
            || gap.trim_end().ends_with(" -")
        {
            return k + 1;
        }
    }
    0
}

/// Whether sentence `n` is the report's headline: the only sentence of
/// the first paragraph, with more paragraphs after it, ending without a
/// full stop, question or exclamation mark.
pub fn is_headline(text: &str, sentences: &[Sentence], n: usize) -> bool {
    let Some(s) = sentences.get(n) else {
        return false;
    };
    let alone =
        s.paragraph == 0 && n == 0 && sentences.get(1).is_some_and(|next| next.paragraph > 0);
    let words = text.get(s.start..s.end).unwrap_or("").trim_end();
    alone && !words.ends_with(['.', '!', '?', '"', '\u{201D}'])
}

fn token(text: &str, start: usize, end: usize) -> Token {
    let word = &text[start..end];
    let mut lower = word.to_lowercase().replace('\u{2019}', "'");
    if lower.ends_with("'s") && lower.len() > 2 {
        lower.truncate(lower.len() - 2);
    }
    Token {
        start,
        end,
        lower,
        capital: word.chars().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_tokens_keep_their_spans() {
        let text = "Clashes broke out at 4:30 a.m. on Sept. 14. Mr. Ali said 136,000 fled.\n\nKara-Suu's market shut.";
        let s = sentences(text);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(
            &text[s[0].start..s[0].end],
            "Clashes broke out at 4:30 a.m. on Sept. 14."
        );
        assert_eq!(&text[s[1].start..s[1].end], "Mr. Ali said 136,000 fled.");
        assert_eq!(s[2].paragraph, 1);
        let titled = "According to H.E. Lt. Gen. Chhum Socheat, it held.";
        assert_eq!(sentences(titled).len(), 1);
        let words: Vec<&str> = s[0].tokens.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(
            words,
            [
                "clashes", "broke", "out", "at", "4:30", "a.m", "on", "sept", "14"
            ]
        );
        assert_eq!(s[2].tokens[0].lower, "kara-suu");
        assert!(s[2].tokens[0].capital);
        assert_eq!(s[0].slice(text, 7, 8), "Sept. 14");
    }

    #[test]
    fn headlines_and_datelines() {
        let text = "Clash at the crossing\n\nQUETTA/KABUL, Dec 16 (Wire) - Forces fired mortars on Thursday.";
        let s = sentences(text);
        assert!(is_headline(text, &s, 0));
        assert!(!is_headline(text, &s, 1));
        assert_eq!(s[1].tokens[dateline_end(text, &s[1])].lower, "forces");
        let plain = "Forces - they said - fired.";
        assert_eq!(dateline_end(plain, &sentences(plain)[0]), 0);
    }

    #[test]
    fn a_quote_closing_a_sentence_stays_in_it() {
        let text = "He said \u{201C}we will defend.\u{201D} Then he left.";
        let s = sentences(text);
        assert_eq!(
            &text[s[0].start..s[0].end],
            "He said \u{201C}we will defend.\u{201D}"
        );
    }
}
