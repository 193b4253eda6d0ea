//! The statement that counts a view's cells: the summaries' rows for the
//! whole years, months and (at levels kept per day) days of the window,
//! the events for the rest; when sources are hidden, less the hidden
//! sources' events over the same stretches; when sides, verdicts or words
//! are hidden, the events alone.

use jiff::civil::Date;

use super::DAY_LEVELS;
use super::split::split_window;
use crate::store::narrow::{Narrowing, Reach};

/// A summary's rows in the span: each column of the box its own index
/// range (level, cx, cy…), not every column of the level filtered by row.
const IN_SPAN: &str = "cx = ANY(ARRAY(SELECT generate_series($2::integer, $4::integer)))
    AND cy BETWEEN $3 AND $5
    AND ($6::text[] IS NULL OR kind = ANY($6)) AND ($7::text[] IS NULL OR category = ANY($7))";

/// The events (aliased `e`) placed in the span's cells, of the kinds and
/// categories asked, found by the point's index over the snapped box.
const EVENTS_IN_SPAN: &str =
    "e.geom && ST_MakeEnvelope($10::float8, $11::float8, $12::float8, $13::float8, 4326)
    AND border_incidents.cell_x($1, e.geom) BETWEEN $2 AND $4
    AND border_incidents.cell_y($1, e.geom) BETWEEN $3 AND $5
    AND ($6::text[] IS NULL OR e.kind = ANY($6))
    AND ($7::text[] IS NULL OR coalesce(e.category, '') = ANY($7))";

/// The events in the span over `days_where` that `which` lets through,
/// counted per cell and category (`sign` `-`: to take off).
fn counted(sign: &str, days_where: &str, which: &str) -> String {
    format!(
        "SELECT border_incidents.cell_x($1, e.geom) AS cx, border_incidents.cell_y($1, e.geom) AS cy,
                coalesce(e.category, '') AS category, {sign}count(*) AS n
         FROM border_incidents.events AS e WHERE {EVENTS_IN_SPAN} AND {days_where} {which}
         GROUP BY 1, 2, 3"
    )
}

/// The query: parameters $1 level, $2–$5 span, $6 kinds, $7 categories,
/// and with a window or a narrowing $8–$9 the window's first and last day
/// (none: all time), $10–$13 the snapped box; then $14 the hidden sources
/// ([`Reach::SummariesLessSources`]) or $14–$17 the [`Narrowing`]'s
/// ([`Reach::Rows`], every event then counted from the events table).
pub fn count_sql(level: i32, days: Option<(Date, Date)>, narrowing: &Narrowing) -> String {
    let reach = narrowing.reach();
    let in_span = IN_SPAN;
    let shown = match reach {
        Reach::Summaries => String::new(),
        Reach::SummariesLessSources => "AND NOT e.source_id = ANY($14::text[])".to_owned(),
        Reach::Rows => format!("AND {}", narrowing.condition(14)),
    };
    let from_events = |days_where: &str| counted("", days_where, &shown);
    // What a summary counted over `days_where` that the hidden sources hold.
    let hidden = |days_where: &str| {
        (reach == Reach::SummariesLessSources)
            .then(|| counted("-", days_where, "AND e.source_id = ANY($14::text[])"))
    };
    let mut parts: Vec<String> = Vec::new();
    match days {
        _ if reach == Reach::Rows => parts.push(from_events(
            "($8::text IS NULL OR e.during && tsrange($8::text::timestamp, ($9::text::date + 1)::timestamp, '[)'))",
        )),
        None => {
            parts.push(format!(
                "SELECT cx, cy, category, n FROM border_incidents.cell_years WHERE level = $1::integer AND {in_span}"
            ));
            // All time: the days' parameters are both empty.
            parts.extend(hidden("$8::text IS NULL AND $9::text IS NULL"));
        }
        Some((first, last)) => {
            let split = split_window(first, last);
            // A summary's rows keyed from `from` up to `to` (excluded),
            // less what the hidden sources hold of those days.
            let mut summed = |table: &str, key: &str, (from, to): (Date, Date)| {
                parts.push(format!(
                    "SELECT cx, cy, category, n FROM border_incidents.{table}
                     WHERE level = $1::integer AND {key} >= '{from}' AND {key} < '{to}' AND {in_span}"
                ));
                parts.extend(hidden(&format!(
                    "e.start_day >= '{from}' AND e.start_day < '{to}'"
                )));
            };
            if let Some(years) = split.years {
                summed("cell_years", "year", years);
            }
            for months in split.months {
                summed("cell_months", "month", months);
            }
            for (a, b) in split.days {
                let these = format!("e.start_day >= '{a}' AND e.start_day <= '{b}'");
                if DAY_LEVELS.contains(&level) {
                    parts.push(format!(
                        "SELECT cx, cy, category, n FROM border_incidents.cell_days
                         WHERE level = $1::integer AND day >= '{a}' AND day <= '{b}' AND {in_span}"
                    ));
                    parts.extend(hidden(&these));
                } else {
                    parts.push(from_events(&these));
                }
            }
            // Events that began before the window and run into it.
            parts.push(from_events(
                "e.during @> $8::text::timestamp AND e.start_day < $8::text::date AND $9::text IS NOT NULL",
            ));
        }
    }
    format!(
        "SELECT cx, cy, category, sum(n)::bigint FROM ({}) AS counted
         GROUP BY cx, cy, category HAVING sum(n) > 0 ORDER BY cx, cy, category",
        parts.join(" UNION ALL ")
    )
}
