//! Whose account a claim is: the countries an article names (from the
//! table `countries.tsv`: each UN member state's name, adjective, capital
//! and other names) and the international bodies it names. The two
//! countries an article names most, counting twice those named beside
//! fighting or the border, are its parties; each is a side whose id is
//! its adjective ("kyrgyz", "tajik"). Any other country or an
//! international body is a `third_party`; footage, witnesses and the
//! press are `neutral`; a claimant naming none of these gets the side
//! `undetermined`, flagged for review.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::text::{Sentence, Token};

/// One row of the countries table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// English short name.
    pub name: String,
    /// Adjective ("Kyrgyz"); its lower-case form is the side id.
    pub adjective: String,
    /// Capital.
    pub capital: String,
    /// ISO 3166-1 alpha-2 code, as GeoNames writes a place's country.
    pub iso2: String,
}

impl Country {
    /// The side id: the adjective in lower case, spaces as `_`.
    pub fn side_id(&self) -> String {
        self.adjective.to_lowercase().replace([' ', '-'], "_")
    }
}

/// The countries table with every form of every name.
pub struct Countries {
    rows: Vec<Country>,
    forms: HashMap<String, usize>,
    /// The first words of the forms of several words.
    first_words: HashSet<String>,
    longest: usize,
}

/// International bodies: a claimant naming one speaks as a third party.
const BODIES: &[&str] = &[
    "UN",
    "U.N",
    "United Nations",
    "Security Council",
    "OSCE",
    "EU",
    "European Union",
    "NATO",
    "CSTO",
    "African Union",
    "AU",
    "ICRC",
    "Red Cross",
    "SCO",
    "Shanghai Cooperation Organization",
    "IGAD",
    "ASEAN",
    "Arab League",
    "Human Rights Watch",
    "Amnesty International",
    "UNHCR",
    "World Bank",
    "IMF",
    "Kremlin",
    "Pentagon",
    "White House",
];

/// Claimants that speak for no side: what was filmed, seen or reported.
const NEUTRAL_WORDS: &[&str] = &[
    "video",
    "videos",
    "footage",
    "images",
    "photos",
    "photographs",
    "witnesses",
    "witness",
    "observers",
    "analysts",
    "experts",
    "journalists",
    "reporters",
    "media",
    "press",
    "reports",
    "satellite",
];

