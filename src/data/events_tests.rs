//! Unit tests of the events validator on small hand-made collections.

use super::*;

const ARTICLE: &str = "On Monday, Kyrgyzstan said \u{201c}invasion\u{201d} twice.";

/// A valid incident feature with `extra` properties merged in.
fn incident(id: &str, extra: &str) -> String {
    format!(
        r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[70.81939,40.06259]}},
"properties":{{"id":"{id}","kind":"incident","title":"T","start":"2022-09-19","end":"2022-09-19",
"place_ref":"Batken"{extra}}}}}"#
    )
}

fn collection(features: &[String]) -> String {
    format!(
        "{{\"type\":\"FeatureCollection\",\n\"features\":[\n{}\n]}}",
        features.join(",\n")
    )
}

fn problems(src: &str) -> Vec<Problem> {
    parse_events(src, Some(ARTICLE))
        .unwrap_err()
        .into_iter()
        .map(|e| e.problem)
        .collect()
}

#[test]
fn a_valid_collection_parses() {
    let quote = r#","quotes":[{"text":"On Monday","start":0,"end":9}]"#;
    let events = parse_events(&collection(&[incident("a", quote)]), Some(ARTICLE)).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].quotes[0].text, "On Monday");
    assert!(matches!(events[0].geometry, Some(geo::Geometry::Point(_))));
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let err = parse_events("{\"type\":\n  \"FeatureCollection\",,}", None).unwrap_err();
    assert_eq!(err.len(), 1);
    assert!(matches!(err[0].problem, Problem::Syntax(_)));
    assert_eq!(
        err[0].position,
        Some(Position {
            line: 2,
            column: 23
        })
    );
    assert!(
        err[0]
            .render("x.geojson")
            .starts_with("x.geojson:2:23: JSON syntax error")
    );
}

#[test]
fn not_a_collection() {
    for src in [
        r#"{"type":"Feature"}"#,
        r#"{"type":"FeatureCollection"}"#,
        "[]",
    ] {
        assert!(
            matches!(problems(src)[..], [Problem::NotCollection(_)]),
            "{src}"
        );
    }
}

