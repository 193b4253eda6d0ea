//! A property of an event, as stored (JSON), put in words for the
//! conflict view: text as it is, a point as degrees, figures as their
//! words, a verdict with its note.

use serde_json::Value;

/// The value of property `name` in words; "(none)" when it is not set.
pub fn in_words(name: &str, value: &Value) -> String {
    match (name, value) {
        (_, Value::Null) => "(none)".to_owned(),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Number(n)) => n.to_string(),
        (_, Value::Bool(b)) => b.to_string(),
        ("geometry", v) => point(v),
        ("figures", Value::Object(m)) => (m.iter())
            .map(|(k, f)| format!("{k}: {}", field(f, "as_stated")))
            .collect::<Vec<_>>()
            .join("; "),
        ("verification", v) => format!("{}: {}", field(v, "verdict"), field(v, "note")),
        (_, Value::Array(items)) => (items.iter())
            .map(|v| in_words("", v))
            .collect::<Vec<_>>()
            .join(", "),
        (_, other) => other.to_string(),
    }
}

/// A member of an object as text.
fn field(v: &Value, name: &str) -> String {
    match v.get(name) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// A GeoJSON point as degrees north and east.
fn point(v: &Value) -> String {
    let c = |i: usize| {
        v.pointer(&format!("/coordinates/{i}"))
            .and_then(Value::as_f64)
    };
    match (c(0), c(1)) {
        (Some(lon), Some(lat)) => format!(
            "{:.4}° {}, {:.4}° {}",
            lat.abs(),
            if lat >= 0.0 { "N" } else { "S" },
            lon.abs(),
            if lon >= 0.0 { "E" } else { "W" }
        ),
        _ => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_read_as_words() {
        assert_eq!(in_words("title", &json!("Clash")), "Clash");
        assert_eq!(in_words("place", &Value::Null), "(none)");
        assert_eq!(
            in_words(
                "geometry",
                &json!({"type": "Point", "coordinates": [70.5, 39.9]})
            ),
            "39.9000° N, 70.5000° E"
        );
        assert_eq!(
            in_words(
                "figures",
                &json!({"killed": {"as_stated": "at least 31", "low": 31}})
            ),
            "killed: at least 31"
        );
        assert_eq!(
            in_words(
                "verification",
                &json!({"verdict": "consistent", "note": "n"})
            ),
            "consistent: n"
        );
    }
}
