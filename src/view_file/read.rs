//! Reading a view file against the data loaded: every problem is a
//! [`Diagnostic`] at the line and column it is written at. Errors (not
//! JSON, a member missing or unknown, a time that is no date, a camera or
//! window out of range, another region's view) leave no view; a source the
//! view needs that is not loaded, or is loaded with another text, and a
//! selected event not loaded are warnings that name the source to open,
//! and the view is still shown.

use std::path::Path;

use super::format::{FileDoc, ThemeDoc};
use super::{MARKER, NeededSource, StoryAt, VERSION, ViewFile};
use crate::data::Data;
use crate::data::time::{EventTime, Seconds, in_calendar};
use crate::diagnostic::{Diagnostic, Position};
use crate::model::camera::{Camera, MAX_POINTS_PER_KM, MIN_POINTS_PER_KM};
use crate::model::view::{LayerToggles, Theme, TimeView, ViewState};

/// The largest view file read (a view is a few kilobytes).
const MAX_BYTES: u64 = 1 << 20;

/// What reading a view file gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The view, when the file has no errors.
    pub file: Option<ViewFile>,
    /// Errors and warnings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    fn failed(diagnostic: Diagnostic) -> Self {
        Self {
            file: None,
            diagnostics: vec![diagnostic],
        }
    }
}

/// Whether a file starting with `head` is a view file: its first member
/// is the format's marker.
pub fn sniff(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.strip_prefix('{')
        .is_some_and(|rest| rest.trim_start().starts_with(&format!("\"{MARKER}\"")))
}

/// Reads the view file at `path` against `data`.
pub fn read(path: &Path, data: &Data) -> Loaded {
    let failed = |message: String| Loaded::failed(Diagnostic::error(message));
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_BYTES => {
            return failed(format!(
                "the file has {} bytes; a view file has at most {MAX_BYTES}",
                m.len()
            ));
        }
        Ok(_) => {}
        Err(e) => return failed(format!("cannot read the file: {e}")),
    }
    match std::fs::read(path) {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(text) => parse(text, data),
            Err(e) => {
                let p = Position::of_offset(&String::from_utf8_lossy(&bytes), e.valid_up_to());
                Loaded::failed(Diagnostic::error("the file is not UTF-8 text").at(p.line, p.column))
            }
        },
        Err(e) => failed(format!("cannot read the file: {e}")),
    }
}

/// Reads the text of a view file against `data`.
pub fn parse(text: &str, data: &Data) -> Loaded {
    let doc: FileDoc = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(e) => return Loaded::failed(json_error(text, &e)),
    };
    let place = Places { text };
    let mut errors = Vec::new();
    if doc.border_incidents_view != VERSION {
        errors.push(place.error(
            MARKER,
            format!(
                "version {} of the view format; this app reads version {VERSION}",
                doc.border_incidents_view
            ),
        ));
    }
    if doc.region != data.region.id {
        errors.push(place.error(
            "region",
            format!(
                "a view of the region {:?}; the app shows {:?} (start it with --region)",
                doc.region, data.region.id
            ),
        ));
    }
    let camera = camera(&doc, &place, &mut errors);
    let time = time(&doc, &place, &mut errors);
    let timeline = timeline(&doc, &place, &mut errors);
    if !errors.is_empty() {
        return Loaded {
            file: None,
            diagnostics: errors,
        };
    }
    let mut file = view_file(doc, camera, time, timeline);
    let diagnostics = missing(&mut file, data, &place);
    Loaded {
        file: Some(file),
        diagnostics,
    }
}

/// The JSON error `e` of `text`, placed at its line and column (counted
/// in characters).
fn json_error(text: &str, e: &serde_json::Error) -> Diagnostic {
    let message = e.to_string();
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    let column = text
        .lines()
        .nth(e.line().saturating_sub(1))
        .map_or(e.column(), |l| {
            l.get(..e.column().min(l.len()))
                .map_or(e.column(), |s| s.chars().count())
        });
    Diagnostic::error(message).at(e.line(), column.max(1))
}

/// The view of `doc`, its camera, time and timeline's stretch read.
fn view_file(
    doc: FileDoc,
    camera: Camera,
    time: TimeView,
    timeline: Option<(Seconds, Seconds)>,
) -> ViewFile {
    ViewFile {
        region: doc.region,
        view: ViewState {
            camera,
            selection: doc.selection,
            time,
            filters: doc.filters,
            layers: LayerToggles {
                hidden: doc.hidden_layers,
            },
            theme: match doc.theme {
                ThemeDoc::Light => Theme::Light,
                ThemeDoc::Dark => Theme::Dark,
            },
            names: doc.names.into(),
            reading: doc.reading,
            reveal: None,
            time_focus: None,
            picking_place: false,
        },
        timeline,
        story: doc.story.map(|s| StoryAt {
            title: s.title,
            bundled: s.bundled,
            step: s.step.saturating_sub(1),
        }),
        sources: (doc.sources.into_iter())
            .map(|s| NeededSource {
                id: s.id,
                title: s.title,
                sha256: s.sha256,
            })
            .collect(),
    }
}

