//! Event words and the categories they propose. Categories are ids of the
//! bundled vocabulary where one fits (`armed_clash`, `shelling`,
//! `incursion`, `evacuation`, `displacement`, `return`, `ceasefire`,
//! `diplomacy`, `legal`, `context`), and two more for what it has no
//! id for: `destruction` (houses burned, looted, destroyed) and
//! `blockade` (roads or crossings blocked).
//!
//! A word is strong (it names the act: "shelled", "ceasefire") or weak
//! (it implies violence without naming it: "killed", "wounded",
//! "violence", "conflicts"); a weak word proposes an armed clash only
//! when no strong word of a violent category is in the sentence.

use super::text::Sentence;

/// One event word found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trigger {
    /// Token index of its (first) word.
    pub token: usize,
    /// The category it proposes.
    pub category: &'static str,
    /// Whether it names the act.
    pub strong: bool,
    /// The rule name (`incident:WORD`).
    pub rule: String,
}

/// Categories of violence, which a weak word gives way to.
pub const VIOLENT: &[&str] = &["armed_clash", "shelling", "incursion", "destruction"];

/// Words for the people who flee and return.
const PEOPLE: &[&str] = &[
    "residents",
    "villagers",
    "families",
    "people",
    "refugees",
    "displaced",
    "civilians",
    "inhabitants",
    "evacuees",
];

/// Whether `w` (lower case) is an event word on its own ("fighting",
/// "killings", "shelling"): what happened, never who speaks of it.
pub fn is_event_word(w: &str) -> bool {
    category(w, "", "").is_some()
}

/// The category of a word (and the word after it), with its strength.
fn category(w: &str, next: &str, next2: &str) -> Option<(&'static str, bool)> {
    let starts = |p: &str| w.starts_with(p);
    Some(match w {
        _ if starts("clash") || starts("skirmish") || starts("firefight") || starts("gunfight") => {
            ("armed_clash", true)
        }
        "fighting" | "fought" | "battle" | "battles" | "battled" | "gunfire" | "hostilities"
        | "ambush" | "ambushed" | "shootout" | "attacked" | "attack" | "attacks" => {
            ("armed_clash", true)
        }
        "exchanged" | "exchange" | "exchanges" | "opened" if next == "fire" || next2 == "fire" => {
            ("armed_clash", true)
        }
        _ if starts("shell") && w != "shell" => ("shelling", true),
        "artillery" | "mortar" | "mortars" | "rocket" | "rockets" | "missile" | "missiles"
        | "airstrike" | "airstrikes" | "bombed" | "bombing" | "bombardment" | "struck"
        | "drone" | "drones" | "weaponry" => ("shelling", true),
        "incursion" | "invasion" | "invaded" | "intrusion" | "occupied" | "seized" | "captured"
        | "transgression" | "encroachment" => ("incursion", true),
        "crossed" | "sent" | "entered" if matches!(next, "the" | "into" | "troops" | "border") => {
            ("incursion", true)
        }
        _ if starts("evacuat") => ("evacuation", true),
        "fled" | "flee" | "fleeing" | "displaced" | "refugees" => ("displacement", true),
        "leave" if next == "on" || next2.is_empty() => ("displacement", false),
        "returning" | "returned" | "return" if next == "home" => ("return", true),
        _ if starts("ceasefire")
            || starts("cease-fire")
            || starts("truce")
            || starts("armistice") =>
        {
            ("ceasefire", true)
        }
        "cessation" if next == "of" => ("ceasefire", true),
        "talks" | "negotiations" | "summit" | "met" | "meeting" | "signed" | "protocol"
        | "agreement" | "agreed" | "appointed" | "treaty" | "deal" => ("diplomacy", true),
        "court" | "ruled" | "ruling" | "banned" | "labeled" | "labelled" | "designated" => {
            ("legal", true)
        }
        "burned" | "burnt" | "torched" | "looted" | "destroyed" | "razed" | "demolished" => {
            ("destruction", true)
        }
        "blocked" | "blockade" | "blockaded" | "closed" if next != "to" => ("blockade", true),
        "killed" | "died" | "dead" | "wounded" | "injured" | "violence" | "casualties"
        | "fatalities" | "conflicts" | "bloodbath" => ("armed_clash", false),
        _ => return None,
    })
}

