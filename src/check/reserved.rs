//! Members that define one kind of GeoJSON object found on another (RFC
//! 7946 §7.1): `coordinates` and `geometries` make a geometry, `geometry`
//! and `properties` a Feature, `features` a FeatureCollection. An object
//! of one kind must not carry the members of another.
//!
//! Members come in any order, so an object notes where each of these
//! names appeared ([`Seen`]) and is judged once its `type` is known.

use super::context::{Ctx, Path, Step};
use super::reader::Pos;

/// The member names that define a kind of object.
const NAMES: [&str; 5] = [
    "coordinates",
    "geometries",
    "geometry",
    "properties",
    "features",
];

/// Which kind an object turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A FeatureCollection.
    FeatureCollection,
    /// A Feature.
    Feature,
    /// A geometry of the type named.
    Geometry(&'static str),
}

/// Where each defining member of an object appeared (its first occurrence).
#[derive(Default)]
pub struct Seen(Vec<(&'static str, Pos)>);

impl Seen {
    /// Notes member `key`, just read, if it is one of the defining names.
    /// Its position is that of the key, found from where the parser is.
    pub fn note(&mut self, ctx: &Ctx<'_>, key: &str) {
        let Some(&name) = NAMES.iter().find(|n| **n == key) else {
            return;
        };
        if self.0.iter().any(|(n, _)| *n == name) {
            return;
        }
        let end = ctx.tracker.borrow().here();
        // The key ends with its closing quote; it started that many
        // characters before (escapes inside it would only shift the column).
        let column = end.column.saturating_sub(key.chars().count() + 1).max(1);
        self.0.push((
            name,
            Pos {
                line: end.line,
                column,
            },
        ));
    }

    /// Reports each member that an object of `kind` must not have.
    pub fn report(&self, ctx: &Ctx<'_>, kind: Kind, path: &Path<'_>) {
        for &(name, at) in &self.0 {
            let Some(hint) = forbidden(kind, name) else {
                continue;
            };
            let what = match kind {
                Kind::FeatureCollection => "FeatureCollection",
                Kind::Feature => "Feature",
                Kind::Geometry(ty) => ty,
            };
            let member = path.join(Step::Key(name));
            let message =
                format!("a {what} must not have a \"{name}\" member (RFC 7946 §7.1): {hint}");
            ctx.error(at, &member, message);
        }
    }
}

/// Why `name` is wrong on an object of `kind`, or `None` when it belongs.
fn forbidden(kind: Kind, name: &str) -> Option<&'static str> {
    match (kind, name) {
        (Kind::FeatureCollection | Kind::Feature, "coordinates" | "geometries") => {
            Some("it makes a geometry; put the geometry in a Feature's \"geometry\"")
        }
        (Kind::FeatureCollection, "geometry" | "properties") => {
            Some("it makes a Feature; give each feature its own in \"features\"")
        }
        (Kind::Geometry(_), "geometry" | "properties") => {
            Some("it makes a Feature; wrap the geometry in a Feature to give it properties")
        }
        (Kind::Feature | Kind::Geometry(_), "features") => Some("it makes a FeatureCollection"),
        _ => None,
    }
}
