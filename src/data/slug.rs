//! Ids made from names: a source's from its file or title, a vocabulary
//! term's from its label.

/// `text` as an id: its letters and digits lowercased (in any script), a
/// combining mark kept with the letter it follows, and every run of other
/// characters one `separator`, none at either end. `None` when the text
/// has no letter or digit.
///
/// "My Article (2)" → "my-article-2" with `'-'`; "Military Forces of
/// Kyrgyzstan (2021-)" → "military_forces_of_kyrgyzstan_2021" with `'_'`.
pub fn slug(text: &str, separator: char) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    // Whether a separator is owed before the next letter or digit.
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(separator);
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if unicode_normalization::char::is_combining_mark(c) && !gap && !out.is_empty() {
            out.push(c);
        } else {
            gap = true;
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn names_become_lowercase_words_joined_by_the_separator() {
        assert_eq!(
            slug("Military Forces of Kyrgyzstan (2021-)", '_').as_deref(),
            Some("military_forces_of_kyrgyzstan_2021")
        );
        assert_eq!(
            slug("Explosions/Remote violence", '_').as_deref(),
            Some("explosions_remote_violence")
        );
        assert_eq!(slug("My Article (2)", '-').as_deref(), Some("my-article-2"));
        assert_eq!(
            slug("Clashes on the border (2)", '-').as_deref(),
            Some("clashes-on-the-border-2")
        );
        assert_eq!(slug("ACLED export", '-').as_deref(), Some("acled-export"));
        assert_eq!(
            slug("good_acled_current", '-').as_deref(),
            Some("good-acled-current")
        );
    }

    #[test]
    fn runs_of_other_characters_make_one_separator_and_none_at_the_ends() {
        // The file-name form used to keep "--" for a run.
        assert_eq!(
            slug("  ACLED -- export (1) ", '-').as_deref(),
            Some("acled-export-1")
        );
        assert_eq!(slug("__a__b__", '_').as_deref(), Some("a_b"));
        assert_eq!(slug(" -()- ", '-'), None);
        assert_eq!(slug("", '_'), None);
    }

    #[test]
    fn every_script_is_lowercased_and_keeps_its_marks() {
        // Uppercase outside ASCII used to stay as it was in source ids.
        assert_eq!(slug("Ош Баткен", '-').as_deref(), Some("ош-баткен"));
        assert_eq!(slug("Qoʻqon ÉTÉ", '-').as_deref(), Some("qoʻqon-été"));
        // Vowel signs are combining marks: they stay inside the word.
        assert_eq!(slug("हिन्दी समाचार", '-').as_deref(), Some("हिन्दी-समाचार"));
        // A combining accent after a letter is part of it; alone it is not.
        assert_eq!(
            slug("Cafe\u{301} \u{301}x", '-').as_deref(),
            Some("cafe\u{301}-x")
        );
    }
}
