//! What the CSV writers share: a CSV writer set up the same way, and the
//! values every layout takes from an event (its point, its count of dead,
//! the columns kept in its fields).

use std::io::{self, Write};

use geo::Centroid as _;

use crate::data::event::Event;

/// A CSV writer: RFC 4180 quoting where needed, `\n` line ends.
pub fn writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// A CSV error as an I/O error.
pub fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The event's latitude and longitude as text: its point (the centroid of
/// another shape), else the dataset's point kept in its fields. With
/// `decimals`, a coordinate that has no more is written with that many
/// (ACLED writes four: `39.9500`).
pub fn lat_lon(e: &Event, decimals: Option<usize>) -> Option<(String, String)> {
    let text = |v: f64| match decimals {
        Some(n) if format!("{v:.n$}").parse::<f64>() == Ok(v) => format!("{v:.n$}"),
        _ => v.to_string(),
    };
    match e.geometry.as_ref().and_then(|g| g.centroid()) {
        Some(p) => Some((text(p.y()), text(p.x()))),
        None => {
            let lat = e.fields.get("latitude")?;
            let lon = e.fields.get("longitude")?;
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

/// The note for an event a CSV cannot hold.
pub fn left_out(e: &Event, layout: &str) -> String {
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
