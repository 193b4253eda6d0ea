//! GeoJSON objects: FeatureCollection, Feature and geometries (RFC 7946 §3).
//!
//! Members may come in any order, so each is handled by its name as it
//! streams past (a `features` member before `type` is taken to belong to a
//! FeatureCollection), and the object is judged by its `type` at the end.

use geo::{Geometry, GeometryCollection};
use serde::de::MapAccess;

use super::context::{Ctx, Path, Step};
use super::coords::{Coords, Expected, Node};
use super::guesses::Guesses;
use super::handler::{Handler, KeySeed, Skip, Value};
use super::lists::{Features, Geometries};
use super::members::{Bbox, Crs, Duplicate, Foreign, Id, Properties, TypeName};
use super::ranges::RangeNotes;
use super::reader::Pos;
use super::reserved::{Kind, Seen};
use super::shape::{self, Simple};
use super::types::{TYPE_NAMES, Type};
use super::{ForeignMember, OverlayFeature};

/// What kind of object is expected where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The top-level value: any GeoJSON object.
    Top,
    /// An element of a FeatureCollection's `features`.
    Feature,
    /// A Feature's `geometry`: a geometry or null.
    Geometry,
    /// An element of a GeometryCollection's `geometries`.
    Member,
}

/// What an object turned out to be, with what was kept of it.
pub enum Out {
    /// Nothing usable (wrong, or not kept).
    Nothing,
    /// A geometry, or null.
    Geometry(Option<Geometry<f64>>),
    /// A feature.
    Feature(OverlayFeature),
    /// A FeatureCollection's features and its foreign members.
    Collection(Vec<OverlayFeature>, Vec<ForeignMember>),
}

/// Handles a GeoJSON object expected at `path`.
pub struct Object<'a> {
    /// Shared state.
    pub ctx: &'a Ctx,
    /// Where the object sits.
    pub path: Path<'a>,
    /// What is expected there.
    pub expect: Expect,
}

/// The members read so far; `None` means not seen.
#[derive(Default)]
struct Members {
    ty: Option<Option<String>>,
    features: Option<(Pos, usize, Vec<OverlayFeature>)>,
    geometry: Option<Option<Geometry<f64>>>,
    properties: Option<serde_json::Value>,
    id: Option<Option<serde_json::Value>>,
    /// The coordinates, the number of errors in the file before them, and
    /// the problems each type would have when they came before the type.
    coordinates: Option<(Node, usize, Guesses)>,
    geometries: Option<Vec<Option<Geometry<f64>>>>,
    bbox: Option<()>,
    crs: Option<()>,
    /// Members GeoJSON does not define, kept at the top level only.
    foreign: Vec<ForeignMember>,
    /// Where the members that define a kind of object were.
    seen: Seen,
}

impl<'de> Handler<'de> for Object<'_> {
    type Out = Out;

    fn ctx(&self) -> &Ctx {
        self.ctx
    }

    fn other(self, at: Pos, found: &'static str) -> Out {
        let message = match self.expect {
            Expect::Top => format!(
                "top-level value is {found}; GeoJSON must be an object \
                 (a FeatureCollection, a Feature or a geometry)"
            ),
            Expect::Feature => format!("expected a Feature object, found {found}"),
            Expect::Geometry => format!("expected a geometry object or null, found {found}"),
            Expect::Member => format!("expected a geometry object, found {found}"),
        };
        self.ctx.error(at, &self.path, message);
        Out::Nothing
    }

    fn null(self, at: Pos) -> Out {
        match self.expect {
            Expect::Geometry => Out::Geometry(None),
            _ => self.other(at, "null"),
        }
    }

    fn map<A: MapAccess<'de>>(self, at: Pos, mut map: A) -> Result<Out, A::Error> {
        let mut m = Members::default();
        let notes = RangeNotes::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            m.seen.note(self.ctx, &key);
            let ty = Type::of(m.ty.as_ref().and_then(|t| t.as_deref()));
            self.member(&key, ty, &mut m, &notes, &mut map)?;
        }
        notes.flush(self.ctx);
        Ok(self.finish(at, m))
    }
}

