//! GeoJSON files: events files (the schema of `assets/README.md`) and any
//! other GeoJSON, which becomes an overlay, in one streaming pass.

use std::io::Read;
use std::path::Path;

use super::{ImportContext, Imported, Importer, Want};
use crate::check::{Keep, OverlayFeature, check_reader};
use crate::data::events::{self, TextsBeside};
use crate::data::geodata::overlay::Overlay;

/// Reads `.geojson` and `.json` files, and any file that starts like a
/// JSON object.
pub struct GeoJsonImporter;

impl Importer for GeoJsonImporter {
    fn name(&self) -> &'static str {
        "GeoJSON"
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
        let report = check_reader(ctx.name, input, Keep::Features);
        let Some(features) = &report.features else {
            return Imported::Failed(report.problems);
        };
        if ctx.want == Want::Events || looks_like_events(features, report.foreign.len()) {
            let texts = TextsBeside::file(ctx.path);
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
