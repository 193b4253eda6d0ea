//! A view narrowed by filters the summaries do not key (sides, sources,
//! verdicts hidden, search words): its counts per cell, its histogram and
//! the events it is sent are those the app's own filters let through;
//! and every answer lists the store's sources, for the filters to offer.

use border_incidents::data::event::Verdict;
use border_incidents::data::events;
use border_incidents::data::time::EventTime;
use border_incidents::model::filters::{Filters, NO_SIDE, verdict_key};
use border_incidents::model::positions::event_lonlat;
use border_incidents::model::visibility::{matches_text, overlaps, passes_filters};
use border_incidents::store::cells::{self, CellQuery};
use border_incidents::store::pull::{self, Scope};
use border_incidents::store::{connect, histogram, push};

use crate::common::{admin_info, fresh_store, synthetic};
use crate::pg_server::shared;

fn day(d: &str) -> i64 {
    EventTime::parse(d).unwrap().first_second()
}

#[test]
fn narrowed_views_count_and_send_what_the_apps_filters_let_through() {
    let server = shared();
    let db = fresh_store("narrowed");
    let mut client = connect::connect(&admin_info(server, &db)).unwrap();
    push::push(&mut client, &synthetic(5_000, 4), &mut |_| {}, None).unwrap();
    push::push(&mut client, &events::bundled().unwrap(), &mut |_| {}, None).unwrap();
    // Every event as the app would hold it, to filter as the app does.
    let everything = pull::pull_text(&mut client, &Scope::default()).unwrap();
    let held = events::parse("all", &everything, &events::BundledTexts, &[])
        .into_result()
        .unwrap();
    assert!(held.events.len() > 5_000);

    let bbox = [60.0, 35.0, 80.0, 45.0];
    let window = (day("2014-01-01"), day("2022-09-20"));
    let mut words = Filters {
        text: "EVENT 12".into(),
        ..Filters::default()
    };
    let mut sided = Filters::default();
    sided.hidden_sides.insert(NO_SIDE.into());
    let mut judged = Filters::default();
    judged
        .hidden_verdicts
        .insert(verdict_key(Some(Verdict::Consistent)));
    judged.hidden_verdicts.insert(verdict_key(None));
    let mut quoted = Filters {
        text: "Armored".into(),
        ..Filters::default()
    };
    quoted.hidden_sources.insert("synthetic-4".into());
    words.hidden_sources.insert("nothing-by-this-id".into());
    for filters in [words, sided, judged, quoted] {
        let hidden: Vec<bool> = held
            .sources
            .iter()
            .map(|s| filters.hidden_sources.contains(&s.id))
            .collect();
        let expected: Vec<&str> = held
            .events
            .iter()
            .filter(|e| passes_filters(e, &filters, &hidden) && overlaps(e, window))
            .filter(|e| {
                event_lonlat(e).is_some_and(|[x, y]| {
                    x >= bbox[0] && x < bbox[2] && y >= bbox[1] && y < bbox[3]
                })
            })
            .map(|e| e.id.as_str())
            .collect();
        assert!(!expected.is_empty(), "{filters:?} lets something through");
        let narrowing = filters.narrowing();
        assert!(!narrowing.is_empty());
        let counted = cells::count(
            &mut client,
            &CellQuery {
                bbox,
                window: Some(window),
                kinds: None,
                categories: None,
                narrowing: narrowing.clone(),
                across: 16,
            },
        )
        .unwrap();
        assert_eq!(counted.total, expected.len() as u64, "{filters:?}");
        // The events sent for the same box: those, and no others.
        let scope = Scope {
            bbox: Some(bbox),
            window: Some(window),
            narrowing: narrowing.clone(),
            ..Scope::default()
        };
        let sent = events::parse(
            "view",
            &pull::pull_text(&mut client, &scope).unwrap(),
            &events::BundledTexts,
            &[],
        )
        .into_result()
        .unwrap();
        for id in &expected {
            assert!(sent.events.iter().any(|e| e.id == *id), "{id} sent");
        }
        for e in &sent.events {
            // Beside those chosen, only the events they refer to.
            let chosen = expected.contains(&e.id.as_str());
            let referred = sent.events.iter().any(|o| {
                o.refers_to.contains(&e.id) || o.account_of.as_deref() == Some(e.id.as_str())
            });
            assert!(chosen || referred, "{} sent for {filters:?}", e.id);
            if chosen {
                assert!(matches_text(e, &filters.text));
            }
        }
        // The histogram counts the same events by their starts.
        let histogram = histogram::count(&mut client, window, 10, None, None, &narrowing).unwrap();
        let in_window = held
            .events
            .iter()
            .filter(|e| passes_filters(e, &filters, &hidden) && overlaps(e, window))
            .count();
        assert_eq!(
            histogram.iter().sum::<u64>(),
            in_window as u64,
            "{filters:?}"
        );
    }
}

/// A view's answer lists every source of the store, so that the filters
/// offer each, a hidden one too: with the events sent, the sources they
/// name with their texts and the others without; with counts, every
/// source without its text and no events.
#[test]
fn a_views_answer_lists_every_source_of_the_store() {
    let server = shared();
    let db = fresh_store("catalogue");
    let mut client = connect::connect(&admin_info(server, &db)).unwrap();
    push::push(&mut client, &synthetic(200, 7), &mut |_| {}, None).unwrap();
    let bundled = events::bundled().unwrap();
    push::push(&mut client, &bundled, &mut |_| {}, None).unwrap();
    let article = &bundled.sources[0];
    assert!(article.text.is_some());

    let read = |text: &str| {
        events::parse("view", text, &events::BundledTexts, &[])
            .into_result()
            .unwrap()
    };
    let ids = |c: &events::Collection| -> Vec<String> {
        c.sources.iter().map(|s| s.id.clone()).collect()
    };
    // The synthetic source hidden: the article's events are sent, and the
    // hidden source is listed without a text of its own.
    let scope = Scope {
        narrowing: border_incidents::store::narrow::Narrowing {
            hidden_sources: vec!["synthetic-7".to_owned()],
            ..Default::default()
        },
        every_source: true,
        ..Scope::default()
    };
    let sent = read(&pull::pull_text(&mut client, &scope).unwrap());
    assert_eq!(sent.events.len(), bundled.events.len());
    let mut both = ids(&sent);
    both.sort();
    let mut expected = vec![article.id.clone(), "synthetic-7".to_owned()];
    expected.sort();
    assert_eq!(both, expected);
    let of = |c: &events::Collection, id: &str| c.sources.iter().find(|s| s.id == id).cloned();
    assert_eq!(of(&sent, &article.id).unwrap().text, article.text);
    assert_eq!(of(&sent, "synthetic-7").unwrap().text, None);
    // Without `every_source` (what `db pull` writes), only the sources
    // its events name.
    let pulled = read(
        &pull::pull_text(
            &mut client,
            &Scope {
                every_source: false,
                ..scope
            },
        )
        .unwrap(),
    );
    assert_eq!(ids(&pulled), vec![article.id.clone()]);

    // Counts: every source, no texts, no events, every vocabulary term.
    let catalogue = read(&pull::catalogue(&mut client).unwrap());
    assert!(catalogue.events.is_empty());
    let mut all = ids(&catalogue);
    all.sort();
    assert_eq!(all, both);
    assert!(catalogue.sources.iter().all(|s| s.text.is_none()));
    assert_eq!(
        catalogue.vocabulary.categories.len(),
        sent.vocabulary.categories.len()
    );
}
