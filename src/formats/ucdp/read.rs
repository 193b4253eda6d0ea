//! A UCDP GED row as an event: its cells read, checked and mapped to the
//! model (the table is in `assets/README.md`, "ACLED, UCDP GED and
//! GDELT").

use geo::{Geometry, Point};
use jiff::civil::Date;

use super::{VIOLENCE, WHEN, WHERE};
use crate::data::event::{Event, Figure, Figures};
use crate::data::time::EventTime;
use crate::formats::delimited::Row;
use crate::formats::delimited::builder::{Builder, incident};
use crate::formats::delimited::cells;
use crate::formats::delimited::columns::{Columns, RowCells};
use crate::formats::delimited::dataset::RowResult;

/// The codes `where_prec` and `date_prec` may take.
const CODES: [&str; 7] = ["1", "2", "3", "4", "5", "6", "7"];

/// The cells of a row the model reads as text, trimmed.
struct Cells<'a> {
    id: &'a str,
    side_a: &'a str,
    side_b: &'a str,
    place: &'a str,
    lat: &'a str,
    lon: &'a str,
}

/// What the coded cells of a row say.
struct Values {
    /// `type_of_violence` as an index.
    violence: usize,
    /// `where_prec` as an index.
    place: usize,
    /// `date_prec` as an index.
    date: usize,
    point: Point,
    span: (Date, Date),
    /// The dead: best, low, high.
    dead: (u64, Option<u64>, Option<u64>),
}

/// One row as an event, or every problem of the row.
pub fn event(row: &Row<'_, '_>, columns: &Columns, b: &mut Builder) -> RowResult {
    let mut r = RowCells::new(row, columns);
    let cells = Cells {
        id: r.text("id"),
        side_a: r.text("side_a"),
        side_b: r.text("side_b"),
        place: r.text("where_coordinates"),
        lat: r.text("latitude"),
        lon: r.text("longitude"),
    };
    let values = values(&cells, &mut r);
    let values = r.finish(values)?;
    let drawn = values.place < 5;
    let spare = if drawn {
        ["", ""]
    } else {
        [cells.lat, cells.lon]
    };
    let fields = b.fields(row, &spare).map_err(|d| vec![d])?;
    Ok(Event {
        fields,
        ..build(&cells, &values, b)
    })
}

/// Reads and checks the row's codes, coordinates, dates and figures.
fn values(c: &Cells<'_>, r: &mut RowCells<'_, '_, '_>) -> Option<Values> {
    if c.id.is_empty() {
        r.fail("id", "no event id given");
    }
    if c.side_a.is_empty() {
        r.fail("side_a", "no side A given");
    }
    let violence = r.text("type_of_violence");
    let violence = r.value("type_of_violence", violence, |t| {
        let meaning = "1 (state-based), 2 (non-state) or 3 (one-sided)";
        cells::code(t, &CODES[..3], "code", meaning)
    });
    let place = r.text("where_prec");
    let place = r.value("where_prec", place, |t| {
        cells::code(t, &CODES, "precision code", "1 to 7")
    });
    let date = r.text("date_prec");
    let date = r.value("date_prec", date, |t| {
        cells::code(t, &CODES[..5], "precision code", "1 to 5")
    });
    let lat = r.value("latitude", c.lat, |t| {
        cells::coordinate(t, "latitude", 90.0)
    });
    let lon = r.value("longitude", c.lon, |t| {
        cells::coordinate(t, "longitude", 180.0)
    });
    let span = span(r);
    let dead = dead(r);
    Some(Values {
        violence: violence?,
        place: place?,
        date: date?,
        point: Point::new(lon?, lat?),
        span: span?,
        dead: dead?,
    })
}

/// `date_start` and `date_end`, the end not before the start.
fn span(r: &mut RowCells<'_, '_, '_>) -> Option<(Date, Date)> {
    let (from, to) = (r.text("date_start"), r.text("date_end"));
    let start = r.value("date_start", from, cells::date);
    let end = r.value("date_end", to, cells::date);
    let (start, end) = (start?, end?);
    if end < start {
        r.fail(
            "date_end",
            format!("the end {end} is before the start {start}"),
        );
    }
    Some((start, end))
}

/// The dead: `best`, with `low` and `high` (each the best when empty) in
/// order around it.
fn dead(r: &mut RowCells<'_, '_, '_>) -> Option<(u64, Option<u64>, Option<u64>)> {
    let (best, low, high) = (r.text("best"), r.text("low"), r.text("high"));
    let best = match r.optional("best", best, cells::count) {
        Some(None) => {
            r.fail("best", "no best estimate of the dead given");
            None
        }
        read => read.flatten(),
    };
    let low = r.optional("low", low, cells::count).flatten().or(best);
    let high = r.optional("high", high, cells::count).flatten().or(best);
    if let (Some(l), Some(m), Some(h)) = (low, best, high)
        && (l > m || m > h)
    {
        r.fail(
            "best",
            format!("low {l}, best {m} and high {h} are not in order"),
        );
    }
    Some((best?, low, high))
}

/// The event the row's cells and values make (without its fields).
fn build(c: &Cells<'_>, v: &Values, b: &mut Builder) -> Event {
    let (label, symbol) = VIOLENCE[v.violence];
    let (location_precision, uncertainty_km) = WHERE[v.place];
    let (geometry, geometry_note) = if v.place < 5 {
        (Some(Geometry::Point(v.point)), None)
    } else {
        (None, Some(not_drawn(v.place, c.place)))
    };
    let side = b.side(c.side_a);
    let mut actors = vec![c.side_a.to_owned()];
    if !c.side_b.is_empty() {
        b.add_side(c.side_b);
        actors.push(c.side_b.to_owned());
    }
    let title = if c.place.is_empty() {
        label.to_owned()
    } else {
        format!("{label}, {}", c.place)
    };
    let (best, low, high) = v.dead;
    let span = (EventTime::Date(v.span.0), EventTime::Date(v.span.1));
    Event {
        date_precision: Some(WHEN[v.date]),
        place: (!c.place.is_empty()).then(|| c.place.to_owned()),
        location_precision: Some(location_precision),
        uncertainty_km,
        category: Some(b.category(label, symbol)),
        side: Some(side),
        actors,
        figures: Figures {
            killed: Some(Box::new(Figure {
                as_stated: best.to_string(),
                low: low.map(|n| n as f64),
                high: high.map(|n| n as f64),
            })),
            ..Figures::default()
        },
        geometry,
        geometry_note,
        ..incident(c.id, title, span)
    }
}

/// Why an event of `where_prec` 6 or 7 has no point.
fn not_drawn(place_code: usize, place: &str) -> String {
    let what = if place_code == 5 {
        "only the country is known (UCDP where_prec 6); its point is the country's centroid"
    } else {
        "over water or in international airspace (UCDP where_prec 7); its point is a water \
         area's centroid or an estimate"
    };
    let named = if place.is_empty() {
        String::new()
    } else {
        format!(" ({place})")
    };
    format!(
        "Not drawn: {what}{named}. The dataset's latitude and longitude are kept in its fields."
    )
}
