//! View files read back as written, and bad ones told apart with their
//! place.

use super::read::{parse, sniff};
use super::write::to_json;
use super::*;
use crate::data::time::EventTime;

fn data() -> Data {
    Data::bundled().expect("bundled data")
}

fn at(text: &str) -> crate::data::time::Seconds {
    EventTime::parse(text).expect("a moment").first_second()
}

/// A view with every part set away from the defaults.
fn a_view(data: &Data) -> ViewFile {
    let mut view = crate::model::view_defaults::initial_view(data);
    view.camera.center_lon = 70.7123456789;
    view.camera.points_per_km = 3.3333333333;
    view.time.window = (at("2022-09-14T06:30"), at("2022-09-17T18:45:07"));
    view.time.cursor = at("2022-09-16T04:50");
    view.time.cumulative = true;
    view.time.speed = crate::model::view::PlaySpeed::Double;
    view.selection = Some("clashes-2022-09".into());
    view.filters.text = "Batken".into();
    view.filters.hidden_sides.insert("tajik".into());
    view.layers = view.layers.with("relief", false);
    view.theme = crate::model::view::Theme::Dark;
    view.names = crate::model::view::PlaceNames::Both;
    view.reading = Some("wsws-2022-09-19".into());
    let shown: Vec<usize> = (0..data.events.len()).collect();
    let story = Some(StoryAt {
        title: "The clashes".into(),
        bundled: true,
        step: 5,
    });
    let mut file = ViewFile::of(&view, data, &shown, story);
    file.timeline = Some((at("2022-09-10"), at("2022-09-20T12:00")));
    file
}

#[test]
fn a_view_reads_back_as_it_was_written() {
    let data = data();
    let file = a_view(&data);
    let text = to_json(&file);
    assert!(sniff(text.as_bytes()), "{text}");
    let loaded = parse(&text, &data);
    assert_eq!(loaded.diagnostics, []);
    assert_eq!(loaded.file, Some(file.clone()));
    assert_eq!(file.sources.len(), 1);
    assert_eq!(file.sources[0].id, "wsws-2022-09-19");
    assert!(file.sources[0].sha256.is_some());
    assert_eq!(file.file_name(), "clashes-2022-09.view.json");
}

#[test]
fn other_json_is_no_view_file() {
    assert!(!sniff(
        br#"{"type": "FeatureCollection", "border_incidents_view": 1}"#
    ));
    assert!(sniff(b"\xef\xbb\xbf\n  { \"border_incidents_view\": 1"));
    assert!(!sniff(b"[1, 2]"));
}

#[test]
fn errors_are_placed_and_leave_no_view() {
    let data = data();
    let text = to_json(&a_view(&data));
    let bad_time = text.replace("2022-09-16T04:50", "2022-13-16");
    let loaded = parse(&bad_time, &data);
    assert!(loaded.file.is_none());
    let d = &loaded.diagnostics[0];
    assert!(d.message.contains("cursor"), "{d:?}");
    let line = bad_time
        .lines()
        .position(|l| l.contains("\"cursor\""))
        .unwrap()
        + 1;
    assert_eq!(d.line, Some(line));

    let other_region = text.replace("\"fergana\"", "\"kashmir\"");
    let loaded = parse(&other_region, &data);
    assert!(loaded.diagnostics[0].message.contains("kashmir"));
    assert!(loaded.file.is_none());

    let unknown = text.replacen('{', "{\n  \"zoom\": 3,", 1);
    let loaded = parse(&unknown, &data);
    assert!(
        loaded.diagnostics[0]
            .message
            .contains("unknown field `zoom`")
    );
    assert_eq!(loaded.diagnostics[0].line, Some(2));

    let timeline_backwards = text.replace("2022-09-20T12:00", "2022-09-01");
    let loaded = parse(&timeline_backwards, &data);
    assert!(
        loaded.diagnostics[0]
            .message
            .contains("timeline's stretch ends before")
    );
    let line = text
        .lines()
        .position(|l| l.contains("\"timeline\""))
        .unwrap()
        + 1;
    assert_eq!(loaded.diagnostics[0].line, Some(line));

    let backwards = text.replace("2022-09-17T18:45:07", "2022-09-01");
    assert!(
        parse(&backwards, &data).diagnostics[0]
            .message
            .contains("ends before")
    );
}

#[test]
fn a_source_not_loaded_is_named_and_the_view_still_shown() {
    let data = data();
    let mut file = a_view(&data);
    file.sources.push(NeededSource {
        id: "acled-2022".into(),
        title: Some("ACLED Central Asia".into()),
        sha256: None,
    });
    file.view.selection = Some("XKG101".into());
    let text = to_json(&file);
    let loaded = parse(&text, &data);
    let shown = loaded.file.expect("shown anyway");
    assert_eq!(shown.view.selection, None);
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages[0].contains("“ACLED Central Asia” (acled-2022)"),
        "{messages:?}"
    );
    assert!(messages[0].contains("not loaded: open it"), "{messages:?}");
    assert!(
        messages[1].contains("“XKG101” is not loaded"),
        "{messages:?}"
    );
    let line = text.lines().position(|l| l.contains("acled-2022")).unwrap() + 1;
    assert_eq!(loaded.diagnostics[0].line, Some(line));
    assert!(!loaded.diagnostics[0].is_error());
}
