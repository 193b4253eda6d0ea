//! The filters the summaries cannot answer (sides, sources and verdicts
//! hidden, and the search words) as a condition on the events table, so
//! that a view's counts, its histogram and the events it is sent are those
//! the app's own filters would let through (`model::visibility`; the app
//! makes one from its filters). A view
//! narrowed so is counted from the events themselves, which is slower than
//! from the summaries: the price of a filter the summaries do not key.

use postgres::types::ToSql;

/// What the app's filters hide beyond kinds and categories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrowing {
    /// Sides hidden (vocabulary ids; `""` for events with none).
    pub hidden_sides: Vec<String>,
    /// Sources hidden, by id.
    pub hidden_sources: Vec<String>,
    /// Verdicts hidden, as stored (`consistent`, `partly_documented`…;
    /// `""` for events with none).
    pub hidden_verdicts: Vec<String>,
    /// Words, in lower case, every event shown holds in its title, id,
    /// summary, place, claimant, category, date as written, actors or
    /// quotes.
    pub words: Vec<String>,
}

/// How a view narrowed by a [`Narrowing`] is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Nothing hidden: from the summaries.
    Summaries,
    /// Only sources hidden: from the summaries, less the hidden sources'
    /// events, found by the index on the source (a hidden article is a few
    /// rows, however many the store holds).
    SummariesLessSources,
    /// Sides, verdicts or words: from the events, which alone hold them.
    Rows,
}

impl Narrowing {
    /// Whether it lets every event through.
    pub fn is_empty(&self) -> bool {
        self.hidden_sides.is_empty()
            && self.hidden_sources.is_empty()
            && self.hidden_verdicts.is_empty()
            && self.words.is_empty()
    }

    /// How the summaries can answer a view so narrowed.
    pub fn reach(&self) -> Reach {
        if self.is_empty() {
            Reach::Summaries
        } else if self.hidden_sides.is_empty()
            && self.hidden_verdicts.is_empty()
            && self.words.is_empty()
        {
            Reach::SummariesLessSources
        } else {
            Reach::Rows
        }
    }

    /// The condition on the events aliased `e`, its four parameters
    /// numbered from `first` (given by [`Narrowing::params`]). Without
    /// search words the words' test is left out (its parameter only
    /// checked empty): it reads each row's texts and quotes, nearly three
    /// times the rest of a count over a large box.
    pub fn condition(&self, first: usize) -> String {
        let [sides, sources, verdicts, words] = [first, first + 1, first + 2, first + 3];
        let words_test = if self.words.is_empty() {
            format!("cardinality(${words}::text[]) = 0")
        } else {
            format!(
                "NOT EXISTS (
                  SELECT 1 FROM unnest(${words}::text[]) AS w (word)
                  WHERE strpos(lower(concat_ws(E'\\n', e.title, e.id, e.summary, e.place,
                      e.claimant, e.category, e.date_text, array_to_string(e.actors, E'\\n'),
                      (SELECT string_agg(q ->> 'text', E'\\n')
                       FROM jsonb_array_elements(coalesce(e.quotes, '[]'::jsonb)) AS q))),
                      w.word) = 0)"
            )
        };
        format!(
            "(NOT coalesce(e.side, '') = ANY(${sides}::text[])
              AND NOT e.source_id = ANY(${sources}::text[])
              AND NOT coalesce(e.verification ->> 'verdict', '') = ANY(${verdicts}::text[])
              AND {words_test})"
        )
    }

    /// The condition's parameters, in order.
    pub fn params(&self) -> [&(dyn ToSql + Sync); 4] {
        [
            &self.hidden_sides,
            &self.hidden_sources,
            &self.hidden_verdicts,
            &self.words,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_condition_numbers_its_four_parameters_from_the_first() {
        assert!(Narrowing::default().is_empty());
        let words = Narrowing {
            words: vec!["batken".into()],
            ..Narrowing::default()
        };
        assert!(!words.is_empty());
        for narrowing in [words, Narrowing::default()] {
            let sql = narrowing.condition(8);
            for n in 8..=11 {
                assert!(sql.contains(&format!("${n}::text[]")), "${n}: {sql}");
            }
            assert!(!sql.contains("$12"));
            assert_eq!(sql.contains("strpos"), !narrowing.words.is_empty());
        }
    }
}
