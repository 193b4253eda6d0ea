//! Unit tests of the events reader on small hand-made collections.

use super::*;

const ARTICLE: &str = "On Monday, Kyrgyzstan said \u{201c}invasion\u{201d} twice.";

/// No text files at all.
struct NoTexts;

impl SourceTexts for NoTexts {
    fn read(&self, name: &str) -> Result<String, String> {
        Err(format!("{name}: no such file"))
    }
}

/// A valid incident feature with `extra` properties merged in.
fn incident(id: &str, extra: &str) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[70.81939,40.06259]}},
"properties":{{"id":"{id}","kind":"incident","title":"T","start":"2022-09-19","end":"2022-09-19",
"place_ref":"Batken"{extra}}}}}"#
    )
}

/// The one source of the test collections: the article, inline.
fn article_source(published: Option<&str>) -> String {
    let date = published.map_or(String::new(), |d| format!(r#","published":"{d}""#));
    format!(
        r#"[{{"id":"a1","title":"Test","text":{}{date}}}]"#,
        serde_json::to_string(ARTICLE).unwrap()
    )
}

fn collection_with(sources: &str, features: &[String]) -> String {
    format!(
        "{{\"type\":\"FeatureCollection\",\"sources\":{sources},\n\"features\":[\n{}\n]}}",
        features.join(",\n")
    )
}

fn collection(features: &[String]) -> String {
    collection_with(&article_source(None), features)
}

fn load(src: &str) -> Loaded {
    parse("t.geojson", src, &NoTexts, &[])
}

/// The messages of every error.
fn errors(src: &str) -> Vec<String> {
    let loaded = load(src);
    assert!(loaded.collection.is_none(), "expected errors in {src}");
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.describe())
        .collect()
}

fn has(got: &[String], needle: &str) -> bool {
    got.iter().any(|m| m.contains(needle))
}

#[test]
fn a_valid_collection_parses() {
    let quote = r#","quotes":[{"text":"On Monday","start":0,"end":9}]"#;
    let c = load(&collection(&[incident("a", quote)]))
        .into_result()
        .unwrap();
    assert_eq!(c.events.len(), 1);
    assert_eq!(c.events[0].quotes[0].text, "On Monday");
    assert_eq!(c.events[0].source, 0);
    assert_eq!(c.sources[0].id, "a1");
    assert_eq!(
        c.sources[0].sha256.as_deref(),
        Some(crate::data::source::sha256_hex(ARTICLE).as_str())
    );
    assert!(matches!(
        c.events[0].geometry,
        Some(geo::Geometry::Point(_))
    ));
}

#[test]
fn syntax_errors_carry_line_and_column_in_characters() {
    let got = load("{\"type\":\n  \"Баткен\",,}").diagnostics;
    assert_eq!(got.len(), 1);
    assert_eq!((got[0].line, got[0].column), (Some(2), Some(12)));
}

#[test]
fn not_a_collection() {
    let feature = r#"{"type":"Feature","geometry":null,"properties":{"id":"a"}}"#;
    assert!(has(&errors(feature), "is not one"));
    assert!(has(&errors("[]"), "top-level value is an array"));
}

#[test]
fn reports_every_problem_with_feature_positions() {
    let src = collection(&[
        incident("a", ""),
        r#"{"type":"Feature","geometry":null,"properties":{"kind":"rumour","title":"T","start":"2022-09-20","end":"2022-09-19","colour":"red"}}"#.to_owned(),
        incident("a", r#","uncertainty_km":-3"#),
    ]);
    let loaded = load(&src);
    let got: Vec<(usize, String)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.line.unwrap_or(0), d.describe()))
        .collect();
    let on = |line: usize, needle: &str| got.iter().any(|(l, m)| *l == line && m.contains(needle));
    // Feature 0 fills lines 3–5 of the text, feature 1 is line 6, feature 2 starts line 7.
    assert!(
        on(6, "features[1].properties.colour: unknown property"),
        "{got:#?}"
    );
    assert!(on(6, "missing required property `id`"), "{got:#?}");
    assert!(
        on(6, "features[1].properties.kind: unknown variant `rumour`"),
        "{got:#?}"
    );
    assert!(on(6, "geometry_note"), "{got:#?}");
    assert!(on(7, "uncertainty_km"), "{got:#?}");
}

#[test]
fn start_after_end() {
    let bad = r#"{"type":"Feature","geometry":null,"properties":{"id":"x","kind":"incident","title":"T","start":"2022-09-19T10:00","end":"2022-09-19T09:00","geometry_note":"n"}}"#;
    let got = errors(&collection(&[bad.to_owned()]));
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(has(&got, "start 2022-09-19T10:00 is after end"), "{got:?}");
}

