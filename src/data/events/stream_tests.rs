//! Events files read a batch of features at a time read exactly as when
//! every feature is kept first; problems keep their lines across batches.

use serde_json::Value;

use super::write::to_geojson;
use super::{BundledTexts, Collection, bundled, parse};

/// The bundled events many times over (ids made unique; references still
/// name the bundled incidents), more than one batch of features.
fn many() -> Collection {
    let mut c = bundled().unwrap();
    let originals = c.events.clone();
    for k in 1..200 {
        c.events.extend(originals.iter().map(|e| {
            let mut e = e.clone();
            e.id = format!("{}-copy-{k}", e.id);
            e
        }));
    }
    c
}

/// `text`'s top-level members written in `order`, one per line.
fn reordered(text: &str, order: &[&str]) -> String {
    let value: Value = serde_json::from_str(text).unwrap();
    let members: Vec<String> = order
        .iter()
        .map(|name| format!("\"{name}\": {}", value[*name]))
        .collect();
    format!("{{\n{}\n}}\n", members.join(",\n"))
}

#[test]
fn a_header_after_the_features_reads_the_same_as_one_before() {
    let c = many();
    assert!(c.events.len() > 5_000);
    let first = to_geojson(&c);
    let streamed = parse("first.geojson", &first, &BundledTexts, &[])
        .into_result()
        .unwrap();
    let after = reordered(&first, &["features", "sources", "type", "vocabularies"]);
    let kept = parse("after.geojson", &after, &BundledTexts, &[])
        .into_result()
        .unwrap();
    assert_eq!(streamed, c);
    assert_eq!(kept, c);
}

#[test]
fn a_bad_feature_past_the_first_batch_is_reported_at_its_line() {
    let c = many();
    let text = to_geojson(&c);
    let bad_id = &c.events[4_500].id;
    let needle = format!("\"id\":\"{bad_id}\"");
    let line_no = text.lines().position(|l| l.contains(&needle)).unwrap() + 1;
    let broken: String = text
        .lines()
        .map(|l| {
            if l.contains(&needle) {
                l.replacen("\"kind\":\"", "\"kind\":\"bogus-", 1)
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let problems = parse("broken.geojson", &broken, &BundledTexts, &[])
        .into_result()
        .unwrap_err();
    let found = problems
        .iter()
        .find(|d| d.message.contains(bad_id.as_str()))
        .unwrap_or_else(|| panic!("no problem names {bad_id}: {problems:?}"));
    assert_eq!(found.line, Some(line_no));
    assert_eq!(
        found.path.as_deref(),
        Some("features[4500].properties.kind")
    );
}

#[test]
fn a_header_split_around_the_features_names_the_member_to_move() {
    let text = to_geojson(&bundled().unwrap());
    let split = reordered(&text, &["type", "sources", "features", "vocabularies"]);
    let problems = parse("split.geojson", &split, &BundledTexts, &[])
        .into_result()
        .unwrap_err();
    let last_line = split.lines().count() - 1;
    assert!(
        problems
            .iter()
            .any(|d| d.message.contains("\"vocabularies\" comes after")
                && d.line == Some(last_line)
                && d.path.as_deref() == Some("vocabularies")),
        "{problems:?}"
    );
}
