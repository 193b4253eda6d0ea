//! Finding date phrases in running text: around each word that can carry
//! a date (a weekday, a month, a year, "week", "yesterday", "later"…) the
//! longest span of nearby words that `data::dates::resolve` reads is
//! taken. A phrase that only has a meaning after another ("ten minutes
//! later", "at 5 am", "that night") is read against the last day-level
//! phrase before it and written `ANCHOR > PHRASE`, which the resolver also
//! reads, so an events file can be checked against its words.

use jiff::civil::Date;

use super::text::Sentence;
use crate::data::dates::clock;
use crate::data::dates::{ResolvedDate, resolve};
use crate::data::event::DatePrecision;

/// A date phrase found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct DatePhrase {
    /// Byte span of its words in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// First and last token index in its sentence.
    pub tokens: (usize, usize),
    /// What `date_text` gets: the words, white space made single, with
    /// their anchor in front (`ANCHOR > PHRASE`) when they need one.
    pub date_text: String,
    /// The resolver's reading.
    pub resolved: ResolvedDate,
    /// Why it is a date: `date:phrase`, `date:anchored` or `date:weak`
    /// ("now", "recently": used only when nothing better is found).
    pub rule: &'static str,
}

impl DatePhrase {
    /// Whether it is only a weak hint ("now", "recently").
    pub fn weak(&self) -> bool {
        self.rule == "date:weak"
    }
}

/// Words that may stand before the word that carries the date.
const BEFORE: &[&str] = &[
    "on",
    "last",
    "late",
    "early",
    "in",
    "the",
    "of",
    "by",
    "this",
    "past",
    "over",
    "since",
    "during",
    "around",
    "about",
    "at",
    "mid",
    "a",
    "an",
    "few",
    "earlier",
    "next",
    "following",
    "same",
    "that",
    "overnight",
    "into",
    "shortly",
    "before",
    "after",
    "beginning",
    "end",
    "middle",
    "start",
    "recent",
    "within",
    "later",
    "night",
    "morning",
    "evening",
    "afternoon",
    "hours",
    "day",
];

/// Whether a word may stand before the word that carries a date: a
/// filler of [`BEFORE`], a number, a unit of time or a weekday.
fn may_precede(w: &str) -> bool {
    BEFORE.contains(&w)
        || crate::data::number_words::word_value(w).is_some()
        || w.bytes().all(|b| b.is_ascii_digit())
        || clock::weekday(w).is_some()
        || matches!(
            w,
            "several"
                | "course"
                | "couple"
                | "minutes"
                | "hours"
                | "days"
                | "weeks"
                | "months"
                | "years"
                | "week"
                | "month"
                | "year"
        )
}

/// Words that are dates only in a weak sense.
const WEAK: &[&str] = &["now", "recently", "recent", "today"];

/// The longest phrase tried, in words.
const MAX_WORDS: usize = 8;

/// Whether token `i` of `s` can carry a date.
fn carries(s: &Sentence, i: usize, text: &str) -> bool {
    let t = &s.tokens[i];
    let w = t.lower.as_str();
    if clock::weekday(w).is_some() {
        return t.capital;
    }
    if let Some(m) = clock::month(w) {
        if !t.capital {
            return false;
        }
        // "May" and "March" are also words: only with a date beside them.
        let full = matches!(w, "may" | "march");
        let prev = i.checked_sub(1).map(|p| s.tokens[p].lower.as_str());
        let next = s.tokens.get(i + 1).map(|n| n.lower.as_str());
        let beside = matches!(
            prev,
            Some("in" | "of" | "early" | "late" | "mid" | "last" | "since" | "until" | "the")
        ) || prev.is_some_and(|p| {
            p.trim_end_matches(['s', 't', 'h', 'n', 'd', 'r'])
                .parse::<u8>()
                .is_ok()
        }) || next.is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        return m > 0 && (!full || beside) && !text[t.end..].starts_with(['\u{2019}', '\'']);
    }
    if clock::year(w).is_some_and(|y| (1800..=2100).contains(&y)) {
        return true;
    }
    if w.len() == 5 && w.ends_with('s') && clock::year(&w[..4]).is_some() {
        return true;
    }
    if w.contains(':')
        || w.contains('.') && w.len() == 10
        || w.len() == 10 && w.parse::<Date>().is_ok()
    {
        return true;
    }
    matches!(
        w,
        "yesterday"
            | "tonight"
            | "overnight"
            | "midnight"
            | "noon"
            | "dawn"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "ago"
            | "later"
            | "earlier"
            | "morning"
            | "evening"
            | "night"
            | "afternoon"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "day"
            | "days"
            | "weeks"
            | "months"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "soviet"
    ) || WEAK.contains(&w)
}

