//! Tolls and counts as stated: a quantity ("at least 31", "nearly 100",
//! "hundreds", "136,000", "two") tied to a word of killing, wounding,
//! evacuating or fleeing nearby. Each figure keeps the words and the
//! numbers they allow:
//!
//! | words | low | high |
//! |---|---|---|
//! | N, "N people" | N | N |
//! | "at least N", "no fewer than N" | N | none |
//! | "more than N", "over N" | N + 1 | none |
//! | "nearly N", "almost N" | 0.9 N | N |
//! | "about/around/some/roughly/approximately N" | 0.9 N | 1.1 N |
//! | "up to N", "as many as N" | none | N |
//! | "fewer than N", "less than N" | 0 | N − 1 |
//! | "a dozen" | 12 | 12 |
//! | "dozens" | 24 | 99 |
//! | "scores" | 40 | 199 |
//! | "hundreds" | 200 | 999 |
//! | "thousands" | 2,000 | 9,999 |
//! | "tens of thousands" | 20,000 | 99,999 |
//! | "several" | 3 | 9 |
//! | "a few" | 2 | 5 |
//! | "a" / "an" / "one" before a singular noun | 1 | 1 |
//!
//! "Casualties" (killed or wounded?) gives no figure.

use crate::data::event::{Figure, Figures};
use crate::data::number_words::leading_number;

use super::text::Sentence;

/// Which count a word reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Count {
    Killed,
    Injured,
    Evacuated,
    Displaced,
}

/// The count a word (after the quantity) reports.
fn count_word(w: &str) -> Option<Count> {
    Some(match w {
        "killed" | "died" | "dead" | "deaths" | "dying" | "fatalities" | "perished" | "lives" => {
            Count::Killed
        }
        "wounded" | "injured" | "injuries" | "hurt" | "injuring" | "wounding" => Count::Injured,
        "evacuated" | "evacuating" => Count::Evacuated,
        "displaced" | "fled" | "refugees" | "flee" | "uprooted" => Count::Displaced,
        _ => return None,
    })
}

/// A verb that takes the quantity after it ("killing 12", "evacuated
/// 136,000 residents").
fn count_verb(w: &str) -> Option<Count> {
    Some(match w {
        "killing" | "killed" | "kill" => Count::Killed,
        "wounding" | "injuring" | "wounded" | "injured" => Count::Injured,
        "evacuated" | "evacuating" | "evacuate" => Count::Evacuated,
        "displaced" | "displacing" | "uprooted" => Count::Displaced,
        _ => return None,
    })
}

/// A quantity starting at token `i`: its numbers and the index past it.
fn quantity(s: &Sentence, i: usize) -> Option<(Option<f64>, Option<f64>, usize)> {
    let w = |k: usize| s.tokens.get(k).map_or("", |t| t.lower.as_str());
    let (modifier, at) = match (w(i), w(i + 1)) {
        ("at", "least") => ("least", i + 2),
        ("no", "fewer" | "less") if w(i + 2) == "than" => ("least", i + 3),
        ("more", "than") => ("more", i + 2),
        ("over", _) => ("more", i + 1),
        ("nearly" | "almost", _) => ("nearly", i + 1),
        ("about" | "around" | "some" | "roughly" | "approximately", _) => ("about", i + 1),
        ("up", "to") => ("upto", i + 2),
        ("as", "many") if w(i + 2) == "as" => ("upto", i + 3),
        ("fewer" | "less", "than") => ("fewer", i + 2),
        _ => ("", i),
    };
    let vague = match (w(at), w(at + 1), w(at + 2)) {
        ("tens", "of", "thousands") => Some((20_000.0, 99_999.0, 3)),
        ("a", "dozen", _) => Some((12.0, 12.0, 2)),
        ("dozens", ..) => Some((24.0, 99.0, 1)),
        ("scores", ..) => Some((40.0, 199.0, 1)),
        ("hundreds", ..) => Some((200.0, 999.0, 1)),
        ("thousands", ..) => Some((2_000.0, 9_999.0, 1)),
        ("several", ..) => Some((3.0, 9.0, 1)),
        ("a", "few", _) => Some((2.0, 5.0, 2)),
        _ => None,
    };
    if let Some((low, high, used)) = vague {
        return Some((Some(low), Some(high), at + used));
    }
    let words: Vec<&str> = (at..at + 4).map(w).collect();
    let singular = matches!(words[0], "a" | "an" | "one")
        && !words[1].ends_with('s')
        && words[1].chars().all(char::is_alphabetic);
    let (n, used) = match leading_number(&words) {
        Some((v, u)) if !(singular && u == 1) => (v, u),
        // "one soldier", "a civilian": one, with its noun.
        _ if singular => (1.0, 2),
        _ => return None,
    };
    // A year ("in 2014, 50 people died") counts nothing.
    let year_like = used == 1
        && words[0].len() == 4
        && (1800.0..=2100.0).contains(&n)
        && matches!(
            w(i.wrapping_sub(1)),
            "in" | "since" | "of" | "by" | "until" | "during"
        );
    if year_like {
        return None;
    }
    let (low, high) = match modifier {
        "least" => (Some(n), None),
        "more" => (Some(n + 1.0), None),
        "nearly" => (Some((n * 0.9).round()), Some(n)),
        "about" => (Some((n * 0.9).round()), Some((n * 1.1).round())),
        "upto" => (None, Some(n)),
        "fewer" => (Some(0.0), Some((n - 1.0).max(0.0))),
        _ => (Some(n), Some(n)),
    };
    Some((low, high, at + used))
}

