//! Measured quality of the extractor with the strict scorer
//! (`extract::score`): precision and recall on each report of
//! `tests/data/reports/build` (what the rules are built on), of
//! `tests/data/reports/heldout` (only ever scored), of the older test
//! articles of `tests/data/articles`, and on the bundled article, with
//! the naive one-event-per-sentence baseline beside each. The table is
//! printed (`cargo test --test model extract_quality -- --nocapture`) and
//! copied into EXTRACTION.md; the floors asserted are the figures
//! measured, so a rule that makes things worse fails.
//!
//! `EXTRACT_BUILD_ONLY=1` scores the build reports and the test articles
//! only (no held-out figure is printed or asserted), for working on the
//! rules without looking at the held-out reports.
//!
//! `EXTRACT_FAILURES=1` also prints, for the build reports and the test
//! articles only, each coded event no proposal matched (with the nearest
//! proposal and what it fails) and each proposal that matched nothing.

mod baseline;

use std::path::{Path, PathBuf};

use border_incidents::data::event::Event;
use border_incidents::data::events::{self, TextsBeside};
use border_incidents::data::geodata::GeoData;
use border_incidents::extract::score::{Score, check, matching, score};
use border_incidents::extract::{Options, PlaceIndex, extract};

/// The groups of the table.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Group {
    Build,
    HeldOut,
    Articles,
    Bundled,
}

impl Group {
    fn label(self) -> &'static str {
        match self {
            Group::Build => "build",
            Group::HeldOut => "held out",
            Group::Articles => "test articles",
            Group::Bundled => "bundled article",
        }
    }
}

/// One report's scores: the extractor's and the baseline's, and each
/// proposal's confidence with whether it matched.
struct Row {
    name: String,
    group: Group,
    extractor: Score,
    baseline: Score,
    confidences: Vec<(f64, bool)>,
}

fn run(text: &str, published: jiff::civil::Date, places: &PlaceIndex) -> Vec<Event> {
    let options = Options {
        published,
        source: 0,
        id_prefix: "p",
        places,
        progress: None,
        cancel: None,
    };
    extract(text, &options)
        .proposals
        .into_iter()
        .map(|p| p.event)
        .collect()
}

/// The expected events files of a folder, by name.
fn expected_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.geojson"))
        .collect();
    files.sort();
    files
}

fn score_file(path: &Path, group: Group, places: &PlaceIndex) -> Row {
    let file = std::fs::read_to_string(path).unwrap();
    let expected = events::parse(
        &path.display().to_string(),
        &file,
        &TextsBeside::file(path),
        &[],
    )
    .into_result()
    .unwrap();
    let source = &expected.sources[0];
    let (text, published) = (source.text_or_empty(), source.published.unwrap());
    let proposed = run(text, published, places);
    let naive = baseline::propose(text, published, places);
    let name = path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .trim_end_matches(".expected.geojson")
        .to_owned();
    if group != Group::HeldOut && std::env::var_os("EXTRACT_FAILURES").is_some() {
        print_failures(&name, &proposed, &expected.events);
    }
    let owner = matching(&proposed, &expected.events);
    let confidences = proposed
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let c = p.extraction.as_ref().map_or(0.0, |x| x.confidence);
            (c, owner.contains(&Some(i)))
        })
        .collect();
    Row {
        name,
        group,
        extractor: score(&proposed, &expected.events),
        baseline: score(&naive, &expected.events),
        confidences,
    }
}

