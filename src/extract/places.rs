//! Places named in a sentence: gazetteer names (every spelling and
//! script, one slip allowed beside a place word), "near (the village of)
//! X" (within 25 km, the schema's `near`), "in the X region / province /
//! oblast" (region level, with the radius [`PlaceIndex::region_km`]
//! measures), "the X district" (district level), "the X border" (along the
//! border, no point). A name in such a place phrase that the gazetteer
//! does not know is kept as words with no point, flagged for review.

use crate::data::event::LocationPrecision;

use super::gazetteer_index::PlaceIndex;
use super::sides::{Countries, raw};
use super::text::Sentence;

/// The radius of "near X", in kilometres (the schema's `near`).
pub const NEAR_KM: f64 = 25.0;

/// A place named in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMention {
    /// Token range `from..to` of the words that name it.
    pub tokens: (usize, usize),
    /// The words, as written.
    pub text: String,
    /// The gazetteer place, when known.
    pub place: Option<usize>,
    /// How exactly it is placed.
    pub precision: LocationPrecision,
    /// Radius of uncertainty, when vague.
    pub uncertainty_km: Option<f64>,
    /// The rule that found it.
    pub rule: &'static str,
    /// Whether it is a capital (where statements are made).
    pub capital: bool,
}

const REGION: &[&str] = &[
    "region",
    "province",
    "oblast",
    "governorate",
    "state",
    "prefecture",
];
const DISTRICT: &[&str] = &["district", "county", "rayon", "raion", "municipality"];
const SETTLEMENT: &[&str] = &[
    "village",
    "villages",
    "town",
    "city",
    "settlement",
    "hamlet",
    "valley",
    "area",
];

/// Words that open a sentence capitalised and begin no place's name.
const OPENING: &[&str] = &[
    "in",
    "on",
    "at",
    "from",
    "near",
    "after",
    "before",
    "during",
    "since",
    "across",
    "along",
    "outside",
    "inside",
    "and",
    "but",
    "meanwhile",
    "while",
    "when",
    "as",
    "for",
    "with",
    "to",
];

/// The words around a run of capitalised words that say it is a place.
struct Cues {
    region: bool,
    district: bool,
    near: bool,
    place_word: bool,
    country: bool,
    /// A country's capital ("Kabul said"): the government speaking, and a
    /// place.
    capital: bool,
    /// A title before it or a verb of saying after it: a person's name.
    person: bool,
}

/// Titles that stand before a person's name.
const TITLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "general",
    "gen",
    "colonel",
    "col",
    "commander",
    "secretary-general",
    "premier",
    "mr",
    "ms",
    "mrs",
    "dr",
    "counterpart",
    "ambassador",
    "envoy",
];

fn cues(text: &str, s: &Sentence, i: usize, end: usize, countries: &Countries) -> Cues {
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    let next = w(end);
    let before = |words: &[&str]| {
        i >= words.len()
            && words
                .iter()
                .enumerate()
                .all(|(k, x)| w(i - words.len() + k) == *x)
    };
    let region = REGION.contains(&next);
    let district = DISTRICT.contains(&next);
    let near = before(&["near"])
        || before(&["outside"])
        || before(&["near", "the", "village", "of"])
        || before(&["outskirts", "of"])
        || before(&["close", "to"]);
    let of_settlement = i >= 2 && w(i - 1) == "of" && SETTLEMENT.contains(&w(i - 2));
    let named = countries.named_in(text, s, i, i + 1);
    let is_capital = |c: usize| {
        countries
            .get(c)
            .is_some_and(|c| c.capital == raw(text, &s.tokens[i]))
    };
    let capital = end == i + 1 && named.iter().any(|&(_, c)| is_capital(c));
    let person = !capital
        && (i > 0 && TITLES.contains(&w(i - 1))
            || matches!(
                next,
                "said" | "says" | "told" | "added" | "urged" | "warned"
            ));
    Cues {
        region,
        district,
        near,
        place_word: region || district || near || of_settlement || SETTLEMENT.contains(&next),
        // A country's name or adjective, not its capital (a place).
        country: named.iter().any(|&(_, c)| !is_capital(c)),
        capital,
        person,
    }
}

