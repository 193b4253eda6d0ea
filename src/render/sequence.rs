//! Turning a sequence of views into frames: the animation exporter that the
//! playback export and stories share.
//!
//! A sequence is a list of [`Shot`]s, each a whole [`ViewState`] (camera,
//! time window, selection, filters, layers, theme) and how long it stays on
//! screen. [`render`] draws every shot with a [`Scene`] on a [`Canvas`] and
//! hands each frame to a [`FrameSink`] (an animated GIF or PNG, or numbered
//! PNG files: `encode.rs`), reporting to a [`Progress`] that another thread
//! can read and cancel. The playback export builds its shots with
//! [`playback_shots`]; a story's come from `story_shots.rs`.

use std::time::Duration;

use image::RgbaImage;

use super::offscreen::{Canvas, RenderError};
pub use super::stamp::Caption;
use crate::data::time::Seconds;
use crate::model::view::ViewState;
use crate::output::job::Progress;

/// One picture of a sequence: what to show and for how long.
#[derive(Clone, Debug, PartialEq)]
pub struct Shot {
    /// The view drawn (camera, time window, selection, filters, layers).
    pub view: ViewState,
    /// How long the frame stays on screen in the animation.
    pub hold: Duration,
    /// Words drawn on the picture (a story step's caption).
    pub caption: Option<Caption>,
}

impl Shot {
    /// A still picture of `view`, without a caption.
    pub fn still(view: ViewState) -> Self {
        Self {
            view,
            hold: Duration::ZERO,
            caption: None,
        }
    }
}

/// What draws a shot: the app's map (or whole window) for a view.
pub trait Scene {
    /// Draws `shot` into `ui`, which covers the whole canvas.
    fn show(&mut self, ui: &mut egui::Ui, shot: &Shot);
}

/// Where the frames of a sequence go.
pub trait FrameSink {
    /// Takes the next frame, drawn from `shot`.
    fn add(&mut self, frame: RgbaImage, shot: &Shot) -> std::io::Result<()>;
    /// Ends the sequence: the output appears only now, whole.
    fn finish(self: Box<Self>) -> std::io::Result<()>;
}

/// Why a sequence was not written.
#[derive(Debug, thiserror::Error)]
pub enum SequenceError {
    /// Drawing failed.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Writing failed (the output is not left half-written).
    #[error("cannot write: {0}")]
    Write(#[from] std::io::Error),
    /// The user cancelled (nothing was written).
    #[error("cancelled")]
    Cancelled,
    /// There was nothing to draw.
    #[error("no frames: the sequence is empty")]
    Empty,
}

/// Layout passes for the first frame (panels and the legend settle) and
/// for each following one.
const FIRST_PASSES: usize = 4;
const NEXT_PASSES: usize = 2;

/// Draws every shot with `scene` on `canvas` and hands the frames to `sink`,
/// which is finished only when all went well: on an error or a cancel, the
/// sink is dropped and its temporary output removed.
pub fn render(
    scene: &mut dyn Scene,
    canvas: &mut Canvas,
    shots: &[Shot],
    mut sink: Box<dyn FrameSink>,
    progress: &Progress,
) -> Result<(), SequenceError> {
    if shots.is_empty() {
        return Err(SequenceError::Empty);
    }
    progress.set_total(shots.len());
    for (i, shot) in shots.iter().enumerate() {
        if progress.is_cancelled() {
            return Err(SequenceError::Cancelled);
        }
        let passes = if i == 0 { FIRST_PASSES } else { NEXT_PASSES };
        let frame = canvas.draw(passes, &mut |ui| scene.show(ui, shot))?;
        sink.add(frame, shot)?;
        progress.step();
    }
    if progress.is_cancelled() {
        return Err(SequenceError::Cancelled);
    }
    sink.finish()?;
    Ok(())
}

/// The shots of playback from `from` to `to` (exclusive) at `step`, each
/// held `hold`: frame *k* shows the window `[from + k·step, from + (k+1)·step)`
/// or, when `cumulative`, everything from `from` to the end of that step;
/// the time cursor is at the end of the window. Other view settings are
/// `base`'s.
pub fn playback_shots(
    base: &ViewState,
    (from, to): (Seconds, Seconds),
    step: Seconds,
    cumulative: bool,
    hold: Duration,
) -> Vec<Shot> {
    if step <= 0 || to <= from {
        return Vec::new();
    }
    let mut shots = Vec::new();
    let mut start = from;
    while start < to {
        let end = start.saturating_add(step).min(to);
        let mut view = base.clone();
        view.time.window = (if cumulative { from } else { start }, end);
        view.time.cursor = end - 1;
        view.time.playing = false;
        view.time.cumulative = cumulative;
        view.reveal = None;
        shots.push(Shot {
            view,
            hold,
            caption: None,
        });
        start = end;
    }
    shots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn playback_steps_cover_the_span_and_end_with_a_short_step() {
        let base = crate::model::view_defaults::initial_view(&crate::data::Data::default());
        let day = 86_400;
        let shots = playback_shots(&base, (0, 5 * day / 2), day, false, Duration::ZERO);
        let windows: Vec<_> = shots.iter().map(|s| s.view.time.window).collect();
        assert_eq!(windows, [(0, day), (day, 2 * day), (2 * day, 5 * day / 2)]);
        let grown = playback_shots(&base, (0, 2 * day), day, true, Duration::ZERO);
        assert_eq!(grown[1].view.time.window, (0, 2 * day));
        assert!(playback_shots(&base, (0, day), 0, false, Duration::ZERO).is_empty());
    }
}
