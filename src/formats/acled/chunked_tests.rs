//! An ACLED file read in chunks on every core reads as it does in one
//! piece: the same events, vocabularies and problems, with quoted fields
//! holding line breaks wherever the chunks are cut.

use super::{LAYOUT, read};
use crate::formats::delimited::dataset::{CsvLoad, read_in_chunks};

const BAD_ROWS: &str = include_str!("../../../tests/data/csv/bad_acled_rows.csv");

/// The bad rows' file, then rows whose notes hold line breaks and doubled
/// quotes, two labels that make one slug far apart, and a bad latitude
/// after every tenth row. Returns the text and where the last bad
/// latitude is (line, column).
fn table() -> (String, (usize, usize)) {
    let mut text = BAD_ROWS.trim_end().to_owned();
    text.push('\n');
    let mut last_bad = (0, 0);
    for i in 0..40 {
        let notes = if i % 3 == 0 {
            format!("\"Row {i} said:\n\"\"shelling\"\",\nthen quiet.\"")
        } else {
            format!("Row {i}.")
        };
        let actor = match i {
            5 => "Police",
            30 => "POLICE",
            _ => "Military Forces of Kyrgyzstan (2021-)",
        };
        let lat = if i % 10 == 9 { "north" } else { "39.95" };
        let head = format!(
            "XML{i},2022-09-14,2022,1,Political violence,Battles,Armed clash,{actor},,1,\
             Military Forces of Tajikistan (1994-),,1,11,,417,Caucasus and Central Asia,\
             Kyrgyzstan,Batken,Batken,,Sample Village A,"
        );
        if lat == "north" {
            let line = text.matches('\n').count() + 1;
            last_bad = (line, head.chars().count() + 1);
        }
        text.push_str(&format!(
            "{head}{lat},70.65,1,Sample Outlet,National,{notes},0,,1663600000\n"
        ));
    }
    (text, last_bad)
}

fn read_cut(text: &str, chunk_bytes: usize) -> CsvLoad {
    let mut input = text.as_bytes();
    read_in_chunks(
        "t.csv",
        &mut input,
        &LAYOUT,
        super::read::event,
        chunk_bytes,
    )
}

#[test]
fn chunks_cut_inside_quoted_line_breaks_read_as_one_piece() {
    let (text, last_bad) = table();
    let whole = read_cut(&text, usize::MAX);
    let collection = whole.loaded.collection.as_ref().unwrap();
    assert_eq!(collection.events.len(), 2 + 36);
    let sides: Vec<&str> = collection
        .vocabulary
        .sides
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert!(
        sides.contains(&"police") && sides.contains(&"police-2"),
        "{sides:?}"
    );
    let latitude = |load: &CsvLoad| {
        let found = load
            .loaded
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("\"north\""));
        found.map(|d| (d.line, d.column)).next_back()
    };
    assert_eq!(latitude(&whole), Some((Some(last_bad.0), Some(last_bad.1))));
    assert_eq!(whole.errors, 14);
    for size in [1, 64, 300, 700, 4096] {
        let cut = read_cut(&text, size);
        assert_eq!(
            cut.loaded.collection, whole.loaded.collection,
            "chunks of {size} bytes"
        );
        assert_eq!(
            cut.loaded.diagnostics, whole.loaded.diagnostics,
            "chunks of {size} bytes"
        );
        assert_eq!((cut.errors, cut.warnings), (whole.errors, whole.warnings));
    }
    let mut input = text.as_bytes();
    assert_eq!(
        read("t.csv", &mut input).loaded.collection,
        whole.loaded.collection
    );
}
