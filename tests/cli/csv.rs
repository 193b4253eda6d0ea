//! ACLED and UCDP GED CSV files: `check` on the corpus in `tests/data/csv/`
//! (every file's output must match its `.expected` file; none means no
//! problems), what the importers make of the rows, and `convert`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use border_incidents::commands::check::{CheckOptions, run_check};
use border_incidents::data::event::{DatePrecision, Event, LocationPrecision};
use border_incidents::data::events::{self, Collection, TextsBeside};
use border_incidents::data::time::EventTime;
use border_incidents::formats::{Format, acled, ucdp};

#[path = "../../benches/common/acled_synth.rs"]
mod acled_synth;

const DIR: &str = "tests/data/csv/";

fn corpus_file(name: &str) -> PathBuf {
    PathBuf::from(DIR).join(name)
}

/// Reads a corpus file with the importer its name says.
fn load(name: &str) -> (Option<Collection>, Vec<String>) {
    let bytes = fs::read(corpus_file(name)).unwrap();
    let load = if name.contains("ucdp") {
        ucdp::read(name, &mut bytes.as_slice())
    } else {
        acled::read(name, &mut bytes.as_slice())
    };
    let lines = load
        .loaded
        .diagnostics
        .iter()
        .map(|d| d.in_file(name).to_string())
        .collect();
    (load.loaded.collection, lines)
}

fn by_id<'a>(c: &'a Collection, id: &str) -> &'a Event {
    c.events.iter().find(|e| e.id == id).unwrap()
}

fn day(text: &str) -> EventTime {
    EventTime::parse(text).unwrap()
}

