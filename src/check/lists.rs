//! The arrays of objects: a FeatureCollection's `features` and a
//! GeometryCollection's `geometries`, read one element at a time.

use geo::Geometry;
use serde::de::SeqAccess;

use super::OverlayFeature;
use super::context::{Ctx, Path, Step};
use super::handler::{Handler, Value};
use super::object::{Expect, Object, Out};
use super::reader::Pos;

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
