//! Reading ACLED CSV: a generated 100,000-row file (about 60 MB, the
//! published 31-column layout) parsed into events from memory, for the
//! importer's throughput. The 1,000,000-row figures and peak memory come
//! from `examples/gen_acled` and `examples/load_csv` (see BENCHMARKS.md).

#[path = "common/acled_synth.rs"]
mod acled_synth;

use std::hint::black_box;
use std::time::Duration;

use border_incidents::formats::acled;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn parse_acled(c: &mut Criterion) {
    let mut text = Vec::new();
    acled_synth::write_acled_csv(100_000, &mut text).expect("writes to memory");
    let mut group = c.benchmark_group("acled_csv_100k_rows");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("import", |b| {
        b.iter(|| {
            let load = acled::read("synthetic.csv", &mut text.as_slice());
            assert_eq!(load.errors, 0);
            black_box(load)
        })
    });
    group.finish();
}

criterion_group!(benches, parse_acled);
criterion_main!(benches);
