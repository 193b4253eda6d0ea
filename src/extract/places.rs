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

/// The places named in `s`.
pub fn find(
    text: &str,
    s: &Sentence,
    index: &PlaceIndex,
    countries: &Countries,
) -> Vec<PlaceMention> {
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    let n = s.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        if !s.tokens[i].capital || is_date_word(w(i)) {
            i += 1;
            continue;
        }
        // A run of capitalised words, at most three.
        let mut end = i + 1;
        while end < n && end - i < 3 && s.tokens[end].capital && !gap_has_punct(text, s, end - 1) {
            end += 1;
        }
        let country = !countries.named_in(text, s, i, i + 1).is_empty();
        let next = w(end);
        let region = REGION.contains(&next);
        let district = DISTRICT.contains(&next);
        let before = |words: &[&str]| {
            i >= words.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(k, x)| w(i - words.len() + k) == *x)
        };
        let near = before(&["near"])
            || before(&["outside"])
            || before(&["near", "the", "village", "of"])
            || before(&["outskirts", "of"])
            || before(&["close", "to"]);
        let of_settlement = i >= 2 && w(i - 1) == "of" && SETTLEMENT.contains(&w(i - 2));
        let place_word = region || district || near || of_settlement || SETTLEMENT.contains(&next);
        // The longest known name in the run.
        let mut found: Option<(usize, usize, &'static str)> = None;
        for to in (i + 1..=end).rev() {
            let words: Vec<&str> = s.tokens[i..to].iter().map(|t| raw(text, t)).collect();
            let name = words.join(" ");
            if let Some(p) = index.exact(&name) {
                found = Some((p, to, "place:gazetteer"));
                break;
            }
            if place_word
                && to == end
                && let Some(p) = index.one_slip(&name)
            {
                found = Some((p, to, "place:gazetteer-slip"));
                break;
            }
        }
        if country && found.is_none() {
            i = end;
            continue;
        }
        let to = found.map_or(end, |(_, to, _)| to);
        let suffix = usize::from((region || district) && to == end);
        let words = s.slice(text, i, to - 1 + suffix).to_owned();
        let mention = match found {
            Some((p, _, rule)) => {
                let place = index.place(p);
                let capital = place.is_some_and(|pl| pl.is_capital());
                let (precision, radius) = if region && suffix == 1 {
                    (LocationPrecision::Region, index.region_km(p))
                } else if district && suffix == 1 {
                    (LocationPrecision::District, index.district_km(p))
                } else if near {
                    (LocationPrecision::Near, Some(NEAR_KM))
                } else {
                    (LocationPrecision::Exact, None)
                };
                // A region or district the gazetteer has no seat for: no point.
                let unseated = (region || district) && suffix == 1 && radius.is_none();
                PlaceMention {
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
                }
            }
            None if place_word && !country => PlaceMention {
                tokens: (i, to + suffix),
                text: words,
                place: None,
                precision: if region {
                    LocationPrecision::Region
                } else if district {
                    LocationPrecision::District
                } else if near {
                    LocationPrecision::Near
                } else {
                    LocationPrecision::Exact
                },
                uncertainty_km: None,
                rule: "place:unknown",
                capital: false,
            },
            None => {
                i = end;
                continue;
            }
        };
        i = mention.tokens.1.max(i + 1);
        out.push(mention);
    }
    out
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
        find(text, s, &index, Countries::bundled())
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
