//! A short window at a fine zoom, whose days are not summarised per cell
//! at that zoom, is sent as events when the coarser daily summary bounds
//! them below the limit: the count it carries is the events' own, the
//! same that `count(*)` and the per-cell count find. When the coarser
//! summary holds more, its cells are drawn, counted as `count(*)` counts.

use border_incidents::data::events::{BundledTexts, Collection, parse};
use border_incidents::data::time::Seconds;
use border_incidents::store::cells::{self, CellQuery, DAY_LEVELS, level_for};
use border_incidents::store::push;
use border_incidents::store::viewport::{self, MAX_EVENTS, Shown};

use crate::common::{admin, fresh_store, read_sent, synthetic, view_request};
use crate::pg_server::shared;

/// Midnight of a day, civil seconds.
fn day(d: &str) -> Seconds {
    let date: jiff::civil::Date = d.parse().unwrap();
    border_incidents::data::time::to_seconds(date.to_datetime(jiff::civil::Time::midnight()))
}

/// How many events `count(*)` finds placed in `[w, s, e, n]` and
/// overlapping `from` to `to` (days, the last excluded).
fn placed_in(client: &mut postgres::Client, [w, s, e, n]: [f64; 4], from: &str, to: &str) -> u64 {
    let direct: i64 = client
        .query_one(
            "SELECT count(*) FROM border_incidents.events
             WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, 4326)
               AND during && tsrange($5::text::timestamp, $6::text::timestamp, '[)')",
            &[&w, &s, &e, &n, &from, &to],
        )
        .unwrap()
        .get(0);
    direct as u64
}

#[test]
fn a_few_days_close_up_are_sent_as_events_counted_as_count_star_counts() {
    let server = shared();
    let db = fresh_store("few");
    let mut client = admin(server, &db);
    push::push(&mut client, &synthetic(20_000, 11), &mut |_| {}, None).unwrap();
    let bbox = [66.0, 38.0, 72.0, 42.0];
    // 25 days inside one month: no whole month, so at this zoom the days
    // would be counted from the events.
    let window = (day("2019-02-02"), day("2019-02-27"));
    let level = level_for(bbox[2] - bbox[0], 64);
    assert!(
        !DAY_LEVELS.contains(&level),
        "level {level} keeps no daily counts"
    );
    let query = CellQuery {
        bbox,
        window: Some(window),
        kinds: None,
        categories: None,
        narrowing: Default::default(),
        across: 64,
    };
    let bound = cells::coarser_days(&mut client, &query)
        .unwrap()
        .expect("coarser daily counts")
        .total;
    let counted = cells::count(&mut client, &query).unwrap();
    assert!(counted.total > 0 && bound >= counted.total && bound <= MAX_EVENTS);
    let answer = viewport::ask(&mut client, &view_request(3, bbox, window)).unwrap();
    let Shown::Events { text, count, .. } = &answer.shown else {
        panic!("a few days close up are sent as events")
    };
    assert_eq!(*count, counted.total);
    let direct = placed_in(
        &mut client,
        cells::snapped_box(&query),
        "2019-02-02",
        "2019-02-27",
    );
    assert_eq!(*count, direct);
    let read = read_sent(text);
    assert_eq!(read.events.len() as u64, *count);
}

/// `n` incidents of the source `source` over one week in a box of about
/// 2° by 1°.
fn dense_week(n: usize, source: &str) -> Collection {
    let features: Vec<String> = (0..n)
        .map(|i| {
            let lon = 70.0 + (i * 7919 % 2000) as f64 / 1000.0;
            let lat = 40.0 + (i * 104_729 % 1000) as f64 / 1000.0;
            let day = 4 + i % 7;
            format!(
                "{{\"type\": \"Feature\", \"geometry\": {{\"type\": \"Point\", \"coordinates\": [{lon}, {lat}]}}, \
                 \"properties\": {{\"id\": \"{source}-{i}\", \"kind\": \"incident\", \"title\": \"Event {i}\", \
                 \"start\": \"2019-02-{day:02}\", \"end\": \"2019-02-{day:02}\", \"category\": \"armed_clash\"}}}}"
            )
        })
        .collect();
    let text = format!(
        "{{\"type\": \"FeatureCollection\", \"sources\": [{{\"id\": \"{source}\", \"kind\": \"dataset\"}}], \
         \"features\": [{}]}}",
        features.join(",\n")
    );
    parse(source, &text, &BundledTexts, &[])
        .into_result()
        .unwrap()
}

#[test]
fn a_dense_week_close_up_is_drawn_as_the_coarser_daily_cells() {
    let server = shared();
    let db = fresh_store("dense");
    let mut client = admin(server, &db);
    let n = MAX_EVENTS as usize + 400;
    push::push(&mut client, &dense_week(n, "dense"), &mut |_| {}, None).unwrap();
    let bbox = [69.8, 39.8, 72.2, 41.2];
    let window = (day("2019-02-04"), day("2019-02-11"));
    let level = level_for(bbox[2] - bbox[0], 64);
    assert!(!DAY_LEVELS.contains(&level));
    let answer = viewport::ask(&mut client, &view_request(4, bbox, window)).unwrap();
    let Shown::Cells(counted) = &answer.shown else {
        panic!("more than {MAX_EVENTS} events are drawn as cells")
    };
    assert!(counted.level < level && DAY_LEVELS.contains(&counted.level));
    assert_eq!(counted.total, n as u64);
    let direct = placed_in(
        &mut client,
        counted.snapped_box(),
        "2019-02-04",
        "2019-02-11",
    );
    assert_eq!(counted.total, direct);

    // Another source over the same days and place, hidden by the filters:
    // the same cells, its events taken off the coarser daily counts.
    push::push(&mut client, &dense_week(300, "other"), &mut |_| {}, None).unwrap();
    let mut hiding = view_request(5, bbox, window);
    hiding.question.narrowing.hidden_sources = vec!["other".to_owned()];
    let answer = viewport::ask(&mut client, &hiding).unwrap();
    let Shown::Cells(shown) = &answer.shown else {
        panic!("the dense source alone is drawn as cells")
    };
    assert_eq!(shown, counted);
    let with_other = viewport::ask(&mut client, &view_request(6, bbox, window)).unwrap();
    let Shown::Cells(both) = &with_other.shown else {
        panic!("both sources are drawn as cells")
    };
    assert_eq!(both.total, n as u64 + 300);
}
