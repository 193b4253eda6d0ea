//! CPU cost of one whole frame of the app, headless: egui layout of every
//! panel and the map, then tessellation into triangles (what the GPU would
//! receive). No GPU work is measured.
//!
//! The app draws as the real window does, with the map's base layers kept
//! on the GPU (a paint callback that the headless run never executes; the
//! mesh is uploaded only when it is tessellated again). The `…_through_egui`
//! variants hand the base layers' mesh to egui every frame instead, as a
//! renderer without wgpu does, for the ratio.
//!
//! Views: the default view, zoomed into Batken, and panning (the camera moves
//! every frame), plus a click on the map; on the bundled data, on a generated layer of 1 000 000
//! vertices with 100 000 events, and on the bundled map with 1 000 000 events.

#[path = "common/headless.rs"]
mod headless;
#[path = "common/synth.rs"]
mod synth;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use border_incidents::data::Data;
use border_incidents::model::action::Action;
use border_incidents::model::camera::Camera;
use border_incidents::model::view::layer_ids;
use criterion::{Criterion, criterion_group, criterion_main};
use headless::{BaseLayers, Headless};

/// Batken, close up.
const BATKEN: Camera = Camera {
    center_lon: 70.82,
    center_lat: 40.06,
    points_per_km: 40.0,
};

/// Which views a group measures.
#[derive(Clone, Copy, PartialEq)]
enum Views {
    /// Every view, with the base layers on the GPU and through egui, with
    /// and without the relief.
    All,
    /// The views the budgets name (default, zoomed, panning, click), as the
    /// window draws them.
    Budgeted,
}

fn bench_views(c: &mut Criterion, group_name: &str, data: Arc<Data>, views: Views) {
    let mut group = c.benchmark_group(group_name);
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));

    let mut h = Headless::new(data.clone(), BaseLayers::OnGpu);
    group.bench_function("default_view", |b| b.iter(|| black_box(h.frame())));
    if views == Views::All {
        let mut h = Headless::new(data.clone(), BaseLayers::ThroughEgui);
        group.bench_function("default_view_through_egui", |b| {
            b.iter(|| black_box(h.frame()))
        });
        // The same view with the shaded relief switched off: what the
        // relief's textures cost a frame.
        let mut h = Headless::new(data.clone(), BaseLayers::OnGpu);
        let layers = h.app.view().layers.with(layer_ids::RELIEF, false);
        h.app.apply(Action::SetLayers(layers));
        h.frame();
        group.bench_function("default_view_without_relief", |b| {
            b.iter(|| black_box(h.frame()))
        });
    }

    let mut h = Headless::new(data.clone(), BaseLayers::OnGpu);
    h.app.apply(Action::SetCamera(BATKEN));
    h.frame();
    group.bench_function("zoomed_batken", |b| b.iter(|| black_box(h.frame())));

    let panning: &[(&str, BaseLayers)] = match views {
        Views::All => &[
            ("panning", BaseLayers::OnGpu),
            ("panning_through_egui", BaseLayers::ThroughEgui),
        ],
        Views::Budgeted => &[("panning", BaseLayers::OnGpu)],
    };
    for &(name, base_layers) in panning {
        let mut h = Headless::new(data.clone(), base_layers);
        let start = h.app.view().camera;
        let mut step = 0u32;
        group.bench_function(name, |b| {
            b.iter(|| {
                step = (step + 1) % 240;
                // Sweep 2° east and back, so every frame shows a new view.
                let offset = f64::from(step.min(240 - step)) / 60.0;
                h.app.apply(Action::SetCamera(Camera {
                    center_lon: start.center_lon + offset,
                    ..start
                }));
                black_box(h.frame())
            })
        });
    }

    // A click in the middle of the map: the press frame and the release frame
    // (where egui reports the click and the map hit-tests the markers).
    let mut h = Headless::new(data, BaseLayers::OnGpu);
    group.bench_function("click_on_map_two_frames", |b| {
        b.iter(|| {
            h.frame_with(vec![egui::Event::PointerMoved(CLICK_AT), button(true)]);
            black_box(h.frame_with(vec![button(false)]))
        })
    });
    group.finish();
}

/// Where the click benchmark clicks: the middle of the map area.
const CLICK_AT: egui::Pos2 = egui::pos2(765.0, 420.0);

fn button(pressed: bool) -> egui::Event {
    egui::Event::PointerButton {
        pos: CLICK_AT,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    }
}

fn frame_bundled(c: &mut Criterion) {
    let data = Arc::new(Data::bundled().expect("bundled data loads"));
    bench_views(c, "frame_bundled", data, Views::All);
}

fn frame_generated(c: &mut Criterion) {
    let bundled = Data::bundled().expect("bundled data loads");
    let data = Arc::new(Data {
        geo: synth::geo_with_countries(&bundled.geo, synth::countries(1_000_000, 1000)),
        events: synth::events(100_000),
        sources: bundled.sources,
        vocabulary: bundled.vocabulary,
        region: bundled.region,
        counts: None,
        time_counts: None,
    });
    bench_views(
        c,
        "frame_generated_1M_vertices_100k_events",
        data,
        Views::All,
    );
}

/// A million events (a large dataset opened) on the bundled map.
fn frame_million_events(c: &mut Criterion) {
    let bundled = Data::bundled().expect("bundled data loads");
    let data = Arc::new(Data {
        events: synth::events(1_000_000),
        ..bundled
    });
    bench_views(c, "frame_1M_events", data, Views::Budgeted);
}

criterion_group!(
    benches,
    frame_bundled,
    frame_generated,
    frame_million_events
);
criterion_main!(benches);
