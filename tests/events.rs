//! The bundled article and its events: valid, dated by their own words,
//! quoted verbatim, placed where GeoNames puts the places they name.

use border_incidents::data::dates::resolve;
use border_incidents::data::event::{Event, EventKind, LocationPrecision};
use border_incidents::data::events::{self, BUNDLED_ARTICLE, BUNDLED_EVENTS, BundledTexts};
use geo::Point;
use jiff::civil::date;

/// GeoNames cities500 rows (geonameid, name, latitude, longitude) of the
/// places the bundled events are drawn at.
const GEONAMES: &str = "\
1528735\tBatken\t40.06259\t70.81939
1514896\tIsfara\t40.12649\t70.62526
1528675\tBishkek\t42.87\t74.59
1221874\tDushanbe\t38.53575\t68.77905
524901\tMoscow\t55.75222\t37.61556";

fn geonames(name: &str) -> Option<(u64, Point<f64>)> {
    GEONAMES.lines().find_map(|row| {
        let cols: Vec<&str> = row.split('\t').collect();
        (cols[1] == name).then(|| {
            let lat: f64 = cols[2].parse().unwrap();
            let lon: f64 = cols[3].parse().unwrap();
            (cols[0].parse().unwrap(), Point::new(lon, lat))
        })
    })
}

fn bundled() -> Vec<Event> {
    match events::bundled() {
        Ok(collection) => collection.events,
        Err(errors) => panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.in_file("assets/events.geojson").to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn by_id<'a>(events: &'a [Event], id: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

#[test]
fn bundled_collection_is_valid_and_names_its_source() {
    let collection = events::bundled().unwrap();
    let [source] = &collection.sources[..] else {
        panic!("one source: {:?}", collection.sources);
    };
    assert_eq!(source.text.as_deref(), Some(BUNDLED_ARTICLE));
    assert_eq!(source.published, Some(date(2022, 9, 19)));
    assert_eq!(source.author.as_deref(), Some("Andrea Peters"));
    assert!(collection.events.iter().all(|e| e.source == 0));
    let incidents = collection
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Incident)
        .count();
    assert_eq!((incidents, collection.events.len() - incidents), (19, 8));
}

#[test]
fn every_date_is_what_its_words_resolve_to() {
    let published = date(2022, 9, 19);
    for e in bundled() {
        let text = e
            .date_text
            .as_deref()
            .unwrap_or_else(|| panic!("{} has no date_text", e.id));
        let r = resolve(published, text).unwrap_or_else(|err| panic!("{}: {err}", e.id));
        assert_eq!((e.start, e.end), (r.start, r.end), "{} ({text:?})", e.id);
        assert_eq!(e.date_precision, Some(r.precision), "{} ({text:?})", e.id);
    }
}

#[test]
fn every_quote_is_the_article_at_its_byte_span() {
    let events = bundled();
    let mut quotes = 0;
    for e in &events {
        assert!(!e.quotes.is_empty(), "{} quotes nothing", e.id);
        for q in &e.quotes {
            assert_eq!(&BUNDLED_ARTICLE[q.start..q.end], q.text, "{}", e.id);
            quotes += 1;
        }
    }
    assert!(quotes >= events.len());
}

#[test]
fn points_are_where_geonames_puts_their_place() {
    let events = bundled();
    let errors =
        events::validate_place_points(&events, |name| geonames(name).map(|(_, p)| p), 0.01);
    assert!(errors.is_empty(), "{errors:#?}");
    for e in events.iter().filter(|e| e.place_ref.is_some()) {
        let name = e.place_ref.as_deref().unwrap_or_default();
        assert_eq!(e.geonameid, geonames(name).map(|(id, _)| id), "{}", e.id);
    }
}

#[test]
fn vague_places_carry_a_radius_and_every_gap_a_reason() {
    for e in bundled() {
        let vague = matches!(
            e.location_precision,
            Some(LocationPrecision::Region | LocationPrecision::Border)
        );
        assert_eq!(vague, e.uncertainty_km.is_some(), "{}", e.id);
        if e.geometry.is_none() {
            assert!(e.geometry_note.is_some(), "{}", e.id);
        }
    }
}

#[test]
fn both_sides_accounts_stand_side_by_side() {
    let events = bundled();
    let kyrgyz = by_id(&events, "kyrgyz-account");
    let tajik = by_id(&events, "tajik-account");
    assert_eq!(
        (kyrgyz.side.as_deref(), tajik.side.as_deref()),
        (Some("kyrgyz"), Some("tajik"))
    );
    for statement in [kyrgyz, tajik] {
        assert!(statement.refers_to.iter().any(|id| id == "clashes-2022-09"));
    }
    for e in events.iter().filter(|e| e.kind == EventKind::Statement) {
        assert!(e.claimant.is_some() && !e.refers_to.is_empty(), "{}", e.id);
    }
}

#[test]
fn figures_keep_the_articles_words() {
    let events = bundled();
    let fighting = by_id(&events, "clashes-2022-09");
    let killed = fighting.figures.killed.as_ref().unwrap();
    assert_eq!(
        (killed.as_stated.as_str(), killed.high),
        ("Nearly 100", Some(100.0))
    );
    let evacuated = by_id(&events, "evacuation-batken")
        .figures
        .evacuated
        .as_ref()
        .unwrap();
    assert_eq!(
        (evacuated.low, evacuated.high),
        (Some(136_000.0), Some(136_000.0))
    );
    let may = by_id(&events, "clashes-2021-05")
        .figures
        .killed
        .as_ref()
        .unwrap();
    assert_eq!((may.low, may.high), (Some(54.0), None));
}

#[test]
fn a_broken_copy_reports_every_problem_with_its_line() {
    let broken = BUNDLED_EVENTS
        .replacen("\"id\": \"truce\"", "\"id\": \"clashes-2022-09\"", 1)
        .replacen(
            "\"date_text\": \"On Monday\"",
            "\"date_text\": \"On Sunday\"",
            1,
        );
    let errors = events::parse("events.geojson", &broken, &BundledTexts, &[])
        .into_result()
        .unwrap_err();
    let rendered: Vec<String> = errors
        .iter()
        .map(|e| e.in_file("events.geojson").to_string())
        .collect();
    assert!(
        rendered.iter().any(|m| m.contains("duplicate id")),
        "{rendered:#?}"
    );
    assert!(
        rendered.iter().any(|m| m.contains("resolves to")),
        "{rendered:#?}"
    );
    assert!(
        errors.iter().all(|e| e.line.is_some_and(|l| l > 1)),
        "{rendered:#?}"
    );
}
