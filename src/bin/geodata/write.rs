//! Deterministic GeoJSON text: fixed property order, six decimals, one
//! feature per line.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context;
use geo::{LineString, MultiLineString, MultiPolygon, Point};

/// A JSON value for a property, written as given.
pub fn string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

fn push_line(out: &mut String, line: &LineString<f64>, decimals: usize) {
    out.push('[');
    for (i, c) in line.0.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Writing to a String cannot fail.
        let _ = write!(out, "[{:.*},{:.*}]", decimals, c.x, decimals, c.y);
    }
    out.push(']');
}

/// A MultiPolygon geometry object, six decimals.
pub fn multi_polygon(shape: &MultiPolygon<f64>) -> String {
    multi_polygon_with(shape, 6)
}

/// A MultiPolygon geometry object with coordinates to `decimals` places.
pub fn multi_polygon_with(shape: &MultiPolygon<f64>, decimals: usize) -> String {
    let mut out = String::from(r#"{"type":"MultiPolygon","coordinates":["#);
    for (i, p) in shape.0.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        for (j, ring) in std::iter::once(p.exterior())
            .chain(p.interiors())
            .enumerate()
        {
            if j > 0 {
                out.push(',');
            }
            push_line(&mut out, ring, decimals);
        }
        out.push(']');
    }
    out.push_str("]}");
    out
}

/// A LineString geometry object.
pub fn line_string(line: &LineString<f64>) -> String {
    let mut out = String::from(r#"{"type":"LineString","coordinates":"#);
    push_line(&mut out, line, 6);
    out.push('}');
    out
}

/// A MultiLineString geometry object.
pub fn multi_line_string(lines: &MultiLineString<f64>) -> String {
    let mut out = String::from(r#"{"type":"MultiLineString","coordinates":["#);
    for (i, l) in lines.0.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_line(&mut out, l, 6);
    }
    out.push_str("]}");
    out
}

/// A Point geometry object.
pub fn point(p: Point<f64>) -> String {
    format!(
        r#"{{"type":"Point","coordinates":[{:.6},{:.6}]}}"#,
        p.x(),
        p.y()
    )
}

/// Writes a FeatureCollection of `(properties as ordered key/JSON pairs,
/// geometry JSON)` features to `path`.
pub fn collection(path: &Path, features: &[(Vec<(&str, String)>, String)]) -> anyhow::Result<u64> {
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (i, (props, geometry)) in features.iter().enumerate() {
        out.push_str(r#"{"type":"Feature","properties":{"#);
        for (j, (k, v)) in props.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            let _ = write!(out, "{}:{}", string(k), v);
        }
        let _ = write!(out, r#"}},"geometry":{geometry}}}"#);
        out.push_str(if i + 1 < features.len() { ",\n" } else { "\n" });
    }
    out.push_str("]}\n");
    std::fs::write(path, &out).with_context(|| format!("writing {}", path.display()))?;
    Ok(out.len() as u64)
}