#[test]
fn csv_corpus() {
    let mut files: Vec<PathBuf> = fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    for file in &files {
        let expected = fs::read_to_string(file.with_extension("expected")).unwrap_or_default();
        let expected: Vec<&str> = expected.lines().collect();
        let mut out = Vec::new();
        let code = run_check(
            std::slice::from_ref(file),
            &CheckOptions::default(),
            &mut out,
        );
        let text = String::from_utf8(out).unwrap();
        let mut lines: Vec<String> = text.lines().map(|l| l.replace(DIR, "")).collect();
        let summary = lines.pop().unwrap();
        assert!(summary.starts_with("1 file checked: "), "{summary}");
        let errors = expected.iter().any(|l| l.contains(": error: "));
        let stem = file.file_name().unwrap().to_string_lossy();
        assert_eq!(errors, stem.starts_with("bad_"), "{stem}");
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
    assert!(files.len() >= 10, "only {} cases", files.len());
}

#[test]
fn acled_rows_become_events_with_their_precision() {
    let (c, problems) = load("good_acled_current.csv");
    assert!(problems.is_empty(), "{problems:?}");
    let c = c.unwrap();
    assert_eq!(c.events.len(), 4);
    assert_eq!(c.sources[0].outlet.as_deref(), Some("ACLED"));
    let clash = by_id(&c, "XKG101");
    assert_eq!(
        (clash.start, clash.end),
        (day("2022-09-14"), day("2022-09-14"))
    );
    assert_eq!(clash.location_precision, Some(LocationPrecision::Exact));
    assert_eq!(clash.uncertainty_km, None);
    assert_eq!(clash.figures.killed.as_ref().unwrap().low, Some(2.0));
    assert_eq!(
        c.vocabulary.side_label(clash.side.as_deref()),
        "Military Forces of Kyrgyzstan (2021-)"
    );
    assert_eq!(
        c.vocabulary
            .category_label(clash.category.as_deref().unwrap()),
        "Armed clash"
    );
    assert_eq!(clash.fields.get("source_scale"), Some("National"));
    assert_eq!(clash.fields.get("tags"), None, "empty cells are not kept");
    // The week around the date recorded, near a town.
    let shelling = by_id(&c, "XKG102");
    assert_eq!(
        (shelling.start, shelling.end),
        (day("2022-09-13"), day("2022-09-19"))
    );
    assert_eq!(shelling.date_precision, Some(DatePrecision::Week));
    assert_eq!(shelling.uncertainty_km, Some(25.0));
    let notes = shelling.summary.as_deref().unwrap();
    assert!(
        notes.contains("a \"quoted\" word and a line break:\nsecond line"),
        "{notes}"
    );
    // The month, a region.
    let agreement = by_id(&c, "XKG103");
    assert_eq!(
        (agreement.start, agreement.end),
        (day("2022-09-01"), day("2022-09-30"))
    );
    assert_eq!(
        agreement.location_precision,
        Some(LocationPrecision::Region)
    );
    assert_eq!(agreement.uncertainty_km, Some(125.0));
    // Associated actors are actors and sides too.
    let attack = by_id(&c, "XKG104");
    assert_eq!(attack.actors.len(), 4);
    assert!(
        c.vocabulary
            .sides
            .iter()
            .any(|t| t.label == "Women (Kyrgyzstan)")
    );
}

#[test]
fn older_exports_with_a_bom_and_crlf_read() {
    let (c, problems) = load("good_acled_old_bom_crlf.csv");
    assert!(problems.is_empty(), "{problems:?}");
    let c = c.unwrap();
    let first = by_id(&c, "XTJ201");
    assert_eq!(first.start, day("2022-09-16"));
    assert_eq!(first.fields.get("iso3"), Some("TJK"));
    assert!(!first.summary.as_deref().unwrap().contains('\r'));
    let protest = by_id(&c, "XTJ202");
    assert_eq!(
        (protest.start, protest.end),
        (day("2022-09-15"), day("2022-09-21"))
    );
}

#[test]
fn ucdp_rows_and_where_they_are_not_drawn() {
    let (c, problems) = load("good_ucdp.csv");
    assert!(problems.is_empty(), "{problems:?}");
    let c = c.unwrap();
    assert_eq!(c.events.len(), 7);
    let days = by_id(&c, "800002");
    assert_eq!(days.date_precision, Some(DatePrecision::Days));
    assert_eq!(
        (days.start, days.end),
        (day("2022-09-14"), day("2022-09-17"))
    );
    let killed = days.figures.killed.as_ref().unwrap();
    assert_eq!(
        (killed.as_stated.as_str(), killed.low, killed.high),
        ("10", Some(8.0), Some(12.0))
    );
    assert_eq!(by_id(&c, "800004").uncertainty_km, Some(125.0));
    for id in ["800006", "800007"] {
        let e = by_id(&c, id);
        assert!(e.geometry.is_none(), "{id}");
        assert!(
            e.geometry_note.as_deref().unwrap().starts_with("Not drawn"),
            "{id}"
        );
        assert!(e.fields.get("latitude").is_some(), "{id}");
    }
    assert_eq!(
        c.vocabulary
            .category_label(by_id(&c, "800005").category.as_deref().unwrap()),
        "Non-state conflict"
    );
}

#[test]
fn bad_rows_are_reported_and_the_good_ones_still_load() {
    let (c, problems) = load("bad_acled_rows.csv");
    let ids: Vec<&str> = c
        .as_ref()
        .unwrap()
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["XKG301", "XKG310"]);
    assert!(problems.len() >= 9, "{problems:?}");
    let (none, problems) = load("bad_acled_missing_column.csv");
    assert!(none.is_none());
    assert_eq!(problems.len(), 1);
}

/// Writes `c` as `format` to a file in a fresh folder and returns its text.
fn written(c: &Collection, format: &str, test: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let format = Format::named(format).unwrap();
    let notes = format.exporter().write(c, &mut out).unwrap();
    assert!(notes.is_empty(), "{test}: {notes:?}");
    out
}

fn through_geojson(c: &Collection) -> Collection {
    let text = border_incidents::data::events::write::to_geojson(c);
    let texts = TextsBeside::file(Path::new("."));
    events::parse("again.geojson", &text, &texts, &[])
        .into_result()
        .unwrap()
}

