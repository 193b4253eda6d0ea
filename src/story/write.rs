//! Writing a story as a story file (JSON, the format `read.rs` reads),
//! saved whole or not at all ([`crate::atomic`]).

use std::path::Path;

use serde::Serialize;

use super::{FORMAT_VERSION, QuoteRef, Step, StepCamera, StepPanels, Story, StorySource};
use crate::data::time::{Seconds, from_seconds};

#[derive(Serialize)]
struct FileStory<'a> {
    version: u64,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    sources: &'a [StorySource],
    steps: Vec<FileStep<'a>>,
}

#[derive(Serialize)]
struct FileStep<'a> {
    caption: &'a str,
    events: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    camera: Option<StepCamera>,
    #[serde(skip_serializing_if = "Option::is_none")]
    window: Option<FileWindow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cursor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a QuoteRef>,
    #[serde(skip_serializing_if = "all_open")]
    panels: StepPanels,
}

#[derive(Serialize)]
struct FileWindow {
    from: String,
    to: String,
}

fn all_open(panels: &StepPanels) -> bool {
    *panels == StepPanels::default()
}

/// The story as the text of a story file.
pub fn to_json(story: &Story) -> String {
    let file = FileStory {
        version: FORMAT_VERSION,
        title: &story.title,
        description: story.description.as_deref(),
        sources: &story.sources,
        steps: story.steps.iter().map(step).collect(),
    };
    // Serialising plain strings, numbers and lists cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// Saves the story to `path`: a failed write leaves what was there.
pub fn save(story: &Story, path: &Path) -> std::io::Result<()> {
    crate::atomic::write_bytes(path, to_json(story).as_bytes())
}

fn step(s: &Step) -> FileStep<'_> {
    FileStep {
        caption: &s.caption,
        events: &s.events,
        camera: s.camera.map(rounded),
        window: s.window.map(|(from, to)| FileWindow {
            from: moment(from),
            to: moment(to),
        }),
        cursor: s.cursor.map(moment),
        quote: s.quote.as_ref(),
        panels: s.panels,
    }
}

/// A camera with its numbers cut to what matters on a map (about a metre),
/// so that files stay readable.
fn rounded(c: StepCamera) -> StepCamera {
    let r = |v: f64, places: i32| {
        let f = 10f64.powi(places);
        (v * f).round() / f
    };
    StepCamera {
        lon: r(c.lon, 5),
        lat: r(c.lat, 5),
        width_km: r(c.width_km, 3),
        height_km: r(c.height_km, 3),
    }
}

/// A moment as the shortest text that reads back the same: a date at
/// midnight, else the time to the minute or the second.
pub fn moment(s: Seconds) -> String {
    let dt = from_seconds(s);
    if dt.time() == jiff::civil::Time::midnight() {
        dt.date().to_string()
    } else if dt.second() == 0 && dt.subsec_nanosecond() == 0 {
        dt.strftime("%Y-%m-%dT%H:%M").to_string()
    } else {
        dt.strftime("%Y-%m-%dT%H:%M:%S").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::read::parse;

    #[test]
    fn moments_are_short_and_read_back() {
        for text in ["2022-09-16", "2022-09-16T04:50", "1917-03-08T12:00:07"] {
            let s = crate::data::time::EventTime::parse(text)
                .unwrap()
                .first_second();
            assert_eq!(moment(s), text);
        }
    }

    #[test]
    fn a_story_written_reads_back_the_same() {
        let day = |d: &str| {
            crate::data::time::EventTime::parse(d)
                .unwrap()
                .first_second()
        };
        let story = Story {
            title: "Two steps".to_owned(),
            description: Some("A test".to_owned()),
            sources: vec![StorySource {
                id: "s".to_owned(),
                title: "S".to_owned(),
            }],
            steps: vec![
                Step {
                    caption: "First\nline two".to_owned(),
                    events: vec!["a".to_owned(), "b".to_owned()],
                    camera: Some(StepCamera {
                        lon: 70.5,
                        lat: 40.1,
                        width_km: 300.0,
                        height_km: 200.0,
                    }),
                    window: Some((day("2022-09-14"), day("2022-09-16T06:30") + 7)),
                    cursor: Some(day("2022-09-15")),
                    quote: Some(QuoteRef {
                        event: "b".to_owned(),
                        index: 1,
                    }),
                    panels: StepPanels {
                        events_list: false,
                        ..StepPanels::default()
                    },
                },
                Step::default(),
            ],
        };
        let text = to_json(&story);
        let loaded = parse(&text, &|_| true);
        assert_eq!(loaded.diagnostics, []);
        assert_eq!(loaded.story, Some(story.clone()));
        // Saved over an older file: the new text, whole.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("two.json");
        std::fs::write(&path, "old").unwrap();
        save(&story, &path).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A folder that is not there: an error, and nothing written.
        assert!(save(&story, &dir.path().join("no/two.json")).is_err());
    }
}
