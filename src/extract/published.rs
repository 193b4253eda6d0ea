//! Finding an article's publication date in its text: a date with a year
//! on one of its first lines (a date under the title, "Published 19
//! September 2022", "Updated: Sept. 19, 2022", a dateline "BISHKEK,
//! September 19, 2022 —"). A date without a year is not enough.

use jiff::civil::Date;

use crate::data::dates::clock::{day, year};

/// How many lines from the top are searched.
const LINES: usize = 25;

/// The publication date and the 1-based line it was found on.
pub fn find(text: &str) -> Option<(Date, usize)> {
    let far = Date::constant(9999, 12, 31);
    for (n, line) in text.lines().enumerate().take(LINES) {
        if line.len() > 200 {
            continue;
        }
        let lower = line.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| {
                c.is_whitespace() || matches!(c, '|' | '(' | ')' | '\u{2014}' | '\u{2013}')
            })
            .map(|w| w.trim_end_matches([',', ':', ';']))
            .filter(|w| !w.is_empty())
            .collect();
        for k in 0..words.len() {
            if let Some((date, used)) = day(far, &words[k..])
                && words[k..k + used]
                    .iter()
                    .any(|w| year(w).is_some() || w.len() == 10 || w.matches('.').count() == 2)
            {
                return Some((date, n + 1));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_date_under_the_title_a_published_line_or_a_dateline() {
        let bundled = crate::data::events::BUNDLED_ARTICLE;
        assert_eq!(find(bundled), Some((date(2022, 9, 19), 6)));
        assert_eq!(
            find("Title\nPublished: Sept. 14, 2021\n\nText."),
            Some((date(2021, 9, 14), 2))
        );
        assert_eq!(
            find("YEREVAN, 13 September 2022 \u{2014} Shelling..."),
            Some((date(2022, 9, 13), 1))
        );
        assert_eq!(
            find("Updated 2020-06-17 08:00"),
            Some((date(2020, 6, 17), 1))
        );
    }

    #[test]
    fn dates_without_a_year_are_not_enough() {
        assert_eq!(
            find("BISHKEK, Sept 19 (Agency) - Fighting resumed on Monday."),
            None
        );
        assert_eq!(find("No dates here."), None);
    }
}