impl Object<'_> {
    /// Reads the value of member `key`, given the type known so far.
    fn member<'de, A: MapAccess<'de>>(
        &self,
        key: &str,
        ty: Type,
        m: &mut Members,
        notes: &RangeNotes,
        map: &mut A,
    ) -> Result<(), A::Error> {
        use Type as T;
        let ctx = self.ctx;
        let (feature_like, geometry_like) = (
            matches!(self.expect, Expect::Top | Expect::Feature),
            matches!(self.expect, Expect::Top | Expect::Geometry | Expect::Member),
        );
        let name: &'static str = match key {
            "type" => "type",
            "features"
                if self.expect == Expect::Top
                    && matches!(ty, T::Missing | T::FeatureCollection) =>
            {
                "features"
            }
            "geometry" | "properties" | "id"
                if feature_like && matches!(ty, T::Missing | T::Feature) =>
            {
                match key {
                    "geometry" => "geometry",
                    "properties" => "properties",
                    _ => "id",
                }
            }
            "coordinates" if geometry_like && matches!(ty, T::Missing | T::Simple(_)) => {
                "coordinates"
            }
            "geometries" if geometry_like && matches!(ty, T::Missing | T::GeometryCollection) => {
                "geometries"
            }
            "bbox" => "bbox",
            "crs" => "crs",
            _ if self.expect == Expect::Top && ctx.keep => {
                let (at, value) = map.next_value_seed(Value(Foreign(ctx)))?;
                m.foreign.push(ForeignMember {
                    name: key.to_owned(),
                    line: at.line,
                    column: at.column,
                    value,
                });
                return Ok(());
            }
            _ => {
                map.next_value_seed(Skip)?;
                return Ok(());
            }
        };
        let path = self.path.join(Step::Key(name));
        let seen = match name {
            "type" => m.ty.is_some(),
            "features" => m.features.is_some(),
            "geometry" => m.geometry.is_some(),
            "properties" => m.properties.is_some(),
            "id" => m.id.is_some(),
            "coordinates" => m.coordinates.is_some(),
            "geometries" => m.geometries.is_some(),
            "bbox" => m.bbox.is_some(),
            _ => m.crs.is_some(),
        };
        if seen {
            return map.next_value_seed(Value(Duplicate(ctx, path)));
        }
        match name {
            "type" => m.ty = Some(map.next_value_seed(Value(TypeName(ctx, path)))?),
            "features" => m.features = Some(map.next_value_seed(Value(Features(ctx, path)))?),
            "geometry" => {
                let expect = Expect::Geometry;
                let out = map.next_value_seed(Value(Object { ctx, path, expect }))?;
                m.geometry = Some(match out {
                    Out::Geometry(g) => g,
                    _ => None,
                });
            }
            "properties" => m.properties = Some(map.next_value_seed(Value(Properties(ctx, path)))?),
            "id" => m.id = Some(map.next_value_seed(Value(Id(ctx, path)))?),
            "coordinates" => {
                // Nested arrays are checked as they end against the type, or
                // when it is still unknown against every type (unless the
                // value is kept to build its geometry).
                let guesses = Guesses::default();
                let expected = match (&m.ty, ctx.keep) {
                    (Some(Some(name)), _) => Simple::from_name(name).map(Expected::known),
                    (_, false) => Some(Expected::Guessing {
                        level: 0,
                        guesses: &guesses,
                    }),
                    (_, true) => None,
                };
                let errors_before = ctx.error_count();
                let coords = Coords {
                    ctx,
                    path,
                    notes,
                    expected,
                };
                let node = map.next_value_seed(Value(coords))?;
                m.coordinates = Some((node, errors_before, guesses));
            }
            "geometries" => m.geometries = Some(map.next_value_seed(Value(Geometries(ctx, path)))?),
            "bbox" => m.bbox = Some(map.next_value_seed(Value(Bbox(ctx, path)))?),
            _ => m.crs = Some(map.next_value_seed(Value(Crs(ctx, path)))?),
        }
        Ok(())
    }

    /// Judges the whole object once all its members are read.
    fn finish(&self, at: Pos, m: Members) -> Out {
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
            Type::FeatureCollection => self.collection(at, m.features, m.foreign),
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

    fn collection(
        &self,
        at: Pos,
        features: Option<(Pos, usize, Vec<OverlayFeature>)>,
        foreign: Vec<ForeignMember>,
    ) -> Out {
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
        Out::Collection(kept, foreign)
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