impl Countries {
    /// The table compiled into the binary.
    pub fn bundled() -> &'static Countries {
        static TABLE: OnceLock<Countries> = OnceLock::new();
        TABLE.get_or_init(|| Countries::parse(include_str!("countries.tsv")))
    }

    /// Parses `name|adjective|capital|other,names|iso2` lines (`#` comments).
    pub fn parse(text: &str) -> Countries {
        let mut rows = Vec::new();
        let mut forms = HashMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('|').collect();
            let [name, adjective, capital, others, iso2] = cols[..] else {
                continue;
            };
            let index = rows.len();
            rows.push(Country {
                name: name.to_owned(),
                adjective: adjective.to_owned(),
                capital: capital.to_owned(),
                iso2: iso2.to_owned(),
            });
            let all = [name, adjective, capital]
                .into_iter()
                .chain(others.split(',').map(str::trim));
            for form in all.filter(|f| !f.is_empty()) {
                forms.entry(form.to_owned()).or_insert(index);
            }
        }
        let longest = forms
            .keys()
            .map(|f| f.split(' ').count())
            .max()
            .unwrap_or(1);
        let first_words = forms
            .keys()
            .filter_map(|f| f.split_once(' ').map(|(first, _)| first.to_owned()))
            .collect();
        Countries {
            rows,
            forms,
            first_words,
            longest,
        }
    }

    /// The country at `index`.
    pub fn get(&self, index: usize) -> Option<&Country> {
        self.rows.get(index)
    }

    /// The countries named in tokens `from..to` of `s` (each name,
    /// adjective, capital or other name; "Kyrgyz-Tajik" names both), as
    /// (token index, country index).
    pub fn named_in(
        &self,
        text: &str,
        s: &Sentence,
        from: usize,
        to: usize,
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let to = to.min(s.tokens.len());
        let mut words = String::new();
        let mut i = from;
        while i < to {
            let first = raw(text, &s.tokens[i]);
            let mut matched = 0;
            // Names of several words are tried, longest first, only from a
            // word that begins one.
            if self.first_words.contains(first) {
                for len in (2..=self.longest.min(to - i)).rev() {
                    words.clear();
                    words.push_str(first);
                    for t in &s.tokens[i + 1..i + len] {
                        words.push(' ');
                        words.push_str(raw(text, t));
                    }
                    if let Some(&c) = self.forms.get(words.as_str()) {
                        out.push((i, c));
                        matched = len;
                        break;
                    }
                }
            }
            if matched == 0 {
                match self.forms.get(first) {
                    Some(&c) => out.push((i, c)),
                    None => {
                        for part in first.split('-') {
                            if let Some(&c) = self.forms.get(part) {
                                out.push((i, c));
                            }
                        }
                    }
                }
                matched = 1;
            }
            i += matched;
        }
        out
    }

    /// Whether tokens `from..to` name an international body.
    pub fn names_body(text: &str, s: &Sentence, from: usize, to: usize) -> bool {
        let span = s.slice(text, from, to.saturating_sub(1));
        BODIES.iter().any(|b| {
            span.match_indices(b).any(|(at, _)| {
                let before = span[..at].chars().next_back();
                let after = span[at + b.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    }
}

/// A token's text as written, a possessive dropped.
pub fn raw<'a>(text: &'a str, t: &Token) -> &'a str {
    let w = text.get(t.start..t.end).unwrap_or("");
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

/// The parties of an article: at most two countries, the most named
/// (a name in a sentence about fighting or the border counts twice);
/// the second needs two mentions.
pub fn parties(counts: &HashMap<usize, usize>) -> Vec<usize> {
    let mut ranked: Vec<(usize, usize)> = counts.iter().map(|(&c, &n)| (c, n)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .enumerate()
        .filter(|(rank, (_, n))| *rank == 0 || *rank == 1 && *n >= 2)
        .map(|(_, (c, _))| c)
        .collect()
}

/// Whose account a claimant's words are, and the rule that decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    /// One of the parties (the country index).
    Party(usize),
    /// Another country or an international body.
    ThirdParty,
    /// Footage, witnesses, the press.
    Neutral,
    /// Nothing in the words tells.
    Undetermined,
}

/// The sides a claimant (tokens `from..to` of `s`) speaks for: one per
/// party it names ("the governments in Bishkek and Dushanbe" speak for
/// both), else a third party, neutral, or undetermined.
pub fn of_claimant(
    countries: &Countries,
    parties: &[usize],
    text: &str,
    s: &Sentence,
    from: usize,
    to: usize,
) -> Vec<Side> {
    let named = countries.named_in(text, s, from, to);
    let mut sides: Vec<Side> = Vec::new();
    for (_, c) in &named {
        if parties.contains(c) && !sides.contains(&Side::Party(*c)) {
            sides.push(Side::Party(*c));
        }
    }
    if !sides.is_empty() {
        return sides;
    }
    if !named.is_empty() || Countries::names_body(text, s, from, to) {
        return vec![Side::ThirdParty];
    }
    let neutral = s.tokens[from..to.min(s.tokens.len())]
        .iter()
        .any(|t| NEUTRAL_WORDS.contains(&t.lower.as_str()));
    vec![if neutral {
        Side::Neutral
    } else {
        Side::Undetermined
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::sentences;

    #[test]
    fn the_table_reads_every_form() {
        let c = Countries::bundled();
        let text = "Kyrgyz officials in Bishkek and the Tajik-Uzbek line near New Delhi.";
        let s = &sentences(text)[0];
        let named: Vec<&str> = c
            .named_in(text, s, 0, s.tokens.len())
            .iter()
            .map(|(_, i)| c.get(*i).unwrap().name.as_str())
            .collect();
        assert_eq!(
            named,
            [
                "Kyrgyzstan",
                "Kyrgyzstan",
                "Tajikistan",
                "Uzbekistan",
                "India"
            ]
        );
        assert_eq!(c.get(c.forms["Kyrgyz"]).unwrap().side_id(), "kyrgyz");
    }

    #[test]
    fn claimants_get_the_side_they_name() {
        let c = Countries::bundled();
        let text =
            "The Tajik military, Russian President Putin, videos on social media and Mr Ali.";
        let s = &sentences(text)[0];
        let tj = c.forms["Tajikistan"];
        let kg = c.forms["Kyrgyzstan"];
        let parties = [kg, tj];
        let side = |from, to| of_claimant(c, &parties, text, s, from, to);
        assert_eq!(side(0, 3), [Side::Party(tj)]);
        assert_eq!(side(3, 6), [Side::ThirdParty]);
        assert_eq!(side(6, 10), [Side::Neutral]);
        assert_eq!(side(11, 13), [Side::Undetermined]);
    }

    #[test]
    fn parties_are_the_two_most_named() {
        let counts = HashMap::from([(1, 9), (2, 7), (3, 1)]);
        assert_eq!(parties(&counts), [1, 2]);
        assert_eq!(parties(&HashMap::from([(1, 9), (2, 1)])), [1]);
    }
}
