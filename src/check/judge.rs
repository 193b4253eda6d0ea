//! Judging a GeoJSON object once all its members are read: its type against
//! the members it has, what is missing or misplaced, and what is kept.

use geo::{Geometry, GeometryCollection};

use super::OverlayFeature;
use super::context::Step;
use super::node::Node;
use super::object::{Expect, Members, Object, Out};
use super::reader::Pos;
use super::reserved::Kind;
use super::shape;
use super::types::{TYPE_NAMES, Type};

impl Object<'_> {
    /// Judges the whole object once all its members are read.
    pub(super) fn finish(&self, at: Pos, m: Members) -> Out {
        let (ctx, path) = (self.ctx, &self.path);
        let name = m.ty.clone().flatten();
        let ty = Type::of(name.as_deref());
        match (ty, &name) {
            (Type::Missing, None) if m.ty.is_none() => {
                let hint = match self.expect {
                    Expect::Top => "GeoJSON needs a FeatureCollection, a Feature or a geometry",
                    Expect::Feature => "expected \"type\": \"Feature\"",
                    Expect::Geometry | Expect::Member => {
                        "expected a geometry type such as \"Point\""
                    }
                };
                ctx.error(at, path, format!("object has no \"type\" member; {hint}"));
                return Out::Nothing;
            }
            (Type::Unknown, Some(name)) => {
                let mut message = format!("unknown GeoJSON type \"{name}\"");
                if let Some(right) = TYPE_NAMES.iter().find(|t| t.eq_ignore_ascii_case(name)) {
                    message.push_str(&format!(" (types are case-sensitive: \"{right}\"?)"));
                }
                ctx.error(at, path, message);
                return Out::Nothing;
            }
            (Type::Missing | Type::Unknown, _) => return Out::Nothing,
            _ => {}
        }
        let misplaced = match self.expect {
            Expect::Top => None,
            Expect::Feature => (ty != Type::Feature).then_some("a Feature"),
            Expect::Geometry | Expect::Member => {
                matches!(ty, Type::Feature | Type::FeatureCollection).then_some("a geometry")
            }
        };
        if let Some(wanted) = misplaced {
            let message = format!("expected {wanted}, found {}", ty.article_name());
            ctx.error(at, path, message);
            return Out::Nothing;
        }
        let kind = match ty {
            Type::FeatureCollection => Kind::FeatureCollection,
            Type::Feature => Kind::Feature,
            Type::GeometryCollection => Kind::Geometry("GeometryCollection"),
            Type::Simple(kind) => Kind::Geometry(kind.name()),
            Type::Missing | Type::Unknown => return Out::Nothing,
        };
        m.seen.report(ctx, kind, path);
        match ty {
            Type::FeatureCollection => self.collection(at, m.features),
            Type::Feature => self.feature(at, m),
            Type::GeometryCollection => self.geometry_collection(at, m.geometries),
            Type::Simple(kind) => {
                let Some((node, errors_before, guesses)) = m.coordinates else {
                    ctx.error(
                        at,
                        path,
                        format!("{} has no \"coordinates\" member", kind.name()),
                    );
                    return Out::Nothing;
                };
                if !matches!(node, Node::Bad) {
                    ctx.sink.borrow_mut().absorb(guesses.take(kind));
                }
                let coords = path.join(Step::Key("coordinates"));
                Out::Geometry(shape::check(ctx, kind, node, &coords, errors_before))
            }
            Type::Missing | Type::Unknown => Out::Nothing,
        }
    }

    fn collection(&self, at: Pos, features: Option<(Pos, usize, Vec<OverlayFeature>)>) -> Out {
        let Some((list_at, count, kept)) = features else {
            let message = "FeatureCollection has no \"features\" member";
            self.ctx.error(at, &self.path, message);
            return Out::Nothing;
        };
        if count == 0 {
            let path = self.path.join(Step::Key("features"));
            self.ctx
                .warn(list_at, &path, "FeatureCollection has no features");
        }
        Out::Collection(kept, self.ctx.foreign.take())
    }

    fn feature(&self, at: Pos, m: Members) -> Out {
        let Some(geometry) = m.geometry else {
            let message = "Feature has no \"geometry\" member (use null for a feature without one)";
            self.ctx.error(at, &self.path, message);
            return Out::Nothing;
        };
        if m.properties.is_none() {
            let message = "Feature has no \"properties\" member (RFC 7946 requires one; use null)";
            self.ctx.warn(at, &self.path, message);
        }
        if !self.ctx.keep {
            return Out::Nothing;
        }
        Out::Feature(OverlayFeature {
            line: at.line,
            column: at.column,
            id: m.id.flatten(),
            geometry,
            properties: m.properties.unwrap_or_default(),
        })
    }

    fn geometry_collection(&self, at: Pos, geometries: Option<Vec<Option<Geometry<f64>>>>) -> Out {
        if self.expect == Expect::Member {
            let message = "nested GeometryCollection (RFC 7946 §3.1.8 advises against them)";
            self.ctx.warn(at, &self.path, message);
        }
        let Some(geometries) = geometries else {
            let message = "GeometryCollection has no \"geometries\" member";
            self.ctx.error(at, &self.path, message);
            return Out::Nothing;
        };
        if geometries.len() == 1 {
            let message = "GeometryCollection of a single geometry (RFC 7946 §3.1.8 advises \
                           using that geometry itself)";
            self.ctx.warn(at, &self.path, message);
        }
        let all: Option<Vec<_>> = geometries.into_iter().collect();
        Out::Geometry(all.map(|g| Geometry::GeometryCollection(GeometryCollection(g))))
    }
}
