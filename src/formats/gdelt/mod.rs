//! GDELT 2.0 event files (`*.export.CSV`): the published 61 columns,
//! tab-separated, without a header row, one event per row; read here, and
//! written back for the events that came from GDELT in `write.rs`.
//!
//! How the columns become the event model (the tables are in
//! `assets/README.md`, "ACLED, UCDP GED and GDELT"): `ActionGeo_Lat` and
//! `ActionGeo_Long` are the point, drawn as precisely as `ActionGeo_Type`
//! places it: a city or landmark (3 in the US, 4 elsewhere) as the town
//! itself, a state or first-order division (2 in the US, 5 elsewhere) as
//! a region of 125 km, as ACLED's; a country (1) is not drawn, as UCDP's
//! `where_prec` 6, nor is a row with no place (0 or empty). `SQLDATE` is
//! the day, `Actor1Name` and `Actor2Name` the actors (the first the
//! side), the root of `EventCode` (CAMEO 01–20) the category, drawn with
//! the symbol of its `QuadClass`. `SOURCEURL`, `NumMentions`,
//! `NumSources` and every other column stay in the event's fields, shown
//! on the card and written back.

mod write;

use std::io::Read;
use std::path::Path;

use geo::{Geometry, Point};
use jiff::civil::Date;

use super::delimited::builder::{Builder, incident};
use super::delimited::columns::{Columns, RowCells};
use super::delimited::dataset::{self, CsvLoad, RowResult};
use super::delimited::layout::{Dialect, Header, Layout};
use super::delimited::{Row, cells};
use crate::data::event::{DatePrecision, Event, LocationPrecision};
use crate::data::time::EventTime;
use crate::data::vocabulary::Symbol;
use crate::import::{Checked, ImportContext, Imported, Importer};

/// The columns of a GDELT 2.0 event row, in order.
pub const COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The GDELT layout. The actors, codes and place type are kept in
/// `fields` as well, so that a row is written back as it was read; the
/// point is kept there only for the rows that are not drawn.
pub const LAYOUT: Layout = Layout {
    dataset: "GDELT",
    dialect: Dialect {
        delimiter: b'\t',
        quoting: false,
        header: Header::Fixed(&COLUMNS),
    },
    required: &["GLOBALEVENTID"],
    mapped: &[
        "GLOBALEVENTID",
        "SQLDATE",
        "ActionGeo_FullName",
        "ActionGeo_Lat",
        "ActionGeo_Long",
    ],
    also_read: &[
        "Actor1Name",
        "Actor2Name",
        "EventCode",
        "QuadClass",
        "ActionGeo_Type",
        "NumMentions",
        "NumSources",
    ],
    spare: &["ActionGeo_Lat", "ActionGeo_Long"],
};

/// The CAMEO root codes 01–20, as category labels.
pub const CAMEO_ROOTS: [&str; 20] = [
    "Make public statement",
    "Appeal",
    "Express intent to cooperate",
    "Consult",
    "Engage in diplomatic cooperation",
    "Engage in material cooperation",
    "Provide aid",
    "Yield",
    "Investigate",
    "Demand",
    "Disapprove",
    "Reject",
    "Threaten",
    "Protest",
    "Exhibit force posture",
    "Reduce relations",
    "Coerce",
    "Assault",
    "Fight",
    "Use unconventional mass violence",
];

/// `QuadClass` 1–4 and the symbol its categories are drawn with.
pub const QUAD_CLASSES: [Symbol; 4] = [
    Symbol::Ring,
    Symbol::Square,
    Symbol::Triangle,
    Symbol::Diamond,
];

/// `ActionGeo_Type` 0–5: the location precision and the radius drawn, or
/// `None` when the row is not drawn.
pub const GEO_TYPES: [Option<(LocationPrecision, Option<f64>)>; 6] = [
    None,
    None,
    Some((LocationPrecision::Region, Some(125.0))),
    Some((LocationPrecision::Exact, None)),
    Some((LocationPrecision::Exact, None)),
    Some((LocationPrecision::Region, Some(125.0))),
];

