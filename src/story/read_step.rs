//! Reading one step of a story file, every problem placed where its value
//! is written.

use serde::Deserialize;
use serde_json::value::RawValue;

use super::doc::Doc;
use super::{QuoteRef, Step, StepCamera, StepPanels};
use crate::data::time::{EventTime, Seconds};
use crate::diagnostic::Diagnostic;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a step object {\"caption\", \"events\", …}")]
struct RawStep<'a> {
    #[serde(default)]
    caption: String,
    #[serde(borrow, default)]
    events: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    camera: Option<&'a RawValue>,
    #[serde(borrow, default)]
    window: Option<&'a RawValue>,
    #[serde(borrow, default)]
    cursor: Option<&'a RawValue>,
    #[serde(borrow, default)]
    quote: Option<&'a RawValue>,
    #[serde(default)]
    panels: StepPanels,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a window {\"from\": DATE, \"to\": DATE}")]
struct RawWindow<'a> {
    #[serde(borrow)]
    from: &'a RawValue,
    #[serde(borrow)]
    to: &'a RawValue,
}

/// The widest view a step may ask for, in kilometres (the Earth's girth).
const MAX_SPAN_KM: f64 = 40_075.0;

/// Reads step `i` from `sub`, a slice of the document: the step unless it
/// has errors, and its problems.
pub(super) fn step(
    doc: &Doc<'_>,
    sub: &str,
    i: usize,
    known: &dyn Fn(&str) -> bool,
) -> (Option<Step>, Vec<Diagnostic>) {
    let path = format!("steps[{i}]");
    let raw: RawStep<'_> = match doc.parse(sub, Some(&path)) {
        Ok(raw) => raw,
        Err(d) => return (None, vec![d]),
    };
    let mut problems = Vec::new();
    let mut events = Vec::with_capacity(raw.events.len());
    for (j, value) in raw.events.iter().enumerate() {
        let at = format!("{path}.events[{j}]");
        match doc.parse::<String>(value.get(), Some(&at)) {
            Ok(id) => {
                if !known(&id) {
                    problems.push(doc.warning_at(
                        value.get(),
                        &at,
                        format!(
                            "no loaded event has the id {id:?}; the step shows a note in its place"
                        ),
                    ));
                }
                events.push(id);
            }
            Err(d) => problems.push(d),
        }
    }
    let camera = raw
        .camera
        .and_then(|c| keep(camera(doc, c.get(), &path), &mut problems));
    let window = raw
        .window
        .and_then(|w| keep(window(doc, w.get(), &path), &mut problems));
    let cursor = raw.cursor.and_then(|c| {
        let at = format!("{path}.cursor");
        keep(instant(doc, c.get(), &at), &mut problems)
    });
    let quote = raw
        .quote
        .and_then(|q| keep(quote(doc, q.get(), &path, &events), &mut problems));
    let ok = problems.iter().all(|d| !d.is_error());
    let step = Step {
        caption: raw.caption,
        events,
        camera,
        window,
        cursor,
        quote,
        panels: raw.panels,
    };
    (ok.then_some(step), problems)
}

/// The value, or `None` with its problem kept.
fn keep<T>(result: Result<T, Diagnostic>, problems: &mut Vec<Diagnostic>) -> Option<T> {
    result.map_err(|d| problems.push(d)).ok()
}

/// Whether a camera's width or height is a span the map can show.
fn span_ok(km: f64) -> bool {
    km > 0.0 && km <= MAX_SPAN_KM
}

fn camera(doc: &Doc<'_>, sub: &str, path: &str) -> Result<StepCamera, Diagnostic> {
    let at = format!("{path}.camera");
    let c: StepCamera = doc.parse(sub, Some(&at))?;
    let problem = if !(-180.0..=180.0).contains(&c.lon) {
        Some(format!("lon {} is outside -180 to 180", c.lon))
    } else if !(-90.0..=90.0).contains(&c.lat) {
        Some(format!("lat {} is outside -90 to 90", c.lat))
    } else if !(span_ok(c.width_km) && span_ok(c.height_km)) {
        Some(format!(
            "width_km and height_km must be above 0 and at most {MAX_SPAN_KM}"
        ))
    } else {
        None
    };
    match problem {
        Some(message) => Err(doc.error_at(sub, &at, message)),
        None => Ok(c),
    }
}

fn window(doc: &Doc<'_>, sub: &str, path: &str) -> Result<(Seconds, Seconds), Diagnostic> {
    let at = format!("{path}.window");
    let w: RawWindow<'_> = doc.parse(sub, Some(&at))?;
    let from = instant(doc, w.from.get(), &format!("{at}.from"))?;
    let to = instant(doc, w.to.get(), &format!("{at}.to"))?;
    if to <= from {
        return Err(doc.error_at(
            w.to.get(),
            &format!("{at}.to"),
            "the window ends before it starts (`to` is exclusive and must come after `from`)"
                .to_owned(),
        ));
    }
    Ok((from, to))
}

/// A moment written `YYYY-MM-DD` (its midnight) or `YYYY-MM-DDTHH:MM[:SS]`.
fn instant(doc: &Doc<'_>, sub: &str, path: &str) -> Result<Seconds, Diagnostic> {
    let text: String = doc.parse(sub, Some(path))?;
    EventTime::parse(text.trim())
        .map(|t| t.first_second())
        .map_err(|_| {
            doc.error_at(
                sub,
                path,
                format!("{text:?} is not a date like 2022-09-16 or 2022-09-16T04:50"),
            )
        })
}

fn quote(doc: &Doc<'_>, sub: &str, path: &str, events: &[String]) -> Result<QuoteRef, Diagnostic> {
    let at = format!("{path}.quote");
    let q: QuoteRef = doc.parse(sub, Some(&at))?;
    if events.contains(&q.event) {
        Ok(q)
    } else {
        Err(doc.error_at(
            sub,
            &format!("{at}.event"),
            format!("{:?} is not one of the step's events", q.event),
        ))
    }
}
