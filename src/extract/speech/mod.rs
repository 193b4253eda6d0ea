//! Reported speech: who said something, with which verb, and where the
//! words of what was said begin. A claimant is the noun phrase before a
//! reporting verb in its clause ("The Tajik military maintains"), after it
//! when the verb follows a quotation ("…," said a spokesman), or after
//! "according to"; a pronoun takes the previous claimant.

mod subject;

use super::text::Sentence;
use subject::subject;

/// A statement cue in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speech {
    /// Token range of the claimant, `from..to`.
    pub claimant: (usize, usize),
    /// Token index of the reporting verb (or of "according").
    pub verb: usize,
    /// Token index where the content begins (after "that", or after the verb).
    pub content: usize,
    /// The category: `accusation`, `appeal`, `declaration`, `footage` or
    /// `account` (set later when the content tells an incident).
    pub category: &'static str,
    /// The rule that found it.
    pub rule: &'static str,
    /// Whether the claimant is a pronoun ("he said") to be resolved.
    pub pronoun: bool,
}

/// Reporting verbs and the category of what they introduce.
fn verb_category(w: &str, next: &str) -> Option<&'static str> {
    Some(match w {
        "accused" | "accuses" | "accuse" | "blamed" | "blames" | "blame" => "accusation",
        "called" | "calls" | "call" if matches!(next, "for" | "on" | "upon") => "appeal",
        "urged" | "urges" | "appealed" | "appeals" => "appeal",
        "announced" | "announces" | "declared" | "declares" => "declaration",
        "said" | "says" | "told" | "tells" | "stated" | "states" | "insisted" | "insists"
        | "insisting" | "maintained" | "maintains" | "claimed" | "claims" | "alleged"
        | "alleges" | "denied" | "denies" | "warned" | "warns" | "confirmed" | "confirms"
        | "reported" | "added" | "emphasized" | "emphasised" | "stressed" | "indicated" => {
            "declaration"
        }
        _ => return None,
    })
}

/// Words in a claimant that make it one: officials and bodies.
const OFFICIAL: &[&str] = &[
    "officials",
    "official",
    "ministry",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "government",
    "governments",
    "military",
    "army",
    "authorities",
    "police",
    "president",
    "service",
    "forces",
    "troops",
    "commander",
    "residents",
    "witnesses",
    "villagers",
    "media",
    "agency",
    "committee",
    "office",
    "leader",
    "governor",
    "mayor",
    "envoy",
    "diplomats",
    "sources",
    "statement",
    "guards",
    "guard",
    "command",
    "headquarters",
    "kremlin",
    "chief",
    "parliament",
    "foreign",
    "defence",
    "defense",
    "videos",
    "video",
    "footage",
];

/// Pronouns that stand for the last claimant ("him" after "according
/// to").
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "him", "her", "them"];

/// Words that stand before a noun: after one, a verb of saying is a noun
/// ("the claims", "its report").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "these", "those", "this", "that", "such",
    "our", "whose",
];

/// Words between a form of "be" and a verb of saying that leave it
/// passive ("was also reported").
const PASSIVE_GAP: &[&str] = &[
    "also",
    "widely",
    "reportedly",
    "later",
    "previously",
    "initially",
    "first",
    "not",
    "never",
];

