//! GeoJSON files, read and written: events files (the schema of
//! `assets/README.md`) and any other GeoJSON, which becomes an overlay,
//! in one streaming pass; events written back as an events file.

use std::io::{self, Read, Write};
use std::path::Path;

use crate::check::{Keep, OverlayFeature, check_reader};
use crate::data::events::write::write_geojson;
use crate::data::events::{self, Collection, TextsBeside};
use crate::data::geodata::overlay::Overlay;
use crate::export::Exporter;
use crate::import::{Checked, ImportContext, Imported, Importer, Want};

/// GeoJSON: `.geojson` and `.json` files, and any file that starts like a
/// JSON object.
pub struct GeoJson;

impl Importer for GeoJson {
    fn name(&self) -> &'static str {
        "GeoJSON"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["geojson", "json"]
    }

    fn looks_like(&self) -> &'static str {
        "a JSON object"
    }

    fn sniff(&self, path: &Path, head: &[u8]) -> bool {
        let named = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"));
        let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        let starts_like_json = text
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{');
        named || starts_like_json
    }

    fn load(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Imported {
        // A file whose sources or vocabularies come first is an events
        // file, made events as it is read.
        let texts = texts(ctx);
        let report = match events::read_streamed(ctx.name, input, &texts, &ctx.loaded.events) {
            Ok(loaded) => return Imported::Events(loaded),
            Err(report) => report,
        };
        let Some(features) = &report.features else {
            return Imported::Failed(report.problems);
        };
        if ctx.want == Want::Events || looks_like_events(features, report.foreign.len()) {
            return Imported::Events(events::from_report(report, &texts, &ctx.loaded.events));
        }
        let geometries = features.iter().filter_map(|f| f.geometry.clone()).collect();
        Imported::Overlay(Overlay::new(
            ctx.overlay_id,
            ctx.name.to_owned(),
            ctx.path.to_path_buf(),
            geometries,
            report.problems,
        ))
    }

    /// As an events file (the schema, the sources' texts, every quote)
    /// when events are wanted; else as GeoJSON alone, keeping nothing, so
    /// that a file larger than memory is checked too.
    fn check(&self, input: &mut dyn Read, ctx: &ImportContext<'_>) -> Checked {
        if ctx.want == Want::Events {
            let loaded = events::read(ctx.name, input, &texts(ctx), &ctx.loaded.events);
            return Checked::listing(loaded.diagnostics);
        }
        let report = check_reader(ctx.name, input, Keep::Nothing);
        Checked {
            diagnostics: report.problems,
            errors: report.errors,
            warnings: report.warnings,
        }
    }
}

impl Exporter for GeoJson {
    fn name(&self) -> &'static str {
        "geojson"
    }

    fn label(&self) -> &'static str {
        "Events GeoJSON"
    }

    fn extensions(&self) -> &'static [&'static str] {
        &["geojson", "json"]
    }

    fn left_out(&self) -> &'static str {
        "left out"
    }

    fn write(&self, collection: &Collection, out: &mut dyn Write) -> io::Result<Vec<String>> {
        write_geojson(collection, out).map(|()| Vec::new())
    }
}

/// The texts of an events file's article sources: beside the file, else
/// the text given for a source that names none.
fn texts(ctx: &ImportContext<'_>) -> TextsBeside {
    TextsBeside {
        fallback: ctx.article.map(str::to_owned),
        ..TextsBeside::file(ctx.path)
    }
}

/// Whether a file's features are events: it declares sources, or every
/// feature (at least one) has both a `kind` and a `start` property, the two
/// members every event has.
pub fn looks_like_events(features: &[OverlayFeature], foreign_members: usize) -> bool {
    let all_events = !features.is_empty()
        && features
            .iter()
            .all(|f| f.properties.get("kind").is_some() && f.properties.get("start").is_some());
    all_events
        || (foreign_members > 0 && features.iter().all(|f| f.properties.get("kind").is_some()))
}
