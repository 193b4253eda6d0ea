//! An events row made into a Feature of the events file on this side of
//! the connection. The server sends the row's columns as they are stored,
//! which costs it little, rather than a JSON object built for each row by
//! `feature_of` (about seven times the server's time for a view's few
//! thousand events). The Feature holds the same members in the same order
//! as `feature_of`'s, which the history's documents are still made with; a
//! store test reads both back and finds them equal.

use std::fmt::Write as _;

use postgres::Row;

/// The columns [`write_feature`] reads, from an events row named `ev`.
pub const FEATURE_COLUMNS: &str = "ev.id, ev.kind, ev.source_id, ev.title, ev.start_text, \
     ev.end_text, ev.date_text, ev.date_precision, ev.place, ev.place_ref, ev.geonameid, \
     ev.location_precision, ev.uncertainty_km, ev.category, ev.summary, ev.actors, ev.claimant, \
     ev.side, ev.refers_to, ev.account_of, ev.quotes::text, ev.figures::text, \
     ev.verification::text, ev.geometry_note, ev.fields::text, ev.extraction::text, \
     ST_X(ev.geom), ST_Y(ev.geom)";

/// How many columns [`FEATURE_COLUMNS`] names: a query may select more
/// after them.
pub const FEATURE_COLUMN_COUNT: usize = 28;

/// The members of a Feature's properties, written one after another.
struct Members<'a> {
    out: &'a mut String,
    first: bool,
}

impl Members<'_> {
    /// A member's name and the separator before it.
    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push_str(", ");
        }
        self.first = false;
        push_string(self.out, key);
        self.out.push_str(": ");
    }

    /// A text member, left out when absent.
    fn text(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.key(key);
            push_string(self.out, v);
        }
    }

    /// A JSON member as stored, left out when absent or equal to `empty`.
    fn json(&mut self, key: &str, value: Option<&str>, empty: &str) {
        if let Some(v) = value.filter(|v| *v != empty && *v != "null") {
            self.key(key);
            self.out.push_str(v);
        }
    }

    /// An array of texts, left out when empty.
    fn texts(&mut self, key: &str, values: &[String]) {
        if values.is_empty() {
            return;
        }
        self.key(key);
        self.out.push('[');
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            push_string(self.out, v);
        }
        self.out.push(']');
    }

    /// A number member, left out when absent.
    fn number(&mut self, key: &str, value: Option<String>) {
        if let Some(v) = value {
            self.key(key);
            self.out.push_str(&v);
        }
    }
}

/// Appends `value` as a JSON string.
fn push_string(out: &mut String, value: &str) {
    // Serialising a string into a String cannot fail.
    out.push_str(&serde_json::to_string(value).unwrap_or_default());
}

/// A finite number as JSON writes it.
fn number(value: f64) -> String {
    serde_json::to_string(&value).unwrap_or_else(|_| "null".to_owned())
}

/// The record's other fields (`[[name, value], …]` as stored) as the
/// object the events file holds, in their order.
fn fields_object(stored: Option<&str>) -> Option<String> {
    let pairs: Vec<(String, serde_json::Value)> = serde_json::from_str(stored?).ok()?;
    if pairs.is_empty() {
        return None;
    }
    let mut out = String::from("{");
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_string(&mut out, name);
        out.push_str(": ");
        out.push_str(&value.to_string());
    }
    out.push('}');
    Some(out)
}

/// Appends the Feature of an events row selected with
/// [`FEATURE_COLUMNS`] first.
pub fn write_feature(row: &Row, out: &mut String) {
    let text = |i: usize| row.get::<_, Option<&str>>(i);
    let (x, y): (Option<f64>, Option<f64>) = (row.get(26), row.get(27));
    out.push_str("{\"type\": \"Feature\", \"geometry\": ");
    match (x, y) {
        (Some(x), Some(y)) => {
            let _ = write!(
                out,
                "{{\"type\": \"Point\", \"coordinates\": [{}, {}]}}",
                number(x),
                number(y)
            );
        }
        _ => out.push_str("null"),
    }
    out.push_str(", \"properties\": {");
    let mut m = Members { out, first: true };
    for (key, i) in [("id", 0), ("kind", 1), ("source", 2), ("title", 3)] {
        m.text(key, text(i));
    }
    for (key, i) in [
        ("start", 4),
        ("end", 5),
        ("date_text", 6),
        ("date_precision", 7),
    ] {
        m.text(key, text(i));
    }
    m.text("place", text(8));
    m.text("place_ref", text(9));
    m.number(
        "geonameid",
        row.get::<_, Option<i64>>(10).map(|g| g.to_string()),
    );
    m.text("location_precision", text(11));
    m.number("uncertainty_km", row.get::<_, Option<f64>>(12).map(number));
    m.text("category", text(13));
    m.text("summary", text(14));
    m.texts("actors", &row.get::<_, Vec<String>>(15));
    m.text("claimant", text(16));
    m.text("side", text(17));
    m.texts("refers_to", &row.get::<_, Vec<String>>(18));
    m.text("account_of", text(19));
    m.json("quotes", text(20), "[]");
    m.json("figures", text(21), "{}");
    m.json("verification", text(22), "");
    m.text("geometry_note", text(23));
    m.json("fields", fields_object(text(24)).as_deref(), "{}");
    m.json("extraction", text(25), "");
    m.out.push_str("}}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_count_is_that_of_the_columns_named() {
        assert_eq!(FEATURE_COLUMNS.split(", ").count(), FEATURE_COLUMN_COUNT);
    }

    #[test]
    fn stored_fields_become_an_object_in_their_order() {
        let object = fields_object(Some(r#"[["b", "2"], ["a", "x \"y\""]]"#));
        assert_eq!(object.as_deref(), Some(r#"{"b": "2", "a": "x \"y\""}"#));
        assert_eq!(fields_object(Some("[]")), None);
        assert_eq!(fields_object(None), None);
    }
}
