//! The story that comes with the app: the September 2022 clashes, from
//! the bundled article (`assets/stories/september-2022.json`).

use super::Story;
use crate::diagnostic::Diagnostic;

/// The bundled story's file name, for messages.
pub const NAME: &str = "september-2022.json";

/// The bundled story file's text.
pub const TEXT: &str = include_str!("../../assets/stories/september-2022.json");

/// The bundled story, or the problems of its file (a build with a broken
/// story file fails its tests, so this is for the record).
pub fn story() -> Result<Story, Vec<Diagnostic>> {
    let loaded = super::read::parse(TEXT, &|_| true);
    loaded.story.ok_or(loaded.diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Data;

    #[test]
    fn the_bundled_story_names_only_bundled_events_and_has_8_to_12_steps() {
        let data = Data::bundled().unwrap();
        let known = |id: &str| data.events.iter().any(|e| e.id == id);
        let loaded = super::super::read::parse(TEXT, &known);
        assert_eq!(loaded.diagnostics, []);
        let story = loaded.story.unwrap();
        assert!((8..=12).contains(&story.steps.len()));
        for source in &story.sources {
            assert!(data.sources.iter().any(|s| s.id == source.id));
        }
        for step in &story.steps {
            assert!(!step.caption.is_empty() && !step.events.is_empty());
            let quote = step.quote.as_ref().unwrap();
            let event = data.events.iter().find(|e| e.id == quote.event).unwrap();
            assert!(quote.index < event.quotes.len());
            // Each step's window shows its events.
            let (from, to) = step.window.unwrap();
            for id in &step.events {
                let e = data.events.iter().find(|e| &e.id == id).unwrap();
                assert!(
                    e.start.first_second() < to && e.end.end_exclusive() > from,
                    "{id}"
                );
            }
        }
    }
}
