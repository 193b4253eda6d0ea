//! The time histogram of a view: how many events start in each bin of the
//! window, over the whole store (the timeline is not bounded by the map's
//! box). Whole days come from the daily summary, shorter bins from each
//! event's first moment (an index that holds kind and category too, read
//! alone); hidden sources are taken off those counts (their events found
//! by the source index), and a view narrowed by sides, verdicts or words
//! is counted from the events' rows.

use postgres::Client;
use postgres::types::ToSql;

use super::error::StoreError;
use super::narrow::{Narrowing, Reach};
use crate::data::time::{Seconds, from_seconds};

/// A day, in seconds.
const DAY: i64 = 86_400;

/// The kinds ($6) and categories ($7) asked for, on events aliased `e`.
const KINDS_AND_CATEGORIES: &str = "($6::text[] IS NULL OR e.kind = ANY($6))
    AND ($7::text[] IS NULL OR coalesce(e.category, '') = ANY($7))";

/// The hidden sources ($8), on events aliased `e`.
const IN_HIDDEN_SOURCES: &str = "e.source_id = ANY($8::text[])";

/// Events per bin of `window`, `bins` bins, counting each event once in
/// the bin its start falls in (one that began before the window in the
/// first). When the window runs from midnight to midnight and a bin is a
/// whole number of days or at least a week, the bins are summed from the
/// daily counts (`event_days`: per day, kind and category, no cells), each
/// day's events in the bin that holds the day's start (at most a day off at
/// a bin's edge, a fraction of a week-wide bar). Shorter bins are counted
/// by the events' first moments (`start_at`).
pub fn count(
    client: &mut Client,
    window: (Seconds, Seconds),
    bins: u32,
    kinds: Option<&[String]>,
    categories: Option<&[String]>,
    narrowing: &Narrowing,
) -> Result<Vec<u64>, StoreError> {
    let bins = bins.clamp(1, 2000);
    let (from, to) = (window.0, window.1.max(window.0 + 1));
    let width = ((to - from) as f64 / f64::from(bins)).ceil().max(1.0) as i64;
    let reach = narrowing.reach();
    let whole_days = from % DAY == 0
        && to % DAY == 0
        && (width % DAY == 0 || width >= 7 * DAY)
        && reach != Reach::Rows;
    let sql = match reach {
        Reach::Rows => by_rows(narrowing),
        _ if whole_days => by_days(reach),
        _ => by_first_moments(reach),
    };
    let format = if whole_days {
        "%Y-%m-%d"
    } else {
        "%Y-%m-%dT%H:%M:%S"
    };
    let start = from_seconds(from).strftime(format).to_string();
    let nbins = i64::from(bins);
    let kinds: Option<Vec<String>> = kinds.map(<[String]>::to_vec);
    let categories: Option<Vec<String>> = categories.map(<[String]>::to_vec);
    let mut params: Vec<&(dyn ToSql + Sync)> =
        vec![&start, &to, &width, &nbins, &from, &kinds, &categories];
    match reach {
        Reach::Summaries => {}
        Reach::SummariesLessSources => params.push(&narrowing.hidden_sources),
        Reach::Rows => params.extend(narrowing.params()),
    }
    let rows = client
        .query(&sql, &params)
        .map_err(|e| StoreError::from_query(e, "counting events per time bin"))?;
    let mut out = vec![0i64; bins as usize];
    for row in rows {
        let (bin, n): (i32, i64) = (row.get(0), row.get(1));
        if let Some(slot) = out.get_mut(bin.max(0) as usize) {
            *slot += n;
        }
    }
    Ok(out.into_iter().map(|n| n.max(0) as u64).collect())
}

/// From the daily counts; $1 is the window's first day. Less the hidden
/// sources' events of those days, when `reach` hides sources.
fn by_days(reach: Reach) -> String {
    let bin = |day: &str| {
        format!(
            "least(greatest((({day} - $1::text::date)::bigint * 86400) / $3::bigint, 0), $4::bigint - 1)::integer"
        )
    };
    let in_window = |day: &str| {
        format!(
            "{day} >= $1::text::date AND {day} < $1::text::date + (($2::bigint - $5::bigint) / 86400)::integer"
        )
    };
    let mut parts = vec![format!(
        "SELECT {}, sum(e.n)::bigint FROM border_incidents.event_days AS e
         WHERE {} AND {KINDS_AND_CATEGORIES} GROUP BY 1",
        bin("e.day"),
        in_window("e.day")
    )];
    if reach == Reach::SummariesLessSources {
        parts.push(format!(
            "SELECT {}, -count(*) FROM border_incidents.events AS e
             WHERE {IN_HIDDEN_SOURCES} AND {} AND {KINDS_AND_CATEGORIES} GROUP BY 1",
            bin("e.start_day"),
            in_window("e.start_day")
        ));
    }
    parts.push(begun_before(
        "e.start_day < $1::text::date",
        "$1::text::timestamp",
        reach,
    ));
    parts.join(" UNION ALL ")
}

/// From the events' first moments, read from their index alone; $1 is the
/// window's first moment. Less the hidden sources' events, when `reach`
/// hides sources.
fn by_first_moments(reach: Reach) -> String {
    let select = |sign: &str, also: &str| {
        format!(
            "SELECT least(floor((extract(epoch FROM e.start_at) - $5::bigint) / $3::bigint), $4::bigint - 1)::integer,
                    {sign}count(*)
             FROM border_incidents.events AS e
             WHERE e.start_at >= $1::text::timestamp
               AND e.start_at < $1::text::timestamp + ($2::bigint - $5::bigint) * interval '1 second'
               AND {KINDS_AND_CATEGORIES} {also}
             GROUP BY 1"
        )
    };
    let mut parts = vec![select("", "")];
    if reach == Reach::SummariesLessSources {
        parts.push(select("-", &format!("AND {IN_HIDDEN_SOURCES}")));
    }
    parts.push(begun_before(
        "e.start_at < $1::text::timestamp",
        "$1::text::timestamp",
        reach,
    ));
    parts.join(" UNION ALL ")
}

/// The events that began before the window (`before`) and run into it (their
/// range holds `first`, the window's first moment), in the first bin; the
/// hidden sources' left out.
fn begun_before(before: &str, first: &str, reach: Reach) -> String {
    let shown = if reach == Reach::SummariesLessSources {
        format!("AND NOT {IN_HIDDEN_SOURCES}")
    } else {
        String::new()
    };
    format!(
        "SELECT 0, count(*) FROM border_incidents.events AS e
         WHERE e.during @> {first} AND {before} AND {KINDS_AND_CATEGORIES} {shown}"
    )
}

/// From the rows of the events `narrowing` lets through ($8–$11).
fn by_rows(narrowing: &Narrowing) -> String {
    format!(
        "SELECT least(greatest(floor((extract(epoch FROM lower(e.during)) - $5::bigint) / $3::bigint), 0), $4::bigint - 1)::integer,
                count(*)
         FROM border_incidents.events AS e
         WHERE e.during && tsrange($1::text::timestamp, $1::text::timestamp + ($2::bigint - $5::bigint) * interval '1 second', '[)')
           AND {KINDS_AND_CATEGORIES}
           AND {}
         GROUP BY 1",
        narrowing.condition(8)
    )
}
