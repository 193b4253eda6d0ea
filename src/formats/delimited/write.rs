//! What the table writers share: rows written in a format's dialect, and
//! the values every layout takes from an event (its point, its count of
//! dead, the columns kept in its fields).

use std::io::{self, Write};

use geo::Centroid as _;

use super::layout::{Dialect, Header};
use crate::data::event::Event;

/// Writes `events` as rows of `columns` in `dialect` (with a header row
/// when the dialect has one), each made by `record`; an event `record`
/// cannot make a row of is left out, and its note returned. Without
/// quoting, a delimiter or line break in a value becomes a space, so that
/// every row keeps its columns.
pub fn write_rows<'c>(
    out: &mut dyn Write,
    dialect: Dialect,
    columns: &[&str],
    events: &[Event],
    mut record: impl FnMut(&Event) -> Result<Record<'c>, String>,
) -> io::Result<Vec<String>> {
    let quote_style = if dialect.quoting {
        csv::QuoteStyle::Necessary
    } else {
        csv::QuoteStyle::Never
    };
    let mut w = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .quote_style(quote_style)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    if let Header::Row = dialect.header {
        w.write_record(columns).map_err(io_error)?;
    }
    let mut notes = Vec::new();
    for e in events {
        match record(e) {
            Ok(r) if dialect.quoting => w.write_record(r.values()).map_err(io_error)?,
            Ok(r) => {
                let plain = r.values().iter().map(|v| unquotable(v, dialect.delimiter));
                w.write_record(plain).map_err(io_error)?;
            }
            Err(note) => notes.push(note),
        }
    }
    w.flush()?;
    Ok(notes)
}

/// `value` without the delimiter and line breaks, each a space.
fn unquotable(value: &str, delimiter: u8) -> String {
    value
        .chars()
        .map(|c| match c {
            '\n' | '\r' => ' ',
            c if c == char::from(delimiter) => ' ',
            c => c,
        })
        .collect()
}

/// A CSV error as an I/O error.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The event's latitude and longitude as text: its point (the centroid of
/// another shape), else the dataset's point kept in its fields under the
/// names `kept` (latitude, longitude). With `decimals`, a coordinate that
/// has no more is written with that many (ACLED writes four: `39.9500`).
pub fn lat_lon(e: &Event, decimals: Option<usize>, kept: [&str; 2]) -> Option<(String, String)> {
    let text = |v: f64| match decimals {
        Some(n) if format!("{v:.n$}").parse::<f64>() == Ok(v) => format!("{v:.n$}"),
        _ => v.to_string(),
    };
    match e.geometry.as_ref().and_then(|g| g.centroid()) {
        Some(p) => Some((text(p.y()), text(p.x()))),
        None => {
            let lat = e.fields.get(kept[0])?;
            let lon = e.fields.get(kept[1])?;
            Some((lat.to_owned(), lon.to_owned()))
        }
    }
}

/// A whole number of people as written: the figure's words when they are
/// a number, else its lowest value.
pub fn people(words: &str, low: Option<f64>) -> String {
    let words = words.trim();
    if !words.is_empty() && words.bytes().all(|b| b.is_ascii_digit()) {
        return words.to_owned();
    }
    low.map(|n| format!("{}", n.round() as u64))
        .unwrap_or_default()
}

/// The note for an event left out for want of a point.
pub fn without_point(e: &Event, layout: &str) -> String {
    format!(
        "{}: left out: a {layout} row needs a point, and the event has none",
        e.id
    )
}

/// One row under construction: the layout's columns, filled by name.
pub struct Record<'a> {
    columns: &'a [&'a str],
    values: Vec<String>,
}

impl<'a> Record<'a> {
    /// A row of `columns`, filled from the event's fields.
    pub fn from_fields(columns: &'a [&'a str], e: &Event) -> Self {
        let values = columns
            .iter()
            .map(|c| e.fields.get(c).unwrap_or_default().to_owned())
            .collect();
        Self { columns, values }
    }

    /// Sets column `name`.
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        if let Some(i) = self.columns.iter().position(|c| *c == name) {
            self.values[i] = value.into();
        }
    }

    /// The values, in column order.
    pub fn values(&self) -> &[String] {
        &self.values
    }
}
