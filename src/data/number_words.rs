//! Reading whole numbers written in figures or in English words, as news
//! reports write them: "136,000", "ten", "twenty-one", "two hundred",
//! "1.5 million", "a" / "an" (one).

/// English number words below twenty.
const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// English tens from twenty.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of one lower-case number word below a hundred ("seven",
/// "forty", "twenty-one"), or `None`.
pub fn word_value(word: &str) -> Option<u64> {
    if let Some(i) = SMALL.iter().position(|w| *w == word) {
        return u64::try_from(i).ok();
    }
    if let Some(i) = TENS.iter().position(|w| *w == word) {
        return u64::try_from(20 + 10 * i).ok();
    }
    let (tens, unit) = word.split_once('-')?;
    let t = TENS.iter().position(|w| *w == tens)?;
    let u = SMALL[1..10].iter().position(|w| *w == unit)?;
    u64::try_from(20 + 10 * t + u + 1).ok()
}

/// The multiplier a scale word stands for.
pub fn scale_value(word: &str) -> Option<u64> {
    match word {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        _ => None,
    }
}

/// A number written in figures: "54", "136,000", "1.5" (digits, with
/// thousands commas in threes, and at most one decimal point).
pub fn figures_value(text: &str) -> Option<f64> {
    let mut groups = text.split(',');
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 && text.contains(',') {
        return None;
    }
    let mut digits = String::from(first);
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    let valid = digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && digits.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && digits.as_bytes().last().is_some_and(u8::is_ascii_digit);
    if valid { digits.parse().ok() } else { None }
}

/// The value of a sequence of lower-case words that together write one
/// number ("two hundred", "ten", "1.5 million", "an"), and how many of the
/// words it used (at most four are read).
pub fn leading_number(words: &[&str]) -> Option<(f64, usize)> {
    let first = *words.first()?;
    let (mut value, mut used) = if let Some(v) = figures_value(first) {
        (v, 1)
    } else if let Some(v) = word_value(first) {
        (v as f64, 1)
    } else if first == "a" || first == "an" {
        // "a hundred", "a thousand": only with a scale word after it.
        let scale = words.get(1).and_then(|w| scale_value(w))?;
        return Some((scale as f64, 2));
    } else {
        return None;
    };
    while let Some(scale) = words.get(used).and_then(|w| scale_value(w)) {
        value *= scale as f64;
        used += 1;
        // "two hundred and fifty", "two hundred fifty"
        let rest = words.get(used..).unwrap_or_default();
        let skip = usize::from(rest.first() == Some(&"and"));
        if let Some(v) = rest
            .get(skip)
            .and_then(|w| word_value(w))
            .filter(|_| scale == 100)
        {
            value += v as f64;
            used += skip + 1;
        }
        if used >= 4 {
            break;
        }
    }
    Some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_with_thousands_commas() {
        assert_eq!(figures_value("136,000"), Some(136_000.0));
        assert_eq!(figures_value("54"), Some(54.0));
        assert_eq!(figures_value("1.5"), Some(1.5));
        assert_eq!(figures_value("1,50"), None);
        assert_eq!(figures_value("2022-09"), None);
        assert_eq!(figures_value("."), None);
    }

    #[test]
    fn words_and_compounds() {
        assert_eq!(word_value("ten"), Some(10));
        assert_eq!(word_value("twenty-one"), Some(21));
        assert_eq!(word_value("ninety-nine"), Some(99));
        assert_eq!(word_value("dozen"), None);
        assert_eq!(
            leading_number(&["two", "hundred", "people"]),
            Some((200.0, 2))
        );
        assert_eq!(
            leading_number(&["two", "hundred", "and", "fifty"]),
            Some((250.0, 4))
        );
        assert_eq!(leading_number(&["1.5", "million"]), Some((1_500_000.0, 2)));
        assert_eq!(leading_number(&["a", "thousand"]), Some((1000.0, 2)));
        assert_eq!(leading_number(&["a", "soldier"]), None);
        assert_eq!(leading_number(&["many"]), None);
    }
}