/// GDELT 2.0 event files, read and written.
pub struct Gdelt;

impl Importer for Gdelt {
    fn name(&self) -> &'static str {
        "GDELT 2.0 events"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["csv"]
    }

    fn looks_like(&self) -> &'static str {
        "61 tab-separated columns without a header row"
    }

    /// A file named `*.export.CSV`, or whose first line has 61
    /// tab-separated fields starting with an id and a `YYYYMMDD` date.
    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        let named = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.to_ascii_lowercase().ends_with(".export.csv"));
        let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let fields: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
        let digits = |f: &[u8]| !f.is_empty() && f.iter().all(u8::is_ascii_digit);
        named
            || (fields.len() == COLUMNS.len()
                && digits(fields[0])
                && digits(fields[1])
                && fields[1].len() == 8)
    }

    fn load(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Imported {
        Imported::Events(read(ctx.name, input).into_loaded())
    }

    fn check(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Checked {
        read(ctx.name, input).into_checked()
    }
}

/// Reads a GDELT 2.0 event file in one pass.
pub fn read(name: &str, input: &mut dyn Read) -> CsvLoad {
    dataset::read(name, input, &LAYOUT, event)
}

/// The cells of a row the model reads as text, trimmed.
struct Cells<'a> {
    id: &'a str,
    actor1: &'a str,
    actor2: &'a str,
    place: &'a str,
    lat: &'a str,
    lon: &'a str,
}

/// What the coded cells of a row say.
struct Values {
    day: Date,
    /// The CAMEO root of `EventCode`, from 0.
    root: usize,
    /// `QuadClass`, from 0.
    quad: usize,
    /// `ActionGeo_Type`.
    geo: usize,
    /// The point, when one is given.
    point: Option<Point>,
}

/// One row as an event, or every problem of the row.
fn event(row: &Row<'_, '_>, columns: &Columns, b: &mut Builder) -> RowResult {
    let mut r = RowCells::new(row, columns);
    let cells = Cells {
        id: r.text("GLOBALEVENTID"),
        actor1: r.text("Actor1Name"),
        actor2: r.text("Actor2Name"),
        place: r.text("ActionGeo_FullName"),
        lat: r.text("ActionGeo_Lat"),
        lon: r.text("ActionGeo_Long"),
    };
    let values = values(&cells, &mut r);
    let values = r.finish(values)?;
    let spare = match GEO_TYPES[values.geo] {
        Some(_) => ["", ""],
        None => [cells.lat, cells.lon],
    };
    let fields = b.fields(row, &spare).map_err(|d| vec![d])?;
    Ok(Event {
        fields,
        ..build(&cells, &values, b)
    })
}

/// Reads and checks the row's id, date, codes, point and counts.
fn values(c: &Cells<'_>, r: &mut RowCells<'_, '_, '_>) -> Option<Values> {
    // The id and the counts are checked, and kept as the text they are.
    r.value("GLOBALEVENTID", c.id, |t| whole(t, "event id"));
    let day = r.text("SQLDATE");
    let day = r.value("SQLDATE", day, sql_date);
    let code = r.text("EventCode");
    let root = r.value("EventCode", code, cameo_root);
    let quad = r.text("QuadClass");
    let quad = r.value("QuadClass", quad, |t| {
        let meaning = "1 (verbal cooperation), 2 (material cooperation), 3 (verbal conflict) \
                       or 4 (material conflict)";
        cells::code(t, &["1", "2", "3", "4"], "code", meaning)
    });
    let geo = r.text("ActionGeo_Type");
    let geo = r.value("ActionGeo_Type", geo, |t| {
        let t = if t.is_empty() { "0" } else { t };
        let meaning = "0 (no place) to 5 (first-order division)";
        cells::code(
            t,
            &["0", "1", "2", "3", "4", "5"],
            "precision code",
            meaning,
        )
    });
    let point = geo.and_then(|geo| point(r, geo, c));
    for name in ["NumMentions", "NumSources"] {
        let count = r.text(name);
        r.optional(name, count, |t| whole(t, "count"));
    }
    Some(Values {
        day: day?,
        root: root?,
        quad: quad?,
        geo: geo?,
        point: point?,
    })
}

