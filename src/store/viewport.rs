//! What a view of the map needs from the store, and nothing more: the
//! events in its box and window when there are few enough to draw one by
//! one, else counts per grid cell fit to its zoom; and the time histogram
//! over the timeline's bins. The app asks on a worker thread and draws the answer
//! only if the view has not moved on (see `request`'s serial).

use std::collections::HashMap;

use postgres::Client;

use super::cells::{self, CellQuery, Cells};
use super::error::StoreError;
use super::narrow::Narrowing;
use super::pull::{self, Scope};
use crate::data::counts::{TimeBins, TimeCounts};
use crate::data::time::Seconds;

/// Above this many events a store is asked per view rather than loaded
/// whole (the app's default; a link may be given another).
pub const VIEW_ABOVE: u64 = 50_000;

/// The most events a view is answered with one by one.
pub const MAX_EVENTS: u64 = 5_000;

/// A day, in seconds.
const DAY: i64 = 86_400;

/// What a view asks: its box, window, filters and how finely it is
/// counted.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewQuestion {
    /// West, south, east, north in degrees.
    pub bbox: [f64; 4],
    /// The time window, civil seconds.
    pub window: (Seconds, Seconds),
    /// Only these kinds, if given.
    pub kinds: Option<Vec<String>>,
    /// Only these categories (`""`: none), if given.
    pub categories: Option<Vec<String>>,
    /// What the filters hide besides kinds and categories.
    pub narrowing: Narrowing,
    /// About how many cells across the map, when counts are drawn.
    pub across: u32,
    /// The time histogram's bins.
    pub histogram: TimeBins,
}

/// A view's question with the serial its answer carries back.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewRequest {
    /// Increases with every new view.
    pub serial: u64,
    /// The question.
    pub question: ViewQuestion,
}

/// What the map shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// The events themselves, as the text of an events file.
    Events {
        /// The events file.
        text: String,
        /// How many events the box and window hold.
        count: u64,
        /// The version each event is at (what an edit of it is made on).
        versions: HashMap<String, i32>,
    },
    /// Counts per cell.
    Cells(Cells),
}

/// The answer to a [`ViewRequest`].
#[derive(Clone, Debug, PartialEq)]
pub struct ViewAnswer {
    /// The request's serial.
    pub serial: u64,
    /// Events or counts for the map.
    pub shown: Shown,
    /// Events per bin of the question's bins (placed or not, in any box).
    pub histogram: TimeCounts,
}

/// Answers `request`.
pub fn ask(client: &mut Client, asked: &ViewRequest) -> Result<ViewAnswer, StoreError> {
    let request = &asked.question;
    // A view's queries run in milliseconds once planned; compiling them
    // (which the planner chooses from row estimates that the recursive
    // pull overstates by a thousand times) would take longer than that.
    client
        .batch_execute("SET jit = off")
        .map_err(|e| StoreError::from_query(e, "setting up the view's queries"))?;
    let query = CellQuery {
        bbox: request.bbox,
        window: Some(request.window),
        kinds: request.kinds.clone(),
        categories: request.categories.clone(),
        narrowing: request.narrowing.clone(),
        across: request.across,
    };
    // A window of a few days, at a zoom whose days are not summarised per
    // cell, would be counted from the events. The coarser daily summary
    // answers first: when it holds few, the events are sent without
    // counting them first; when many, its cells are drawn (coarser than
    // the zoom's, counted from summaries alone).
    let counted = match cells::coarser_days(client, &query)? {
        Some(coarser) if coarser.total <= MAX_EVENTS => None,
        Some(coarser) => Some(coarser),
        None => Some(cells::count(client, &query)?),
    };
    let shown = match counted {
        Some(counted) if counted.total > MAX_EVENTS => Shown::Cells(counted),
        _ => {
            // The cells' box, a little larger than the view's: the events
            // counted are the events sent.
            let scope = Scope {
                bbox: Some(cells::snapped_box(&query)),
                window: Some(request.window),
                kinds: request.kinds.clone(),
                categories: request.categories.clone(),
                narrowing: request.narrowing.clone(),
            };
            let pulled = pull::pull_with_versions(client, &scope)?;
            Shown::Events {
                text: pulled.text,
                count: pulled.in_scope,
                versions: pulled.versions,
            }
        }
    };
    let bins = request.histogram;
    let histogram = TimeCounts {
        bins,
        counts: histogram(
            client,
            bins.span(),
            bins.count,
            request.kinds.as_deref(),
            request.categories.as_deref(),
            &request.narrowing,
        )?,
    };
    Ok(ViewAnswer {
        serial: asked.serial,
        shown,
        histogram,
    })
}

