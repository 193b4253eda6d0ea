//! Pictures without a window: `--screenshot` of the map alone or at a
//! scale (`--map-only`, `--scale`), and `--animate`, the playback between
//! two dates exported as an animation. Both draw off screen.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, anyhow};

use crate::app::export_jobs;
use crate::app::picture::{Picture, PictureKind};
use crate::data::Data;
use crate::data::time::Seconds;
use crate::output::job::Progress;
use crate::output::requests::PictureSize;
use crate::render::encode::{self, AnimationFormat};
use crate::render::offscreen::Canvas;
use crate::render::sequence::{self, Scene as _, Shot};
use crate::start::StartOptions;

/// Layout passes before a still picture is taken.
const STILL_PASSES: usize = 4;

/// What to picture and how large.
#[derive(Clone, Debug)]
pub struct PictureOptions {
    /// The map alone, or the whole window.
    pub kind: PictureKind,
    /// The picture's size in points.
    pub size: [f32; 2],
    /// Pixels per point.
    pub scale: f32,
}

/// Draws one picture of the app started with `opts` and writes it to `out`
/// as PNG. Returns the file problems of the files opened, if any.
pub fn screenshot(
    data: Arc<Data>,
    opts: StartOptions,
    picture: &PictureOptions,
    out: &Path,
) -> anyhow::Result<Vec<String>> {
    let mut scene = Picture::from_start(data, opts, picture.kind);
    let view = scene.view().clone();
    let mut canvas = Canvas::new(picture.size.into(), picture.scale)?;
    let image = canvas.draw(STILL_PASSES, &mut |ui| scene.show(ui, &view))?;
    encode::write_png(&image, out).with_context(|| format!("cannot write {}", out.display()))?;
    Ok(scene.problems())
}

/// What `--animate` asks for.
#[derive(Clone, Debug)]
pub struct AnimateOptions {
    /// The playback's start and end (exclusive).
    pub span: (Seconds, Seconds),
    /// Timeline time per frame.
    pub step: Seconds,
    /// Each frame shows everything from the start, not only its step.
    pub cumulative: bool,
    /// How long each frame shows.
    pub hold: Duration,
    /// The size of the frames.
    pub picture: PictureOptions,
}

/// Exports the playback of the app started with `opts` to `out` (a `.gif`,
/// a `.png` for APNG, or a folder of PNG frames). Prints a line per frame
/// to `log`. Returns the number of frames.
pub fn animate(
    data: Arc<Data>,
    opts: StartOptions,
    animation: &AnimateOptions,
    out: &Path,
    log: &mut dyn std::io::Write,
) -> anyhow::Result<usize> {
    let mut scene = Picture::from_start(data, opts, animation.picture.kind);
    for line in scene.problems() {
        writeln!(log, "{line}")?;
    }
    let shots: Vec<Shot> = sequence::playback_shots(
        scene.view(),
        animation.span,
        animation.step,
        animation.cumulative,
        animation.hold,
    );
    if shots.is_empty() {
        return Err(anyhow!(
            "the animation has no frames: FROM must come before TO"
        ));
    }
    let format = AnimationFormat::for_path(out);
    let size = PictureSize {
        points: animation.picture.size,
        scale: animation.picture.scale,
    };
    let progress = Progress::default();
    export_jobs::animation(&mut scene, &shots, size, format, out, &progress)
        .with_context(|| format!("{}", out.display()))?;
    let [w, h] = [
        (size.points[0] * size.scale).round(),
        (size.points[1] * size.scale).round(),
    ];
    writeln!(
        log,
        "wrote {} frames of {w}×{h} pixels to {} ({})",
        shots.len(),
        out.display(),
        format.label()
    )?;
    Ok(shots.len())
}

/// Runs `--animate`, or a `--screenshot` drawn off screen (`--map-only`,
/// or a `--scale` other than 1); `None` when the command line asks for
/// neither.
pub fn from_cli(
    cli: &crate::cli::Cli,
    data: Arc<Data>,
    opts: StartOptions,
) -> Option<anyhow::Result<()>> {
    let kind = if cli.map_only || cli.animate.is_some() {
        PictureKind::Map
    } else {
        PictureKind::Window
    };
    let picture = PictureOptions {
        kind,
        size: cli.size,
        scale: cli.scale,
    };
    if let (Some(span), Some(out)) = (cli.animate, &cli.out) {
        let step = match cli.animate_step() {
            Ok(step) => step,
            Err(e) => return Some(Err(e)),
        };
        let animation = AnimateOptions {
            span,
            step,
            cumulative: cli.cumulative,
            hold: Duration::from_millis(cli.frame_ms),
            picture,
        };
        let mut log = std::io::stderr();
        return Some(animate(data, opts, &animation, out, &mut log).map(|_| ()));
    }
    let out = cli.screenshot.as_ref()?;
    if !cli.map_only && cli.scale == 1.0 {
        return None;
    }
    Some(screenshot(data, opts, &picture, out).map(|problems| {
        for line in problems {
            eprintln!("{line}");
        }
    }))
}
