//! Interactive queries on 100 000 and 1 000 000 generated events:
//! re-filtering when the time window moves, laying out the map's markers,
//! and finding what a click hits.

#[path = "common/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use border_incidents::data::Data;
use border_incidents::map::layers::marker_layout::{EventPositions, layout};
use border_incidents::model::camera::{Camera, KmBox, Projection};
use border_incidents::model::event_index::TimeIndex;
use border_incidents::model::view_defaults::initial_view;
use border_incidents::model::visibility::VisibilityCache;
use criterion::{Criterion, criterion_group, criterion_main};

/// One day, in seconds.
const DAY: i64 = 86_400;

/// The sizes measured, with their names in the groups.
const SIZES: [(usize, &str); 2] = [(100_000, "100k"), (1_000_000, "1M")];

fn generated(n: usize) -> Data {
    let bundled = Data::bundled().expect("bundled data loads");
    Data {
        events: synth::events(n),
        sources: bundled.sources,
        vocabulary: bundled.vocabulary,
        ..Data::default()
    }
}

fn refilter(c: &mut Criterion) {
    for (n, name) in SIZES {
        refilter_n(c, n, name);
    }
}

fn refilter_n(c: &mut Criterion, n: usize, name: &str) {
    let data = generated(n);
    let mut view = initial_view(&data);
    let (first, _) = view.time.window;
    let index = TimeIndex::new(&data);
    let mut cache = VisibilityCache::default();
    let mut step = 0i64;
    let mut group = c.benchmark_group(format!("refilter_{name}_events"));
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("visibility_cache_window_moves", |b| {
        b.iter(|| {
            // A three-day window sliding by one hour per iteration.
            step = (step + 1) % (27 * 24);
            let from = first + step * 3600;
            view.time.window = (from, from + 3 * DAY);
            black_box(
                cache
                    .get(&data, &index, &view.filters, view.time.window)
                    .shown
                    .len(),
            )
        })
    });
    group.finish();
}

/// The map's area in the 1600×1000 window of the frame benchmarks.
fn map_rect() -> egui::Rect {
    egui::Rect::from_min_size(egui::pos2(330.0, 22.0), egui::vec2(870.0, 750.0))
}

fn map_events(c: &mut Criterion) {
    for (n, name) in SIZES {
        map_events_n(c, n, name);
    }
}

fn map_events_n(c: &mut Criterion, n: usize, size_name: &str) {
    let data = generated(n);
    let proj = Projection::at(data.region.reference_lat);
    let positions = EventPositions::new(&data.events, &proj);
    let items: Vec<(usize, bool)> = (0..data.events.len()).map(|i| (i, false)).collect();
    let rect = map_rect();
    let mut all = KmBox::EMPTY;
    all.add(proj.project(synth::BOX[0], synth::BOX[1]));
    all.add(proj.project(synth::BOX[2], synth::BOX[3]));
    let cameras = [
        ("all_in_view", Camera::fit(&proj, &all, rect.size(), 24.0)),
        (
            "batken_close_up",
            Camera {
                center_lon: 70.82,
                center_lat: 40.06,
                points_per_km: 40.0,
            },
        ),
    ];
    let mut group = c.benchmark_group(format!("map_{size_name}_events"));
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    for (name, camera) in cameras {
        let t = camera.transform(&proj, rect);
        group.bench_function(format!("layout_{name}"), |b| {
            b.iter(|| black_box(layout(&positions, items.iter().copied(), &t, rect)))
        });
        let laid_out = layout(&positions, items.iter().copied(), &t, rect);
        eprintln!(
            "{name}: {} markers, {} clusters on screen",
            laid_out.markers.len(),
            laid_out.clusters.len()
        );
        // Clicks on a grid of points over the map, hits and misses alike.
        let points: Vec<egui::Pos2> = (0..400)
            .map(|k| {
                egui::pos2(
                    rect.left() + rect.width() * ((k % 20) as f32 + 0.5) / 20.0,
                    rect.top() + rect.height() * ((k / 20) as f32 + 0.5) / 20.0,
                )
            })
            .collect();
        let mut k = 0;
        group.bench_function(format!("hit_test_{name}"), |b| {
            b.iter(|| {
                k = (k + 1) % points.len();
                black_box(laid_out.hit(points[k]))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, refilter, map_events);
criterion_main!(benches);
