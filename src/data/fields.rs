//! The fields of an original record that the event schema has no member
//! for (an ACLED row's `source_scale`, a UCDP row's `conflict_name`), kept
//! in the record's order to show on the card and to export back.
//!
//! A dataset of a million rows repeats the same dozen column names in every
//! event, so the names are one table ([`FieldNames`]) shared by every event
//! of the file, and an event keeps only its values: one string holding them
//! all, and where each ends. Reading a row's fields allocates those two
//! blocks and nothing else ([`FieldsBuilder`]).

use std::collections::HashSet;
use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Marks an end offset whose field is not set (its value is absent, which
/// is not the same as empty).
const ABSENT: u32 = 1 << 31;

/// The most text an event's fields may hold together, in bytes.
const MAX_TEXT: usize = (ABSENT - 1) as usize;

/// The fields' values are longer together than 2 GiB.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the record's other fields hold more than 2 GiB of text")]
pub struct TooLong;

/// Field names in order, shared by the events of one file.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldNames(Arc<[Box<str>]>);

impl FieldNames {
    /// A table of `names`, in order (a name should occur once).
    pub fn new<S: Into<Box<str>>>(names: impl IntoIterator<Item = S>) -> Self {
        Self(names.into_iter().map(Into::into).collect())
    }

    /// How many names there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The position of `name`.
    fn position(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|n| &**n == name)
    }
}

/// Named text fields, in the order of their names; a name occurs once.
/// Two are equal when they hold the same names and values, in any order.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    /// The names; `None` when there are no fields.
    names: Option<FieldNames>,
    /// For each name, where its value ends in `text`, with [`ABSENT`] set
    /// when it has none (the end is then the previous value's).
    ends: Box<[u32]>,
    /// The values, one after another.
    text: Box<str>,
}

impl PartialEq for Fields {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(name, value)| other.get(name) == Some(value))
    }
}

impl Eq for Fields {}

impl Fields {
    /// Fields from `(name, value)` pairs; a name given twice keeps its
    /// place and its last value.
    pub fn from_pairs<N: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (N, V)>,
    ) -> Result<Self, TooLong> {
        let mut names: Vec<Box<str>> = Vec::new();
        let mut values: Vec<V> = Vec::new();
        for (name, value) in pairs {
            match names.iter().position(|n| **n == *name.as_ref()) {
                Some(i) => values[i] = value,
                None => {
                    names.push(name.as_ref().into());
                    values.push(value);
                }
            }
        }
        let names = FieldNames::new(names);
        FieldsBuilder::default().build(&names, values.iter().map(|v| Some(v.as_ref())))
    }

    /// Sets field `name` (replacing a value it had). A name the fields'
    /// table lacks gives this event a table of its own.
    pub fn insert(&mut self, name: &str, value: &str) -> Result<(), TooLong> {
        let updated = match &self.names {
            Some(names) if names.position(name).is_some() => {
                let values: Vec<Option<&str>> = self
                    .slots()
                    .map(|(n, v)| if n == name { Some(value) } else { v })
                    .collect();
                FieldsBuilder::default().build(names, values)?
            }
            _ => Self::from_pairs(self.iter().chain([(name, value)]))?,
        };
        *self = updated;
        Ok(())
    }

    /// The value of field `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        let i = self.names.as_ref()?.position(name)?;
        self.value(i)
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.ends.iter().filter(|&&e| e & ABSENT == 0).count()
    }

    /// The fields as `(name, value)`, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.slots().filter_map(|(n, v)| Some((n, v?)))
    }

    /// Every name of the table with its value, if set.
    fn slots(&self) -> impl Iterator<Item = (&str, Option<&str>)> {
        let names = self.names.as_ref().map_or(&[][..], |n| &n.0[..]);
        names.iter().enumerate().map(|(i, n)| (&**n, self.value(i)))
    }

    /// The value of the `i`th name, if set.
    fn value(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        if end & ABSENT != 0 {
            return None;
        }
        let start = i
            .checked_sub(1)
            .and_then(|p| self.ends.get(p))
            .map_or(0, |e| e & !ABSENT);
        self.text.get(start as usize..end as usize)
    }
}

/// Makes fields from values in the order of a [`FieldNames`], reusing its
/// buffers, so that each event's fields are allocated once.
#[derive(Debug, Default)]
pub struct FieldsBuilder {
    text: String,
    ends: Vec<u32>,
}