/// The calibration table: the proposals of `rows` by confidence (tenths),
/// how many matched, and the largest gap between a bin's mean confidence
/// and the share that matched, over bins of at least `min` proposals.
fn calibration(rows: &[&Row], min: usize) -> f64 {
    let mut bins = [(0usize, 0usize, 0.0f64); 10];
    for (c, ok) in rows.iter().flat_map(|r| &r.confidences) {
        let b = &mut bins[((c * 10.0) as usize).min(9)];
        b.0 += 1;
        b.1 += usize::from(*ok);
        b.2 += c;
    }
    println!("| confidence | proposals | matched | mean confidence | share matched |");
    println!("|---|---|---|---|---|");
    let mut worst: f64 = 0.0;
    for (k, (n, m, sum)) in bins.iter().enumerate().filter(|(_, b)| b.0 > 0) {
        let (mean, share) = (sum / *n as f64, *m as f64 / *n as f64);
        println!(
            "| {:.1}–{:.1} | {n} | {m} | {mean:.2} | {} |",
            k as f64 / 10.0,
            (k + 1) as f64 / 10.0,
            percent(share)
        );
        if *n >= min {
            worst = worst.max((mean - share).abs());
        }
    }
    worst
}

/// Precision of the proposals of `rows` at or above `threshold`.
fn precision_above(rows: &[&Row], threshold: f64) -> (usize, f64) {
    let kept: Vec<bool> = rows
        .iter()
        .flat_map(|r| &r.confidences)
        .filter(|(c, _)| *c >= threshold)
        .map(|(_, ok)| *ok)
        .collect();
    let hits = kept.iter().filter(|ok| **ok).count();
    (kept.len(), hits as f64 / kept.len().max(1) as f64)
}

/// What the strict scorer did not match in one report (never called on
/// the held-out reports).
fn print_failures(name: &str, proposed: &[Event], expected: &[Event]) {
    let owner = matching(proposed, expected);
    println!("## {name}");
    for (j, e) in expected.iter().enumerate() {
        if owner[j].is_some() {
            continue;
        }
        let nearest = proposed
            .iter()
            .enumerate()
            .filter(|(i, _)| !owner.contains(&Some(*i)))
            .map(|(_, p)| (check(p, e).failing(), p))
            .min_by_key(|(f, _)| f.len());
        match nearest {
            Some((f, p)) => println!(
                "MISS {:?} {} [{}] {}..{} at {:?}±{:?} | nearest {} {:?} {}..{} at {:?}±{:?} fails {f:?}",
                e.kind,
                e.id,
                e.title,
                e.start,
                e.end,
                e.place_ref,
                e.uncertainty_km,
                p.title,
                p.claimant,
                p.start,
                p.end,
                p.place_ref,
                p.uncertainty_km,
            ),
            None => println!("MISS {} [{}]", e.id, e.title),
        }
    }
    for (i, p) in proposed.iter().enumerate() {
        let (rules, confidence) = p
            .extraction
            .as_ref()
            .map(|x| (x.rules.join(","), x.confidence))
            .unwrap_or_default();
        if owner.contains(&Some(i)) {
            println!("HIT {confidence:.3} {} [{rules}]", p.title);
        } else {
            println!(
                "EXTRA {confidence:.3} {} {:?} {}..{} [{rules}] {:?}",
                p.title,
                p.claimant,
                p.start,
                p.end,
                p.quotes
                    .first()
                    .map(|q| q.text.chars().take(90).collect::<String>())
            );
        }
    }
}

fn percent(x: f64) -> String {
    format!("{:.0} %", 100.0 * x)
}

fn print_table(rows: &[Row]) {
    println!(
        "| report | proposed | expected | matched | precision | recall | baseline precision | baseline recall |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let line = |name: &str, s: Score, b: Score| {
        println!(
            "| {name} | {} | {} | {} | {} | {} | {} | {} |",
            s.proposed,
            s.expected,
            s.matched,
            percent(s.precision()),
            percent(s.recall()),
            percent(b.precision()),
            percent(b.recall())
        );
    };
    for group in [
        Group::Build,
        Group::HeldOut,
        Group::Articles,
        Group::Bundled,
    ] {
        let mine: Vec<&Row> = rows.iter().filter(|r| r.group == group).collect();
        if mine.is_empty() {
            continue;
        }
        for r in &mine {
            line(&r.name, r.extractor, r.baseline);
        }
        let (s, b) = total(&mine);
        line(&format!("**{}, all**", group.label()), s, b);
    }
}

