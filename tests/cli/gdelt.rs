//! GDELT 2.0 event files: `check` on the corpus in `tests/data/gdelt/`
//! (every file's output must match its `.expected` file; none means no
//! problems), what the importer makes of the rows, and `convert` to every
//! format the app writes, GDELT itself included.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use border_incidents::commands::check::{CheckOptions, run_check};
use border_incidents::data::event::{DatePrecision, Event, LocationPrecision};
use border_incidents::data::events::Collection;
use border_incidents::data::time::EventTime;
use border_incidents::data::vocabulary::Symbol;
use border_incidents::formats::{acled, gdelt};

const DIR: &str = "tests/data/gdelt/";
const GOOD: &str = "tests/data/gdelt/good_20220916.export.CSV";

fn load(path: &str) -> (Collection, Vec<String>) {
    let bytes = fs::read(path).unwrap();
    let load = gdelt::read(path, &mut bytes.as_slice());
    let lines = load
        .loaded
        .diagnostics
        .iter()
        .map(|d| d.in_file(path).to_string())
        .collect();
    (load.loaded.collection.unwrap(), lines)
}

fn by_id<'a>(c: &'a Collection, id: &str) -> &'a Event {
    c.events.iter().find(|e| e.id == id).unwrap()
}

#[test]
fn gdelt_corpus() {
    let mut files: Vec<PathBuf> = fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "CSV"))
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
    assert!(files.len() >= 2, "only {} cases", files.len());
}

#[test]
fn gdelt_rows_become_events_placed_as_precisely_as_their_type() {
    let (c, problems) = load(GOOD);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.events.len(), 9);
    assert_eq!(c.sources[0].outlet.as_deref(), Some("GDELT"));
    let fight = by_id(&c, "1057361201");
    let day = EventTime::parse("2022-09-14").unwrap();
    assert_eq!((fight.start, fight.end), (day, day));
    assert_eq!(fight.date_precision, Some(DatePrecision::Day));
    assert_eq!(fight.title, "Fight, Batken, Batken, Kyrgyzstan");
    assert_eq!(fight.location_precision, Some(LocationPrecision::Exact));
    assert_eq!(fight.uncertainty_km, None);
    assert_eq!(fight.actors, ["KYRGYZSTAN", "TAJIKISTAN"]);
    assert_eq!(c.vocabulary.side_label(fight.side.as_deref()), "KYRGYZSTAN");
    let category = c.vocabulary.category(fight.category.as_deref().unwrap());
    assert_eq!(
        category.map(|t| (t.label.as_str(), t.symbol)),
        Some(("Fight", Symbol::Diamond))
    );
    assert_eq!(fight.fields.get("NumMentions"), Some("12"));
    assert_eq!(fight.fields.get("NumSources"), Some("3"));
    assert_eq!(fight.fields.get("EventCode"), Some("190"));
    assert!(
        fight
            .fields
            .get("SOURCEURL")
            .unwrap()
            .starts_with("https://")
    );
    assert_eq!(
        fight.fields.get("ActionGeo_Lat"),
        None,
        "drawn: kept as the point"
    );
    // A first-order division (and a US state) is a region.
    for id in ["1057361202", "1057361209"] {
        let region = by_id(&c, id);
        assert_eq!(region.location_precision, Some(LocationPrecision::Region));
        assert_eq!(region.uncertainty_km, Some(125.0), "{id}");
    }
    // A US city is the town itself.
    assert_eq!(
        by_id(&c, "1057361208").location_precision,
        Some(LocationPrecision::Exact)
    );
    // The country alone is not drawn; its centroid stays in the fields.
    let country = by_id(&c, "1057361203");
    assert!(country.geometry.is_none());
    assert_eq!(country.location_precision, Some(LocationPrecision::Country));
    assert!(
        country
            .geometry_note
            .as_deref()
            .unwrap()
            .starts_with("Not drawn")
    );
    assert_eq!(country.fields.get("ActionGeo_Lat"), Some("39"));
    // No place at all, and no first actor: no point and no side.
    let unplaced = by_id(&c, "1057361207");
    assert!(unplaced.geometry.is_none() && unplaced.location_precision.is_none());
    assert_eq!(unplaced.side, None);
    assert_eq!(unplaced.actors, ["TAJIKISTAN"]);
    let truce = by_id(&c, "1057361205");
    let label = c
        .vocabulary
        .category_label(truce.category.as_deref().unwrap());
    assert_eq!(label, "Yield");
}

fn convert(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_border-incidents"))
        .arg("convert")
        .args(args)
        .output()
        .unwrap()
}

fn succeeded(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    stdout
}

/// The rows of a tab-separated text, every cell as text.
fn tab_cells(bytes: &[u8]) -> Vec<Vec<String>> {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

#[test]
fn convert_gdelt_to_every_format_and_back() {
    let dir = std::env::temp_dir().join(format!("convert-gdelt-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let out = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let geojson = out("events.geojson");
    succeeded(&convert(&[GOOD, "-o", &geojson]));
    // ACLED and UCDP rows need a point: the two rows without one are left out.
    for to in ["acled", "ucdp"] {
        let csv = out(&format!("events.{to}.csv"));
        let said = succeeded(&convert(&[GOOD, "-o", &csv, "--to", to]));
        assert!(said.contains("wrote 7 of 9 events"), "{to}: {said}");
        let rows = csv::Reader::from_path(&csv).unwrap().records().count();
        assert_eq!(rows, 7, "{to}");
    }
    let acled_csv = out("events.acled.csv");
    let back = acled::read("back.csv", &mut fs::File::open(&acled_csv).unwrap());
    assert_eq!(back.errors, 0, "{:?}", back.loaded.diagnostics);
    let back = back.loaded.collection.unwrap();
    assert_eq!(
        by_id(&back, "1057361201").actors,
        ["KYRGYZSTAN", "TAJIKISTAN"]
    );
    // GDELT → events GeoJSON → GDELT gives every row back as it was.
    let again = out("again.export.CSV");
    succeeded(&convert(&[&geojson, "-o", &again, "--to", "gdelt"]));
    assert_eq!(
        tab_cells(&fs::read(&again).unwrap()),
        tab_cells(&fs::read(GOOD).unwrap())
    );
    // Events from elsewhere are no GDELT rows: they are left out, said so.
    let acled_file = "tests/data/csv/good_acled_current.csv";
    let mixed = convert(&[
        acled_file,
        GOOD,
        "-o",
        &out("mixed.export.CSV"),
        "--to",
        "gdelt",
    ]);
    let said = succeeded(&mixed);
    assert!(said.contains("wrote 9 of 13 events"), "{said}");
    assert!(
        said.contains("XKG101: left out: a GDELT row needs"),
        "{said}"
    );
    // A .csv output names its layout.
    assert_eq!(convert(&[GOOD, "-o", &out("x.csv")]).status.code(), Some(2));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_that_is_no_format_names_the_formats_of_its_ending() {
    let dir = std::env::temp_dir().join(format!("gdelt-not-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("rows.csv");
    fs::write(&path, "1\t2\t3\n").unwrap();
    let mut out = Vec::new();
    let code = run_check(
        std::slice::from_ref(&path),
        &CheckOptions::default(),
        &mut out,
    );
    let text = String::from_utf8(out).unwrap();
    assert_eq!(code, 1);
    assert!(
        text.contains(":1:1: error: not a file this app reads as .csv: expected "),
        "{text}"
    );
    assert!(
        text.contains("61 tab-separated columns without a header row (GDELT 2.0 events)"),
        "{text}"
    );
    fs::remove_dir_all(Path::new(&dir)).unwrap();
}
