//! Events pushed and pulled back keep their ids, dates, geometry, quotes,
//! figures and verdicts; pushing again changes nothing.

use std::collections::HashMap;

use border_incidents::data::event::Event;
use border_incidents::data::events::{self, BundledTexts, Collection};
use border_incidents::formats::acled;
use border_incidents::store::{connect, pull, push};

use crate::common::{admin_info, fresh_store, numbers_as_floats};
use crate::pg_server::shared;

/// The ACLED fixture as a collection.
pub fn acled_fixture() -> Collection {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/csv/good_acled_current.csv"
    );
    let bytes = std::fs::read(path).unwrap();
    let load = acled::read(path, &mut bytes.as_slice());
    load.loaded.into_result().unwrap()
}

/// `pulled`'s events by id, each with its source's id.
fn by_id(c: &Collection) -> HashMap<String, (String, Event)> {
    c.events
        .iter()
        .map(|e| (e.id.clone(), (c.sources[e.source].id.clone(), e.clone())))
        .collect()
}

/// Checks that every event of `original` is in `pulled`, equal but for the
/// index of its source.
fn assert_same_events(original: &Collection, pulled: &HashMap<String, (String, Event)>) {
    for e in &original.events {
        let (source, got) = pulled
            .get(&e.id)
            .unwrap_or_else(|| panic!("{} was not pulled back", e.id));
        assert_eq!(source, &original.sources[e.source].id, "{}", e.id);
        let mut got = got.clone();
        got.source = e.source;
        assert_eq!(&got, e, "{} changed on its way through the database", e.id);
    }
}

#[test]
fn bundled_events_and_an_acled_file_come_back_unchanged() {
    let server = shared();
    let db = fresh_store("roundtrip");
    let info = admin_info(server, &db);
    let mut client = connect::connect(&info).unwrap();
    let bundled = events::bundled().unwrap();
    let acled = acled_fixture();
    let first = push::push(&mut client, &bundled, &mut |_| {}, None).unwrap();
    assert_eq!(first.inserted, bundled.events.len());
    let second = push::push(&mut client, &acled, &mut |_| {}, None).unwrap();
    assert_eq!(second.inserted, acled.events.len());

    let text = pull::pull_text(&mut client, &pull::Scope::default()).unwrap();
    let pulled = events::parse("pulled", &text, &BundledTexts, &[])
        .into_result()
        .unwrap_or_else(|p| panic!("pulled events do not read back: {p:?}"));
    assert_eq!(
        pulled.events.len(),
        bundled.events.len() + acled.events.len()
    );
    let pulled = by_id(&pulled);
    assert_same_events(&bundled, &pulled);
    assert_same_events(&acled, &pulled);

    // Pushing the same files again changes nothing, and no version moves.
    let again = push::push(&mut client, &bundled, &mut |_| {}, None).unwrap();
    assert_eq!(
        (again.inserted, again.updated, again.unchanged),
        (0, 0, bundled.events.len())
    );
    let versions: i64 = client
        .query_one("SELECT sum(version) FROM border_incidents.events", &[])
        .unwrap()
        .get(0);
    assert_eq!(versions as usize, bundled.events.len() + acled.events.len());
}

#[test]
fn a_box_and_a_window_choose_what_is_pulled() {
    let server = shared();
    let db = fresh_store("scope");
    let mut client = connect::connect(&admin_info(server, &db)).unwrap();
    let bundled = events::bundled().unwrap();
    push::push(&mut client, &bundled, &mut |_| {}, None).unwrap();
    // Batken and Isfara lie in this box; Moscow and Bishkek do not.
    let scope = pull::Scope {
        bbox: Some([69.5, 39.5, 71.5, 40.5]),
        window: None,
        ..Default::default()
    };
    let text = pull::pull_text(&mut client, &scope).unwrap();
    let boxed = events::parse("boxed", &text, &BundledTexts, &[])
        .into_result()
        .unwrap();
    let inside: Vec<&Event> = bundled
        .events
        .iter()
        .filter(|e| match &e.geometry {
            Some(geo::Geometry::Point(p)) => {
                (69.5..=71.5).contains(&p.x()) && (39.5..=40.5).contains(&p.y())
            }
            _ => false,
        })
        .collect();
    let mut got: Vec<&str> = boxed.events.iter().map(|e| e.id.as_str()).collect();
    got.sort();
    let want = with_references(&bundled, inside);
    assert!(!want.is_empty());
    assert_eq!(got, want);

    // 17–18 Sep 2022 (civil): the events whose dates overlap those days.
    let day = |d: &str| {
        border_incidents::data::time::EventTime::parse(d)
            .unwrap()
            .first_second()
    };
    let (from, to) = (day("2022-09-17"), day("2022-09-19"));
    let scope = pull::Scope {
        bbox: None,
        window: Some((from, to)),
        ..Default::default()
    };
    let text = pull::pull_text(&mut client, &scope).unwrap();
    let windowed = events::parse("w", &text, &BundledTexts, &[])
        .into_result()
        .unwrap();
    let mut got: Vec<&str> = windowed.events.iter().map(|e| e.id.as_str()).collect();
    got.sort();
    let overlapping = bundled
        .events
        .iter()
        .filter(|e| e.start.first_second() < to && e.end.end_exclusive() > from)
        .collect();
    let want = with_references(&bundled, overlapping);
    assert!(!want.is_empty() && want.len() < bundled.events.len());
    assert_eq!(got, want);
}

/// The ids of `chosen` and of every event they refer to, in turn, sorted.
fn with_references<'a>(all: &'a Collection, chosen: Vec<&'a Event>) -> Vec<&'a str> {
    let mut ids: std::collections::BTreeSet<&str> = chosen.iter().map(|e| e.id.as_str()).collect();
    loop {
        let more: Vec<&str> = all
            .events
            .iter()
            .filter(|e| ids.contains(e.id.as_str()))
            .flat_map(|e| e.refers_to.iter().chain(e.account_of.iter()))
            .map(String::as_str)
            .filter(|id| !ids.contains(id))
            .collect();
        if more.is_empty() {
            return ids.into_iter().collect();
        }
        ids.extend(more);
    }
}

#[test]
fn features_read_from_columns_equal_the_servers_feature_of() {
    let server = shared();
    let db = fresh_store("features");
    let mut client = connect::connect(&admin_info(server, &db)).unwrap();
    push::push(&mut client, &events::bundled().unwrap(), &mut |_| {}, None).unwrap();
    push::push(&mut client, &acled_fixture(), &mut |_| {}, None).unwrap();
    let rows = client
        .query(
            "SELECT ev.id, border_incidents.feature_of(ev)::text
             FROM border_incidents.events AS ev ORDER BY ev.id",
            &[],
        )
        .unwrap();
    assert!(rows.len() > 20);
    for row in rows {
        let (id, by_server): (String, String) = (row.get(0), row.get(1));
        let (text, _) = pull::one(&mut client, &id).unwrap().unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let made_here = file["features"][0].clone();
        let by_server: serde_json::Value = serde_json::from_str(&by_server).unwrap();
        assert_eq!(
            numbers_as_floats(made_here),
            numbers_as_floats(by_server),
            "{id}"
        );
    }
}
