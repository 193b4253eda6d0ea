//! The `check` command on the corpus in `tests/data/`: every file's output
//! must match its `.expected` file (none means: no problems at all).

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use border_incidents::check::{Keep, check_geojson, check_reader};
use border_incidents::commands::check::CheckOptions;

/// `check` on `files`, as events files or not.
fn run_check(files: &[PathBuf], events: bool, out: &mut Vec<u8>) -> i32 {
    let opts = CheckOptions {
        events,
        article: None,
    };
    border_incidents::commands::check::run_check(files, &opts, out)
}

/// Runs `check` on one file; returns its problem lines (without the summary,
/// file names relative to the corpus folder) and the exit status.
fn check_lines(dir: &str, file: &Path, events: bool) -> (Vec<String>, i32) {
    let mut out = Vec::new();
    let code = run_check(&[file.to_path_buf()], events, &mut out);
    let text = String::from_utf8(out).unwrap();
    let mut lines: Vec<String> = text.lines().map(|l| l.replace(dir, "")).collect();
    let summary = lines.pop().unwrap();
    assert!(summary.starts_with("1 file checked: "), "{summary}");
    (lines, code)
}

fn corpus(dir: &str, events: bool) -> usize {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "geojson"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let expected_path = file.with_extension("expected");
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        let expected: Vec<&str> = expected.lines().collect();
        let (lines, code) = check_lines(dir, file, events);
        let errors = expected.iter().any(|l| l.contains(": error: "));
        let stem = file.file_name().unwrap().to_string_lossy();
        assert_eq!(
            errors,
            stem.starts_with("bad_"),
            "{stem}: only bad_* files may have errors"
        );
        if lines != expected || code != i32::from(errors) {
            failures.push(format!(
                "{}: exit {code}\n  got:\n    {}\n  expected:\n    {}",
                file.display(),
                lines.join("\n    "),
                expected.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    files.len()
}

#[test]
fn geojson_corpus() {
    let cases = corpus("tests/data/geojson/", false);
    assert!(cases >= 25, "only {cases} cases");
}

#[test]
fn events_corpus() {
    let cases = corpus("tests/data/events/", true);
    assert!(cases >= 3, "only {cases} cases");
}

#[test]
fn summary_counts_files_errors_and_warnings() {
    let dir = "tests/data/geojson/";
    let files: Vec<PathBuf> = [
        "good_single_feature.geojson",
        "warn_empty_collection.geojson",
        "bad_position_strings.geojson",
        "no_such_file.geojson",
    ]
    .iter()
    .map(|f| PathBuf::from(dir).join(f))
    .collect();
    let mut out = Vec::new();
    let code = run_check(&files, false, &mut out);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(code, 1);
    assert!(
        text.contains("no_such_file.geojson: error: cannot read: "),
        "{text}"
    );
    assert_eq!(
        text.lines().last().unwrap(),
        "4 files checked: 2 valid, 2 invalid (3 errors, 1 warning)"
    );
    assert_eq!(run_check(&[], false, &mut Vec::new()), 2);
}

#[test]
fn valid_file_yields_its_features() {
    let bytes = fs::read("tests/data/geojson/good_feature_collection.geojson").unwrap();
    let report = check_geojson("good", &bytes);
    let features = report.features.unwrap();
    assert_eq!(features.len(), 7);
    assert_eq!(features[0].id, Some("isfara".into()));
    assert_eq!(features[0].properties["name"], "Isfara");
    assert!(matches!(features[0].geometry, Some(geo::Geometry::Point(p)) if p.x() == 70.63));
    let Some(geo::Geometry::Polygon(polygon)) = &features[2].geometry else {
        panic!("feature 2 is a polygon");
    };
    assert_eq!(polygon.interiors().len(), 1);
    assert_eq!(polygon.exterior().0.len(), 5);
    assert_eq!(features[4].geometry, None);
    assert_eq!((features[1].line, features[1].column), (8, 5));
    // Only checking keeps nothing, and finds the same.
    let checked = check_reader("good", bytes.as_slice(), Keep::Nothing);
    assert!(checked.is_valid() && checked.features.is_none());
}

/// Checking alone drops each nested coordinates array once it is checked;
/// loading keeps them to build geometry. Both must find the same problems,
/// in the same order.
#[test]
fn checking_and_loading_find_the_same_problems() {
    let found =
        |report: border_incidents::check::Report| (report.errors, report.warnings, report.problems);
    let mut compared = 0;
    for entry in fs::read_dir("tests/data/geojson").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "geojson") {
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        let name = path.display().to_string();
        let checked = found(check_reader(&name, bytes.as_slice(), Keep::Nothing));
        let loaded = found(check_reader(&name, bytes.as_slice(), Keep::Features));
        assert_eq!(checked, loaded, "{name}");
        compared += 1;
    }
    assert!(compared >= 40, "only {compared} files");
}

/// A file of millions of empty arrays is checked without keeping them: each
/// is reported (up to the cap) and counted.
#[test]
fn many_empty_rings_are_counted_not_kept() {
    let rings = vec!["[]"; 2_000_000].join(",");
    let text = format!(r#"{{"type": "MultiPolygon", "coordinates": [[{rings}]]}}"#);
    let report = check_reader("rings", text.as_bytes(), Keep::Nothing);
    assert_eq!(report.errors, 2_000_000);
    assert_eq!(
        report.problems[0].describe(),
        "coordinates[0][0]: expected an array of positions, found an empty array"
    );
}

#[test]
fn invalid_file_yields_no_features() {
    let report = check_geojson("bad", br#"{"type": "Point", "coordinates": [200, 0]}"#);
    assert_eq!(report.errors, 1);
    assert!(report.features.is_none());
}

#[test]
fn problems_beyond_the_cap_are_counted() {
    let mut text = String::from(r#"{"type": "FeatureCollection", "features": ["#);
    text.push_str(&vec!["1"; 250].join(","));
    text.push_str("]}");
    let report = check_geojson("many", text.as_bytes());
    assert_eq!((report.errors, report.problems.len()), (250, 100));
    let mut out = Vec::new();
    report.write_to(&mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(
        out.lines().last().unwrap(),
        "many: note: 150 more problems not shown"
    );
}

/// A ~50 MB FeatureCollection streams through the checker. (Its peak memory
/// is measured on the release binary, outside the test suite.)
#[test]
fn large_file_is_checked_in_one_pass() {
    let path = std::env::temp_dir().join(format!("check-large-{}.geojson", std::process::id()));
    let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    write!(file, r#"{{"type": "FeatureCollection", "features": ["#).unwrap();
    let mut written = 0;
    let mut i = 0u64;
    while written < 50_000_000 {
        let lon = 69.0 + (i % 2000) as f64 / 1000.0;
        let lat = 39.0 + (i % 1500) as f64 / 1000.0;
        let feature = format!(
            r#"{}{{"type": "Feature", "id": {i}, "properties": {{"name": "f{i}", "n": {i}}}, "geometry": {{"type": "LineString", "coordinates": [[{lon}, {lat}], [{lon}, {lat}], [{lat}, {lon}], [{lon}, {lat}]]}}}}"#,
            if i == 0 { "\n" } else { ",\n" }
        );
        file.write_all(feature.as_bytes()).unwrap();
        written += feature.len();
        i += 1;
    }
    writeln!(file, "\n]}}").unwrap();
    file.flush().unwrap();
    drop(file);
    let mut out = Vec::new();
    let code = run_check(std::slice::from_ref(&path), false, &mut out);
    fs::remove_file(&path).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(code, 0, "{text}");
    assert!(text.ends_with("1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)\n"));
}

#[test]
fn binary_exit_codes() {
    let bin = env!("CARGO_BIN_EXE_border-incidents");
    let run = |args: &[&str]| Command::new(bin).args(args).output().unwrap();
    let good = "tests/data/geojson/good_single_feature.geojson";
    let bad = "tests/data/geojson/bad_ring_too_short.geojson";
    let ok = run(&["check", good]);
    assert_eq!(ok.status.code(), Some(0));
    let failed = run(&["check", good, bad]);
    assert_eq!(failed.status.code(), Some(1));
    let stdout = String::from_utf8(failed.stdout).unwrap();
    assert!(
        stdout.contains("bad_ring_too_short.geojson:1:43: error: "),
        "{stdout}"
    );
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(
        run(&["check", "--no-such-flag", good]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["check", "--events", good]).status.code(), Some(1));
}
