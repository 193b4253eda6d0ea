//! Reported speech: who said something, with which verb, and where the
//! words of what was said begin. A claimant is the noun phrase before a
//! reporting verb in its clause ("The Tajik military maintains"), after it
//! when the verb follows a quotation ("…," said a spokesman), or after
//! "according to"; a pronoun takes the previous claimant.

use super::subject::subject;
use super::text::Sentence;

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
    "official",
];

/// Pronouns that stand for the last claimant.
const PRONOUNS: &[&str] = &["he", "she", "it", "they"];

/// Finds the first statement cue of a sentence.
pub fn find(text: &str, s: &Sentence) -> Option<Speech> {
    let n = s.tokens.len();
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    for v in 0..n {
        if w(v) == "according" && w(v + 1) == "to" {
            let from = v + 2;
            let to = (from..n)
                .find(|&k| punct_after(text, s, k))
                .map_or(n, |k| k + 1);
            let content = if to < n { to } else { 0 };
            return Some(Speech {
                claimant: (from, to.min(from + 10)),
                verb: v,
                content,
                category: "declaration",
                rule: "speech:according-to",
                pronoun: false,
            });
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
            if to - from <= 12 && is_claimant(s, from, to) {
                return Some(speech(s, (from, to), v, content, category, "speech:verb"));
            }
        } else if let Some(span) = apposition(text, s, from) {
            return Some(speech(s, span, v, content, category, "speech:apposition"));
        }
    }
    None
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
/// a capitalised name or an official's title, and no verb of their own.
fn is_claimant(s: &Sentence, from: usize, to: usize) -> bool {
    let tokens = &s.tokens[from..to];
    if let [one] = tokens
        && PRONOUNS.contains(&one.lower.as_str())
    {
        return true;
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
mod tests {
    use super::*;
    use crate::extract::text::sentences;

    fn claimant(text: &str) -> Option<(String, &'static str)> {
        let s = &sentences(text)[0];
        find(text, s).map(|sp| {
            (
                s.slice(text, sp.claimant.0, sp.claimant.1 - 1).to_owned(),
                sp.category,
            )
        })
    }

    #[test]
    fn claimants_before_after_and_according_to() {
        assert_eq!(
            claimant("The Tajik military maintains, however, that its towns were shelled."),
            Some(("The Tajik military".into(), "declaration"))
        );
        assert_eq!(
            claimant("Authorities in Bishkek continue to accuse Dushanbe of lying."),
            Some(("Authorities in Bishkek".into(), "accusation"))
        );
        assert_eq!(
            claimant("\u{201C}We were attacked,\u{201D} said Colonel Aziz Karimov, a spokesman."),
            Some(("Colonel Aziz Karimov".into(), "declaration"))
        );
        assert_eq!(
            claimant("According to the Indian Army, two soldiers died."),
            Some(("the Indian Army".into(), "declaration"))
        );
        assert_eq!(
            claimant("On Monday, Kyrgyzstan declared that militants had crossed."),
            Some(("Kyrgyzstan".into(), "declaration"))
        );
        assert_eq!(
            claimant("This weekend, Russian President Vladimir Putin appealed to both sides."),
            Some(("Russian President Vladimir Putin".into(), "appeal"))
        );
        assert_eq!(
            claimant("The UN called for restraint."),
            Some(("The UN".into(), "appeal"))
        );
    }

    #[test]
    fn claimants_are_trimmed_of_openers_and_verbs() {
        assert_eq!(
            claimant("Late on Thursday the two foreign ministries said talks would go on."),
            Some(("the two foreign ministries".into(), "declaration"))
        );
        assert_eq!(
            claimant("And Kyrgyz officials said the road was shut."),
            Some(("Kyrgyz officials".into(), "declaration"))
        );
        assert_eq!(
            claimant("He called the move an encroachment and said troops must leave.").map(|c| c.0),
            Some("He".into())
        );
        // "told" names the listener after it, never the speaker.
        let told = "\u{201C}We will respond,\u{201D} told a session of the council.";
        assert_eq!(claimant(told), None);
    }

    #[test]
    fn a_subject_set_off_by_an_apposition() {
        assert_eq!(
            claimant("Ataullah Zaid, a spokesman for the governor, said two were killed."),
            Some((
                "Ataullah Zaid, a spokesman for the governor".into(),
                "declaration"
            ))
        );
        assert_eq!(
            claimant("Another resident, Mohammad Qasim, called the strikes cruel and said more."),
            Some(("Another resident, Mohammad Qasim".into(), "declaration"))
        );
        // A clause of its own between the commas is no apposition.
        assert_eq!(
            claimant("The village, which was shelled, said nothing."),
            None
        );
    }

    #[test]
    fn footage_and_pronouns() {
        let text = "Videos on social media appear to show a bloodbath.";
        assert_eq!(
            claimant(text),
            Some(("Videos on social media".into(), "footage"))
        );
        let s = &sentences("He said the talks failed.")[0];
        assert!(find("He said the talks failed.", s).unwrap().pronoun);
    }

    #[test]
    fn sentences_without_speech() {
        assert_eq!(claimant("Shelling hit the village of Ak-Sai."), None);
        assert_eq!(claimant("The called meeting was short."), None);
    }
}
