//! Writing a view file: the view as the JSON of `format.rs`, times as
//! story files write them, saved whole through [`crate::atomic`].

use std::path::Path;

use super::format::{CameraDoc, FileDoc, RangeDoc, SourceDoc, StoryDoc, ThemeDoc, TimeDoc};
use super::{VERSION, ViewFile};
use crate::model::view::Theme;
use crate::story::write::moment;

/// The view file's text: pretty JSON ending in a newline.
pub fn to_json(file: &ViewFile) -> String {
    let view = &file.view;
    let time = &view.time;
    let doc = FileDoc {
        border_incidents_view: VERSION,
        region: file.region.clone(),
        camera: CameraDoc {
            lon: view.camera.center_lon,
            lat: view.camera.center_lat,
            points_per_km: view.camera.points_per_km,
        },
        time: TimeDoc {
            from: moment(time.window.0),
            to: moment(time.window.1),
            cursor: moment(time.cursor),
            show_outside: time.show_outside,
            cumulative: time.cumulative,
            looping: time.looping,
            skip_gaps: time.skip_gaps,
            speed: time.speed,
        },
        timeline: file.timeline.map(|(from, to)| RangeDoc {
            from: moment(from),
            to: moment(to),
        }),
        selection: view.selection.clone(),
        filters: view.filters.clone(),
        hidden_layers: view.layers.hidden.clone(),
        theme: match view.theme {
            Theme::Light => ThemeDoc::Light,
            Theme::Dark => ThemeDoc::Dark,
        },
        names: view.names.into(),
        reading: view.reading.clone(),
        story: file.story.as_ref().map(|s| StoryDoc {
            title: s.title.clone(),
            bundled: s.bundled,
            step: s.step + 1,
        }),
        sources: (file.sources.iter())
            .map(|s| SourceDoc {
                id: s.id.clone(),
                title: s.title.clone(),
                sha256: s.sha256.clone(),
            })
            .collect(),
    };
    // Every member is a plain value: serialising cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// Writes the view file to `path`, whole or not at all.
pub fn save(file: &ViewFile, path: &Path) -> std::io::Result<()> {
    crate::atomic::write_bytes(path, to_json(file).as_bytes())
}