/// The longest known name in tokens `i..end`: its place, where it ends
/// and the rule that found it.
fn known_name(
    text: &str,
    s: &Sentence,
    (i, end): (usize, usize),
    index: &PlaceIndex,
    cue: &Cues,
    prefer: &[&str],
) -> Option<(usize, usize, &'static str)> {
    for to in (i + 1..=end).rev() {
        let words: Vec<&str> = s.tokens[i..to].iter().map(|t| raw(text, t)).collect();
        let name = words.join(" ");
        // A division of the world, when the words name one ("Surin province").
        if (cue.region || cue.district)
            && to == end
            && index.exact(&name).is_none()
            && let Some((seat, _)) = index.division(&name, prefer)
        {
            return Some((seat, to, "place:division"));
        }
        let world_ok = cue.capital || !cue.person && !cue.country && (i > 0 || cue.place_word);
        let found = if world_ok {
            index.find(&name, prefer)
        } else {
            index.exact(&name)
        };
        if let Some(p) = found {
            return Some((p, to, "place:gazetteer"));
        }
        if cue.place_word
            && to == end
            && let Some(p) = index.one_slip(&name)
        {
            return Some((p, to, "place:gazetteer-slip"));
        }
    }
    None
}

/// The places named in `s`; world places in the `prefer`red countries
/// (ISO alpha-2: the article's parties) rank first.
pub fn find(
    text: &str,
    s: &Sentence,
    index: &PlaceIndex,
    countries: &Countries,
    prefer: &[&str],
) -> Vec<PlaceMention> {
    let n = s.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !s.tokens[i].capital || is_date_word(&s.tokens[i].lower) {
            i += 1;
            continue;
        }
        // A preposition or conjunction opening a sentence ("In Dushanbe,
        // …") is no part of a name.
        if i == 0 && OPENING.contains(&s.tokens[i].lower.as_str()) {
            i += 1;
            continue;
        }
        // A run of capitalised words, at most three.
        let mut end = i + 1;
        while end < n && end - i < 3 && s.tokens[end].capital && !gap_has_punct(text, s, end - 1) {
            end += 1;
        }
        let cue = cues(text, s, i, end, countries);
        let found = known_name(text, s, (i, end), index, &cue, prefer);
        match mention(text, s, (i, end), index, &cue, found) {
            Some(m) => {
                i = m.tokens.1.max(i + 1);
                out.push(m);
            }
            None => i = end,
        }
    }
    out
}