/// The records of a CSV text, every cell as text.
fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn acled_to_geojson_to_acled_keeps_every_column() {
    let (c, _) = load("good_acled_current.csv");
    let c = c.unwrap();
    let again = through_geojson(&c);
    assert_eq!(again.events, c.events);
    let out = written(&again, "acled", "acled");
    let original = fs::read(corpus_file("good_acled_current.csv")).unwrap();
    assert_eq!(cells(&out), cells(&original));
    // An older export keeps every mapped column, in the current layout.
    let (old, _) = load("good_acled_old_bom_crlf.csv");
    let old = old.unwrap();
    let out = written(&through_geojson(&old), "acled", "old");
    let back = acled::read("back.csv", &mut out.as_slice())
        .loaded
        .collection
        .unwrap();
    let gone = ["data_id", "event_id_no_cnty", "iso3"];
    assert_eq!(back.events.len(), old.events.len());
    for (a, b) in old.events.iter().zip(&back.events) {
        for (name, value) in a.fields.iter() {
            let expected = (!gone.contains(&name)).then_some(value);
            assert_eq!(b.fields.get(name), expected, "{}: {name}", a.id);
        }
        assert_eq!(b.fields.len(), a.fields.len() - gone.len());
        let bare = |e: &Event| Event {
            fields: Default::default(),
            ..e.clone()
        };
        assert_eq!(bare(b), bare(a));
    }
}

#[test]
fn ucdp_to_geojson_to_ucdp_keeps_every_event() {
    let (c, _) = load("good_ucdp.csv");
    let c = c.unwrap();
    let out = written(&through_geojson(&c), "ucdp", "ucdp");
    let back = ucdp::read("back.csv", &mut out.as_slice())
        .loaded
        .collection
        .unwrap();
    assert_eq!(back.events, c.events);
    assert_eq!(back.vocabulary, c.vocabulary);
}

#[test]
fn convert_binary() {
    let bin = env!("CARGO_BIN_EXE_border-incidents");
    let dir = std::env::temp_dir().join(format!("convert-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| {
        Command::new(bin)
            .arg("convert")
            .args(args)
            .output()
            .unwrap()
    };
    let good = "tests/data/csv/good_acled_current.csv";
    let geojson = dir.join("events.geojson");
    let csv_out = dir.join("back.csv");
    let ok = run(&[good, "-o", geojson.to_str().unwrap()]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let ok = run(&[
        geojson.to_str().unwrap(),
        "-o",
        csv_out.to_str().unwrap(),
        "--to",
        "acled",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    assert_eq!(
        cells(&fs::read(&csv_out).unwrap()),
        cells(&fs::read(good).unwrap())
    );
    // A .csv output needs --to.
    assert_eq!(
        run(&[good, "-o", csv_out.to_str().unwrap()]).status.code(),
        Some(2)
    );
    // Bad rows: nothing written unless asked.
    let partial = dir.join("partial.geojson");
    let bad = "tests/data/csv/bad_acled_rows.csv";
    let refused = run(&[bad, "-o", partial.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&refused.stdout);
    assert!(
        stdout.contains("bad_acled_rows.csv:4:224: error: latitude: "),
        "{stdout}"
    );
    assert!(!partial.exists());
    let skipped = run(&[bad, "-o", partial.to_str().unwrap(), "--skip-bad-rows"]);
    assert_eq!(skipped.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&skipped.stdout).contains("wrote 2 of 2 events"));
    let left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 3, "no temporary file is left: {left:?}");
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_generated_acled_file_of_the_benchmarks_reads_without_problems() {
    let mut text = Vec::new();
    let written = acled_synth::write_acled_csv(200, &mut text).unwrap();
    assert_eq!(written, text.len() as u64);
    let load = acled::read("synthetic.csv", &mut text.as_slice());
    assert_eq!(load.loaded.diagnostics, Vec::new());
    let events = load.loaded.collection.unwrap().events;
    assert_eq!(events.len(), 200);
    assert_eq!(events[199].id, "SYN199");
}