/// Finds the date phrases of one sentence, left to right. `anchor` is the
/// last day-level phrase seen before (updated as phrases are found).
pub fn find(
    text: &str,
    s: &Sentence,
    published: Date,
    anchor: &mut Option<String>,
) -> Vec<DatePhrase> {
    let mut out: Vec<DatePhrase> = Vec::new();
    let n = s.tokens.len();
    let mut i = 0;
    while i < n {
        if !carries(s, i, text) {
            i += 1;
            continue;
        }
        let mut first = i;
        while first > 0 && i - first < 5 && may_precede(&s.tokens[first - 1].lower) {
            first -= 1;
        }
        let floor = out.last().map_or(0, |p| p.tokens.1 + 1);
        first = first.max(floor);
        let mut best: Option<DatePhrase> = None;
        'starts: for from in first..=i {
            let last = (from + MAX_WORDS).min(n) - 1;
            for to in (i..=last).rev() {
                if let Some(found) = try_span(text, s, from, to, published, anchor.as_deref()) {
                    let better = best
                        .as_ref()
                        .is_none_or(|b| to - from > b.tokens.1 - b.tokens.0);
                    if better {
                        best = Some(found);
                    }
                    // Spans starting later are shorter than this one.
                    break 'starts;
                }
            }
        }
        match best {
            Some(p) => {
                i = p.tokens.1 + 1;
                if !p.weak() && p.resolved.precision <= DatePrecision::Days {
                    *anchor = Some(p.date_text.clone());
                }
                out.push(p);
            }
            None => i += 1,
        }
    }
    out
}

/// The span `from..=to` as a phrase, if the resolver reads it (alone, or
/// after the anchor).
fn try_span(
    text: &str,
    s: &Sentence,
    from: usize,
    to: usize,
    published: Date,
    anchor: Option<&str>,
) -> Option<DatePhrase> {
    // A phrase ends on a word, not on a filler.
    let last = s.tokens[to].lower.as_str();
    if matches!(last, "the" | "of" | "on" | "in" | "at" | "a" | "an" | "by") {
        return None;
    }
    let raw = s.slice(text, from, to);
    if raw.contains(['\n', '(', ')', '"', '\u{201C}', '\u{201D}', ';']) {
        return None;
    }
    let words: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let weak = from == to && WEAK.contains(&last);
    let make = |date_text: String, resolved: ResolvedDate, rule| DatePhrase {
        start: s.tokens[from].start,
        end: s.tokens[to].end,
        tokens: (from, to),
        date_text,
        resolved,
        rule,
    };
    if let Ok(r) = resolve(published, &words) {
        let rule = if weak { "date:weak" } else { "date:phrase" };
        return Some(make(words, r, rule));
    }
    let anchor = anchor?;
    let joined = format!("{anchor} > {words}");
    resolve(published, &joined)
        .ok()
        .map(|r| make(joined, r, "date:anchored"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::sentences;
    use jiff::civil::date;

    fn phrases(text: &str) -> Vec<String> {
        let mut anchor = None;
        sentences(text)
            .iter()
            .flat_map(|s| find(text, s, date(2022, 9, 19), &mut anchor))
            .map(|p| p.date_text)
            .collect()
    }

    #[test]
    fn finds_the_longest_phrase_around_each_date_word() {
        assert_eq!(
            phrases(
                "Fighting broke out late on Thursday near the border. It stopped by Friday evening."
            ),
            ["late on Thursday", "by Friday evening"]
        );
        assert_eq!(
            phrases("On 14 September, troops crossed. In May of last year 54 died."),
            ["On 14 September", "In May of last year"]
        );
        assert_eq!(phrases("Sept. 14, 2022 was quiet."), ["Sept. 14, 2022"]);
    }

    #[test]
    fn relative_phrases_take_the_last_day_as_anchor() {
        assert_eq!(
            phrases(
                "Shooting began at 4:30 a.m. on Wednesday. Ten minutes later a shell hit the school."
            ),
            [
                "at 4:30 a.m. on Wednesday",
                "at 4:30 a.m. on Wednesday > Ten minutes later"
            ]
        );
        // Without a day before it, "ten minutes later" is no date.
        assert!(phrases("Ten minutes later a shell hit.").is_empty());
    }

    #[test]
    fn may_the_verb_is_no_month() {
        assert!(phrases("Talks may resume. March on, they said.").is_empty());
        assert_eq!(phrases("Talks resumed in May."), ["in May"]);
    }

    #[test]
    fn weak_words_are_marked() {
        let text = "Some are now returning home.";
        let mut anchor = None;
        let s = &sentences(text)[0];
        let found = find(text, s, date(2022, 9, 19), &mut anchor);
        assert_eq!(found.len(), 1);
        assert!(found[0].weak());
        assert!(anchor.is_none());
    }
}
