//! What the map shows while work goes on away from the UI thread: the
//! layers that follow the first frame (the relief, the world beyond the
//! base map and its capitals) arrive a few frames after start, with the
//! markers there from the first; and while a new marker layout is made the
//! last one stays drawn, and a click on a marker selects it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common;

use border_incidents::app::App;
use border_incidents::map::layers::layout_job::{LaidOut, LayoutJob, LayoutRunner};
use border_incidents::map::layers::markers::marker_label;
use border_incidents::start::StartOptions;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The app, noting after each frame whether its map was drawn in full
/// (the relief and the world in).
struct Noting {
    app: App,
    in_full: Vec<bool>,
}

impl eframe::App for Noting {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        self.in_full.push(self.app.map_in_full_detail());
    }
}

/// The texts painted in the last frame.
fn painted_texts<T>(harness: &Harness<'_, T>) -> Vec<String> {
    let shapes = &harness.output().shapes;
    let texts = shapes.iter().filter_map(|c| match &c.shape {
        egui::Shape::Text(t) => Some(t.galley.text().to_owned()),
        _ => None,
    });
    texts.collect()
}

/// How many images of the shaded relief the last frame painted.
fn relief_images<T>(harness: &Harness<'_, T>) -> usize {
    let textures = harness.ctx.tex_manager();
    let textures = textures.read();
    let is_relief = |id| {
        textures
            .meta(id)
            .is_some_and(|m| m.name.starts_with("hillshade"))
    };
    let shapes = &harness.output().shapes;
    shapes
        .iter()
        .filter(|c| matches!(&c.shape, egui::Shape::Mesh(m) if is_relief(m.texture_id)))
        .count()
}

#[test]
fn the_relief_and_the_world_arrive_a_few_frames_after_the_first() {
    let data = common::data();
    let opts = StartOptions {
        select: Some("putin-appeal".into()),
        ..StartOptions::default()
    };
    let far = data.events.iter().find(|e| e.id == "putin-appeal").cloned();
    let far = far.expect("the bundled data has Putin's appeal");
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .with_max_steps(1)
        .build_eframe(move |cc| Noting {
            app: App::new(None, data.clone(), opts.clone()).started_in(cc),
            in_full: Vec::new(),
        });
    // The first frame drew the map without them (they start after it).
    assert_eq!(harness.state().in_full.first(), Some(&false));
    assert!(harness.query_by_label(&marker_label(&far)).is_some());
    let started = Instant::now();
    while !harness.state().app.map_in_full_detail() {
        assert!(started.elapsed() < Duration::from_secs(60), "never arrived");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(2);
    assert!(relief_images(&harness) > 0, "no relief drawn");
    let texts = painted_texts(&harness);
    assert!(texts.iter().any(|t| t == "Baku"), "{texts:?}");
    assert!(harness.query_by_label(&marker_label(&far)).is_some());
}

/// Makes every layout away from the frame, and holds the layouts asked for
/// until the test lets them go.
#[derive(Clone, Default)]
struct Held {
    jobs: Arc<Mutex<Vec<LayoutJob>>>,
    let_go: Arc<AtomicBool>,
}

impl LayoutRunner for Held {
    fn start(&mut self, job: LayoutJob, _repaint: &egui::Context) {
        self.jobs.lock().expect("jobs").push(job);
    }

    fn finished(&mut self) -> Option<LaidOut> {
        if !self.let_go.load(Ordering::SeqCst) {
            return None;
        }
        let newest = self.jobs.lock().expect("jobs").drain(..).next_back();
        newest.map(LayoutJob::run)
    }

    fn in_frame_up_to(&self) -> usize {
        0
    }
}

#[test]
fn the_last_layout_stays_drawn_and_clickable_while_the_next_is_made() {
    let data = common::data();
    let held = Held::default();
    let runner = held.clone();
    let app_data = data.clone();
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            common::app(app_data.clone(), StartOptions::default())
                .with_layout_runner(Box::new(runner.clone()))
                .started_in(cc)
        });
    harness.run_steps(3);
    let target = data
        .events
        .iter()
        .find(|e| e.id == "shelling-tajik-towns-tj-claim")
        .expect("the shelling claim is in the bundled data");
    assert!(harness.query_by_label(&marker_label(target)).is_some());
    assert!(!harness.state().map_layout_pending());
    // Zooming out asks for a new layout, which is held back.
    harness.key_press(egui::Key::Minus);
    harness.run_steps(3);
    assert!(harness.state().map_layout_pending());
    assert!(!held.jobs.lock().expect("jobs").is_empty());
    // Meanwhile the last layout is drawn at the new zoom, and answers clicks.
    harness.get_by_label(&marker_label(target)).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(target.id.as_str())
    );
    assert!(harness.state().map_layout_pending());
    held.let_go.store(true, Ordering::SeqCst);
    harness.run_steps(3);
    assert!(!harness.state().map_layout_pending());
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(target.id.as_str())
    );
}
