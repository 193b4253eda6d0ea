//! Counts per cell add up: at every level, for every window and filter,
//! each cell holds exactly the events `count(*)` finds in it; they follow
//! edits and deletes; and a push cancelled part-way leaves everything as
//! it was.

use std::sync::atomic::{AtomicBool, Ordering};

use border_incidents::data::time::EventTime;
use border_incidents::store::cells::{self, CellQuery, MONTH_LEVELS, cell_size};
use border_incidents::store::edit::{self, Edit, EditKind, Outcome};
use border_incidents::store::error::StoreError;
use border_incidents::store::narrow::Narrowing;
use border_incidents::store::viewport::{self, Shown};
use border_incidents::store::{connect, histogram, push};
use serde_json::{Map, json};

use crate::common::{admin, admin_info, fresh_store, read_sent, synthetic, view_request};
use crate::pg_server::shared;

/// The number of events `count(*)` finds in each cell of `got`'s span, by
/// the same rules: placed, in the cells, overlapping the days, filtered
/// (kinds, categories and hidden sources).
fn counted_directly(
    client: &mut postgres::Client,
    got: &cells::Cells,
    q: &CellQuery,
) -> Vec<(i32, i32, i64)> {
    let [cx0, cy0, cx1, cy1] = got.span;
    let (d0, d1) = match got.days {
        Some((a, b)) => (Some(a.to_string()), Some(b.tomorrow().unwrap().to_string())),
        None => (None, None),
    };
    client
        .query(
            "SELECT border_incidents.cell_x($1, geom), border_incidents.cell_y($1, geom), count(*)
             FROM border_incidents.events
             WHERE geom IS NOT NULL
               AND border_incidents.cell_x($1, geom) BETWEEN $2 AND $4
               AND border_incidents.cell_y($1, geom) BETWEEN $3 AND $5
               AND ($6::text IS NULL OR during && tsrange($6::text::timestamp, $7::text::timestamp, '[)'))
               AND ($8::text[] IS NULL OR kind = ANY($8))
               AND ($9::text[] IS NULL OR coalesce(category, '') = ANY($9))
               AND NOT source_id = ANY($10::text[])
             GROUP BY 1, 2 ORDER BY 1, 2",
            &[
                &got.level,
                &cx0,
                &cy0,
                &cx1,
                &cy1,
                &d0,
                &d1,
                &q.kinds,
                &q.categories,
                &q.narrowing.hidden_sources,
            ],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect()
}

/// Checks `q`'s cells against `count(*)`; returns the total.
fn check(client: &mut postgres::Client, q: &CellQuery) -> u64 {
    let got = cells::count(client, q).unwrap();
    let direct = counted_directly(client, &got, q);
    let mine: Vec<(i32, i32, i64)> = got
        .cells
        .iter()
        .map(|c| (c.cx, c.cy, c.count as i64))
        .collect();
    assert_eq!(mine, direct, "level {} {:?}", got.level, q);
    for c in &got.cells {
        assert_eq!(c.by_category.iter().map(|(_, n)| n).sum::<u64>(), c.count);
    }
    got.total
}

fn day(d: &str) -> i64 {
    EventTime::parse(d).unwrap().first_second()
}

#[test]
fn counts_per_cell_equal_count_star_at_every_level_window_and_filter() {
    let server = shared();
    let db = fresh_store("cells");
    let mut client = connect::connect(&admin_info(server, &db)).unwrap();
    let events = synthetic(20_000, 1);
    push::push(&mut client, &events, &mut |_| {}, None).unwrap();
    // A second, smaller source, to hide one or the other.
    push::push(&mut client, &synthetic(3_000, 2), &mut |_| {}, None).unwrap();
    let hidden_sources = [vec![], vec!["synthetic-2"], vec!["synthetic-1"]];
    let windows = [
        None,
        Some((day("2015-01-01"), day("2020-01-01"))), // whole years
        Some((day("2014-05-03"), day("2021-10-17"))), // years, months and days
        Some((day("2016-01-01"), day("2017-01-01"))), // a whole year
        Some((day("2018-03-14"), day("2018-06-20"))), // months with odd ends
        Some((day("2019-07-08"), day("2019-07-15"))), // one week
        Some((day("2020-02-29") + 3600, day("2020-03-01") + 7200)), // part of two days
    ];
    let region = [60.0, 35.0, 80.0, 45.0];
    let mut totals = Vec::new();
    for level in MONTH_LEVELS {
        // A box about 40 cells of this level across, inside the region.
        let size = cell_size(level) * 40.0;
        let bbox = [
            70.0 - size / 2.0,
            40.0 - size / 4.0,
            70.0 + size / 2.0,
            40.0 + size / 4.0,
        ];
        for (window, hidden) in windows
            .iter()
            .flat_map(|w| hidden_sources.iter().map(move |h| (*w, h)))
        {
            let q = CellQuery {
                bbox,
                window,
                kinds: None,
                categories: None,
                narrowing: Narrowing {
                    hidden_sources: hidden.iter().map(|s| s.to_string()).collect(),
                    ..Default::default()
                },
                across: 40,
            };
            totals.push(check(&mut client, &q));
        }
    }
    assert!(totals.iter().any(|&t| t > 1000), "{totals:?}");
    for (kinds, categories) in [
        (Some(vec!["context".to_owned()]), None),
        (
            None,
            Some(vec!["shelling".to_owned(), "evacuation".to_owned()]),
        ),
    ] {
        for window in windows {
            let q = CellQuery {
                bbox: region,
                window,
                kinds: kinds.clone(),
                categories: categories.clone(),
                narrowing: Default::default(),
                across: 64,
            };
            check(&mut client, &q);
        }
    }
}

#[test]
fn counts_follow_edits_and_deletes() {
    let server = shared();
    let db = fresh_store("cellsedit");
    let mut client = admin(server, &db);
    let events = synthetic(500, 2);
    push::push(&mut client, &events, &mut |_| {}, None).unwrap();
    let q = CellQuery {
        bbox: [60.0, 35.0, 80.0, 45.0],
        window: None,
        kinds: None,
        categories: None,
        narrowing: Default::default(),
        across: 16,
    };
    let before = check(&mut client, &q);
    // Move one event far away, change another's category, delete a third.
    let id = |i: usize| events.events[i].id.clone();
    let mut moved = Map::new();
    moved.insert(
        "geometry".into(),
        json!({"type": "Point", "coordinates": [10.0, 10.0]}),
    );
    let e = Edit::new(&id(1), Some(1), EditKind::Update(moved));
    assert!(matches!(
        edit::apply(&mut client, &e),
        Ok(Outcome::Applied(Some(2)))
    ));
    let mut recat = Map::new();
    recat.insert("category".into(), json!("ceasefire"));
    let e = Edit::new(&id(2), Some(1), EditKind::Update(recat));
    assert!(matches!(
        edit::apply(&mut client, &e),
        Ok(Outcome::Applied(Some(2)))
    ));
    let e = Edit::new(&id(3), Some(1), EditKind::Delete);
    assert!(matches!(
        edit::apply(&mut client, &e),
        Ok(Outcome::Applied(None))
    ));
    let after = check(&mut client, &q);
    assert_eq!(after, before - 2);
    let ceasefire = CellQuery {
        categories: Some(vec!["ceasefire".to_owned()]),
        ..q
    };
    assert_eq!(check(&mut client, &ceasefire), 1);
}

#[test]
fn a_cancelled_push_leaves_the_table_as_it_was() {
    let server = shared();
    let db = fresh_store("cancel");
    let mut client = admin(server, &db);
    let first = synthetic(1000, 3);
    push::push(&mut client, &first, &mut |_| {}, None).unwrap();
    // The events, every summary's rows and total, and the history.
    let state = |client: &mut postgres::Client| -> Vec<i64> {
        let r = client
            .query_one(
                "SELECT (SELECT count(*) FROM border_incidents.events),
                        (SELECT count(*) FROM border_incidents.cell_months),
                        (SELECT coalesce(sum(n), 0)::bigint FROM border_incidents.cell_months),
                        (SELECT count(*) FROM border_incidents.cell_years),
                        (SELECT coalesce(sum(n), 0)::bigint FROM border_incidents.cell_years),
                        (SELECT count(*) FROM border_incidents.cell_days),
                        (SELECT coalesce(sum(n), 0)::bigint FROM border_incidents.cell_days),
                        (SELECT count(*) FROM border_incidents.event_days),
                        (SELECT coalesce(sum(n), 0)::bigint FROM border_incidents.event_days),
                        (SELECT count(*) FROM border_incidents.history),
                        (SELECT coalesce(max(seq), 0) FROM border_incidents.history)",
                &[],
            )
            .unwrap();
        (0..11).map(|i| r.get(i)).collect()
    };
    let before = state(&mut client);
    let big = synthetic(60_000, 4);
    // Cancelled while the rows are being sent…
    let cancel = AtomicBool::new(false);
    let e = push::push(
        &mut client,
        &big,
        &mut |sent| {
            if sent >= 30_000 {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        Some(&cancel),
    )
    .expect_err("cancelled");
    assert!(matches!(e, StoreError::Cancelled), "{e:?}");
    assert_eq!(state(&mut client), before);
    // …and while the server writes them.
    let cancel = AtomicBool::new(false);
    let e = push::push(
        &mut client,
        &big,
        &mut |sent| {
            if sent == big.events.len() {
                cancel.store(true, Ordering::Relaxed);
            }
        },
        Some(&cancel),
    )
    .expect_err("cancelled");
    assert!(matches!(e, StoreError::Cancelled), "{e:?}");
    assert_eq!(state(&mut client), before);
    // The session is usable after a cancel.
    let report = push::push(&mut client, &big, &mut |_| {}, None).unwrap();
    assert_eq!(report.inserted, big.events.len());
    // A push this large leaves the summaries vacuumed: every page of the
    // yearly counts all-visible, so the views read them from the index alone.
    assert!(report.vacuumed);
    let (pages, visible): (i32, i32) = {
        let r = client
            .query_one(
                "SELECT relpages, relallvisible FROM pg_class
                 WHERE oid = 'border_incidents.cell_years'::regclass",
                &[],
            )
            .unwrap();
        (r.get(0), r.get(1))
    };
    assert!(pages > 0 && visible == pages, "{visible} of {pages} pages");
}

#[test]
fn a_view_gets_events_when_few_and_counts_when_many() {
    let server = shared();
    let db = fresh_store("viewport");
    let mut client = admin(server, &db);
    push::push(&mut client, &synthetic(20_000, 6), &mut |_| {}, None).unwrap();
    let wide = viewport::ask(
        &mut client,
        &view_request(
            7,
            [60.0, 35.0, 80.0, 45.0],
            (day("2015-01-01"), day("2025-01-01")),
        ),
    )
    .unwrap();
    assert_eq!(wide.serial, 7);
    let Shown::Cells(cells) = &wide.shown else {
        panic!("a wide view gets counts")
    };
    assert!(cells.total > viewport::MAX_EVENTS);
    // The timeline's histogram comes with the counts, over the bins asked.
    let window = (day("2015-01-01"), day("2025-01-01"));
    let bins = border_incidents::data::counts::TimeBins::over(window, 100);
    assert_eq!(wide.histogram.bins, bins);
    let direct = histogram::count(
        &mut client,
        bins.span(),
        100,
        None,
        None,
        &Default::default(),
    )
    .unwrap();
    assert_eq!(wide.histogram.counts, direct);
    assert!(wide.histogram.counts.iter().sum::<u64>() > 0);
    let close = viewport::ask(
        &mut client,
        &view_request(
            8,
            [69.9, 39.9, 70.4, 40.2],
            (day("2015-01-01"), day("2025-01-01")),
        ),
    )
    .unwrap();
    let Shown::Events { text, count, .. } = &close.shown else {
        panic!("a close view gets events")
    };
    let read = read_sent(text);
    assert!(*count > 0 && *count <= viewport::MAX_EVENTS);
    assert_eq!(read.events.len() as u64, *count);
}
