//! Pictures without a window: `--screenshot` of the map alone or at a
//! scale (`--map-only`, `--scale`), and `--animate`, the playback between
//! two dates or a whole `--story` exported as an animation. All draw off
//! screen.

use std::io::Write as _;
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
use crate::render::story_shots::{GLIDE_FRAMES, story_shots};
use crate::start::StartOptions;
use crate::story::Story;
use crate::story::start::Start;

/// Layout passes before a still picture is taken.
const STILL_PASSES: usize = 4;

/// How long a frame of playback shows unless --frame-ms says.
const PLAYBACK_FRAME_MS: u64 = 500;

/// How long a story's step shows unless --frame-ms says.
const STORY_STEP_MS: u64 = 4_000;

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

/// Reads the story asked for against the data once the files opened at
/// start have loaded (a story may name their events); `None` for none.
pub type StoryLoad<'a> = &'a dyn Fn(&Data) -> anyhow::Result<Option<Start>>;

/// Draws one picture of the app started with `opts` and writes it to `out`
/// as PNG: its view, or the step of the story `story` reads, with its
/// caption. Returns the file problems of the files opened, if any.
pub fn screenshot(
    data: Arc<Data>,
    opts: StartOptions,
    picture: &PictureOptions,
    out: &Path,
    story: StoryLoad<'_>,
    save_view: Option<&Path>,
) -> anyhow::Result<Vec<String>> {
    let mut scene = Picture::from_start(data, opts, picture.kind);
    no_missing_selection(&scene)?;
    let still = Shot::still(scene.view().clone());
    let loaded = scene.data().clone();
    let shot = match story(&loaded)? {
        None => still,
        Some(start) => {
            let mut shots = story_shots(
                &start.story,
                &loaded,
                &still.view,
                picture.size,
                Duration::ZERO,
                0,
            );
            if start.step >= shots.len() {
                return Err(anyhow!("the story has no step {}", start.step + 1));
            }
            shots.swap_remove(start.step)
        }
    };
    let mut canvas = Canvas::new(picture.size.into(), picture.scale)?;
    let image = canvas.draw(STILL_PASSES, &mut |ui| scene.show(ui, &shot))?;
    encode::write_png(&image, out).with_context(|| format!("cannot write {}", out.display()))?;
    if let Some(path) = save_view {
        scene
            .save_view_to(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
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
    no_missing_selection(&scene)?;
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
    write_animation(&mut scene, &shots, &animation.picture, out, log)
}

/// Fails when `--select` named an event that none of the loaded ones is.
fn no_missing_selection(scene: &Picture) -> anyhow::Result<()> {
    match scene.missing_selection() {
        Some(id) => Err(anyhow!("--select {id}: no event has this id")),
        None => Ok(()),
    }
}

/// Exports the whole of the story `story` reads (every step held `hold`,
/// the map gliding from one to the next) from the app started with `opts`
/// to `out`, as [`animate`] does. Returns the number of frames.
pub fn animate_story(
    data: Arc<Data>,
    opts: StartOptions,
    story: StoryLoad<'_>,
    hold: Duration,
    picture: &PictureOptions,
    out: &Path,
    log: &mut dyn std::io::Write,
) -> anyhow::Result<usize> {
    let mut scene = Picture::from_start(data, opts, picture.kind);
    no_missing_selection(&scene)?;
    for line in scene.problems() {
        writeln!(log, "{line}")?;
    }
    let loaded = scene.data().clone();
    let story: Story = story(&loaded)?
        .ok_or_else(|| anyhow!("--story: no story"))?
        .story;
    let shots = story_shots(
        &story,
        &loaded,
        scene.view(),
        picture.size,
        hold,
        GLIDE_FRAMES,
    );
    if shots.is_empty() {
        return Err(anyhow!("the story has no steps"));
    }
    write_animation(&mut scene, &shots, picture, out, log)
}

/// Draws `shots` with `scene` into `out` (a GIF, an APNG or a folder of
/// PNG frames, by its name) and says so in `log`. Returns the number of
/// frames.
fn write_animation(
    scene: &mut Picture,
    shots: &[Shot],
    picture: &PictureOptions,
    out: &Path,
    log: &mut dyn std::io::Write,
) -> anyhow::Result<usize> {
    let format = AnimationFormat::for_path(out);
    let size = PictureSize {
        points: picture.size,
        scale: picture.scale,
    };
    let progress = Progress::default();
    export_jobs::animation(scene, shots, size, format, out, &progress)
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
        if cli.story.is_some() {
            return Some(story_animation(cli, data, opts, &picture, span, out));
        }
        let Some(span) = span else {
            return Some(Err(anyhow!(
                "--animate needs FROM..TO, like 2022-09-14..2022-09-20 (or --story, to export a story)"
            )));
        };
        let step = match cli.animate_step() {
            Ok(step) => step,
            Err(e) => return Some(Err(e)),
        };
        let animation = AnimateOptions {
            span,
            step,
            cumulative: cli.cumulative,
            hold: Duration::from_millis(cli.frame_ms.unwrap_or(PLAYBACK_FRAME_MS)),
            picture,
        };
        let mut log = std::io::stderr();
        return Some(animate(data, opts, &animation, out, &mut log).map(|_| ()));
    }
    let out = cli.screenshot.as_ref()?;
    if !cli.map_only && cli.scale == 1.0 {
        return None;
    }
    let run = || {
        let step = cli.story_step()?;
        let story = |loaded: &Data| crate::story::start::load(cli.story.as_ref(), step, loaded);
        let save_view = cli.save_view.as_deref();
        screenshot(data.clone(), opts, &picture, out, &story, save_view)
    };
    Some(run().map(|problems| {
        for line in problems {
            eprintln!("{line}");
        }
    }))
}

/// `--story [FILE] --animate --out OUT`: the whole story as an animation.
fn story_animation(
    cli: &crate::cli::Cli,
    data: Arc<Data>,
    opts: StartOptions,
    picture: &PictureOptions,
    span: Option<(Seconds, Seconds)>,
    out: &Path,
) -> anyhow::Result<()> {
    if let Some(step) = &cli.step {
        return Err(anyhow!(
            "--step {step}: with --story --animate every step is exported; leave --step out"
        ));
    }
    if cli.cumulative {
        return Err(anyhow!(
            "--cumulative: with --story each step sets its own time window"
        ));
    }
    let story = |loaded: &Data| crate::story::start::load(cli.story.as_ref(), None, loaded);
    let mut log = std::io::stderr();
    if span.is_some() {
        writeln!(
            log,
            "note: --animate FROM..TO is not used with --story: each step sets its own time window"
        )?;
    }
    let hold = Duration::from_millis(cli.frame_ms.unwrap_or(STORY_STEP_MS));
    animate_story(data, opts, &story, hold, picture, out, &mut log).map(|_| ())
}