fn total(rows: &[&Row]) -> (Score, Score) {
    rows.iter()
        .fold((Score::default(), Score::default()), |(s, b), r| {
            (s.plus(r.extractor), b.plus(r.baseline))
        })
}

#[test]
fn precision_and_recall_per_report() {
    let places = PlaceIndex::new(&GeoData::bundled().unwrap().places);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut rows = Vec::new();
    let build_only = std::env::var_os("EXTRACT_BUILD_ONLY").is_some();
    for (dir, group) in [
        ("reports/build", Group::Build),
        ("reports/heldout", Group::HeldOut),
        ("articles", Group::Articles),
    ] {
        if build_only && group == Group::HeldOut {
            continue;
        }
        for path in expected_files(&root.join(dir)) {
            rows.push(score_file(&path, group, &places));
        }
    }
    let bundled = events::bundled().unwrap();
    let source = &bundled.sources[0];
    let (text, published) = (source.text_or_empty(), source.published.unwrap());
    rows.push(Row {
        name: "bundled article (assets/events.geojson)".into(),
        group: Group::Bundled,
        extractor: score(&run(text, published, &places), &bundled.events),
        baseline: score(
            &baseline::propose(text, published, &places),
            &bundled.events,
        ),
        confidences: Vec::new(),
    });
    print_table(&rows);
    let of = |g: Group| total(&rows.iter().filter(|r| r.group == g).collect::<Vec<_>>());
    let (build, _) = of(Group::Build);
    let corpus: Vec<&Row> = rows
        .iter()
        .filter(|r| matches!(r.group, Group::Build | Group::HeldOut))
        .collect();
    let build_rows: Vec<&Row> = rows.iter().filter(|r| r.group == Group::Build).collect();
    println!("calibration on the build set:");
    let gap = calibration(&build_rows, 20);
    let threshold = border_incidents::extract::WEAK_BELOW;
    let (n, p) = precision_above(&build_rows, threshold);
    println!(
        "build: {n} proposals at or above {threshold}, precision {}",
        percent(p)
    );
    assert!(
        gap <= 0.1,
        "confidence is not calibrated on the build set: a gap of {gap:.2}"
    );
    assert!(build.recall() >= 0.45, "build recall fell: {build:?}");
    assert!(build.precision() >= 0.53, "build precision fell: {build:?}");
    if !build_only {
        held_out_and_corpus(&rows, corpus);
    }
}

/// The held-out figures (the set's precision at the weak threshold, the
/// whole corpus against the baseline) and their floors.
fn held_out_and_corpus(rows: &[Row], corpus: Vec<&Row>) {
    let (mine, naive) = total(&corpus);
    println!(
        "corpus (build + held out): precision {} against the baseline's {} ({:.1} points above it); recall {} against {}",
        percent(mine.precision()),
        percent(naive.precision()),
        100.0 * (mine.precision() - naive.precision()),
        percent(mine.recall()),
        percent(naive.recall())
    );
    assert!(
        mine.precision() - naive.precision() >= 0.20,
        "the corpus's precision is no longer 20 points above the baseline's: {mine:?} against {naive:?}"
    );
    let held_rows: Vec<&Row> = rows.iter().filter(|r| r.group == Group::HeldOut).collect();
    let threshold = border_incidents::extract::WEAK_BELOW;
    let (n, p) = precision_above(&held_rows, threshold);
    println!(
        "held out: {n} proposals at or above {threshold}, precision {}",
        percent(p)
    );
    let (held, _) = total(&held_rows);
    assert!(held.recall() >= 0.33, "held-out recall fell: {held:?}");
    assert!(
        held.precision() >= 0.37,
        "held-out precision fell: {held:?}"
    );
}
