//! The exports the app runs on threads: the events shown, a picture, the
//! playback as an animation. Each writes through a temporary file renamed
//! into place (`crate::atomic`), so a failure or a cancel leaves
//! nothing half-written, and each ends with a sentence for the user.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::picture::Picture;
use crate::atomic;
use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::formats::Format;
use crate::model::view::ViewState;
use crate::output::events::shown_collection;
use crate::output::job::{Job, Progress};
use crate::output::requests::{AnimationFormat, ExportRequest, PictureKind, PictureSize};
use crate::render::encode;
use crate::render::offscreen::Canvas;
use crate::render::sequence::{self, Scene as _, SequenceError};

/// Layout passes before a still picture is taken.
const STILL_PASSES: usize = 4;

/// What an export works from: a snapshot of the window's state.
#[derive(Clone)]
pub struct ExportInput {
    /// The data.
    pub data: Arc<Data>,
    /// The events the filters show (indices into the data's events).
    pub shown: Vec<usize>,
    /// The view.
    pub view: ViewState,
    /// The user's overlays.
    pub overlays: Vec<Overlay>,
}

/// Starts `request` on a thread, writing to `path`.
pub fn start(request: ExportRequest, input: ExportInput, path: PathBuf) -> Job {
    let name = path.display().to_string();
    match request {
        ExportRequest::Events(format) => {
            let label = format!("Exporting {} events to {name}", input.shown.len());
            Job::start(label, move |p| events(&input, format, &path, p))
        }
        ExportRequest::Image { kind, size } => {
            let label = format!("Exporting an image to {name}");
            Job::start(label, move |p| image(input, kind, size, &path, p))
        }
        ExportRequest::Animation {
            span,
            step,
            cumulative,
            hold_ms,
            size,
            format,
        } => {
            let label = format!("Exporting an animation to {name}");
            Job::start(label, move |p| {
                let mut scene = Picture::new(input.data, input.overlays, PictureKind::Map);
                let shots = sequence::playback_shots(
                    &input.view,
                    span,
                    step,
                    cumulative,
                    Duration::from_millis(hold_ms),
                );
                animation(&mut scene, &shots, size, format, &path, p)
                    .map(|n| format!("Wrote {n} frames to {name}"))
                    .map_err(|e| failed(&name, &e))
            })
        }
    }
}

/// A failure as the user reads it.
fn failed(name: &str, e: &dyn std::fmt::Display) -> String {
    format!("Nothing written to {name}: {e}")
}

fn events(
    input: &ExportInput,
    format: Format,
    path: &Path,
    progress: &Progress,
) -> Result<String, String> {
    let name = path.display().to_string();
    progress.set_total(1);
    let shown = shown_collection(&input.data, &input.shown);
    let exporter = format.exporter();
    let mut left_out = Vec::new();
    let written = atomic::write_file(path, |out| {
        left_out = exporter.write(&shown.collection, out)?;
        if progress.is_cancelled() {
            return Err(std::io::Error::other("cancelled"));
        }
        Ok(())
    });
    written.map_err(|e| failed(&name, &e))?;
    progress.step();
    let written = shown.collection.events.len() - left_out.len();
    let mut done = format!("Wrote {written} events to {name}");
    if !left_out.is_empty() {
        done.push_str(&format!(" ({} {})", left_out.len(), exporter.left_out()));
    }
    if shown.dropped_references > 0 {
        done.push_str(&format!(
            " ({} references to events not shown were left out)",
            shown.dropped_references
        ));
    }
    Ok(done)
}

fn image(
    input: ExportInput,
    kind: PictureKind,
    size: PictureSize,
    path: &Path,
    progress: &Progress,
) -> Result<String, String> {
    let name = path.display().to_string();
    progress.set_total(1);
    let mut scene = Picture::new(input.data, input.overlays, kind);
    let mut canvas = Canvas::new(size.points.into(), size.scale).map_err(|e| failed(&name, &e))?;
    let shot = sequence::Shot::still(input.view);
    let picture = canvas
        .draw(STILL_PASSES, &mut |ui| scene.show(ui, &shot))
        .map_err(|e| failed(&name, &e))?;
    if progress.is_cancelled() {
        return Err(failed(&name, &"cancelled"));
    }
    encode::write_png(&picture, path).map_err(|e| failed(&name, &e))?;
    progress.step();
    Ok(format!(
        "Wrote a {}×{} image to {name}",
        picture.width(),
        picture.height()
    ))
}

/// Draws `shots` with `scene` at `size` and writes them to `path` in
/// `format`, reporting to `progress`. Returns the number of frames.
pub fn animation(
    scene: &mut Picture,
    shots: &[sequence::Shot],
    size: PictureSize,
    format: AnimationFormat,
    path: &Path,
    progress: &Progress,
) -> Result<usize, SequenceError> {
    if shots.is_empty() {
        return Err(SequenceError::Empty);
    }
    let mut canvas = Canvas::new(size.points.into(), size.scale)?;
    let sink = encode::sink(format, path, shots.len(), canvas.pixel_size())?;
    sequence::render(scene, &mut canvas, shots, sink, progress)?;
    Ok(shots.len())
}