/// The figures stated in sentence `s`, each with its words.
pub fn find(text: &str, s: &Sentence) -> Figures {
    let mut figures = Figures::default();
    let n = s.tokens.len();
    let mut i = 0;
    while i < n {
        let Some((low, high, past)) = quantity(s, i) else {
            i += 1;
            continue;
        };
        // "hundreds more": the "more" belongs to the figure's words.
        let past = if s.tokens.get(past).is_some_and(|t| t.lower == "more") {
            past + 1
        } else {
            past
        };
        // What it counts: a count word within the next six words, no
        // other number between; or a verb just before it.
        let after = (past..(past + 7).min(n))
            .take_while(|&k| quantity(s, k).is_none_or(|(l, h, _)| l == h && l == Some(1.0)))
            .find_map(|k| count_word(&s.tokens[k].lower).map(|c| (c, k)));
        let before = i
            .checked_sub(1)
            .and_then(|k| count_verb(&s.tokens[k].lower));
        let count = before.or(after.map(|(c, _)| c));
        if let Some(c) = count {
            let figure = Figure {
                as_stated: s.slice(text, i, past - 1).to_owned(),
                low,
                high,
            };
            let slot = match c {
                Count::Killed => &mut figures.killed,
                Count::Injured => &mut figures.injured,
                Count::Evacuated => &mut figures.evacuated,
                Count::Displaced => &mut figures.displaced,
            };
            if slot.is_none() {
                *slot = Some(Box::new(figure));
            }
        }
        i = past.max(i + 1);
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::sentences;

    fn figures(text: &str) -> Figures {
        find(text, &sentences(text)[0])
    }

    fn f(as_stated: &str, low: Option<f64>, high: Option<f64>) -> Option<Box<Figure>> {
        Some(Box::new(Figure {
            as_stated: as_stated.into(),
            low,
            high,
        }))
    }

    #[test]
    fn the_bundled_articles_figures() {
        let got =
            figures("Nearly 100 people died and hundreds more suffered injuries when it erupted.");
        assert_eq!(got.killed, f("Nearly 100", Some(90.0), Some(100.0)));
        assert_eq!(got.injured, f("hundreds more", Some(200.0), Some(999.0)));
        let got = figures("Kyrgyz officials evacuated 136,000 residents from the area.");
        assert_eq!(
            got.evacuated,
            f("136,000", Some(136_000.0), Some(136_000.0))
        );
        let got = figures("In May of last year at least 54 people died in fighting.");
        assert_eq!(got.killed, f("at least 54", Some(54.0), None));
    }

    #[test]
    fn modifiers_and_vague_quantities() {
        assert_eq!(
            figures("More than 150 were wounded.").injured,
            f("More than 150", Some(151.0), None)
        );
        assert_eq!(
            figures("Dozens of soldiers were killed.").killed,
            f("Dozens", Some(24.0), Some(99.0))
        );
        assert_eq!(
            figures("Two soldiers were killed.").killed,
            f("Two", Some(2.0), Some(2.0))
        );
        assert_eq!(
            figures("Ten civilians were injured.").injured,
            f("Ten", Some(10.0), Some(10.0))
        );
        assert_eq!(
            figures("Tens of thousands fled their homes.").displaced,
            f("Tens of thousands", Some(20_000.0), Some(99_999.0))
        );
        assert_eq!(
            figures("The shelling killed 12.").killed,
            f("12", Some(12.0), Some(12.0))
        );
        assert_eq!(
            figures("A soldier was killed.").killed,
            f("A soldier", Some(1.0), Some(1.0))
        );
        assert_eq!(
            figures("Up to 20 were hurt.").injured,
            f("Up to 20", None, Some(20.0))
        );
    }

    #[test]
    fn numbers_that_count_nothing_are_not_figures() {
        assert_eq!(
            figures("Since 2014 there have been 11 major conflicts."),
            Figures::default()
        );
        assert_eq!(
            figures("There were casualties among 40 soldiers."),
            Figures::default()
        );
    }
}
