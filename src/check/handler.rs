//! One visitor for every JSON value: it notes where the value starts and
//! hands it to a [`Handler`] that says what is expected there. Whatever a
//! handler does not expect is reported and skipped, never a parse failure.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::context::Ctx;
use super::reader::Pos;

/// What is expected at one place in the document.
pub trait Handler<'de>: Sized {
    /// What the handler makes of the value.
    type Out;

    /// The shared state.
    fn ctx(&self) -> &Ctx<'_>;

    /// Called with the kind of any value not handled ("a string", "null").
    fn other(self, at: Pos, found: &'static str) -> Self::Out;

    /// An array.
    fn seq<A: SeqAccess<'de>>(self, at: Pos, seq: A) -> Result<Self::Out, A::Error> {
        skip_seq(seq)?;
        Ok(self.other(at, "an array"))
    }

    /// An object.
    fn map<A: MapAccess<'de>>(self, at: Pos, map: A) -> Result<Self::Out, A::Error> {
        skip_map(map)?;
        Ok(self.other(at, "an object"))
    }

    /// A number (all JSON numbers arrive as `f64`).
    fn number(self, at: Pos, _value: f64) -> Self::Out {
        self.other(at, "a number")
    }

    /// A string.
    fn string(self, at: Pos, _value: &str) -> Self::Out {
        self.other(at, "a string")
    }

    /// `null`.
    fn null(self, at: Pos) -> Self::Out {
        self.other(at, "null")
    }

    /// `true` or `false`.
    fn boolean(self, at: Pos, _value: bool) -> Self::Out {
        self.other(at, "a boolean")
    }
}

/// Consumes the rest of an array.
pub fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element_seed(Skip)?.is_some() {}
    Ok(())
}

/// Consumes the rest of an object.
pub fn skip_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_key::<IgnoredAny>()?.is_some() {
        map.next_value_seed(Skip)?;
    }
    Ok(())
}

/// Consumes one value. Unlike [`IgnoredAny`], it parses every number (so
/// overflow is caught) and counts nesting (so the depth limit applies).
pub struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _v: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _v: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _v: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _v: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _v: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        skip_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        skip_map(map)
    }
}

/// A seed that deserialises one value with handler `H`.
pub struct Value<H>(pub H);

impl<'de, H: Handler<'de>> DeserializeSeed<'de> for Value<H> {
    type Value = H::Out;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<H::Out, D::Error> {
        self.0.ctx().begin_value();
        deserializer.deserialize_any(Classify(self.0))
    }
}

struct Classify<H>(H);

impl<H> Classify<H> {
    fn at<'de>(&self) -> Pos
    where
        H: Handler<'de>,
    {
        self.0.ctx().value_start()
    }
}

impl<'de, H: Handler<'de>> Visitor<'de> for Classify<H> {
    type Value = H::Out;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<H::Out, E> {
        let at = self.at();
        Ok(self.0.boolean(at, v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<H::Out, E> {
        let at = self.at();
        Ok(self.0.number(at, v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<H::Out, E> {
        let at = self.at();
        Ok(self.0.number(at, v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<H::Out, E> {
        let at = self.at();
        Ok(self.0.number(at, v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<H::Out, E> {
        let at = self.at();
        Ok(self.0.string(at, v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<H::Out, E> {
        let at = self.at();
        Ok(self.0.null(at))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<H::Out, A::Error> {
        let at = self.at();
        self.0.seq(at, seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<H::Out, A::Error> {
        let at = self.at();
        self.0.map(at, map)
    }
}

/// Reads an object key as a string.
pub struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(KeySeed)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
}
