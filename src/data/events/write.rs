//! Writing a collection as an events file (the schema of
//! `assets/README.md`), so that reading it back gives the same collection.
//! Each event becomes a `geojson::Feature` (its geometry converted from
//! `geo` by the `geojson` crate) written as it is made, so a million events
//! never stand in memory as one JSON tree.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use crate::data::event::{Event, EventKind};
use crate::data::events::Collection;
use crate::data::source::{Source, SourceKind};
use crate::data::vocabulary::{Term, to_hex};

/// The collection as events GeoJSON text (see [`write_geojson`]).
pub fn to_geojson(collection: &Collection) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail, and serde_json writes UTF-8.
    let _ = write_geojson(collection, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the collection as an events file, one member of the top level
/// (`sources`, `vocabularies`) and one feature per line, so that a large
/// collection is written feature by feature and the file's problems are
/// easy to find by line. Sources keep their `text_file` (the text itself
/// is written only for a source that has no file), and every event names
/// its source when there are several.
pub fn write_geojson(collection: &Collection, out: &mut dyn Write) -> io::Result<()> {
    let Collection {
        sources,
        vocabulary,
        events,
    } = collection;
    let terms = |list: &[Term]| Value::Array(list.iter().map(term).collect());
    let vocabularies = json!({
        "sides": terms(&vocabulary.sides),
        "categories": terms(&vocabulary.categories),
    });
    let sources_json = Value::Array(sources.iter().map(source).collect());
    // The crate's FeatureWriter puts the whole collection on one line; one
    // feature per line keeps `check`'s line numbers pointing at a feature.
    writeln!(out, "{{\"type\": \"FeatureCollection\",")?;
    writeln!(out, "\"sources\": {sources_json},")?;
    writeln!(out, "\"vocabularies\": {vocabularies},")?;
    write!(out, "\"features\": [")?;
    let name_source = sources.len() > 1;
    for (i, e) in events.iter().enumerate() {
        let f = geojson_feature(e, sources.get(e.source).filter(|_| name_source));
        writeln!(out, "{}", if i == 0 { "" } else { "," })?;
        serde_json::to_writer(&mut *out, &f)?;
    }
    writeln!(out, "\n]}}")?;
    Ok(())
}

/// A `sources` element.
fn source(s: &Source) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), s.id.clone().into());
    let kind = match s.kind {
        SourceKind::Article => "article",
        SourceKind::Dataset => "dataset",
    };
    m.insert("kind".into(), kind.into());
    let optional = [
        ("title", &s.title),
        ("outlet", &s.outlet),
        ("author", &s.author),
        ("url", &s.url),
        ("licence", &s.licence),
    ];
    for (key, value) in optional {
        if let Some(v) = value {
            m.insert(key.into(), v.clone().into());
        }
    }
    if let Some(d) = s.published {
        m.insert("published".into(), d.to_string().into());
    }
    match (&s.text_file, &s.text) {
        (Some(file), _) => {
            m.insert("text_file".into(), file.clone().into());
        }
        (None, Some(text)) => {
            m.insert("text".into(), text.to_string().into());
        }
        (None, None) => {}
    }
    if let Some(hash) = &s.sha256 {
        m.insert("sha256".into(), hash.clone().into());
    }
    Value::Object(m)
}

/// A vocabulary term.
fn term(t: &Term) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), t.id.clone().into());
    m.insert("label".into(), t.label.clone().into());
    if t.declared_colour {
        m.insert("colour".into(), to_hex(t.colour).into());
    }
    m.insert(
        "symbol".into(),
        serde_json::to_value(t.symbol).unwrap_or(Value::Null),
    );
    Value::Object(m)
}

/// One event as a Feature of the events schema, as JSON, naming `source`
/// when given (a file of one source leaves it out; the shared store always
/// names it).
pub fn feature(e: &Event, source: Option<&Source>) -> Value {
    // A Feature always serialises to an object.
    serde_json::to_value(geojson_feature(e, source)).unwrap_or(Value::Null)
}

