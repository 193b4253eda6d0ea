//! The bundled article and its events: valid, dated by their own words,
//! quoted verbatim, placed where GeoNames puts the places they name.

use border_incidents::data::dates::resolve;
use border_incidents::data::event::{Event, EventKind, LocationPrecision, Verdict};
use border_incidents::data::events::{self, BUNDLED_ARTICLE, BUNDLED_EVENTS, BundledTexts};
use border_incidents::data::time::EventTime;
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
    let count = |kind| collection.events.iter().filter(|e| e.kind == kind).count();
    assert_eq!(
        EventKind::ALL.map(count),
        [14, 9, 6],
        "incidents, statements, context"
    );
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

/// A claim placed only by its region, a stretch of border or its country is
/// drawn with a radius or not at all, never as a bare point; a radius only
/// comes with a point, and every missing point has a reason.
#[test]
fn vague_places_carry_a_radius_or_no_point_and_every_gap_a_reason() {
    let events = bundled();
    for e in &events {
        let vague = matches!(
            e.location_precision,
            Some(
                LocationPrecision::Region | LocationPrecision::Border | LocationPrecision::Country
            )
        );
        let drawn = e.geometry.is_some();
        if vague && drawn {
            assert!(e.uncertainty_km.is_some(), "{} is a bare point", e.id);
        }
        if e.uncertainty_km.is_some() {
            assert!(vague && drawn, "{} has a radius around nothing", e.id);
        }
        if !drawn {
            assert!(e.geometry_note.is_some(), "{}", e.id);
            assert_eq!((&e.place_ref, e.geonameid), (&None, None), "{}", e.id);
        }
    }
    // The packed airport has no confirmed place (Batken's airport was
    // closed to civil flights), and "Kyrgyzstan declared" names only a
    // country: neither is drawn.
    for id in ["airport-crowd", "kyrgyz-islamist-militants-claim"] {
        let e = by_id(&events, id);
        assert!(e.geometry.is_none(), "{id}");
    }
    assert_eq!(
        by_id(&events, "airport-crowd").location_precision,
        Some(LocationPrecision::Region)
    );
    assert_eq!(
        by_id(&events, "kyrgyz-islamist-militants-claim").location_precision,
        Some(LocationPrecision::Country)
    );
}

/// The sentence on Zhaparov has two time markers, so it is two statements:
/// readiness to negotiate "on Sunday", and the address on defending the
/// borders "just released on YouTube". Each verification says what is and
/// is not confirmed.
#[test]
fn zhaparov_said_two_things_each_dated_by_its_own_words() {
    let events = bundled();
    let sunday = by_id(&events, "zhaparov-ready-to-negotiate");
    let youtube = by_id(&events, "zhaparov-youtube");
    let day = |y, m, d| EventTime::Date(date(y, m, d));
    assert_eq!(sunday.date_text.as_deref(), Some("on Sunday"));
    assert_eq!(
        (sunday.start, sunday.end),
        (day(2022, 9, 18), day(2022, 9, 18))
    );
    assert_eq!(youtube.date_text.as_deref(), Some("just released"));
    assert_eq!(
        (youtube.start, youtube.end),
        (day(2022, 9, 5), day(2022, 9, 19))
    );
    assert!(
        sunday.quotes[0]
            .text
            .contains("on Sunday that his government is ready for negotiations")
    );
    assert!(!sunday.quotes.iter().any(|q| q.text.contains("YouTube")));
    assert!(youtube.quotes[0].text.contains("just released on YouTube"));
    assert!(youtube.quotes[0].text.contains("defending its borders"));
    for e in [sunday, youtube] {
        assert_eq!(e.kind, EventKind::Statement, "{}", e.id);
        assert_eq!(e.claimant, sunday.claimant, "{}", e.id);
        let v = e.verification.as_ref().expect("verified");
        let note = &v.note;
        assert!(
            note.to_lowercase().contains("not confirmed"),
            "{}: {note}",
            e.id
        );
        // His social-media address of Saturday 17 Sep is the nearest
        // candidate for both "on Sunday" and "on YouTube", and is cited.
        assert!(note.contains("Sat 17 Sep"), "{}: {note}", e.id);
        assert!(
            v.sources.iter().any(|s| s.contains("17 Sep 2022")),
            "{}: {:?}",
            e.id,
            v.sources
        );
    }
}

/// A side's account of an incident cannot begin before the incident: the
/// Tajik account of its towns shelled "over the course of several days"
/// is a duration inside the fighting, not a start before it.
#[test]
fn accounts_do_not_start_before_the_incident_they_tell() {
    let events = bundled();
    let mut accounts = 0;
    for e in events.iter().filter(|e| e.account_of.is_some()) {
        let told = by_id(&events, e.account_of.as_deref().unwrap_or_default());
        assert!(e.start >= told.start, "{} starts before {}", e.id, told.id);
        accounts += 1;
    }
    assert!(accounts >= 3, "{accounts}");
    let shelling = by_id(&events, "shelling-tajik-towns-tj-claim");
    assert_eq!(shelling.start, by_id(&events, "clashes-2022-09").start);
    let firefight = by_id(&events, "firefight-border-guards-kg-claim");
    assert_eq!(
        (firefight.side.as_deref(), firefight.category.as_deref()),
        (Some("kyrgyz"), Some("armed_clash"))
    );
    assert!(
        firefight
            .verification
            .as_ref()
            .is_some_and(|v| v.note.contains("14 Sep"))
    );
}

