//! Events as GDELT 2.0 rows: those that came from GDELT (with their
//! `EventCode` in their fields and a numeric id), every column written as
//! it was read (`mod.rs` reads them back).

use std::io::{self, Write};

use super::{COLUMNS, Gdelt, LAYOUT};
use crate::data::event::Event;
use crate::data::events::Collection;
use crate::export::Exporter;
use crate::formats::delimited::write::{Record, lat_lon, write_rows};

impl Exporter for Gdelt {
    fn name(&self) -> &'static str {
        "gdelt"
    }

    fn label(&self) -> &'static str {
        "GDELT 2.0 events (tab-separated)"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["csv"]
    }

    fn left_out(&self) -> &'static str {
        "without a GDELT event code left out: a GDELT row needs one"
    }

    /// Writes the events that came from GDELT (with their `EventCode` in
    /// their fields and a numeric id) as GDELT rows.
    fn write(&self, collection: &Collection, out: &mut dyn Write) -> io::Result<Vec<String>> {
        write_rows(out, LAYOUT.dialect, &COLUMNS, &collection.events, record)
    }
}

/// The event as a GDELT row, or why it cannot be one.
fn record(e: &Event) -> Result<Record<'static>, String> {
    let numeric = !e.id.is_empty() && e.id.bytes().all(|b| b.is_ascii_digit());
    if e.fields.get("EventCode").is_none() || !numeric {
        return Err(format!(
            "{}: left out: a GDELT row needs a CAMEO event code (EventCode) and a numeric id",
            e.id
        ));
    }
    let mut r = Record::from_fields(&COLUMNS, e);
    let d = e.start.date();
    r.set("GLOBALEVENTID", e.id.clone());
    r.set(
        "SQLDATE",
        format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()),
    );
    r.set("ActionGeo_FullName", e.place.clone().unwrap_or_default());
    if let Some((lat, lon)) = lat_lon(e, None, ["ActionGeo_Lat", "ActionGeo_Long"]) {
        r.set("ActionGeo_Lat", lat);
        r.set("ActionGeo_Long", lon);
    }
    Ok(r)
}
