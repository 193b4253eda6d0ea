//! The article extractor's speed: one 5,000-word article, and 1,000
//! articles of about 750 words read as `extract DIR` reads a folder, on
//! every core (throughput in MB/s); both made from the test articles'
//! paragraphs. And the world gazetteer's first read.

use std::hint::black_box;
use std::time::Duration;

use border_incidents::data::gazetteer::world::World;
use border_incidents::data::geodata::GeoData;
use border_incidents::extract::{Options, PlaceIndex, batch, extract};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The test articles' texts.
fn texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("text"))
        .collect()
}

/// An article of at least `words` words, the test articles' paragraphs in turn.
fn article(words: usize, seed: usize) -> String {
    let paragraphs: Vec<String> = texts()
        .iter()
        .flat_map(|t| t.split("\n\n").map(str::to_owned).collect::<Vec<_>>())
        .collect();
    let mut out = String::new();
    let mut k = seed;
    while out.split_whitespace().count() < words {
        out.push_str(&paragraphs[k % paragraphs.len()]);
        out.push_str("\n\n");
        k += 7;
    }
    out
}

fn bench(c: &mut Criterion) {
    let places = PlaceIndex::new(&GeoData::bundled().expect("gazetteer").places);
    let published = jiff::civil::date(2022, 9, 19);
    let options = Options {
        published,
        source: 0,
        id_prefix: "bench",
        places: &places,
        progress: None,
        cancel: None,
    };
    // The world gazetteer is read once per process, the first time a name
    // is not among the region's places: read it here, timed on its own, so
    // no extraction sample below holds it (its read is measured apart, as
    // `gazetteer/world_load`).
    let first = std::time::Instant::now();
    let world = World::bundled().map(World::len);
    eprintln!(
        "first read of the world gazetteer: {:?} ({world:?} places)",
        first.elapsed()
    );
    let long = article(5_000, 0);
    let mut group = c.benchmark_group("extract");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("article_5000_words", |b| {
        b.iter(|| black_box(extract(black_box(&long), &options).proposals.len()))
    });
    let many: Vec<String> = (0..1_000).map(|i| article(750, i)).collect();
    let bytes: usize = many.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    // As `extract DIR` reads a folder: on every core, results in order.
    group.bench_function("articles_1000", |b| {
        b.iter(|| {
            let mut proposals = 0;
            batch::in_order(
                &many,
                |t| extract(t, &options).proposals.len(),
                |n| proposals += n,
            );
            proposals
        })
    });
    group.finish();
    // The world gazetteer, read as the extractor reads it the first time
    // a name is not among the region's places.
    let gz = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata/world_places.tsv.gz"),
    )
    .expect("world gazetteer");
    let mut group = c.benchmark_group("gazetteer");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    group.throughput(Throughput::Bytes(gz.len() as u64));
    group.bench_function("world_load", |b| {
        b.iter(|| black_box(World::read(black_box(&gz)).map(|w| w.len())))
    });
    group.finish();
}

/// This process's CPU time (user and system, all threads) in seconds, from
/// `/proc/self/stat` (Linux; clock ticks of 1/100 s): on a shared machine
/// it counts the work done, not the time spent waiting for a core.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks = |k: usize| fields.get(k)?.parse::<f64>().ok();
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// The CPU time of the two extraction workloads, printed beside
/// criterion's wall-clock figures (which a loaded machine inflates).
fn cpu_time(_: &mut Criterion) {
    let places = PlaceIndex::new(&GeoData::bundled().expect("gazetteer").places);
    let options = Options {
        published: jiff::civil::date(2022, 9, 19),
        source: 0,
        id_prefix: "bench",
        places: &places,
        progress: None,
        cancel: None,
    };
    let long = article(5_000, 0);
    let runs = 100;
    let (Some(before), _) = (cpu_seconds(), World::bundled()) else {
        return;
    };
    for _ in 0..runs {
        black_box(extract(black_box(&long), &options).proposals.len());
    }
    let per_article = (cpu_seconds().unwrap_or(before) - before) / f64::from(runs);
    eprintln!(
        "cpu time: article_5000_words {:.2} ms ({:.1} MB per CPU second)",
        per_article * 1000.0,
        long.len() as f64 / per_article / 1e6
    );
    let many: Vec<String> = (0..1_000).map(|i| article(750, i)).collect();
    let bytes: usize = many.iter().map(String::len).sum();
    let before = cpu_seconds().unwrap_or(0.0);
    batch::in_order(
        &many,
        |t| extract(t, &options).proposals.len(),
        |n| {
            black_box(n);
        },
    );
    let spent = cpu_seconds().unwrap_or(before) - before;
    eprintln!(
        "cpu time: articles_1000 {spent:.2} s of CPU for {:.2} MB ({:.1} MB per CPU second)",
        bytes as f64 / 1e6,
        bytes as f64 / spent / 1e6
    );
}

criterion_group!(benches, bench, cpu_time);
criterion_main!(benches);
