//! Events sent to the server in bulk: each event as a row of CSV in the
//! columns of a temporary staging table, streamed with `COPY … FROM STDIN`,
//! then written into `events` by one statement. This is the push's fast
//! path; `border_incidents.event_columns` (SQL) maps a single Feature the
//! same way for edits, and the round-trip tests hold the two together.

use std::io::{self, Write};

use crate::data::event::Event;
use crate::data::events::Collection;

/// The staging table, made for one transaction.
pub const CREATE_STAGE: &str = "CREATE TEMPORARY TABLE push_stage (
    id text, source_id text, kind text, title text, start_text text, end_text text,
    date_text text, date_precision text, place text, place_ref text, geonameid bigint,
    location_precision text, uncertainty_km double precision, lon double precision,
    lat double precision, geometry_note text, category text, summary text, actors jsonb,
    claimant text, side text, refers_to jsonb, account_of text, quotes jsonb, figures jsonb,
    verification jsonb, fields jsonb, extraction jsonb) ON COMMIT DROP";

/// The `COPY` that fills it.
pub const COPY_STAGE: &str = "COPY push_stage FROM STDIN (FORMAT csv)";

/// The staged columns as `events` takes them, each named as its column
/// there, in `push::EVENT_COLUMNS`' order.
pub fn staged_columns(with_verdicts: bool) -> String {
    let columns = [
        "id",
        "source_id",
        "kind",
        "title",
        "start_text",
        "end_text",
        "date_text",
        "date_precision",
        "place",
        "place_ref",
        "geonameid",
        "location_precision",
        "uncertainty_km",
        "CASE WHEN lon IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END AS geom",
        "geometry_note",
        "category",
        "summary",
        "coalesce(ARRAY(SELECT jsonb_array_elements_text(actors)), '{}') AS actors",
        "claimant",
        "side",
        "coalesce(ARRAY(SELECT jsonb_array_elements_text(refers_to)), '{}') AS refers_to",
        "account_of",
        "quotes",
        "figures",
        "verification",
        "fields",
        "extraction",
    ];
    columns
        .iter()
        .enumerate()
        .filter(|(i, _)| with_verdicts || *i != 24)
        .map(|(_, c)| *c)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes one event as a CSV row of the staging table: a field left out is
/// written empty and unquoted (NULL), every value quoted.
pub fn write_row(out: &mut dyn Write, collection: &Collection, e: &Event) -> io::Result<()> {
    let source = collection.sources.get(e.source).map(|s| s.id.as_str());
    let point = match &e.geometry {
        Some(geo::Geometry::Point(p)) => Some((p.x(), p.y())),
        _ => None,
    };
    let json = |v: serde_json::Result<String>| v.ok();
    let fields: Vec<[&str; 2]> = e.fields.iter().map(|(n, v)| [n, v]).collect();
    let values: [Option<String>; 28] = [
        Some(e.id.clone()),
        source.map(str::to_owned),
        Some(e.kind.key().to_owned()),
        Some(e.title.clone()),
        Some(e.start.to_string()),
        Some(e.end.to_string()),
        e.date_text.clone(),
        e.date_precision.and_then(|p| name_of(&p)),
        e.place.clone(),
        e.place_ref.clone(),
        e.geonameid.map(|g| g.to_string()),
        e.location_precision.and_then(|p| name_of(&p)),
        e.uncertainty_km.map(|u| u.to_string()),
        point.map(|(x, _)| x.to_string()),
        point.map(|(_, y)| y.to_string()),
        e.geometry_note.clone(),
        e.category.clone(),
        e.summary.clone(),
        json(serde_json::to_string(&e.actors)),
        e.claimant.clone(),
        e.side.clone(),
        json(serde_json::to_string(&e.refers_to)),
        e.account_of.clone(),
        json(serde_json::to_string(&e.quotes)),
        json(serde_json::to_string(&e.figures)),
        e.verification
            .as_ref()
            .and_then(|v| serde_json::to_string(v).ok()),
        json(serde_json::to_string(&fields)),
        e.extraction
            .as_ref()
            .and_then(|x| serde_json::to_string(x).ok()),
    ];
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        if let Some(v) = value {
            write_quoted(out, v)?;
        }
    }
    out.write_all(b"\n")
}

/// A value as serde names it (`"days"`, `"near"`).
fn name_of<T: serde::Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
}

/// A CSV field in double quotes, quotes doubled.
fn write_quoted(out: &mut dyn Write, value: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let mut rest = value.as_bytes();
    while let Some(at) = rest.iter().position(|&b| b == b'"') {
        out.write_all(&rest[..=at])?;
        out.write_all(b"\"")?;
        rest = &rest[at + 1..];
    }
    out.write_all(rest)?;
    out.write_all(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled_and_missing_values_left_empty() {
        let mut out = Vec::new();
        write_quoted(&mut out, "say \"hi\", twice").unwrap();
        assert_eq!(out, b"\"say \"\"hi\"\", twice\"");
        let bundled = crate::data::events::bundled().unwrap();
        let mut row = Vec::new();
        write_row(&mut row, &bundled, &bundled.events[0]).unwrap();
        let text = String::from_utf8(row).unwrap();
        assert!(
            text.starts_with(&format!("\"{}\",\"", bundled.events[0].id)),
            "{text}"
        );
        assert!(
            text.contains(",,"),
            "an absent value is an empty field: {text}"
        );
        assert!(text.ends_with('\n'));
    }
}
