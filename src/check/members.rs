//! The small members: `type`, `id`, `properties`, `bbox`, `crs`, and the
//! handler for a member seen twice.

use serde::Deserialize as _;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{MapAccess, SeqAccess};

use super::context::{Ctx, Path, Step};
use super::handler::{Handler, KeySeed, Skip, Value, skip_map};
use super::ranges::num;
use super::reader::Pos;

/// A `type` member: a string.
pub struct TypeName<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl Handler<'_> for TypeName<'_> {
    type Out = Option<String>;

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) -> Option<String> {
        self.0
            .error(at, &self.1, format!("must be a string, found {found}"));
        None
    }

    fn string(self, _at: Pos, value: &str) -> Option<String> {
        Some(value.to_owned())
    }
}

/// An `id` member: a string or a number.
pub struct Id<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl Handler<'_> for Id<'_> {
    type Out = Option<serde_json::Value>;

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) -> Option<serde_json::Value> {
        let message = format!("must be a string or a number, found {found}");
        self.0.error(at, &self.1, message);
        None
    }

    fn string(self, _at: Pos, value: &str) -> Option<serde_json::Value> {
        Some(value.into())
    }

    fn number(self, _at: Pos, value: f64) -> Option<serde_json::Value> {
        Some(value.into())
    }
}

/// A `properties` member: an object or null, kept only when asked.
pub struct Properties<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl<'de> Handler<'de> for Properties<'_> {
    type Out = serde_json::Value;

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) -> serde_json::Value {
        let message = format!("must be an object or null, found {found}");
        self.0.error(at, &self.1, message);
        serde_json::Value::Null
    }

    fn null(self, _at: Pos) -> serde_json::Value {
        serde_json::Value::Null
    }

    fn map<A: MapAccess<'de>>(self, _at: Pos, map: A) -> Result<serde_json::Value, A::Error> {
        if self.0.keep {
            serde_json::Value::deserialize(MapAccessDeserializer::new(map))
        } else {
            skip_map(map)?;
            Ok(serde_json::Value::Null)
        }
    }
}

/// A member GeoJSON does not define, at the top level of a file whose
/// content is kept (an events file's `sources`): its value, whatever it is,
/// and where it starts.
pub struct Foreign<'a>(pub &'a Ctx<'a>);

impl<'de> Handler<'de> for Foreign<'_> {
    type Out = (Pos, serde_json::Value);

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, _found: &'static str) -> (Pos, serde_json::Value) {
        (at, serde_json::Value::Null)
    }

    fn seq<A: SeqAccess<'de>>(self, at: Pos, seq: A) -> Result<Self::Out, A::Error> {
        Ok((
            at,
            serde_json::Value::deserialize(SeqAccessDeserializer::new(seq))?,
        ))
    }

    fn map<A: MapAccess<'de>>(self, at: Pos, map: A) -> Result<Self::Out, A::Error> {
        Ok((
            at,
            serde_json::Value::deserialize(MapAccessDeserializer::new(map))?,
        ))
    }

    fn number(self, at: Pos, value: f64) -> Self::Out {
        (at, value.into())
    }

    fn string(self, at: Pos, value: &str) -> Self::Out {
        (at, value.into())
    }

    fn boolean(self, at: Pos, value: bool) -> Self::Out {
        (at, value.into())
    }
}

/// A `bbox` member: 4 or 6 numbers.
pub struct Bbox<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl<'de> Handler<'de> for Bbox<'_> {
    type Out = ();

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) {
        self.0.error(
            at,
            &self.1,
            format!("must be an array of 4 or 6 numbers, found {found}"),
        );
    }

    fn seq<A: SeqAccess<'de>>(self, at: Pos, mut seq: A) -> Result<(), A::Error> {
        let mut values = Vec::new();
        let mut index = 0;
        loop {
            let path = self.1.join(Step::Index(index));
            let Some(value) = seq.next_element_seed(Value(Number(self.0, path)))? else {
                break;
            };
            if values.len() < 6 {
                values.extend(value);
            }
            index += 1;
        }
        match (index, values.as_slice()) {
            (4, &[w, s, e, n]) => check_extent(self.0, at, &self.1, [w, e], [s, n]),
            (6, &[w, s, _, e, n, _]) => check_extent(self.0, at, &self.1, [w, e], [s, n]),
            (4 | 6, _) => {}
            (count, _) => {
                let message = format!("must hold 4 or 6 numbers, found {count}");
                self.0.error(at, &self.1, message);
            }
        }
        Ok(())
    }
}