impl FieldsBuilder {
    /// Fields with the `i`th of `values` as the value of the `i`th name
    /// (`None`: not set). Names without a value are not set; values past
    /// the last name are left out.
    pub fn build<'v>(
        &mut self,
        names: &FieldNames,
        values: impl IntoIterator<Item = Option<&'v str>>,
    ) -> Result<Fields, TooLong> {
        self.text.clear();
        self.ends.clear();
        for value in values.into_iter().take(names.len()) {
            if let Some(v) = value {
                self.text.push_str(v);
            }
            if self.text.len() > MAX_TEXT {
                return Err(TooLong);
            }
            let end = self.text.len() as u32;
            self.ends
                .push(if value.is_some() { end } else { end | ABSENT });
        }
        let end = self.text.len() as u32;
        self.ends.resize(names.len(), end | ABSENT);
        if self.ends.iter().all(|e| e & ABSENT != 0) {
            return Ok(Fields::default());
        }
        Ok(Fields {
            names: Some(names.clone()),
            ends: self.ends.as_slice().into(),
            text: self.text.as_str().into(),
        })
    }
}

/// The tables of names met so far, so that events read one by one (from
/// GeoJSON) share one table per set of names rather than each having its
/// own.
#[derive(Debug, Default)]
pub struct SharedNames(HashSet<FieldNames>);

impl SharedNames {
    /// Tables kept at most: files whose events name their fields in more
    /// ways than this share only the first ones.
    const MAX: usize = 1024;

    /// Makes `fields` use the equal table met before, or keeps its table
    /// for the events after it.
    pub fn share(&mut self, fields: &mut Fields) {
        let Some(names) = &mut fields.names else {
            return;
        };
        match self.0.get(names) {
            Some(known) => *names = known.clone(),
            None if self.0.len() < Self::MAX => {
                self.0.insert(names.clone());
            }
            None => {}
        }
    }
}

impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (name, value) in self.iter() {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(FieldsVisitor)
    }
}

struct FieldsVisitor;

impl<'de> Visitor<'de> for FieldsVisitor {
    type Value = Fields;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object of text fields")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
        let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(pair) = map.next_entry::<String, String>()? {
            pairs.push(pair);
        }
        Fields::from_pairs(pairs).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_round_trips_as_an_object() {
        let mut f = Fields::default();
        f.insert("source_scale", "National").unwrap();
        f.insert("admin1", "Batken").unwrap();
        f.insert("source_scale", "Local").unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(f.get("source_scale"), Some("Local"));
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, r#"{"source_scale":"Local","admin1":"Batken"}"#);
        let back: Fields =
            serde_json::from_str(r#"{"admin1":"Batken","source_scale":"Local"}"#).unwrap();
        assert_eq!(back, f);
        assert!(serde_json::from_str::<Fields>(r#"{"a": 1}"#).is_err());
    }

    #[test]
    fn built_from_a_shared_table_with_absent_and_empty_values() {
        let names = FieldNames::new(["a", "b", "c", "d"]);
        let mut builder = FieldsBuilder::default();
        let f = builder
            .build(&names, [Some("x"), None, Some(""), Some("yz")])
            .unwrap();
        let pairs: Vec<_> = f.iter().collect();
        assert_eq!(pairs, [("a", "x"), ("c", ""), ("d", "yz")]);
        assert_eq!((f.get("b"), f.get("c"), f.len()), (None, Some(""), 3));
        let mut g = builder.build(&names, [None, Some("w")]).unwrap();
        assert_eq!(g.iter().collect::<Vec<_>>(), [("b", "w")]);
        g.insert("d", "v").unwrap();
        g.insert("e", "u").unwrap();
        assert_eq!(
            g.iter().collect::<Vec<_>>(),
            [("b", "w"), ("d", "v"), ("e", "u")]
        );
        assert!(builder.build(&names, [None, None]).unwrap().is_empty());
        let mut shared = SharedNames::default();
        let (mut one, mut two) = (f.clone(), f);
        two.names = Some(FieldNames::new(["a", "b", "c", "d"]));
        shared.share(&mut one);
        shared.share(&mut two);
        let table = |f: &Fields| f.names.as_ref().map(|n| Arc::as_ptr(&n.0));
        assert_eq!(table(&one), table(&two));
    }
}