#[test]
fn duplicate_ids_and_bad_references() {
    let statement = |id: &str, refers: &str| {
        let extra = format!(r#","claimant":"C","side":"kyrgyz","refers_to":[{refers}]"#);
        incident(id, &extra).replace(r#""kind":"incident""#, r#""kind":"statement""#)
    };
    let got = errors(&collection(&[
        incident("a", ""),
        incident("a", ""),
        statement("s", r#""a","nope""#),
        statement("t", r#""s""#),
    ]));
    assert!(
        has(&got, "duplicate id \"a\", already used by feature #0"),
        "{got:?}"
    );
    assert!(
        has(&got, "refers_to \"nope\": no event has that id"),
        "{got:?}"
    );
    assert!(has(&got, "refers_to \"s\" is not an incident"), "{got:?}");
}

#[test]
fn references_may_name_events_already_loaded() {
    let known = load(&collection(&[incident("clash", "")]))
        .into_result()
        .unwrap()
        .events;
    let account = incident("kg", r#","side":"kyrgyz","account_of":"clash""#);
    let src = collection(&[account]);
    assert!(load(&src).collection.is_none());
    assert!(parse("t", &src, &NoTexts, &known).collection.is_some());
}

#[test]
fn accounts_name_another_incident_that_is_not_an_account() {
    let account =
        |id: &str, of: &str| incident(id, &format!(r#","side":"kyrgyz","account_of":"{of}""#));
    let got = errors(&collection(&[
        incident("clash", ""),
        account("kg", "clash"),
        account("tj", "nope"),
        account("again", "kg"),
        account("self", "self"),
        incident(
            "st",
            r#","claimant":"C","side":"tajik","refers_to":["clash"],"account_of":"clash""#,
        )
        .replace(r#""kind":"incident""#, r#""kind":"statement""#),
    ]));
    assert!(has(&got, "account_of \"nope\": no incident"), "{got:?}");
    assert!(has(&got, "account_of \"kg\" must name another"), "{got:?}");
    assert!(
        has(&got, "account_of \"self\" must name another"),
        "{got:?}"
    );
    assert!(has(&got, "`account_of` is for incidents"), "{got:?}");
    assert_eq!(got.len(), 4, "the account of `clash` is sound: {got:?}");
}

#[test]
fn statements_need_claimant_side_and_references() {
    let got = errors(&collection(&[
        incident("s", "").replace(r#""kind":"incident""#, r#""kind":"statement""#)
    ]));
    for field in ["claimant", "side", "refers_to"] {
        assert!(
            has(&got, &format!("a statement needs `{field}`")),
            "{got:?}"
        );
    }
}

#[test]
fn context_rows_need_no_claimant() {
    let context = incident("c", "").replace(r#""kind":"incident""#, r#""kind":"context""#);
    let c = load(&collection(&[context])).into_result().unwrap();
    assert_eq!(c.events[0].kind, EventKind::Context);
}

#[test]
fn quotes_must_be_verbatim_at_their_byte_span_of_their_source() {
    // "“invasion”" starts at byte 27; each curly quote is 3 bytes.
    let good = r#","quotes":[{"text":"“invasion”","start":27,"end":41}]"#;
    assert!(
        load(&collection(&[incident("a", good)]))
            .collection
            .is_some()
    );
    let shifted = r#","quotes":[{"text":"Kyrgyzstan","start":0,"end":10},{"text":"x","start":40,"end":99},{"text":"y","start":28,"end":29}]"#;
    let got = errors(&collection(&[incident("a", shifted)]));
    assert!(
        has(
            &got,
            "quotes[0]: event \"a\": quote #0: the source \"a1\" has \"On Monday,\""
        ),
        "{got:?}"
    );
    assert!(has(&got, "the quoted text occurs at byte 11"), "{got:?}");
    assert!(has(&got, "quote #1: span 40..99"), "{got:?}");
    assert!(has(&got, "quote #2: span 28..29"), "splits “: {got:?}");
    // A source without a text cannot be quoted.
    let no_text = collection_with(r#"[{"id":"d","kind":"dataset"}]"#, &[incident("a", good)]);
    assert!(has(&errors(&no_text), "source \"d\" has no text"));
}

#[test]
fn every_event_names_its_source_among_several() {
    let two = r#"[{"id":"a1","text":"one"},{"id":"a2","text":"On Monday"}]"#;
    let quote = r#","source":"a2","quotes":[{"text":"On Monday","start":0,"end":9}]"#;
    let c = load(&collection_with(two, &[incident("a", quote)]))
        .into_result()
        .unwrap();
    assert_eq!(c.events[0].source, 1);
    let got = errors(&collection_with(two, &[incident("a", "")]));
    assert!(has(&got, "several sources"), "{got:?}");
    let got = errors(&collection_with(two, &[incident("a", r#","source":"a3""#)]));
    assert!(
        has(&got, "source \"a3\" is not one of the file's `sources`"),
        "{got:?}"
    );
}

#[test]
fn a_recorded_hash_must_match_the_text() {
    let sources = r#"[{"id":"a1","text":"abc","sha256":"00"}]"#;
    let got = errors(&collection_with(sources, &[incident("a", "")]));
    assert!(
        has(&got, "sources[0]: its text has SHA-256 ba7816bf"),
        "{got:?}"
    );
}

#[test]
fn text_files_are_read_beside_the_events_file() {
    let sources = r#"[{"id":"a1","text_file":"missing.txt"}]"#;
    let got = errors(&collection_with(sources, &[incident("a", "")]));
    assert!(
        has(&got, "cannot read its text_file \"missing.txt\""),
        "{got:?}"
    );
}

#[test]
fn declared_vocabularies_reject_other_ids_and_undeclared_get_defaults() {
    let declared = r#"[{"id":"a1","text":"x"}],"vocabularies":{"categories":[{"id":"clash","label":"Clash","symbol":"diamond"}]}"#;
    let got = errors(&collection_with(
        declared,
        &[incident("a", r#","category":"riot""#)],
    ));
    assert!(has(
        &got,
        "\"riot\" is not in the file's vocabulary; expected one of clash"
    ));
    let c = load(&collection(&[
        incident("a", r#","category":"riot","side":"north""#),
        incident("b", r#","side":"south""#),
    ]))
    .into_result()
    .unwrap();
    assert_eq!(c.vocabulary.category_label("riot"), "Riot");
    let north = c.vocabulary.side_colour(Some("north"));
    let south = c.vocabulary.side_colour(Some("south"));
    assert_ne!(north, south);
    assert_ne!(north, crate::data::vocabulary::NEUTRAL);
}

#[test]
fn figures_and_geometry_are_checked() {
    let figures =
        r#","figures":{"killed":{"as_stated":"x","low":5,"high":2},"wounded":{"as_stated":"y"}}"#;
    let got = errors(&collection(&[incident("a", figures)]));
    assert!(has(&got, "wounded"), "{got:?}");
    let reversed = r#","figures":{"killed":{"as_stated":"x","low":5,"high":2}}"#;
    let got = errors(&collection(&[incident("a", reversed)]));
    assert!(
        has(&got, "properties.figures.killed: event \"a\": low and high"),
        "{got:?}"
    );
    let off_globe = incident("b", "").replace("70.81939,40.06259", "270.0,40.0");
    let got = errors(&collection(&[off_globe]));
    assert!(has(&got, "longitude 270"), "{got:?}");
}

#[test]
fn dates_must_match_their_phrase_when_the_source_is_dated() {
    let dated =
        |extra: &str| collection_with(&article_source(Some("2022-09-19")), &[incident("a", extra)]);
    assert!(
        load(&dated(r#","date_text":"On Monday""#))
            .collection
            .is_some()
    );
    let got = errors(&dated(r#","date_text":"On Sunday""#));
    assert!(has(&got, "resolves to 2022-09-18/2022-09-18"), "{got:?}");
    let got = errors(&dated(r#","date_text":"at dawn""#));
    assert!(
        has(&got, "no date rule for the phrase \"at dawn\""),
        "{got:?}"
    );
}

#[test]
fn the_first_form_with_one_source_member_still_reads() {
    let src = format!(
        "{{\"type\":\"FeatureCollection\",\"source\":{{\"title\":\"T\",\"published\":\"2022-09-19\",\"publisher\":\"P\"}},\"features\":[{}]}}",
        incident("a", r#","date_text":"On Monday""#)
    );
    let c = load(&src).into_result().unwrap();
    assert_eq!(c.sources[0].outlet.as_deref(), Some("P"));
}

#[test]
fn a_file_without_sources_gets_one_named_after_it() {
    let src = format!(
        "{{\"type\":\"FeatureCollection\",\"features\":[{}]}}",
        incident("a", "")
    );
    let c = parse("My Events.geojson", &src, &NoTexts, &[])
        .into_result()
        .unwrap();
    assert_eq!(c.sources[0].id, "my-events");
}

#[test]
fn place_hooks() {
    let c = load(&collection(&[
        incident("a", ""),
        incident("b", "").replace(r#""place_ref":"Batken""#, r#""place":"X""#),
    ]))
    .into_result()
    .unwrap();
    let errors = validate_places(&c.events, |name| name == "Osh");
    assert_eq!(
        errors,
        [
            (0, Problem::UnknownPlace("Batken".into())),
            (1, Problem::UntracedGeometry)
        ]
    );
    let near = validate_place_points(&c.events[..1], |_| Some(Point::new(70.82, 40.06)), 1.0);
    assert!(near.is_empty(), "{near:?}");
    let far = validate_place_points(&c.events[..1], |_| Some(Point::new(72.8, 40.5)), 1.0);
    assert!(matches!(far[..], [(0, Problem::PlaceMismatch { .. })]));
}
