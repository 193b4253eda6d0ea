//! How the timeline groups its bars into rows: by kind (incidents,
//! statements, background) or by category, with the rows' names.

use crate::data::event::Event;
use crate::data::vocabulary::Vocabulary;
use crate::model::event_index::TimeIndex;

/// How bars are grouped into rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rows {
    /// One row per kind: incidents, statements, background.
    #[default]
    Kind,
    /// One row per category.
    Category,
}

/// The names of the rows.
pub fn row_names(rows: Rows, index: &TimeIndex, vocabulary: &Vocabulary) -> Vec<String> {
    match rows {
        Rows::Kind => index
            .kinds()
            .iter()
            .map(|k| crate::ui_kit::format::kinds(*k).to_owned())
            .collect(),
        Rows::Category => {
            let mut names: Vec<String> = index
                .categories()
                .iter()
                .map(|c| vocabulary.category_label(c).to_owned())
                .collect();
            names.push("Other".to_owned());
            names
        }
    }
}

/// The row an event's bar goes in.
pub fn row_of(event: &Event, rows: Rows, index: &TimeIndex) -> usize {
    match rows {
        Rows::Kind => index
            .kinds()
            .iter()
            .position(|k| *k == event.kind)
            .unwrap_or_default(),
        Rows::Category => event
            .category
            .as_ref()
            .and_then(|c| index.categories().iter().position(|k| k == c))
            .unwrap_or(index.categories().len()),
    }
}