/// Finds the first statement cue of a sentence.
pub fn find(text: &str, s: &Sentence) -> Option<Speech> {
    let n = s.tokens.len();
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    for v in 0..n {
        if w(v) == "according" && w(v + 1) == "to" {
            return Some(according_to(text, s, v));
        }
        if matches!(w(v), "show" | "shows" | "showed")
            && (0..v).any(|k| matches!(w(k), "video" | "videos" | "footage" | "images" | "photos"))
        {
            let from = clause_start(text, s, v);
            return Some(Speech {
                claimant: (from, v.saturating_sub(usize::from(w(v - 1) == "to") * 2)),
                verb: v,
                content: v + 1,
                category: "footage",
                rule: "speech:footage",
                pronoun: false,
            });
        }
        // A capitalised verb inside a sentence is part of a name ("the
        // United States").
        if v > 0 && s.tokens[v].capital {
            continue;
        }
        let Some(category) = verb_category(w(v), w(v + 1)) else {
            continue;
        };
        if no_speaker(s, v) {
            continue;
        }
        let content = content_start(s, v);
        // "…," said the ministry: the claimant follows the verb (a short
        // noun phrase; "told" names the listener, not the speaker).
        let quoted_before = v > 0 && quote_or_comma_before(text, s, v);
        if quoted_before && !matches!(w(v), "told" | "tells") {
            let from = v + 1;
            let to = (from..n)
                .find(|&k| punct_after(text, s, k))
                .map_or(n, |k| k + 1);
            let short = to > from
                && to - from <= 8
                && (from..to).all(|k| !matches!(w(k), "that" | "of" | "on" | "to"));
            if short && is_claimant(s, from, to) {
                return Some(speech(s, (from, to), v, 0, category, "speech:after-quote"));
            }
        }
        let from = clause_start(text, s, v);
        if let Some((from, to)) = subject(s, from, v) {
            // "the fighting that Tajik officials said…": the speaker
            // follows the relative word.
            let from = (from..to)
                .rev()
                .find(|&k| matches!(w(k), "that" | "which"))
                .map_or(from, |k| k + 1);
            if from < to && to - from <= 12 && is_claimant(s, from, to) {
                return Some(speech(s, (from, to), v, content, category, "speech:verb"));
            }
        } else if let Some(span) = apposition(text, s, from) {
            return Some(speech(s, span, v, content, category, "speech:apposition"));
        }
    }
    None
}

/// The cue "according to" at token `v`: the claimant is what follows, up
/// to the clause's end ("according to the latest data of the Ministry of
/// Health": the body whose figures they are).
fn according_to(text: &str, s: &Sentence, v: usize) -> Speech {
    let n = s.tokens.len();
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    let mut from = v + 2;
    let to = (from..n)
        .find(|&k| punct_after(text, s, k))
        .map_or(n, |k| k + 1);
    if let Some(k) = (from..to.min(from + 4)).find(|&k| {
        matches!(
            w(k),
            "data" | "figures" | "estimates" | "count" | "tally" | "report" | "statement"
        ) && matches!(w(k + 1), "of" | "from" | "by")
    }) && k + 2 < to
    {
        from = k + 2;
    }
    let content = if to < n { to } else { 0 };
    speech(
        s,
        (from, to.min(from + 10)),
        v,
        content,
        "declaration",
        "speech:according-to",
    )
}

/// Whether the verb of saying at `v` names no one saying it: passive
/// ("Fighting was reported", "is said to"), or a noun after a determiner
/// ("the claims", "its report").
fn no_speaker(s: &Sentence, v: usize) -> bool {
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    let mut b = v;
    while b > 0 && PASSIVE_GAP.contains(&w(b - 1)) {
        b -= 1;
    }
    let passive = b > 0 && matches!(w(b - 1), "was" | "were" | "is" | "are" | "been" | "be");
    passive || v > 0 && DETERMINERS.contains(&w(v - 1))
}

fn speech(
    s: &Sentence,
    claimant: (usize, usize),
    verb: usize,
    content: usize,
    category: &'static str,
    rule: &'static str,
) -> Speech {
    let pronoun =
        claimant.1 - claimant.0 == 1 && PRONOUNS.contains(&s.tokens[claimant.0].lower.as_str());
    Speech {
        claimant,
        verb,
        content,
        category,
        rule,
        pronoun,
    }
}

/// For a claimant that is only a definite description of a body named
/// before ("the ministry", "The army"), its head noun.
pub fn definite(s: &Sentence, (from, to): (usize, usize)) -> Option<&str> {
    match &s.tokens[from..to] {
        [the, head] if the.lower == "the" => OFFICIAL
            .contains(&head.lower.as_str())
            .then_some(head.lower.as_str()),
        _ => None,
    }
}

