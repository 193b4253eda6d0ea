//! Scrubbing the timeline over a million events: 100 steps of the time
//! cursor across the whole span, one frame each at 60 frames a second, then
//! frames until the map shows the markers of the last step. Reports the
//! frames' median, 99th percentile and longest, and how long after the last
//! step the map's layout was complete; once with the marker layouts made on
//! their thread (as the app does) and once made within the frame that needs
//! them (as before), side by side in one run. Two views: the app's first
//! view (the region, the window as wide as the data's span, so that it
//! slides in over them), and every event in view with a cumulative window
//! (all million in view and laid out at the last step).
//!
//! Usage: `cargo bench --bench scrub` (not criterion: the figures are
//! percentiles of one scrub, repeated a few times).

#[path = "common/headless.rs"]
mod headless;
#[path = "common/synth.rs"]
mod synth;

use std::sync::Arc;
use std::time::{Duration, Instant};

use border_incidents::app::App;
use border_incidents::data::Data;
use border_incidents::map::layers::layout_job::{LaidOut, LayoutJob, LayoutRunner};
use border_incidents::model::action::Action;
use border_incidents::model::camera::{Camera, KmBox, Projection};
use border_incidents::start::StartOptions;
use border_incidents::timeline::playback::with_cursor;
use headless::{BaseLayers, Headless};

/// Scrub steps across the span.
const STEPS: usize = 100;
/// Scrubs measured for each way of making layouts.
const RUNS: usize = 3;
/// The map's size in the benchmarks' 1600×1000 window.
const MAP: egui::Vec2 = egui::vec2(870.0, 750.0);
/// The time between two frames of a 60 Hz display.
const FRAME: Duration = Duration::from_micros(16_667);

/// Makes every layout within the frame that needs it, as the map did before
/// layouts moved to a thread.
struct InFrame(Option<LaidOut>);

impl LayoutRunner for InFrame {
    fn start(&mut self, job: LayoutJob, _repaint: &egui::Context) {
        self.0 = Some(job.run());
    }

    fn finished(&mut self) -> Option<LaidOut> {
        self.0.take()
    }

    fn in_frame_up_to(&self) -> usize {
        usize::MAX
    }
}

/// A view the scrub is measured in, set up on the app.
type View = (&'static str, fn(&mut Headless));

/// A way of making layouts, given to the app.
type Way = (&'static str, fn(App) -> App);

/// One scrub's figures.
struct Scrub {
    /// Every step's frame, sorted.
    frames: Vec<Duration>,
    /// From the end of the last step's frame to the end of the frame that
    /// showed its layout.
    complete: Duration,
}

impl Scrub {
    fn percentile(&self, p: f64) -> Duration {
        let k = ((self.frames.len() as f64 - 1.0) * p).round() as usize;
        self.frames[k]
    }
}

/// Scrubs the cursor across the data's span in `STEPS` steps, one frame a
/// step at 60 Hz.
fn scrub(h: &mut Headless) -> Scrub {
    let (first, last) = span(h.app.data());
    let mut time = with_cursor(&h.app.view().time, first);
    h.app.apply(Action::SetTime(time.clone()));
    settle(h);
    let mut frames = Vec::with_capacity(STEPS);
    let mut next = Instant::now();
    for k in 1..=STEPS {
        let t = first + (last - first) * k as i64 / STEPS as i64;
        time = with_cursor(&time, t);
        h.app.apply(Action::SetTime(time.clone()));
        let start = Instant::now();
        h.frame();
        frames.push(start.elapsed());
        next += FRAME;
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
    }
    let last_step = Instant::now();
    while h.app.map_layout_pending() {
        std::thread::sleep(Duration::from_millis(1));
        h.frame();
    }
    let complete = last_step.elapsed();
    frames.sort_unstable();
    Scrub { frames, complete }
}

/// Frames until the map's layout is made.
fn settle(h: &mut Headless) {
    h.frame();
    while h.app.map_layout_pending() {
        std::thread::sleep(Duration::from_millis(5));
        h.frame();
    }
    h.frame();
}

/// The first and last second of the events.
fn span(data: &Data) -> (i64, i64) {
    let starts = data.events.iter().map(|e| e.start.first_second());
    let first = starts.clone().min().unwrap_or(0);
    let last = starts.max().unwrap_or(0);
    (first, last)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    // `cargo bench` passes `--bench`; a word given after `--` keeps the ways
    // whose name holds it (`cargo bench --bench scrub -- thread`).
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .unwrap_or_default();
    let bundled = Data::bundled().expect("bundled data loads");
    let data = Arc::new(Data {
        events: synth::events(1_000_000),
        ..bundled
    });
    let views: [View; 2] = [
        ("first view", |_| {}),
        ("all in view, cumulative", |h| {
            let proj = Projection::at(h.app.data().region.reference_lat);
            let mut all = KmBox::EMPTY;
            all.add(proj.project(synth::BOX[0], synth::BOX[1]));
            all.add(proj.project(synth::BOX[2], synth::BOX[3]));
            h.app
                .apply(Action::SetCamera(Camera::fit(&proj, &all, MAP, 24.0)));
            let mut time = h.app.view().time.clone();
            time.cumulative = true;
            h.app.apply(Action::SetTime(time));
        }),
    ];
    let ways: [Way; 2] = [
        ("layouts on their thread", |app| app),
        ("layouts within the frame (before)", |app| {
            app.with_layout_runner(Box::new(InFrame(None)))
        }),
    ];
    println!("1,000,000 events, {STEPS} scrub steps across the span");
    for (view, set_up) in views {
        for (way, make) in ways.iter().filter(|(name, _)| name.contains(&filter)) {
            let app = make(App::new(None, data.clone(), StartOptions::default()));
            let mut h = Headless::of(app, BaseLayers::OnGpu);
            set_up(&mut h);
            for run in 1..=RUNS {
                let s = scrub(&mut h);
                println!(
                    "{view}, {way}, run {run}: frame median {:.2} ms, p99 {:.2} ms, \
                     longest {:.2} ms; layout complete {:.1} ms after the last step",
                    ms(s.percentile(0.5)),
                    ms(s.percentile(0.99)),
                    ms(s.percentile(1.0)),
                    ms(s.complete),
                );
            }
        }
    }
}