/// Whether `text` holds a year of four digits (19xx or 20xx) standing alone.
fn names_a_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w.starts_with(b"19") || w.starts_with(b"20"))
            && !(i > 0 && bytes[i - 1].is_ascii_digit())
            && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
    })
}

/// Every verdict names the reports it rests on, each with its date, and
/// every verdict value is explained in assets/README.md.
#[test]
fn every_verdict_cites_a_source_and_is_documented() {
    let events = bundled();
    let mut verified = 0;
    for e in &events {
        let Some(v) = &e.verification else { continue };
        assert!(!v.note.trim().is_empty(), "{} has no note", e.id);
        assert!(!v.sources.is_empty(), "{} cites no source", e.id);
        assert!(v.sources.iter().all(|s| !s.trim().is_empty()), "{}", e.id);
        // Every source names the date of its report, at least its year.
        for source in &v.sources {
            assert!(names_a_year(source), "{}: {source:?} names no date", e.id);
        }
        verified += 1;
    }
    assert!(verified >= 20, "{verified}");
    let readme = include_str!("../../assets/README.md");
    for verdict in Verdict::ALL {
        let key = serde_json::to_string(&verdict).unwrap();
        let key = key.trim_matches('"');
        assert!(
            readme.contains(&format!("| `{key}` |")),
            "{key} undocumented"
        );
    }
    // Each side's account is partly documented by an independent
    // investigator, the rest resting on its word.
    for id in ["incursion-batken-kg-claim", "shelling-tajik-towns-tj-claim"] {
        let v = by_id(&events, id).verification.as_ref().expect("verified");
        assert_eq!(v.verdict, Verdict::PartlyDocumented, "{id}");
    }
}

/// Background the article gives (1917, the 1920s and 1950s maps, Soviet
/// rule, 1991) is context, not an incident of the conflict: no statement
/// or account points at it, and it keeps its quotes.
#[test]
fn background_rows_are_context_not_conflict_incidents() {
    let events = bundled();
    let background = [
        "russian-revolution-1917",
        "border-map-1920s",
        "border-map-1950s",
        "soviet-administration",
        "ussr-dissolution",
        "rival-map-claims",
    ];
    let context: Vec<&str> = events
        .iter()
        .filter(|e| e.kind == EventKind::Context)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(context.len(), background.len(), "{context:?}");
    for id in background {
        let e = by_id(&events, id);
        assert_eq!(e.kind, EventKind::Context, "{id}");
        assert!(!e.quotes.is_empty(), "{id}");
        assert!(e.geometry.is_none(), "{id}");
    }
    for e in &events {
        for target in e.refers_to.iter().chain(&e.account_of) {
            assert!(
                !background.contains(&target.as_str()),
                "{} -> {target}",
                e.id
            );
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

/// The follow-up check of issue 31: a verdict follows the README's rule on
/// dates outside the drawn range, each note says where its dates come
/// from, and both sides' abuses and both sides' word on the truce are cited.
#[test]
fn verdicts_follow_the_rule_on_dates_outside_the_drawn_range() {
    let events = bundled();
    let verification = |id| by_id(&events, id).verification.as_ref().expect(id);

    // Announced on 2 Sep, outside the 5–19 Sep drawn from "just appointed".
    let otunbayeva = by_id(&events, "otunbayeva-envoy");
    assert_eq!(
        otunbayeva.start,
        EventTime::Date(date(2022, 9, 5)),
        "the range the rule is judged against"
    );
    let v = verification("otunbayeva-envoy");
    assert_eq!(v.verdict, Verdict::Imprecise);
    assert!(v.note.contains("2 Sep 2022"), "{}", v.note);

    // The firefight's range comes from the article, its date from TASS.
    let v = verification("firefight-border-guards-kg-claim");
    assert_eq!(v.verdict, Verdict::PartlyDocumented);
    for words in ["late last week", "14 Sep", "TASS"] {
        assert!(v.note.contains(words), "{words}: {}", v.note);
    }

    // The Kyrgyz account was given from 14 Sep, as the firefight row says.
    let v = verification("kyrgyz-account");
    assert!(v.note.contains("from Wed 14 Sep"), "{}", v.note);
    assert!(!v.note.contains("from 16 Sep"), "{}", v.note);
    assert!(
        v.sources
            .iter()
            .any(|s| s.contains("14 Sep 2022") && s.contains("TASS")),
        "{:?}",
        v.sources
    );

    // Human Rights Watch's findings on both sides beside the videos.
    let v = verification("social-media-videos");
    for words in [
        "Kyrgyz forces fired on Tajik ambulances",
        "Tajik forces fired on civilian cars",
        "at least 8 civilians",
    ] {
        assert!(v.note.contains(words), "{words}: {}", v.note);
    }

    // A Tajik-side source on the truce, beside the Kyrgyz ones.
    let v = verification("truce");
    assert!(v.note.contains("06:30"), "{}", v.note);
    assert!(
        v.sources.iter().any(|s| s.starts_with("Tajik")),
        "{:?}",
        v.sources
    );
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