fn check_extent(ctx: &Ctx<'_>, at: Pos, path: &Path<'_>, lon: [f64; 2], lat: [f64; 2]) {
    let inside = lon.iter().all(|x| x.abs() <= 180.0) && lat.iter().all(|y| y.abs() <= 90.0);
    if !inside {
        let message = format!(
            "[{}, {}, {}, {}] is outside longitude/latitude range",
            num(lon[0]),
            num(lat[0]),
            num(lon[1]),
            num(lat[1])
        );
        ctx.error(at, path, message);
    } else if lat[0] > lat[1] {
        ctx.error(at, path, "south edge lies north of the north edge");
    }
}

/// One number inside an array.
struct Number<'a>(&'a Ctx<'a>, Path<'a>);

impl Handler<'_> for Number<'_> {
    type Out = Option<f64>;

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) -> Option<f64> {
        self.0
            .error(at, &self.1, format!("expected a number, found {found}"));
        None
    }

    fn number(self, _at: Pos, value: f64) -> Option<f64> {
        Some(value)
    }
}

/// The obsolete `crs` member: accepted when it names WGS84 longitude/latitude.
pub struct Crs<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl<'de> Handler<'de> for Crs<'_> {
    type Out = ();

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, found: &'static str) {
        self.0
            .error(at, &self.1, format!("must be an object, found {found}"));
    }

    fn null(self, _at: Pos) {}

    fn map<A: MapAccess<'de>>(self, at: Pos, mut map: A) -> Result<(), A::Error> {
        let mut name = None;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if key == "properties" {
                name = map.next_value_seed(Value(CrsName(self.0)))?.or(name);
            } else {
                map.next_value_seed(Skip)?;
            }
        }
        let Some(name) = name else {
            let message = "names no coordinate reference system; only a named CRS84 or \
                           EPSG:4326 is understood";
            self.0.error(at, &self.1, message);
            return Ok(());
        };
        let lower = name.to_ascii_lowercase();
        if lower.ends_with("crs84") || (lower.contains("epsg") && lower.ends_with("4326")) {
            let message = format!(
                "the crs member is obsolete (RFC 7946 §4); \"{name}\" is WGS84 longitude/latitude, \
                 so the file is read as such"
            );
            self.0.warn(at, &self.1, message);
        } else {
            let message = format!(
                "\"{name}\" is not supported: GeoJSON needs WGS84 longitude/latitude \
                 (reproject the file, e.g. ogr2ogr -t_srs EPSG:4326)"
            );
            self.0.error(at, &self.1, message);
        }
        Ok(())
    }
}

/// The `properties` of a `crs` member: its `name` string.
struct CrsName<'a>(&'a Ctx<'a>);

impl<'de> Handler<'de> for CrsName<'_> {
    type Out = Option<String>;

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, _at: Pos, _found: &'static str) -> Option<String> {
        None
    }

    fn map<A: MapAccess<'de>>(self, _at: Pos, mut map: A) -> Result<Option<String>, A::Error> {
        let mut name = None;
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if key == "name" {
                name = map.next_value_seed(Value(Text(self.0)))?;
            } else {
                map.next_value_seed(Skip)?;
            }
        }
        Ok(name)
    }
}

/// Any string, silently nothing otherwise.
struct Text<'a>(&'a Ctx<'a>);

impl Handler<'_> for Text<'_> {
    type Out = Option<String>;

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, _at: Pos, _found: &'static str) -> Option<String> {
        None
    }

    fn string(self, _at: Pos, value: &str) -> Option<String> {
        Some(value.to_owned())
    }
}

/// A member already seen: reported and skipped.
pub struct Duplicate<'a>(pub &'a Ctx<'a>, pub Path<'a>);

impl Handler<'_> for Duplicate<'_> {
    type Out = ();

    fn ctx(&self) -> &Ctx<'_> {
        self.0
    }

    fn other(self, at: Pos, _found: &'static str) {
        self.0
            .error(at, &self.1, "duplicate member; only the first one is used");
    }
}