/// The mention of tokens `i..end`, placed when `found`, kept as words in
/// a place phrase, else none.
fn mention(
    text: &str,
    s: &Sentence,
    (i, end): (usize, usize),
    index: &PlaceIndex,
    cue: &Cues,
    found: Option<(usize, usize, &'static str)>,
) -> Option<PlaceMention> {
    if cue.country && found.is_none() {
        return None;
    }
    let to = found.map_or(end, |(_, to, _)| to);
    let suffix = usize::from((cue.region || cue.district) && to == end);
    let words = s.slice(text, i, to - 1 + suffix).to_owned();
    let Some((p, _, rule)) = found else {
        return (cue.place_word && !cue.person).then(|| PlaceMention {
            tokens: (i, to + suffix),
            text: words,
            place: None,
            precision: precision_of(cue),
            uncertainty_km: None,
            rule: "place:unknown",
            capital: false,
        });
    };
    let capital = index.place(p).is_some_and(|pl| pl.is_capital());
    // A region or district is never narrower than "near" its seat (a seat
    // the gazetteer lists no other place around measures 0 km).
    let at_least_near = |r: f64| r.max(NEAR_KM);
    let (precision, radius) = if cue.region && suffix == 1 {
        (
            LocationPrecision::Region,
            index.region_km(p).map(at_least_near),
        )
    } else if cue.district && suffix == 1 {
        (
            LocationPrecision::District,
            index
                .district_km(p)
                .or(index.region_km(p))
                .map(at_least_near),
        )
    } else if cue.near {
        (LocationPrecision::Near, Some(NEAR_KM))
    } else {
        (LocationPrecision::Exact, None)
    };
    // A region or district the gazetteer has no seat for: no point.
    let unseated = (cue.region || cue.district) && suffix == 1 && radius.is_none();
    Some(PlaceMention {
        tokens: (i, to + suffix),
        text: words,
        place: (!unseated).then_some(p),
        precision,
        uncertainty_km: radius,
        rule: if unseated {
            "place:region-unknown"
        } else {
            rule
        },
        capital,
    })
}

fn precision_of(cue: &Cues) -> LocationPrecision {
    if cue.region {
        LocationPrecision::Region
    } else if cue.district {
        LocationPrecision::District
    } else if cue.near {
        LocationPrecision::Near
    } else {
        LocationPrecision::Exact
    }
}

/// Whether punctuation stands between token `k` and the next.
fn gap_has_punct(text: &str, s: &Sentence, k: usize) -> bool {
    let end = s.tokens[k].end;
    let next = s.tokens.get(k + 1).map_or(end, |t| t.start);
    text.get(end..next)
        .is_some_and(|g| g.chars().any(|c| !c.is_whitespace()))
}

/// Weekdays and months are capitalised but name no place.
fn is_date_word(w: &str) -> bool {
    crate::data::dates::clock::weekday(w).is_some()
        || crate::data::dates::clock::month(w).is_some_and(|_| w.len() > 3 || w == "may")
}

/// "the Kyrgyz-Tajik border", "along the border": the words naming a
/// border in `s`, from the adjective or article before "border".
pub fn border(text: &str, s: &Sentence) -> Option<String> {
    let k = s
        .tokens
        .iter()
        .position(|t| t.lower == "border" || t.lower == "frontier")?;
    let mut from = k;
    while from > 0 && k - from < 3 && !gap_has_punct(text, s, from - 1) {
        let prev = s.tokens[from - 1].lower.as_str();
        if !(s.tokens[from - 1].capital
            || matches!(prev, "the" | "shared" | "their" | "disputed" | "common"))
        {
            break;
        }
        from -= 1;
    }
    Some(s.slice(text, from, k).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::geodata::GeoData;
    use crate::extract::text::sentences;

    fn mentions(text: &str) -> Vec<(String, Option<String>, LocationPrecision, &'static str)> {
        let geo = GeoData::bundled().unwrap();
        let index = PlaceIndex::new(&geo.places);
        let s = &sentences(text)[0];
        find(text, s, &index, Countries::bundled(), &[])
            .into_iter()
            .map(|m| {
                let name = m.place.map(|p| index.place(p).unwrap().name.clone());
                (m.text, name, m.precision, m.rule)
            })
            .collect()
    }

    #[test]
    fn region_with_a_slip_is_the_seat_with_its_radius() {
        let got = mentions("Troops entered villages in its Bakten region.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Bakten region");
        assert_eq!(got[0].1.as_deref(), Some("Batken"));
        assert_eq!(got[0].2, LocationPrecision::Region);
        assert_eq!(got[0].3, "place:gazetteer-slip");
    }

    #[test]
    fn near_a_village_and_unknown_names() {
        let got =
            mentions("Shells fell near the village of Vorukh and in the village of Zarnigor Tepa.");
        assert_eq!(got[0].1.as_deref(), Some("Vorukh"));
        assert_eq!(got[0].2, LocationPrecision::Near);
        assert_eq!(got[1].0, "Zarnigor Tepa");
        assert_eq!(got[1].1, None);
        assert_eq!(got[1].3, "place:unknown");
    }

    #[test]
    fn capitals_countries_and_cyrillic() {
        let got = mentions("Officials in Dushanbe said Kyrgyzstan shelled Баткен on Friday.");
        let names: Vec<Option<&str>> = got.iter().map(|m| m.1.as_deref()).collect();
        assert_eq!(names, [Some("Dushanbe"), Some("Batken")]);
        // Places outside the gazetteer are not guessed.
        assert!(
            mentions("Troops clashed in Galwan Valley in Ladakh.")
                .iter()
                .all(|m| m.1.is_none())
        );
        // A capital of the world is known anywhere.
        assert_eq!(
            mentions("Talks were held in Doha on Friday.")[0]
                .1
                .as_deref(),
            Some("Doha")
        );
        // A capital speaking is its government, and a place; a sentence's
        // opening preposition is no part of a name.
        assert_eq!(
            mentions("Kabul said it halted its operations.")[0]
                .1
                .as_deref(),
            Some("Kabul")
        );
        assert_eq!(
            mentions("In Dushanbe, the ministry said 35 had died.")[0]
                .1
                .as_deref(),
            Some("Dushanbe")
        );
    }

    #[test]
    fn borders_are_named_by_their_words() {
        let text = "Fighting spread along the Kyrgyz-Tajik border.";
        assert_eq!(
            border(text, &sentences(text)[0]).as_deref(),
            Some("the Kyrgyz-Tajik border")
        );
    }
}
