//! Folding place names to a comparable Latin key: diacritics removed,
//! Cyrillic (Russian, Kyrgyz, Tajik letters) transliterated, and the
//! spelling differences common in news reports levelled.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Latin for one lower-case Cyrillic letter (after diacritics are removed,
/// so `ё`, `й`, `ӯ` arrive as `е`, `и`, `у`).
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'ғ' => "gh",
        'д' => "d",
        'е' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'ң' => "ng",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ү' => "u",
        'ф' => "f",
        'х' => "kh",
        'ҳ' => "h",
        'ц' => "ts",
        'ч' => "ch",
        'ҷ' => "j",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ъ' | 'ь' => "",
        _ => return None,
    })
}

/// Lower-case ASCII letters and digits only: diacritics stripped,
/// Cyrillic transliterated, other scripts, spaces and punctuation dropped.
pub fn latin(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if let Some(l) = cyrillic(c) {
            out.push_str(l);
        } else if c == 'ı' {
            out.push('i');
        }
    }
    out
}

/// Spelling differences between transliteration systems (Russian-style,
/// Uzbek/Tajik Latin, English press): each pair is rewritten left to right.
const LEVEL: [(&str, &str); 9] = [
    ("dzh", "j"),
    ("kh", "h"),
    ("x", "h"),
    ("q", "k"),
    ("gh", "g"),
    ("zh", "j"),
    ("w", "v"),
    ("iy", "i"),
    ("yy", "y"),
];

/// The comparison key: [`latin`], then spelling variants levelled and
/// doubled letters collapsed.
pub fn key(s: &str) -> String {
    let mut k = latin(s);
    for (from, to) in LEVEL {
        if k.contains(from) {
            k = k.replace(from, to);
        }
    }
    let mut out = String::with_capacity(k.len());
    for c in k.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_scripts_and_diacritics() {
        assert_eq!(latin("Баткен"), "batken");
        assert_eq!(latin("Ворух"), "vorukh");
        assert_eq!(latin("Qo‘qon"), "qoqon");
        assert_eq!(latin("Kök-Tash"), "koktash");
        assert_eq!(key("Ворух"), key("Vorukh"));
        assert_eq!(key("Qo‘qon"), key("Kokon"));
        assert_eq!(key("Isfara"), "isfara");
        assert_eq!(key("伊斯法納"), "");
    }
}