/// The camera, or errors when it is out of range.
fn camera(doc: &FileDoc, place: &Places<'_>, errors: &mut Vec<Diagnostic>) -> Camera {
    let c = &doc.camera;
    let zoom = MIN_POINTS_PER_KM..=MAX_POINTS_PER_KM;
    if !zoom.contains(&c.points_per_km) {
        errors.push(place.error(
            "points_per_km",
            format!(
                "points_per_km {} is out of range ({MIN_POINTS_PER_KM} to {MAX_POINTS_PER_KM})",
                c.points_per_km
            ),
        ));
    }
    if !(-180.0..=180.0).contains(&c.lon) || !(-90.0..=90.0).contains(&c.lat) {
        errors.push(place.error(
            "lon",
            format!(
                "the camera's centre {}, {} is not a longitude and a latitude",
                c.lon, c.lat
            ),
        ));
    }
    Camera {
        center_lon: c.lon,
        center_lat: c.lat,
        points_per_km: c.points_per_km,
    }
}

/// The moment `text` of the member `key` (placed at the member `at`), or
/// an error.
fn moment(
    (key, at): (&str, &str),
    text: &str,
    place: &Places<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Seconds {
    match EventTime::parse(text.trim()).map(|m| m.first_second()) {
        Ok(s) if in_calendar(s) => s,
        _ => {
            errors.push(place.error(
                at,
                format!("{key} {text:?} is not a moment like 2022-09-16 or 2022-09-16T04:50"),
            ));
            0
        }
    }
}

/// The time, or errors when a moment is no date or the window is empty.
fn time(doc: &FileDoc, place: &Places<'_>, errors: &mut Vec<Diagnostic>) -> TimeView {
    let t = &doc.time;
    let (from, to, cursor) = (
        moment(("from", "from"), &t.from, place, errors),
        moment(("to", "to"), &t.to, place, errors),
        moment(("cursor", "cursor"), &t.cursor, place, errors),
    );
    if from >= to && errors.is_empty() {
        errors.push(place.error("to", "the time window ends before it starts".to_owned()));
    }
    TimeView {
        cursor,
        window: (from, to),
        show_outside: t.show_outside,
        playing: false,
        speed: t.speed,
        looping: t.looping,
        cumulative: t.cumulative,
        skip_gaps: t.skip_gaps,
    }
}

/// The stretch the timeline shows, or an error when it is no stretch.
fn timeline(
    doc: &FileDoc,
    place: &Places<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<(Seconds, Seconds)> {
    let range = doc.timeline.as_ref()?;
    let found = errors.len();
    let from = moment(
        ("the timeline's from", "timeline"),
        &range.from,
        place,
        errors,
    );
    let to = moment(("the timeline's to", "timeline"), &range.to, place, errors);
    if from >= to && errors.len() == found {
        let message = "the timeline's stretch ends before it starts".to_owned();
        errors.push(place.error("timeline", message));
    }
    Some((from, to))
}

/// Warnings for what the view needs and the data lacks; a selected event
/// not loaded is left unselected.
fn missing(file: &mut ViewFile, data: &Data, place: &Places<'_>) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for needed in &file.sources {
        let name = match &needed.title {
            Some(title) => format!("“{}” ({})", title, needed.id),
            None => format!("“{}”", needed.id),
        };
        let at = place.value(&needed.id);
        match data.sources.iter().find(|s| s.id == needed.id) {
            None => warnings.push(
                Diagnostic::warning(format!(
                    "the view shows events of the source {name}, which is not loaded: open it \
                 (File → Open…) to see them"
                ))
                .at(at.line, at.column),
            ),
            Some(loaded) => {
                if let (Some(want), Some(have)) = (&needed.sha256, &loaded.sha256)
                    && want != have
                {
                    warnings.push(
                        Diagnostic::warning(format!(
                            "the source {name} is loaded with another text than the view's \
                         (SHA-256 {have}, the view's {want}): its quotes may differ"
                        ))
                        .at(at.line, at.column),
                    );
                }
            }
        }
    }
    if let Some(id) = &file.view.selection
        && !data.events.iter().any(|e| &e.id == id)
    {
        let at = place.value(id);
        warnings.push(
            Diagnostic::warning(format!(
                "the selected event “{id}” is not loaded: open the sources the view names"
            ))
            .at(at.line, at.column),
        );
        file.view.selection = None;
    }
    warnings
}

/// Where members and values are written in the file's text.
struct Places<'a> {
    text: &'a str,
}

impl Places<'_> {
    /// The place of the first member named `key`.
    fn key(&self, key: &str) -> Position {
        self.find(&format!("\"{key}\""))
    }

    /// The place of the first string value `value`.
    fn value(&self, value: &str) -> Position {
        let quoted = serde_json::to_string(value).unwrap_or_default();
        self.find(&quoted)
    }

    fn find(&self, needle: &str) -> Position {
        let at = self.text.find(needle).unwrap_or(0);
        Position::of_offset(self.text, at)
    }

    /// An error at the member `key`.
    fn error(&self, key: &str, message: String) -> Diagnostic {
        let at = self.key(key);
        Diagnostic::error(message)
            .at(at.line, at.column)
            .with_path(key)
    }
}