/// Whether tokens `from..to` can be a claimant: a pronoun, or words with
/// a capitalised name or an official's title, and no verb of their own;
/// never a lone determiner ("The"), a relative word ("whose attacks"),
/// nor what happened ("Fighting", "the killings of civilians").
fn is_claimant(s: &Sentence, from: usize, to: usize) -> bool {
    let tokens = &s.tokens[from..to];
    if let [one] = tokens
        && PRONOUNS.contains(&one.lower.as_str())
    {
        return true;
    }
    let head = tokens
        .iter()
        .find(|t| !DETERMINERS.contains(&t.lower.as_str()));
    let verb_of_its_own = tokens.iter().any(|t| {
        matches!(t.lower.as_str(), "is" | "are" | "was" | "were" | "been")
            || verb_category(&t.lower, "").is_some()
    });
    if head.is_none_or(|h| super::incidents::is_event_word(&h.lower))
        || matches!(tokens[0].lower.as_str(), "whose" | "which" | "who" | "what")
        || verb_of_its_own
    {
        return false;
    }
    let named = tokens
        .iter()
        .enumerate()
        .any(|(k, t)| t.capital && (k > 0 || from > 0 || tokens.len() > 1));
    let official = tokens.iter().any(|t| OFFICIAL.contains(&t.lower.as_str()));
    let single_cap = tokens.len() == 1 && tokens[0].capital;
    named || official || single_cap
}

/// A subject set off by an apposition before the clause starting at `c`,
/// when the clause itself has none ("Ataullah Zaid, a spokesman for the
/// governor, said"; "Another resident, Mohammad Qasim, called … and
/// said"): the two comma-bounded phrases before it, together, when one
/// names a person or a body and neither has a verb of its own.
fn apposition(text: &str, s: &Sentence, c: usize) -> Option<(usize, usize)> {
    let comma_before = |k: usize| {
        k > 0
            && text
                .get(s.tokens[k - 1].end..s.tokens[k].start)
                .is_some_and(|gap| gap.trim() == ",")
    };
    if !comma_before(c) {
        return None;
    }
    let inner = clause_start(text, s, c - 1);
    if !comma_before(inner) {
        return None;
    }
    let (head, head_end) = subject(s, clause_start(text, s, inner - 1), inner)?;
    let own_verb = (head..c).any(|k| {
        let w = s.tokens[k].lower.as_str();
        matches!(
            w,
            "is" | "are" | "was" | "were" | "had" | "has" | "have" | "who" | "which"
        ) || verb_category(w, "").is_some()
    });
    let fits = head_end == inner && head_end - head <= 8 && c - inner <= 12;
    (fits && !own_verb && is_claimant(s, head, c)).then_some((head, c))
}

/// Where the clause holding token `v` begins: after the last comma,
/// semicolon, colon or quotation mark before it, or after "while",
/// "but", "as", "when", "and" + a new subject.
fn clause_start(text: &str, s: &Sentence, v: usize) -> usize {
    let mut k = v;
    while k > 0 {
        if punct_after(text, s, k - 1) {
            return k;
        }
        if matches!(
            s.tokens[k - 1].lower.as_str(),
            "while" | "but" | "when" | "as" | "whereas" | "because"
        ) {
            return k;
        }
        k -= 1;
    }
    0
}

/// Whether a clause ends after token `k`: a comma, semicolon, colon,
/// dash or quotation mark between it and the next token.
fn punct_after(text: &str, s: &Sentence, k: usize) -> bool {
    let end = s.tokens[k].end;
    let next = s.tokens.get(k + 1).map_or(s.end, |t| t.start);
    text.get(end..next).is_some_and(|gap| {
        gap.contains([
            ',', ';', ':', '"', '\u{201C}', '\u{201D}', '\u{2014}', '(', ')',
        ])
    })
}

/// Whether a quotation mark or comma stands just before token `v`.
fn quote_or_comma_before(text: &str, s: &Sentence, v: usize) -> bool {
    let prev_end = s.tokens[v - 1].end;
    text.get(prev_end..s.tokens[v].start)
        .is_some_and(|gap| gap.contains([',', '"', '\u{201D}']))
}

/// Where what was said begins: after a "that" within the next six words,
/// else right after the verb (and its "for", "on", "of" or object).
fn content_start(s: &Sentence, v: usize) -> usize {
    let n = s.tokens.len();
    (v + 1..(v + 7).min(n))
        .find(|&k| s.tokens[k].lower == "that")
        .map_or(v + 1, |k| k + 1)
}

#[cfg(test)]
mod tests;
