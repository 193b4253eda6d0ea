//! The time histogram: every event of the window counted once, in the bin
//! its start falls in, whichever way the server counts it (daily summary,
//! the index of first moments, or the rows of a narrowed view).

use border_incidents::data::time::{EventTime, from_seconds};
use border_incidents::store::histogram;
use border_incidents::store::narrow::Narrowing;
use border_incidents::store::push;

use crate::common::{admin, fresh_store, synthetic};
use crate::pg_server::shared;

fn day(d: &str) -> i64 {
    EventTime::parse(d).unwrap().first_second()
}

fn timestamp(s: i64) -> String {
    from_seconds(s).strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

#[test]
fn the_histogram_counts_every_event_of_the_window_once() {
    let server = shared();
    let db = fresh_store("histogram");
    let mut client = admin(server, &db);
    push::push(&mut client, &synthetic(5_000, 5), &mut |_| {}, None).unwrap();
    let direct = |client: &mut postgres::Client,
                  (from, to): (i64, i64),
                  kinds: &Option<Vec<String>>|
     -> i64 {
        client
            .query_one(
                "SELECT count(*) FROM border_incidents.events
                 WHERE during && tsrange($1::text::timestamp, $2::text::timestamp, '[)')
                   AND ($3::text[] IS NULL OR kind = ANY($3))",
                &[&timestamp(from), &timestamp(to), kinds],
            )
            .unwrap()
            .get(0)
    };
    for (window, bins) in [
        ((day("2015-01-01"), day("2025-01-01")), 120), // about a month each, from the daily counts
        ((day("2018-03-14"), day("2018-06-20")), 98),  // days, from the daily counts
        ((day("2019-07-08"), day("2019-07-15")), 168), // hours, from the first moments
    ] {
        for kinds in [None, Some(vec!["context".to_owned()])] {
            let h = histogram::count(
                &mut client,
                window,
                bins,
                kinds.as_deref(),
                None,
                &Default::default(),
            )
            .unwrap();
            assert_eq!(h.len(), bins as usize);
            let sum: u64 = h.iter().sum();
            assert_eq!(
                sum as i64,
                direct(&mut client, window, &kinds),
                "{window:?} {kinds:?}"
            );
        }
    }
}

/// Each bin's events, by `count(*)` over the rows: those whose first
/// moment falls in it, the first bin also those that began before the
/// window and go on into it; none of the `hidden` sources.
fn expected_bins(
    client: &mut postgres::Client,
    (from, to): (i64, i64),
    bins: u32,
    hidden: &[String],
) -> Vec<u64> {
    let width = (to - from + i64::from(bins) - 1) / i64::from(bins);
    let mut expected = vec![0u64; bins as usize];
    for row in client
        .query(
            "SELECT extract(epoch FROM lower(during))::bigint FROM border_incidents.events
             WHERE during && tsrange($1::text::timestamp, $2::text::timestamp, '[)')
               AND NOT source_id = ANY($3)",
            &[&timestamp(from), &timestamp(to), &hidden],
        )
        .unwrap()
    {
        let start: i64 = row.get(0);
        expected[((start - from).max(0) / width) as usize] += 1;
    }
    expected
}

/// Bins a few hours wide over weeks, not a whole number of hours (46 days
/// in 200 bins: 5 h 31 min 12 s each), and whole days: each bin holds
/// exactly the events that start in it, whichever way they are counted
/// (the first moments' index, the daily summary, either less a hidden
/// source's events, or the rows of a view narrowed by a side).
#[test]
fn each_bin_holds_the_events_that_start_in_it() {
    let server = shared();
    let db = fresh_store("hourbins");
    let mut client = admin(server, &db);
    push::push(&mut client, &synthetic(20_000, 12), &mut |_| {}, None).unwrap();
    push::push(&mut client, &synthetic(2_000, 13), &mut |_| {}, None).unwrap();
    let hours = ((day("2019-06-20"), day("2019-08-05")), 200u32);
    let days = ((day("2018-03-14"), day("2018-06-20")), 98u32);
    let (window, bins) = hours;
    assert_ne!(
        ((window.1 - window.0) / i64::from(bins)) % 3600,
        0,
        "bins that are not whole hours"
    );
    for (window, bins) in [hours, days] {
        for hidden in [
            vec![],
            vec!["synthetic-13".to_owned()],
            vec!["synthetic-12".to_owned()],
        ] {
            let expected = expected_bins(&mut client, window, bins, &hidden);
            if hidden.is_empty() {
                assert!(expected[0] > 0, "events that began before the window");
                assert!(expected.iter().filter(|&&n| n > 0).count() > 40);
            }
            assert!(expected.iter().sum::<u64>() > 0, "{hidden:?}");
            let narrowing = Narrowing {
                hidden_sources: hidden.clone(),
                ..Default::default()
            };
            let counted =
                histogram::count(&mut client, window, bins, None, None, &narrowing).unwrap();
            assert_eq!(counted, expected, "{window:?} hiding {hidden:?}");
        }
        let everything_but_a_side_none_has = Narrowing {
            hidden_sides: vec!["no_such_side".to_owned()],
            ..Default::default()
        };
        let by_rows = histogram::count(
            &mut client,
            window,
            bins,
            None,
            None,
            &everything_but_a_side_none_has,
        )
        .unwrap();
        assert_eq!(
            by_rows,
            expected_bins(&mut client, window, bins, &[]),
            "{window:?} from the rows of a narrowed view"
        );
    }
}
