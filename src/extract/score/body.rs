//! Whether two claimants name the same body, for the strict scorer.
//!
//! A claimant is read into a [`Body`]:
//!
//! - **who it belongs to**: the countries it names (any form of the
//!   countries table: name, adjective, capital, other names) and the
//!   international organisations it names (the UN, the EU…);
//! - **the person**, if any: the capitalised words that are not a
//!   country, an organisation, a title or a function word ("Antonio
//!   Guterres"), compared by their last word (the surname);
//! - **the head noun**: the last noun of the phrase before "of", "in",
//!   "for", "to" or a comma, in the singular, with synonyms folded: every
//!   word for a government as a whole (government, authorities,
//!   officials, administration, leadership, side, state, and a bare
//!   country or capital, "Dushanbe" for the Tajik government) is
//!   `government`; army, military, forces, troops are `military`;
//!   words for one who speaks for a body (spokesman, spokesperson,
//!   representative, source) are dropped, so "foreign ministry spokesman
//!   Zhao" is the foreign ministry and Zhao;
//! - **its qualifiers**: the other content words ("health" in "health
//!   ministry", "foreign" and "affairs" in "Ministry of Foreign Affairs").
//!
//! Two claimants name the same body when
//!
//! 1. both name a person and the surnames agree; or, when only one or
//!    neither names a person,
//! 2. they belong to the same countries and organisations (both none
//!    counts as the same), their head nouns are equal (a claimant that is
//!    only a country, capital or organisation has the head `government`),
//!    and, when both have qualifiers, they share one ("foreign ministry"
//!    and "Ministry of Foreign Affairs" do; "health ministry" and
//!    "emergencies ministry" do not).
//!
//! A person with no body words ("Vladimir Putin") matches only a person.

use std::collections::BTreeSet;

use super::words::{
    FUNCTION_WORDS, GOVERNMENT, HEAD_END, MILITARY, ORGANISATIONS, SPEAKERS, TITLES,
};
use crate::extract::sides::Countries;
use crate::extract::text::sentences;

/// A claimant as the scorer compares it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    /// Countries (indices of the countries table) and organisations
    /// (their names in lower case) it names.
    pub owners: BTreeSet<String>,
    /// The person's surname in lower case, if it names one.
    pub surname: Option<String>,
    /// The folded head noun, if any.
    pub head: Option<String>,
    /// The other content words, lower case, folded.
    pub qualifiers: BTreeSet<String>,
}

/// Reads a claimant into a [`Body`].
pub fn read(claimant: &str) -> Body {
    let countries = Countries::bundled();
    // Parentheses hold the coder's clarification: read as words.
    let clean: String = claimant
        .chars()
        .map(|c| if matches!(c, '(' | ')') { ',' } else { c })
        .collect();
    let mut body = Body::default();
    for (name, id) in ORGANISATIONS {
        if contains_words(&clean, name) {
            body.owners.insert(format!("org:{id}"));
        }
    }
    let Some(s) = sentences(&clean).into_iter().next() else {
        return body;
    };
    let named = countries.named_in(&clean, &s, 0, s.tokens.len());
    let country_tokens: BTreeSet<usize> = named.iter().map(|(t, _)| *t).collect();
    for (_, c) in &named {
        body.owners.insert(format!("country:{c}"));
    }
    let org_words: BTreeSet<String> = ORGANISATIONS
        .iter()
        .flat_map(|(name, _)| name.split(' '))
        .map(str::to_lowercase)
        .collect();
    let mut names: Vec<String> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut head_part = true;
    for (k, t) in s.tokens.iter().enumerate() {
        let w = t.lower.trim_end_matches('.').to_owned();
        let gap_comma = k > 0
            && clean
                .get(s.tokens[k - 1].end..t.start)
                .is_some_and(|g| g.contains(','));
        if gap_comma && !words.is_empty() {
            head_part = false;
        }
        if country_tokens.contains(&k) || org_words.contains(&w) {
            continue;
        }
        if HEAD_END.contains(&w.as_str()) && !words.is_empty() {
            head_part = false;
        }
        if FUNCTION_WORDS.contains(&w.as_str()) || SPEAKERS.contains(&w.as_str()) {
            continue;
        }
        let titled = TITLES.contains(&w.as_str());
        // A name in the head part is a person's; after it ("Residents of
        // Ovchi-Kalacha") a place's, which qualifies the body.
        if t.capital && !titled && !is_common(&w) && head_part {
            names.push(w);
            continue;
        }
        if titled && !is_body_word(&w) {
            continue;
        }
        if head_part {
            words.push(w);
        } else {
            body.qualifiers.insert(fold(&w));
        }
    }
    body.surname = names.pop();
    if let Some(head) = words.pop() {
        body.head = Some(fold(&head));
    }
    body.qualifiers.extend(words.iter().map(|w| fold(w)));
    if body.head.is_none() && body.surname.is_none() && !body.owners.is_empty() {
        body.head = Some("government".into());
    }
    if let Some(h) = &body.head {
        body.qualifiers.remove(h);
    }
    body
}

/// Whether `a` and `b` name the same body (rules in the module's doc).
pub fn same_body(a: &str, b: &str) -> bool {
    let (x, y) = (read(a), read(b));
    same(&x, &y)
}