/// The action's point: required where `ActionGeo_Type` draws one (2–5),
/// checked when given for a country (1), not read for no place (0).
fn point(r: &mut RowCells<'_, '_, '_>, geo: usize, c: &Cells<'_>) -> Option<Option<Point>> {
    if geo == 0 || (geo == 1 && c.lat.is_empty() && c.lon.is_empty()) {
        return Some(None);
    }
    let lat = r.value("ActionGeo_Lat", c.lat, |t| {
        cells::coordinate(t, "latitude", 90.0)
    });
    let lon = r.value("ActionGeo_Long", c.lon, |t| {
        cells::coordinate(t, "longitude", 180.0)
    });
    Some(Some(Point::new(lon?, lat?)))
}

/// The event the row's cells and values make (without its fields).
fn build(c: &Cells<'_>, v: &Values, b: &mut Builder) -> Event {
    let label = CAMEO_ROOTS[v.root];
    let actors: Vec<String> = [c.actor1, c.actor2]
        .into_iter()
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    actors.iter().for_each(|a| b.add_side(a));
    let drawn = GEO_TYPES[v.geo].zip(v.point);
    let title = if c.place.is_empty() {
        label.to_owned()
    } else {
        format!("{label}, {}", c.place)
    };
    let day = EventTime::Date(v.day);
    Event {
        date_precision: Some(DatePrecision::Day),
        place: (!c.place.is_empty()).then(|| c.place.to_owned()),
        location_precision: match v.geo {
            0 => None,
            1 => Some(LocationPrecision::Country),
            geo => GEO_TYPES[geo].map(|(precision, _)| precision),
        },
        uncertainty_km: drawn.and_then(|((_, km), _)| km),
        category: Some(b.category(label, QUAD_CLASSES[v.quad])),
        side: (!c.actor1.is_empty()).then(|| b.side(c.actor1)),
        actors,
        geometry: drawn.map(|(_, point)| Geometry::Point(point)),
        geometry_note: drawn.is_none().then(|| not_drawn(v.geo)),
        ..incident(c.id, title, (day, day))
    }
}

/// Why a row of `ActionGeo_Type` 0 or 1 has no point.
fn not_drawn(geo: usize) -> String {
    if geo == 1 {
        "Not drawn: only the country is known (GDELT ActionGeo_Type 1); its point is the \
         country's centroid, kept in the event's fields."
            .to_owned()
    } else {
        "Not drawn: GDELT gives no place for the action (ActionGeo_Type 0).".to_owned()
    }
}

/// A whole number (an id or a count).
fn whole(text: &str, what: &str) -> Result<u64, String> {
    if text.is_empty() {
        return Err(format!("no {what} given"));
    }
    text.parse()
        .map_err(|_| format!("{text:?} is not a whole number"))
}

/// `SQLDATE`: `20220916`.
fn sql_date(text: &str) -> Result<Date, String> {
    let bad = || format!("{text:?} is not a date (expected YYYYMMDD, like 20220916)");
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let part = |r: std::ops::Range<usize>| text[r].parse::<i16>().map_err(|_| bad());
    Date::new(part(0..4)?, part(4..6)? as i8, part(6..8)? as i8).map_err(|_| bad())
}

/// The CAMEO root (from 0) of an event code: 2 to 4 digits, the first two
/// 01 to 20.
fn cameo_root(code: &str) -> Result<usize, String> {
    if code.is_empty() {
        return Err("no event code given".to_owned());
    }
    let digits = (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
    match code.get(..2).map(str::parse::<usize>) {
        Some(Ok(root @ 1..=20)) if digits => Ok(root - 1),
        _ => Err(format!(
            "{code:?} is not a CAMEO event code (2 to 4 digits, starting 01 to 20)"
        )),
    }
}
