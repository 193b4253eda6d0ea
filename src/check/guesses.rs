//! Checking coordinates that come before their geometry's `type`, without
//! keeping them. Each array of arrays is checked, as soon as it ends, against
//! every type whose coordinates nest deeply enough to hold it there; each
//! type's problems go to its own sink, and the one for the type named later
//! is reported. The problems and their order are those of keeping the whole
//! value and checking it once the type is known.

use std::cell::RefCell;

use super::context::{Ctx, Path, Sink};
use super::node::Node;
use super::shape::{self, Simple};

/// The types whose coordinates hold arrays of arrays.
const DEEP: [Simple; 3] = [
    Simple::MultiLineString,
    Simple::Polygon,
    Simple::MultiPolygon,
];

/// The problems each deep type would have, found so far.
#[derive(Default)]
pub struct Guesses {
    sinks: [RefCell<Sink>; 3],
}

impl Guesses {
    /// Checks `node`, an element that just ended of an array nested `level`
    /// arrays into `coordinates` (0 for the value itself), for each type
    /// that makes that array an array of arrays.
    pub fn check(&self, ctx: &Ctx<'_>, level: usize, node: &Node, path: &Path<'_>) {
        for (kind, sink) in DEEP.into_iter().zip(&self.sinks) {
            if let Some(depth) = kind.depth().checked_sub(level + 1).filter(|d| *d >= 1) {
                ctx.redirected(sink, || shape::check_part(ctx, kind, depth, node, path));
            }
        }
    }

    /// The problems found for `kind`, none when it holds no arrays of arrays.
    pub fn take(self, kind: Simple) -> Sink {
        DEEP.into_iter()
            .zip(self.sinks)
            .find(|(k, _)| *k == kind)
            .map(|(_, sink)| sink.into_inner())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use crate::check::{Keep, check_geojson, check_reader};

    /// Checking alone (which guesses) and loading (which keeps the value
    /// until the type is known) must report the same problems in order.
    fn same_as_loading(text: &str) -> Vec<String> {
        let loaded = check_geojson("t", text.as_bytes());
        let checked = check_reader("t", text.as_bytes(), Keep::Nothing);
        assert_eq!(checked.problems, loaded.problems, "{text}");
        assert_eq!(
            (checked.errors, checked.warnings),
            (loaded.errors, loaded.warnings)
        );
        checked.problems.iter().map(|p| p.describe()).collect()
    }

    #[test]
    fn each_type_gets_its_own_problems() {
        let coords = r#"[[[0,0],[1,1],[2,2]],[[0,0],[1,1],[0,1],[0,0]],[[5,5]]]"#;
        let polygon = same_as_loading(&format!(r#"{{"coordinates":{coords},"type":"Polygon"}}"#));
        assert_eq!(polygon.len(), 2, "{polygon:?}");
        assert!(polygon[0].starts_with("coordinates[0]: a linear ring needs at least 4"));
        assert!(polygon[1].starts_with("coordinates[2]: a linear ring needs at least 4"));
        let lines = same_as_loading(&format!(
            r#"{{"coordinates":{coords},"type":"MultiLineString"}}"#
        ));
        assert_eq!(
            lines,
            ["coordinates[2]: a LineString needs at least 2 positions, found 1"]
        );
        let point = same_as_loading(&format!(r#"{{"coordinates":{coords},"type":"Point"}}"#));
        assert_eq!(point.len(), 1, "{point:?}");
        assert!(point[0].contains("found arrays nested too deeply"));
    }

    #[test]
    fn deep_values_are_checked_at_every_level() {
        let coords =
            r#"[[[[0,0],[1,0],[1,1]]],[[[0,0],[1,0],[1,1],[0,0]],[[9,9],[8,8]]],[[0,0],[1,1]]]"#;
        let multi = same_as_loading(&format!(
            r#"{{"coordinates":{coords},"type":"MultiPolygon"}}"#
        ));
        assert_eq!(multi.len(), 3, "{multi:?}");
        assert!(multi[0].starts_with("coordinates[0][0]: a linear ring"));
        assert!(multi[1].starts_with("coordinates[1][1]: a linear ring"));
        assert_eq!(
            multi[2],
            "coordinates[2]: expected an array of arrays of positions, found an array of positions"
        );
        let polygon = same_as_loading(&format!(r#"{{"coordinates":{coords},"type":"Polygon"}}"#));
        assert_eq!(polygon.len(), 3, "{polygon:?}");
        assert!(
            polygon[0].starts_with("coordinates[0]: expected an array of positions, found arrays")
        );
        assert!(
            polygon[1].starts_with("coordinates[1]: expected an array of positions, found arrays")
        );
        assert!(polygon[2].starts_with("coordinates[2]: a linear ring needs at least 4"));
    }

    #[test]
    fn a_broken_value_reports_only_what_breaks_it() {
        // A string ends the value as unusable: the rings before it are not judged.
        let text = r#"{"coordinates":[[[0,0],[1,1]],[[0,0],[1,1]],"x"],"type":"Polygon"}"#;
        let problems = same_as_loading(text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("expected a number or an array"));
    }

    #[test]
    fn problems_beyond_the_cap_are_counted() {
        let rings = vec!["[]"; 150].join(",");
        let text = format!(r#"{{"coordinates":[{rings}],"type":"Polygon"}}"#);
        let problems = same_as_loading(&text);
        assert_eq!(problems.len(), crate::check::MAX_PROBLEMS);
        let report = check_reader("t", text.as_bytes(), Keep::Nothing);
        assert_eq!(report.errors, 150);
    }
}