/// The event words of sentence `s` outside tokens `skip` (a claimant's
/// words), at most one per category (its first word).
pub fn find(s: &Sentence, skip: (usize, usize)) -> Vec<Trigger> {
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    let mut out: Vec<Trigger> = Vec::new();
    for k in 0..s.tokens.len() {
        if (skip.0..skip.1).contains(&k) {
            continue;
        }
        let Some((category, strong)) = category(w(k), w(k + 1), w(k + 2)) else {
            continue;
        };
        match out.iter_mut().find(|t| t.category == category) {
            Some(t) if t.strong || !strong => {}
            Some(t) => {
                t.strong = true;
                t.token = k;
                t.rule = format!("incident:{}", w(k));
            }
            None => out.push(Trigger {
                token: k,
                category,
                strong,
                rule: format!("incident:{}", w(k)),
            }),
        }
    }
    // People going back to where they fled from ("villagers returned to
    // Vorukh"), not troops or a body sent back.
    for k in 1..s.tokens.len() {
        let back = matches!(w(k), "returning" | "returned" | "return") && w(k + 1) == "to";
        let people = (k.saturating_sub(4)..k).any(|j| PEOPLE.contains(&w(j)));
        if back && people && !out.iter().any(|t| t.category == "return") {
            out.push(Trigger {
                token: k,
                category: "return",
                strong: true,
                rule: format!("incident:{}", w(k)),
            });
        }
    }
    let violent_strong = out
        .iter()
        .any(|t| t.strong && VIOLENT.contains(&t.category));
    let ceasefire = out.iter().any(|t| t.category == "ceasefire");
    out.retain(|t| t.strong || !violent_strong && t.category == "armed_clash");
    // A ceasefire agreed is the ceasefire, not a second, diplomatic event.
    out.retain(|t| !(ceasefire && t.category == "diplomacy"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::sentences;

    fn cats(text: &str) -> Vec<(&'static str, bool)> {
        find(&sentences(text)[0], (0, 0))
            .iter()
            .map(|t| (t.category, t.strong))
            .collect()
    }

    #[test]
    fn words_give_categories() {
        assert_eq!(
            cats("Border guards exchanged fire near the post."),
            [("armed_clash", true)]
        );
        assert_eq!(
            cats("Its towns were shelled from across the border."),
            [("shelling", true)]
        );
        assert_eq!(
            cats("Officials evacuated 136,000 residents."),
            [("evacuation", true)]
        );
        assert_eq!(
            cats("A ceasefire was agreed on Friday."),
            [("ceasefire", true)]
        );
        assert_eq!(
            cats("Houses were burned and the road was blocked."),
            [("destruction", true), ("blockade", true)]
        );
        assert_eq!(
            cats("Tajikistan sent troops into villages."),
            [("incursion", true)]
        );
    }

    #[test]
    fn a_return_is_of_people() {
        assert_eq!(
            cats("Most of the villagers have returned to Vorukh."),
            [("return", true)]
        );
        assert_eq!(cats("Families began returning home."), [("return", true)]);
        assert_eq!(cats("His body was returned to Goma."), []);
        assert_eq!(
            cats("Both sides agreed to return troops to their bases."),
            [("diplomacy", true)]
        );
    }

    #[test]
    fn weak_words_give_way_to_strong_ones() {
        assert_eq!(
            cats("Two soldiers were killed in the shelling."),
            [("shelling", true)]
        );
        assert_eq!(cats("Two soldiers were killed."), [("armed_clash", false)]);
        assert!(cats("The weather was fine.").is_empty());
    }
}
