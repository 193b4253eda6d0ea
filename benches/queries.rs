//! Interactive queries on 100 000 generated events: re-filtering when the
//! time window moves.

#[path = "common/synth.rs"]
mod synth;

use std::hint::black_box;
use std::time::Duration;

use border_incidents::data::Data;
use border_incidents::timeline::index::TimeIndex;
use border_incidents::view_defaults::initial_view;
use border_incidents::visibility::VisibilityCache;
use criterion::{Criterion, criterion_group, criterion_main};

/// One day, in seconds.
const DAY: i64 = 86_400;

fn generated() -> Data {
    Data {
        events: synth::events(100_000),
        ..Data::default()
    }
}

fn refilter(c: &mut Criterion) {
    let data = generated();
    let mut view = initial_view(&data);
    let (first, _) = view.time.window;
    let index = TimeIndex::new(&data);
    let mut cache = VisibilityCache::default();
    let mut step = 0i64;
    let mut group = c.benchmark_group("refilter_100k_events");
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
            black_box(cache.get(&data, &index, &view).shown.len())
        })
    });
    group.finish();
}

criterion_group!(benches, refilter);
criterion_main!(benches);