/// One event as a `geojson::Feature` (see [`feature`]).
fn geojson_feature(e: &Event, source: Option<&Source>) -> geojson::Feature {
    let mut p = Map::new();
    let mut put = |key: &str, value: Value| {
        if !value.is_null() {
            p.insert(key.into(), value);
        }
    };
    put("id", e.id.clone().into());
    let kind = match e.kind {
        EventKind::Incident => "incident",
        EventKind::Statement => "statement",
        EventKind::Context => "context",
    };
    put("kind", kind.into());
    if let Some(s) = source {
        put("source", s.id.clone().into());
    }
    put("title", e.title.clone().into());
    put("start", e.start.to_string().into());
    put("end", e.end.to_string().into());
    put("date_text", json!(e.date_text));
    put("date_precision", json!(e.date_precision));
    put("place", json!(e.place));
    put("place_ref", json!(e.place_ref));
    put("geonameid", json!(e.geonameid));
    put("location_precision", json!(e.location_precision));
    put("uncertainty_km", json!(e.uncertainty_km));
    put("category", json!(e.category));
    put("summary", json!(e.summary));
    if !e.actors.is_empty() {
        put("actors", json!(e.actors));
    }
    if !e.quotes.is_empty() {
        put("quotes", json!(e.quotes));
    }
    put("claimant", json!(e.claimant));
    put("side", json!(e.side));
    if !e.refers_to.is_empty() {
        put("refers_to", json!(e.refers_to));
    }
    put("account_of", json!(e.account_of));
    if e.figures != Default::default() {
        put("figures", json!(e.figures));
    }
    put("verification", json!(e.verification));
    put("geometry_note", json!(e.geometry_note));
    if !e.fields.is_empty() {
        put("fields", json!(e.fields));
    }
    put("extraction", json!(e.extraction));
    geojson::Feature {
        geometry: e.geometry.as_ref().map(geojson::Geometry::from),
        properties: Some(p),
        ..geojson::Feature::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::events::{self, BundledTexts};

    #[test]
    fn the_bundled_collection_reads_back_the_same() {
        let bundled = events::bundled().unwrap();
        let text = to_geojson(&bundled);
        let again = events::parse("again.geojson", &text, &BundledTexts, &[])
            .into_result()
            .unwrap();
        assert_eq!(again, bundled);
    }

    #[test]
    fn the_geojson_crate_reads_every_feature_and_geometry_back() {
        let mut bundled = events::bundled().unwrap();
        let polygon = geo::Geometry::Polygon(geo::Polygon::new(
            geo::LineString::from(vec![(70.0, 40.0), (70.5, 40.0), (70.5, 40.5), (70.0, 40.0)]),
            vec![],
        ));
        bundled.events[1].geometry = Some(polygon.clone());
        let text = to_geojson(&bundled);
        let read: geojson::FeatureCollection = text.parse().unwrap();
        assert_eq!(read.features.len(), bundled.events.len());
        for (feature, event) in read.features.iter().zip(&bundled.events) {
            let properties = feature.properties.as_ref().unwrap();
            assert_eq!(properties["id"], event.id.as_str());
            let geometry = feature
                .geometry
                .clone()
                .map(|g| geo::Geometry::<f64>::try_from(g).unwrap());
            assert_eq!(geometry, event.geometry, "{}", event.id);
        }
        let members = read.foreign_members.unwrap();
        assert!(members.contains_key("sources") && members.contains_key("vocabularies"));
        let again = events::parse("again.geojson", &text, &BundledTexts, &[])
            .into_result()
            .unwrap();
        assert_eq!(again.events[1].geometry, Some(polygon));
    }

    #[test]
    fn an_extracted_event_keeps_its_confidence_and_rules() {
        let mut bundled = events::bundled().unwrap();
        bundled.events[0].extraction = Some(Box::new(crate::data::event::Extraction {
            confidence: 0.75,
            rules: vec!["incident:armed_clash".into(), "date:weekday".into()],
        }));
        let text = to_geojson(&bundled);
        assert!(text.contains("\"incident:armed_clash\""));
        let again = events::parse("again.geojson", &text, &BundledTexts, &[])
            .into_result()
            .unwrap();
        assert_eq!(again, bundled);
        let bad = text.replace("0.75", "1.5");
        let errors = events::parse("bad.geojson", &bad, &BundledTexts, &[])
            .into_result()
            .unwrap_err();
        assert!(
            errors[0].describe().contains("extraction.confidence"),
            "{errors:?}"
        );
    }
}