/// [`same_body`] on bodies already read.
pub fn same(x: &Body, y: &Body) -> bool {
    if let (Some(p), Some(q)) = (&x.surname, &y.surname) {
        return p == q;
    }
    let person_only = |b: &Body| b.surname.is_some() && b.head.is_none();
    if person_only(x) || person_only(y) {
        return false;
    }
    if x.owners != y.owners || x.head.is_none() || x.head != y.head {
        return false;
    }
    x.qualifiers.is_empty() || y.qualifiers.is_empty() || !x.qualifiers.is_disjoint(&y.qualifiers)
}

/// A word folded to its class: government and military synonyms, plurals
/// made singular, British and American spellings made one.
fn fold(w: &str) -> String {
    if GOVERNMENT.contains(&w) {
        return "government".into();
    }
    if MILITARY.contains(&w) {
        return "military".into();
    }
    let w = match w {
        "defense" => "defence",
        "ministries" => "ministry",
        "external" => "foreign",
        "mfa" => "foreign",
        other => other,
    };
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        return format!("{stem}y");
    }
    match w.strip_suffix('s') {
        Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_owned(),
        _ => w.to_owned(),
    }
}

/// Capitalised words that are body words, not names ("Ministry",
/// "Foreign", "Border").
fn is_common(w: &str) -> bool {
    is_body_word(w)
        || GOVERNMENT.contains(&w)
        || MILITARY.contains(&w)
        || FUNCTION_WORDS.contains(&w)
        || SPEAKERS.contains(&w)
        || TITLES.contains(&w)
        || matches!(
            w,
            "national"
                | "security"
                | "affairs"
                | "health"
                | "emergencies"
                | "emergency"
                | "situations"
                | "state"
                | "committee"
                | "border"
                | "guard"
                | "guards"
                | "service"
                | "office"
                | "residents"
                | "villagers"
                | "people"
                | "republic"
                | "general"
                | "staff"
                | "news"
                | "agency"
                | "media"
                | "police"
                | "command"
                | "headquarters"
                | "council"
                | "department"
                | "division"
                | "corps"
                | "war"
                | "public"
                | "relations"
                | "information"
        )
}

/// Nouns that name a body, even among titles ("foreign" is a title word in
/// "Foreign Minister", and a qualifier in "foreign ministry").
fn is_body_word(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "ministries"
            | "foreign"
            | "defence"
            | "defense"
            | "interior"
            | "minister"
            | "commander"
            | "command"
            | "chief"
    )
}

/// Whether `needle` stands in `hay` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_body_in_other_words() {
        let same = [
            ("Kyrgyzstan's health ministry", "The Kyrgyz health ministry"),
            (
                "Kyrgyz Health Ministry",
                "the health ministry of Kyrgyzstan",
            ),
            ("Dushanbe (the Tajik government)", "Dushanbe"),
            ("Tajikistan", "the Tajik government"),
            ("Kyrgyz officials", "Kyrgyzstan"),
            (
                "the Chinese foreign ministry",
                "Chinese Ministry of Foreign Affairs",
            ),
            (
                "Chinese foreign ministry spokesman Zhao Lijian",
                "Zhao Lijian",
            ),
            (
                "Chinese foreign ministry spokesman Zhao Lijian",
                "China's foreign ministry",
            ),
            (
                "U.N. Secretary-General Antonio Guterres",
                "Antonio Guterres",
            ),
            ("Russian President Vladimir Putin", "Putin"),
            ("The Indian Army", "Indian troops"),
            ("the Kyrgyz border service", "Kyrgyzstan's border service"),
            (
                "Residents of Ovchi-Kalacha (to Asia-Plus)",
                "Residents of Ovchi-Kalacha",
            ),
            (
                "Tajikistan's State Committee for National Security",
                "the Tajik security committee",
            ),
            ("Japarov's office", "Sadyr Japarov, President of Kyrgyzstan"),
            ("Authorities in Bishkek", "the Kyrgyz government"),
        ];
        for (a, b) in same {
            assert!(
                same_body(a, b),
                "{a:?} ~ {b:?}: {:?} {:?}",
                read(a),
                read(b)
            );
            assert!(same_body(b, a), "{b:?} ~ {a:?}");
        }
    }

    #[test]
    fn other_bodies() {
        let other = [
            ("Kyrgyz health ministry", "Kyrgyz emergencies ministry"),
            ("Kyrgyz foreign ministry", "Tajik foreign ministry"),
            ("Kyrgyzstan", "Tajikistan"),
            ("Russian President Vladimir Putin", "the Kremlin"),
            ("Russian President Vladimir Putin", "Russia"),
            ("the Indian Army", "the Indian foreign ministry"),
            ("and Kyrgyz officials", "Kyrgyz health ministry"),
            ("Residents of Ovchi-Kalacha", "Residents of Zumrad"),
            ("The border between the two", "Kyrgyzstan"),
            (
                "U.N. Secretary-General Antonio Guterres",
                "the UN Security Council",
            ),
        ];
        for (a, b) in other {
            assert!(
                !same_body(a, b),
                "{a:?} !~ {b:?}: {:?} {:?}",
                read(a),
                read(b)
            );
        }
    }
}
