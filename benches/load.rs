//! Start-up and parsing: loading the bundled data and preparing the map's
//! layers, and reading a generated 100 MB GeoJSON file as a base layer and
//! as an overlay opened by the user (checked, then its geometry kept).

#[path = "common/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::{Duration, Instant};

use border_incidents::check::{Keep, check_reader};
use border_incidents::data::Data;
use border_incidents::data::geodata::GeoData;
use border_incidents::data::geodata::load::GeoDataTexts;
use border_incidents::formats::geojson::GeoJson;
use border_incidents::import::{ImportContext, Imported, Importer as _, Want};
use border_incidents::map::MapView;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A FeatureCollection with no features, for the layers a parse leaves out.
pub const EMPTY: &str = r#"{"type":"FeatureCollection","features":[]}"#;

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("data_bundled", |b| {
        b.iter(|| black_box(Data::bundled().expect("bundled data loads")))
    });
    let data = Data::bundled().expect("bundled data loads");
    // The map is ready to draw once `new` returns (coarser levels of detail);
    // the full level follows from a thread. Each is timed apart, and every
    // iteration waits for the thread so that none runs into the next.
    group.bench_function("map_view_new_until_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let mut map = black_box(MapView::new(&data));
                timed += start.elapsed();
                map.wait_for_full_detail();
            }
            timed
        })
    });
    group.bench_function("map_view_new_until_full_detail", |b| {
        b.iter(|| {
            let mut map = MapView::new(&data);
            map.wait_for_full_detail();
            black_box(map)
        })
    });
    group.bench_function("data_bundled_and_map_view_until_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut timed = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let data = Data::bundled().expect("bundled data loads");
                let mut map = black_box(MapView::new(&data));
                timed += start.elapsed();
                map.wait_for_full_detail();
            }
            timed
        })
    });
    group.finish();
}

fn parse_100mb(c: &mut Criterion) {
    let text = synth::countries_geojson(100 * 1024 * 1024);
    let mut group = c.benchmark_group("parse_100MB");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("geodata_reader", |b| {
        b.iter(|| {
            let texts = GeoDataTexts {
                countries: &text,
                lakes: EMPTY,
                rivers: EMPTY,
                places: EMPTY,
                borders: EMPTY,
                valley: EMPTY,
            };
            black_box(GeoData::from_geojson_strs(&texts).expect("generated file parses"))
        })
    });
    let loaded = Data::default();
    let ctx = ImportContext {
        name: "synthetic.geojson",
        path: std::path::Path::new("synthetic.geojson"),
        want: Want::Anything,
        loaded: &loaded,
        overlay_id: 1,
        article: None,
    };
    // The checker alone, keeping nothing: what an overlay costs at least
    // before its geometry is read (by any reader).
    group.bench_function("check_only", |b| {
        b.iter(|| {
            black_box(check_reader(
                "synthetic.geojson",
                text.as_bytes(),
                Keep::Nothing,
            ))
        })
    });
    group.bench_function("open_as_overlay", |b| {
        b.iter(|| {
            let mut input = text.as_bytes();
            match GeoJson.load(&mut input, &ctx) {
                Imported::Overlay(overlay) => black_box(overlay.features.len()),
                _ => panic!("the generated file opens as an overlay"),
            }
        })
    });
    group.finish();
}

criterion_group!(benches, startup, parse_100mb);
criterion_main!(benches);