/// Events per bin of `window`, `bins` bins, counting each event once in
/// the bin its start falls in (one that began before the window in the
/// first). When the window runs from midnight to midnight and a bin is a
/// whole number of days or at least a week, the bins are summed from the
/// daily counts (`event_days`: per day, kind and category, no cells), each
/// day's events in the bin that holds the day's start (at most a day off at
/// a bin's edge, a fraction of a week-wide bar). Shorter bins are counted
/// from the events: by their first moments (`start_at`, whose index holds
/// kind and category, read alone) unless the view is narrowed by what only
/// the rows hold.
pub fn histogram(
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
    // The daily counts know kinds and categories only.
    let whole_days = from % DAY == 0
        && to % DAY == 0
        && (width % DAY == 0 || width >= 7 * DAY)
        && narrowing.is_empty();
    let kinds: Option<Vec<String>> = kinds.map(<[String]>::to_vec);
    let categories: Option<Vec<String>> = categories.map(<[String]>::to_vec);
    let narrowed = Narrowing::condition(8);
    let sql = if whole_days {
        "SELECT least(greatest(((day - $1::text::date)::bigint * 86400) / $3::bigint, 0), $4::bigint - 1)::integer, sum(n)::bigint
         FROM border_incidents.event_days
         WHERE day >= $1::text::date
           AND day < $1::text::date + (($2::bigint - $5::bigint) / 86400)::integer
           AND ($6::text[] IS NULL OR kind = ANY($6))
           AND ($7::text[] IS NULL OR category = ANY($7))
         GROUP BY 1
         UNION ALL
         SELECT 0, count(*) FROM border_incidents.events AS e
         WHERE e.during @> $1::text::timestamp AND e.start_day < $1::text::date
           AND ($6::text[] IS NULL OR e.kind = ANY($6))
           AND ($7::text[] IS NULL OR coalesce(e.category, '') = ANY($7))"
            .to_owned()
    } else if narrowing.is_empty() {
        "SELECT least(floor((extract(epoch FROM e.start_at) - $5::bigint) / $3::bigint), $4::bigint - 1)::integer, count(*)
         FROM border_incidents.events AS e
         WHERE e.start_at >= $1::text::timestamp
           AND e.start_at < $1::text::timestamp + ($2::bigint - $5::bigint) * interval '1 second'
           AND ($6::text[] IS NULL OR e.kind = ANY($6))
           AND ($7::text[] IS NULL OR coalesce(e.category, '') = ANY($7))
         GROUP BY 1
         UNION ALL
         SELECT 0, count(*) FROM border_incidents.events AS e
         WHERE e.during @> $1::text::timestamp AND e.start_at < $1::text::timestamp
           AND ($6::text[] IS NULL OR e.kind = ANY($6))
           AND ($7::text[] IS NULL OR coalesce(e.category, '') = ANY($7))"
            .to_owned()
    } else {
        format!("SELECT least(greatest(floor((extract(epoch FROM lower(e.during)) - $5::bigint) / $3::bigint), 0), $4::bigint - 1)::integer,
                count(*)
         FROM border_incidents.events AS e
         WHERE e.during && tsrange($1::text::timestamp, $1::text::timestamp + ($2::bigint - $5::bigint) * interval '1 second', '[)')
           AND ($6::text[] IS NULL OR e.kind = ANY($6))
           AND ($7::text[] IS NULL OR coalesce(e.category, '') = ANY($7))
           AND {narrowed}
         GROUP BY 1")
    };
    let format = if whole_days {
        "%Y-%m-%d"
    } else {
        "%Y-%m-%dT%H:%M:%S"
    };
    let start = crate::data::time::from_seconds(from)
        .strftime(format)
        .to_string();
    let nbins = i64::from(bins);
    let mut params: Vec<&(dyn postgres::types::ToSql + Sync)> =
        vec![&start, &to, &width, &nbins, &from, &kinds, &categories];
    if !whole_days && !narrowing.is_empty() {
        params.extend(narrowing.params());
    }
    let rows = client
        .query(&sql, &params)
        .map_err(|e| StoreError::from_query(e, "counting events per time bin"))?;
    let mut out = vec![0u64; bins as usize];
    for row in rows {
        let (bin, n): (i32, i64) = (row.get(0), row.get(1));
        if let Some(slot) = out.get_mut(bin.max(0) as usize) {
            *slot += n as u64;
        }
    }
    Ok(out)
}
