//! Problems in story files, each placed at its line and column.

use super::read::parse;

fn problems(text: &str) -> Vec<String> {
    parse(text, &|id| id == "known")
        .diagnostics
        .iter()
        .map(|d| d.in_file("s.json").to_string())
        .collect()
}

const HEAD: &str = "{\"version\": 1, \"title\": \"T\", \"steps\": [\n";

#[test]
fn a_missing_event_is_a_warning_at_its_id_and_the_step_stays() {
    let text = format!("{HEAD}  {{\"caption\": \"Ö\", \"events\": [\"known\", \"gone\"]}}\n]}}");
    let loaded = parse(&text, &|id| id == "known");
    assert_eq!(
        problems(&text),
        [
            "s.json:2:40: warning: steps[0].events[1]: no loaded event has the id \"gone\"; the step shows a note in its place"
        ]
    );
    let story = loaded.story.unwrap();
    assert_eq!(story.steps[0].events, ["known", "gone"]);
}

#[test]
fn syntax_and_schema_errors_are_placed() {
    assert_eq!(
        problems("{\"version\": 1, \"title\": \"T\",\n \"steps\": [}"),
        ["s.json:2:12: error: expected value"]
    );
    let unknown = problems(&format!("{HEAD}  {{\"captoin\": \"x\"}}\n]}}"));
    assert_eq!(unknown.len(), 1);
    assert!(
        unknown[0].starts_with("s.json:2:")
            && unknown[0].contains("steps[0]: unknown field `captoin`"),
        "{unknown:?}"
    );
    assert_eq!(
        problems("{\"version\": 2, \"title\": \"T\", \"steps\": []}"),
        ["s.json:1:13: error: version: version 2 is not known; this build reads version 1"]
    );
}

#[test]
fn bad_values_in_a_step_are_errors_where_they_are_written() {
    let text = format!(
        "{HEAD}  {{\"events\": [\"known\"],\n   \"window\": {{\"from\": \"2022-09-20\", \"to\": \"2022-09-14\"}},\n   \"cursor\": \"Sunday\",\n   \"camera\": {{\"lon\": 200, \"lat\": 40, \"width_km\": 10, \"height_km\": 10}},\n   \"quote\": {{\"event\": \"other\"}}}}\n]}}"
    );
    let loaded = parse(&text, &|id| id == "known");
    assert!(loaded.story.is_none());
    assert_eq!(
        problems(&text),
        [
            "s.json:5:14: error: steps[0].camera: lon 200 is outside -180 to 180",
            "s.json:3:43: error: steps[0].window.to: the window ends before it starts (`to` is exclusive and must come after `from`)",
            "s.json:4:14: error: steps[0].cursor: \"Sunday\" is not a date like 2022-09-16 or 2022-09-16T04:50",
            "s.json:6:13: error: steps[0].quote.event: \"other\" is not one of the step's events",
        ]
    );
}

#[test]
fn text_that_is_not_json_never_panics() {
    for text in [
        "",
        "[",
        "null",
        "{\"steps\": 3}",
        "\u{feff}{}",
        "{\"version\": -1}",
    ] {
        let loaded = parse(text, &|_| true);
        assert!(loaded.story.is_none());
        assert!(!loaded.diagnostics.is_empty(), "{text:?}");
    }
}
