//! Results out: sorting the events table's rows (a million generated
//! events), writing events as GeoJSON (100,000 generated point events, and
//! the bundled base map's countries as polygon events), and drawing
//! animation frames of the bundled data off screen (drawing, reading back,
//! and encoding them as GIF).

#[path = "common/synth.rs"]
mod synth;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use border_incidents::app::picture::{Picture, PictureKind};
use border_incidents::data::Data;
use border_incidents::data::events::Collection;
use border_incidents::data::events::write::write_geojson;
use border_incidents::model::view_defaults::initial_view;
use border_incidents::output::job::Progress;
use border_incidents::output::requests::AnimationFormat;
use border_incidents::panels::table_rows::{Column, SortBy, sorted};
use border_incidents::render::encode;
use border_incidents::render::offscreen::Canvas;
use border_incidents::render::sequence::{self, Scene as _, Shot};
use criterion::{Criterion, criterion_group, criterion_main};

fn table_sort(c: &mut Criterion) {
    let bundled = Data::bundled().expect("bundled data loads");
    let data = Data {
        events: synth::events(1_000_000),
        sources: bundled.sources,
        vocabulary: bundled.vocabulary,
        ..Data::default()
    };
    let rows: Vec<usize> = (0..data.events.len()).collect();
    let mut group = c.benchmark_group("table_sort_1m_rows");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for column in [Column::Date, Column::Title, Column::Kind] {
        group.bench_function(column.name(), |b| {
            b.iter(|| {
                sorted(
                    &data,
                    black_box(&rows),
                    SortBy {
                        column,
                        descending: false,
                    },
                )
            })
        });
    }
    group.finish();
}

fn geojson_write(c: &mut Criterion) {
    let bundled = Data::bundled().expect("bundled data loads");
    let points = Collection {
        sources: bundled.sources.clone(),
        vocabulary: bundled.vocabulary.clone(),
        events: synth::events(100_000),
    };
    // Every country of the base map as an event with its polygons: the
    // writing of long coordinate arrays.
    let template = synth::events(1).remove(0);
    let shapes = Collection {
        events: bundled
            .geo
            .countries
            .iter()
            .enumerate()
            .map(|(i, c)| border_incidents::data::event::Event {
                id: format!("country-{i}"),
                geometry: Some(geo::Geometry::MultiPolygon(c.shape.clone())),
                ..template.clone()
            })
            .collect(),
        ..points.clone()
    };
    let mut group = c.benchmark_group("events_geojson_write");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for (name, collection) in [("points_100k", &points), ("country_polygons", &shapes)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(64 << 20);
                write_geojson(black_box(collection), &mut out).expect("written to memory");
                black_box(out.len())
            })
        });
    }
    group.finish();
}

fn animation_frames(c: &mut Criterion) {
    let data = Arc::new(Data::bundled().expect("bundled data loads"));
    let shot = Shot::still(initial_view(&data));
    let mut scene = Picture::new(data, Vec::new(), PictureKind::Map);
    let mut canvas = Canvas::new(egui::vec2(1280.0, 800.0), 1.0).expect("an adapter");
    let mut group = c.benchmark_group("animation_1280x800");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("draw_and_read_back_a_frame", |b| {
        b.iter(|| canvas.draw(2, &mut |ui| scene.show(ui, &shot)))
    });
    let frame = canvas
        .draw(4, &mut |ui| scene.show(ui, &shot))
        .expect("a frame");
    group.bench_function("quantize_and_encode_a_gif_frame", |b| {
        b.iter(|| {
            let mut rgba = frame.clone().into_raw();
            let f = gif::Frame::from_rgba_speed(1280, 800, &mut rgba, encode::GIF_QUANTIZER_SPEED);
            black_box(f)
        })
    });
    let (from, _) = shot.view.time.window;
    let shots = sequence::playback_shots(
        &shot.view,
        (from, from + 10 * 3600),
        3600,
        false,
        Duration::from_millis(100),
    );
    let dir = std::env::temp_dir().join(format!("bench-animation-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let out = dir.join("ten.gif");
    group.bench_function("ten_frame_gif", |b| {
        b.iter(|| {
            let sink = encode::sink(AnimationFormat::Gif, &out, shots.len(), canvas.pixel_size())
                .expect("a sink");
            sequence::render(&mut scene, &mut canvas, &shots, sink, &Progress::default())
                .expect("written")
        })
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, table_sort, geojson_write, animation_frames);
criterion_main!(benches);
