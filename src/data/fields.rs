//! The fields of an original record that the event schema has no member
//! for (an ACLED row's `source_scale`, a UCDP row's `conflict_name`), kept
//! in the record's order to show on the card and to export back.
//!
//! A dataset of a million rows repeats the same dozen column names in every
//! event, so the names are shared (`Arc<str>`, one allocation per column
//! for the whole file) and empty values are not stored.

use std::sync::Arc;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Named text fields, in the order they were added; a name occurs once.
/// Two are equal when they hold the same names and values, in any order.
#[derive(Clone, Debug, Default)]
pub struct Fields(Vec<(Arc<str>, String)>);

impl PartialEq for Fields {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .all(|(name, value)| other.get(name) == Some(value.as_str()))
    }
}

impl Eq for Fields {}

impl Fields {
    /// No fields, with room for `n`.
    pub fn with_capacity(n: usize) -> Self {
        Self(Vec::with_capacity(n))
    }

    /// Sets field `name` (replacing a value it had).
    pub fn insert(&mut self, name: Arc<str>, value: String) {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v = value,
            None => self.0.push((name, value)),
        }
    }

    /// The value of field `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many fields there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The fields, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, (Arc<str>, String)> {
        self.0.iter()
    }

    /// Gives back memory reserved and not used.
    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }
}

impl<'a> IntoIterator for &'a Fields {
    type Item = &'a (Arc<str>, String);
    type IntoIter = std::slice::Iter<'a, (Arc<str>, String)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Serialize for Fields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(&**name, value)?;
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
        let mut fields = Fields::with_capacity(map.size_hint().unwrap_or(0));
        while let Some((name, value)) = map.next_entry::<String, String>()? {
            fields.insert(Arc::from(name), value);
        }
        Ok(fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_round_trips_as_an_object() {
        let mut f = Fields::default();
        f.insert("source_scale".into(), "National".into());
        f.insert("admin1".into(), "Batken".into());
        f.insert("source_scale".into(), "Local".into());
        assert_eq!(f.len(), 2);
        assert_eq!(f.get("source_scale"), Some("Local"));
        let json = serde_json::to_string(&f).unwrap();
        assert_eq!(json, r#"{"source_scale":"Local","admin1":"Batken"}"#);
        let back: Fields =
            serde_json::from_str(r#"{"admin1":"Batken","source_scale":"Local"}"#).unwrap();
        assert_eq!(back, f);
        assert!(serde_json::from_str::<Fields>(r#"{"a": 1}"#).is_err());
    }
}
