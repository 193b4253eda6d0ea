//! The subject of a verb of saying: the words of its clause before it,
//! trimmed of what opens a clause (a conjunction, a time phrase), of any
//! verb of their own and of auxiliaries, so that "Late on Thursday the
//! two foreign ministries said" gives "the two foreign ministries" and
//! "He called the move … and said" gives "He".

use crate::extract::text::Sentence;

/// Words stripped from the end of a claimant before its verb.
const AUXILIARY: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "again",
    "each",
    "continue",
    "continues",
    "continued",
    "to",
    "repeatedly",
    "further",
    "then",
    "later",
    "however",
    "reportedly",
    "officially",
    "publicly",
    "previously",
    "earlier",
    "separately",
    "would",
    "will",
    "had",
    "on",
    "both",
];

/// Words a clause may open with before its subject: conjunctions and the
/// words of a time phrase ("And", "Late on Thursday", "By Tuesday
/// evening", "The following day").
fn opener(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "so"
            | "then"
            | "also"
            | "meanwhile"
            | "separately"
            | "later"
            | "earlier"
            | "late"
            | "early"
            | "on"
            | "by"
            | "in"
            | "at"
            | "overnight"
            | "following"
            | "next"
            | "same"
            | "previous"
            | "day"
            | "days"
            | "morning"
            | "evening"
            | "night"
            | "afternoon"
            | "week"
            | "weekend"
            | "today"
            | "yesterday"
            | "last"
            | "this"
            | "that"
            | "hours"
            | "within"
            | "after"
            | "before"
            | "about"
            | "around"
            | "a.m"
            | "p.m"
            | "am"
            | "pm"
            | "unless"
            | "if"
            | "although"
            | "though"
            | "once"
            | "when"
    ) || w.len() > 6 && w.ends_with("ally")
        || w.contains(':')
        || crate::data::dates::clock::weekday(w).is_some()
        || crate::data::dates::clock::month(w).is_some()
        || w.bytes().all(|b| b.is_ascii_digit())
}

/// Words that show a verb of its own in a would-be claimant.
fn verb_like(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "had"
            | "has"
            | "have"
            | "did"
            | "does"
            | "called"
            | "made"
            | "gave"
            | "put"
            | "took"
            | "began"
            | "appeared"
            | "described"
            | "spoke"
            | "met"
            | "held"
            | "visited"
            | "wrote"
            | "posted"
            | "issued"
            | "released"
            | "signed"
            | "phoned"
            | "offered"
            | "expressed"
            | "welcomed"
            | "condemned"
    )
}

/// The subject of the verb at `v` in the clause starting at `from`: the
/// clause's words trimmed of an opening conjunction or time phrase (and of
/// "the" before a time word), cut before any verb of their own (what is
/// left of "He called the move … and said" is "He"), and of auxiliaries
/// before the verb. `None` when nothing is left.
pub fn subject(s: &Sentence, mut from: usize, v: usize) -> Option<(usize, usize)> {
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    loop {
        if from < v && opener(w(from)) {
            from += 1;
        } else if from + 1 < v && w(from) == "the" && opener(w(from + 1)) {
            from += 2;
        } else {
            break;
        }
    }
    let mut to = (from..v).find(|&k| verb_like(w(k))).unwrap_or(v);
    while to > from && (AUXILIARY.contains(&w(to - 1)) || matches!(w(to - 1), "and" | "but")) {
        to -= 1;
    }
    (to > from).then_some((from, to))
}
