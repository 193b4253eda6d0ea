//! GeoJSON objects: FeatureCollection, Feature and geometries (RFC 7946 §3).
//!
//! Members may come in any order, so each is handled by its name as it
//! streams past (a `features` member before `type` is taken to belong to a
//! FeatureCollection), and the object is judged by its `type` at the end.

use geo::Geometry;
use serde::de::{MapAccess, SeqAccess};

use super::context::{Ctx, Path, Step};
use super::coords::{Coords, Expected};
use super::guesses::Guesses;
use super::handler::{Handler, KeySeed, Skip, Value};
use super::members::{Bbox, Crs, Duplicate, Foreign, Id, Properties, TypeName};
use super::node::Node;
use super::ranges::RangeNotes;
use super::reader::Pos;
use super::reserved::Seen;
use super::shape::Simple;
use super::types::Type;
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
pub(super) struct Members {
    pub(super) ty: Option<Option<String>>,
    pub(super) features: Option<(Pos, usize, Vec<OverlayFeature>)>,
    pub(super) geometry: Option<Option<Geometry<f64>>>,
    pub(super) properties: Option<serde_json::Value>,
    pub(super) id: Option<Option<serde_json::Value>>,
    /// The coordinates, the number of errors in the file before them, and
    /// the problems each type would have when they came before the type.
    pub(super) coordinates: Option<(Node, usize, Guesses)>,
    pub(super) geometries: Option<Vec<Option<Geometry<f64>>>>,
    pub(super) bbox: Option<()>,
    pub(super) crs: Option<()>,
    /// Members GeoJSON does not define, kept at the top level only.
    pub(super) foreign: Vec<ForeignMember>,
    /// Where the members that define a kind of object were.
    pub(super) seen: Seen,
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
}

/// A FeatureCollection's `features`: an array of Feature objects.
pub struct Features<'a>(pub &'a Ctx, pub Path<'a>);

impl<'de> Handler<'de> for Features<'_> {
    type Out = (Pos, usize, Vec<OverlayFeature>);

    fn ctx(&self) -> &Ctx {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) -> Self::Out {
        self.0
            .error(at, &self.1, format!("must be an array, found {found}"));
        (at, 1, Vec::new())
    }

    fn seq<A: SeqAccess<'de>>(self, at: Pos, mut seq: A) -> Result<Self::Out, A::Error> {
        let mut kept = Vec::new();
        let mut count = 0;
        loop {
            let path = self.1.join(Step::Index(count));
            let expect = Expect::Feature;
            let element = Object {
                ctx: self.0,
                path,
                expect,
            };
            match seq.next_element_seed(Value(element))? {
                None => break,
                Some(Out::Feature(f)) => kept.push(f),
                Some(_) => {}
            }
            count += 1;
        }
        Ok((at, count, kept))
    }
}

/// A GeometryCollection's `geometries`: an array of geometry objects.
pub struct Geometries<'a>(pub &'a Ctx, pub Path<'a>);

impl<'de> Handler<'de> for Geometries<'_> {
    type Out = Vec<Option<Geometry<f64>>>;

    fn ctx(&self) -> &Ctx {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) -> Self::Out {
        self.0
            .error(at, &self.1, format!("must be an array, found {found}"));
        Vec::new()
    }

    fn seq<A: SeqAccess<'de>>(self, _at: Pos, mut seq: A) -> Result<Self::Out, A::Error> {
        let mut out = Vec::new();
        loop {
            let path = self.1.join(Step::Index(out.len()));
            let expect = Expect::Member;
            let element = Object {
                ctx: self.0,
                path,
                expect,
            };
            match seq.next_element_seed(Value(element))? {
                None => break,
                Some(Out::Geometry(g)) => out.push(g),
                Some(_) => out.push(None),
            }
        }
        Ok(out)
    }
}
