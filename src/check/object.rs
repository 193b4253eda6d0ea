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
    pub ctx: &'a Ctx<'a>,
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
    /// Where the members that define a kind of object were.
    pub(super) seen: Seen,
}

impl<'de> Handler<'de> for Object<'_> {
    type Out = Out;

    fn ctx(&self) -> &Ctx<'_> {
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

/// A member GeoJSON defines, read where the object may have it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Defined {
    Type,
    Features,
    Geometry,
    Properties,
    Id,
    Coordinates,
    Geometries,
    Bbox,
    Crs,
}

impl Defined {
    /// The member's name.
    fn name(self) -> &'static str {
        match self {
            Defined::Type => "type",
            Defined::Features => "features",
            Defined::Geometry => "geometry",
            Defined::Properties => "properties",
            Defined::Id => "id",
            Defined::Coordinates => "coordinates",
            Defined::Geometries => "geometries",
            Defined::Bbox => "bbox",
            Defined::Crs => "crs",
        }
    }
}

impl Members {
    /// Whether `member` was read already.
    fn has(&self, member: Defined) -> bool {
        match member {
            Defined::Type => self.ty.is_some(),
            Defined::Features => self.features.is_some(),
            Defined::Geometry => self.geometry.is_some(),
            Defined::Properties => self.properties.is_some(),
            Defined::Id => self.id.is_some(),
            Defined::Coordinates => self.coordinates.is_some(),
            Defined::Geometries => self.geometries.is_some(),
            Defined::Bbox => self.bbox.is_some(),
            Defined::Crs => self.crs.is_some(),
        }
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
        let Some(member) = self.defined(key, ty) else {
            return self.other_member(key, map);
        };
        let path = self.path.join(Step::Key(member.name()));
        if m.has(member) {
            return map.next_value_seed(Value(Duplicate(self.ctx, path)));
        }
        let ctx = self.ctx;
        match member {
            Defined::Type => m.ty = Some(map.next_value_seed(Value(TypeName(ctx, path)))?),
            Defined::Features => {
                m.features = Some(map.next_value_seed(Value(Features(ctx, path)))?);
            }
            Defined::Geometry => {
                let expect = Expect::Geometry;
                let out = map.next_value_seed(Value(Object { ctx, path, expect }))?;
                m.geometry = Some(match out {
                    Out::Geometry(g) => g,
                    _ => None,
                });
            }
            Defined::Properties => {
                m.properties = Some(map.next_value_seed(Value(Properties(ctx, path)))?);
            }
            Defined::Id => m.id = Some(map.next_value_seed(Value(Id(ctx, path)))?),
            Defined::Coordinates => self.coordinates(path, m, notes, map)?,
            Defined::Geometries => {
                m.geometries = Some(map.next_value_seed(Value(Geometries(ctx, path)))?);
            }
            Defined::Bbox => m.bbox = Some(map.next_value_seed(Value(Bbox(ctx, path)))?),
            Defined::Crs => m.crs = Some(map.next_value_seed(Value(Crs(ctx, path)))?),
        }
        Ok(())
    }

    /// Which defined member `key` is where this object is expected, given
    /// the type known so far; `None` for a member it cannot have (a
    /// Feature's `coordinates`), read as a foreign member.
    fn defined(&self, key: &str, ty: Type) -> Option<Defined> {
        use Type as T;
        let feature_like = matches!(self.expect, Expect::Top | Expect::Feature);
        let geometry_like = matches!(self.expect, Expect::Top | Expect::Geometry | Expect::Member);
        Some(match key {
            "type" => Defined::Type,
            "features"
                if self.expect == Expect::Top
                    && matches!(ty, T::Missing | T::FeatureCollection) =>
            {
                Defined::Features
            }
            "geometry" if feature_like && matches!(ty, T::Missing | T::Feature) => {
                Defined::Geometry
            }
            "properties" if feature_like && matches!(ty, T::Missing | T::Feature) => {
                Defined::Properties
            }
            "id" if feature_like && matches!(ty, T::Missing | T::Feature) => Defined::Id,
            "coordinates" if geometry_like && matches!(ty, T::Missing | T::Simple(_)) => {
                Defined::Coordinates
            }
            "geometries" if geometry_like && matches!(ty, T::Missing | T::GeometryCollection) => {
                Defined::Geometries
            }
            "bbox" => Defined::Bbox,
            "crs" => Defined::Crs,
            _ => return None,
        })
    }

    /// A member GeoJSON does not define here: kept at the top level when
    /// the content is kept, else skipped.
    fn other_member<'de, A: MapAccess<'de>>(&self, key: &str, map: &mut A) -> Result<(), A::Error> {
        if self.expect == Expect::Top && self.ctx.keep {
            let (at, value) = map.next_value_seed(Value(Foreign(self.ctx)))?;
            self.ctx.foreign.borrow_mut().push(ForeignMember {
                name: key.to_owned(),
                line: at.line,
                column: at.column,
                value,
            });
        } else {
            map.next_value_seed(Skip)?;
        }
        Ok(())
    }

    /// Reads `coordinates`. Nested arrays are checked as they end against
    /// the type, or when it is still unknown against every type (unless the
    /// value is kept to build its geometry).
    fn coordinates<'de, A: MapAccess<'de>>(
        &self,
        path: Path<'_>,
        m: &mut Members,
        notes: &RangeNotes,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let ctx = self.ctx;
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
        Ok(())
    }
}

/// A FeatureCollection's `features`: an array of Feature objects.
pub struct Features<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl<'de> Handler<'de> for Features<'_> {
    type Out = (Pos, usize, Vec<OverlayFeature>);

    fn ctx(&self) -> &Ctx<'_> {
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
                Some(Out::Feature(f)) => match self.0.taker {
                    Some(taker) => {
                        let foreign = self.0.foreign.borrow();
                        kept.extend(taker.take(count, f, &foreign));
                    }
                    None => kept.push(f),
                },
                Some(_) => {}
            }
            count += 1;
        }
        Ok((at, count, kept))
    }
}

/// A GeometryCollection's `geometries`: an array of geometry objects.
pub struct Geometries<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl<'de> Handler<'de> for Geometries<'_> {
    type Out = Vec<Option<Geometry<f64>>>;

    fn ctx(&self) -> &Ctx<'_> {
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