#[test]
fn reports_every_problem_with_feature_positions() {
    let src = collection(&[
        incident("a", ""),
        r#"{"type":"Feature","geometry":null,"properties":{"kind":"rumour","title":"T","start":"2022-09-20","end":"2022-09-19","colour":"red"}}"#.to_owned(),
        incident("a", r#","category":"riot","uncertainty_km":-3"#),
    ]);
    let err = parse_events(&src, None).unwrap_err();
    let listed: Vec<(Option<usize>, String)> = err
        .iter()
        .map(|e| (e.feature, e.problem.to_string()))
        .collect();
    let has = |i: usize, needle: &str| {
        listed
            .iter()
            .any(|(f, p)| *f == Some(i) && p.contains(needle))
    };
    assert!(has(1, "unknown property `colour`"), "{listed:#?}");
    assert!(has(1, "missing required property `id`"), "{listed:#?}");
    assert!(
        has(1, "property `kind`: unknown variant `rumour`"),
        "{listed:#?}"
    );
    assert!(has(1, "geometry_note"), "{listed:#?}");
    assert!(has(2, "unknown value \"riot\""), "{listed:#?}");
    assert!(has(2, "uncertainty_km"), "{listed:#?}");
    // Feature 0 fills lines 3–5 of the text, feature 1 is line 6, feature 2 starts line 7.
    let line_of = |i: usize| {
        err.iter()
            .find(|e| e.feature == Some(i))
            .and_then(|e| e.position)
    };
    assert_eq!(line_of(1).map(|p| p.line), Some(6));
    assert_eq!(line_of(2).map(|p| (p.line, p.column)), Some((7, 1)));
}

#[test]
fn start_after_end() {
    let bad = r#"{"type":"Feature","geometry":null,"properties":{"id":"x","kind":"incident","title":"T","start":"2022-09-19T10:00","end":"2022-09-19T09:00","geometry_note":"n"}}"#;
    let got = problems(&collection(&[bad.to_owned()]));
    assert!(
        matches!(&got[..], [Problem::StartAfterEnd { .. }]),
        "{got:?}"
    );
}

#[test]
fn duplicate_ids_and_bad_references() {
    let statement = |id: &str, refers: &str| {
        let extra = format!(r#","claimant":"C","side":"kyrgyz","refers_to":[{refers}]"#);
        incident(id, &extra).replace(r#""kind":"incident""#, r#""kind":"statement""#)
    };
    let src = collection(&[
        incident("a", ""),
        incident("a", ""),
        statement("s", r#""a","nope""#),
        statement("t", r#""s""#),
    ]);
    let got = problems(&src);
    assert!(
        got.contains(&Problem::DuplicateId {
            id: "a".into(),
            first: 0
        }),
        "{got:?}"
    );
    assert!(
        got.contains(&Problem::DanglingReference("nope".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&Problem::ReferenceNotIncident("s".into())),
        "{got:?}"
    );
}

#[test]
fn accounts_name_another_incident_that_is_not_an_account() {
    let account =
        |id: &str, of: &str| incident(id, &format!(r#","side":"kyrgyz","account_of":"{of}""#));
    let src = collection(&[
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
    ]);
    let got = problems(&src);
    assert!(
        got.contains(&Problem::AccountOfUnknown("nope".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&Problem::AccountOfAccount("kg".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&Problem::AccountOfAccount("self".into())),
        "{got:?}"
    );
    assert!(got.contains(&Problem::AccountOfOnStatement), "{got:?}");
    assert_eq!(got.len(), 4, "the account of `clash` is sound: {got:?}");
}

#[test]
fn statements_need_claimant_side_and_references() {
    let src =
        collection(&[incident("s", "").replace(r#""kind":"incident""#, r#""kind":"statement""#)]);
    let got = problems(&src);
    for field in ["claimant", "side", "refers_to"] {
        assert!(
            got.contains(&Problem::StatementNeeds(field)),
            "{field}: {got:?}"
        );
    }
}

#[test]
fn quotes_must_be_verbatim_at_their_byte_span() {
    // "“invasion”" starts at byte 27; each curly quote is 3 bytes.
    let good = r#","quotes":[{"text":"“invasion”","start":27,"end":41}]"#;
    assert!(parse_events(&collection(&[incident("a", good)]), Some(ARTICLE)).is_ok());
    let shifted = r#","quotes":[{"text":"Kyrgyzstan","start":0,"end":10},{"text":"x","start":40,"end":99},{"text":"y","start":28,"end":29}]"#;
    let got = problems(&collection(&[incident("a", shifted)]));
    assert!(
        matches!(
            got[0],
            Problem::QuoteMismatch {
                index: 0,
                hint: Some(11),
                ..
            }
        ),
        "{got:?}"
    );
    assert!(
        matches!(got[1], Problem::QuoteSpan { index: 1, .. }),
        "{got:?}"
    );
    assert!(
        matches!(got[2], Problem::QuoteSpan { index: 2, .. }),
        "splits “: {got:?}"
    );
    // Without the article, spans are not checked.
    assert!(parse_events(&collection(&[incident("a", shifted)]), None).is_ok());
}

#[test]
fn figures_and_geometry_are_checked() {
    let figures =
        r#","figures":{"killed":{"as_stated":"x","low":5,"high":2},"wounded":{"as_stated":"y"}}"#;
    let got = problems(&collection(&[incident("a", figures)]));
    assert!(
        got.iter().any(|p| p.to_string().contains("wounded")),
        "{got:?}"
    );
    let reversed = r#","figures":{"killed":{"as_stated":"x","low":5,"high":2}}"#;
    let got = problems(&collection(&[incident("a", reversed)]));
    assert!(
        matches!(&got[..], [Problem::Invalid { field, .. }] if field == "figures.killed"),
        "{got:?}"
    );
    let off_globe = incident("b", "").replace("70.81939,40.06259", "270.0,40.0");
    let got = problems(&collection(&[off_globe]));
    assert!(matches!(&got[..], [Problem::Geometry(_)]), "{got:?}");
}

#[test]
fn dates_must_match_their_phrase_when_the_source_is_dated() {
    let with_source = |extra: &str| {
        collection(&[incident("a", extra)]).replacen(
            "\"type\":\"FeatureCollection\",",
            "\"type\":\"FeatureCollection\",\"source\":{\"published\":\"2022-09-19\"},",
            1,
        )
    };
    assert!(parse_events(&with_source(r#","date_text":"On Monday""#), None).is_ok());
    let got = problems(&with_source(r#","date_text":"On Sunday""#));
    assert!(matches!(&got[..], [Problem::DateDrift { .. }]), "{got:?}");
    let got = problems(&with_source(r#","date_text":"at dawn""#));
    assert!(matches!(&got[..], [Problem::DateText(_)]), "{got:?}");
}

#[test]
fn place_hooks() {
    let src = collection(&[
        incident("a", ""),
        incident("b", "").replace(r#""place_ref":"Batken""#, r#""place":"X""#),
    ]);
    let events = parse_events(&src, None).unwrap();
    let errors = validate_places(&events, |name| name == "Osh");
    let got: Vec<&Problem> = errors.iter().map(|e| &e.problem).collect();
    assert_eq!(
        got,
        [
            &Problem::UnknownPlace("Batken".into()),
            &Problem::UntracedGeometry
        ]
    );
    let near = validate_place_points(&events[..1], |_| Some(Point::new(70.82, 40.06)), 1.0);
    assert!(near.is_empty(), "{near:?}");
    let far = validate_place_points(&events[..1], |_| Some(Point::new(72.8, 40.5)), 1.0);
    assert!(matches!(
        far[..],
        [EventError {
            problem: Problem::PlaceMismatch { .. },
            ..
        }]
    ));
}
