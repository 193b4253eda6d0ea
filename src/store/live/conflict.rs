//! A conflict as the coder settles it: the edit the server refused because
//! someone changed the event first, laid out field by field (what I set,
//! what the store has now), and the merge the coder's choices make, sent
//! on the store's version so that what the other coder changed and I did
//! not touch stays theirs.

use serde_json::{Map, Value};

use crate::store::edit::{self, Edit, EditKind};
use crate::store::session;

/// One field the two sides set differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// The property's name (`geometry` for the point).
    pub name: String,
    /// What my edit sets (`null`: removes it).
    pub mine: Value,
    /// What the store has now (`null`: nothing).
    pub theirs: Value,
}

/// An edit someone else overtook, for the coder to settle.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The event.
    pub event: String,
    /// Its title, for the view's heading.
    pub title: String,
    /// The fields set differently, in the order of the edit.
    pub fields: Vec<Field>,
    /// The event as the store has it (none: removed since).
    pub theirs: Option<Value>,
    /// Its version there.
    pub version: Option<i32>,
    /// My edit as it was sent.
    pub mine: Edit,
    /// The event as it was when I made the edit, when known (to add it
    /// back if it was removed).
    pub base: Option<Value>,
}

impl Conflict {
    /// Lays out the conflict the server reported; `base` is the event my
    /// edit was made on, when the app still knows it.
    pub fn new(c: session::Conflict, base: Option<Value>) -> Self {
        let mine_changes = my_changes(&c.mine, c.theirs.as_ref());
        let fields = match &c.theirs {
            Some(theirs) => (mine_changes.iter())
                .map(|(name, mine)| Field {
                    name: name.clone(),
                    mine: mine.clone(),
                    theirs: value_of(theirs, name),
                })
                .filter(|f| f.mine != f.theirs)
                .collect(),
            None => Vec::new(),
        };
        let title = (c.theirs.as_ref().or(base.as_ref()))
            .and_then(|f| f.pointer("/properties/title"))
            .and_then(Value::as_str)
            .map_or_else(|| c.mine.event.clone(), str::to_owned);
        Self {
            event: c.mine.event.clone(),
            title,
            fields,
            theirs: c.theirs,
            version: c.version,
            mine: c.mine,
            base,
        }
    }

    /// Whether my edit removes the event.
    pub fn removes(&self) -> bool {
        matches!(self.mine.kind, EditKind::Delete)
    }

    /// The edit that keeps my value of each field marked in `keep_mine`
    /// (in the order of [`Conflict::fields`]) and theirs of the others,
    /// made on the store's version; `None` when nothing of mine is kept
    /// (the store's event stays as it is).
    pub fn merge(&self, keep_mine: &[bool]) -> Option<Edit> {
        let Some(theirs) = &self.theirs else {
            return self.add_back(keep_mine.iter().any(|k| *k));
        };
        if self.removes() {
            return keep_mine
                .first()
                .copied()
                .unwrap_or(false)
                .then(|| Edit::new(&self.event, self.version, EditKind::Delete));
        }
        let mut changes = Map::new();
        for (field, keep) in self.fields.iter().zip(keep_mine) {
            if *keep && value_of(theirs, &field.name) != field.mine {
                changes.insert(field.name.clone(), field.mine.clone());
            }
        }
        (!changes.is_empty())
            .then(|| Edit::new(&self.event, self.version, EditKind::Update(changes)))
    }

    /// For an event removed since: with `add`, my event added again (the
    /// event I edited with my changes), when it is known.
    fn add_back(&self, add: bool) -> Option<Edit> {
        if !add {
            return None;
        }
        let feature = match &self.mine.kind {
            EditKind::Create(f) => f.clone(),
            EditKind::Update(changes) => {
                let mut f = self.base.clone()?;
                edit::merge(&mut f, changes);
                f
            }
            EditKind::Delete => return None,
        };
        Some(Edit::new(&self.event, None, EditKind::Create(feature)))
    }
}

/// What my edit sets, field by field (for a new event, what it sets
/// differently from the event holding its id).
fn my_changes(mine: &Edit, theirs: Option<&Value>) -> Map<String, Value> {
    match (&mine.kind, theirs) {
        (EditKind::Update(changes), _) => changes.clone(),
        (EditKind::Create(feature), Some(theirs)) => edit::changes_between(theirs, feature),
        (EditKind::Create(_), None) | (EditKind::Delete, _) => Map::new(),
    }
}

/// A property of a feature (`geometry` for the point); `null` when absent.
pub fn value_of(feature: &Value, name: &str) -> Value {
    let v = if name == "geometry" {
        feature.get("geometry")
    } else {
        feature.get("properties").and_then(|p| p.get(name))
    };
    v.cloned().unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn feature(title: &str, summary: &str) -> Value {
        json!({"type": "Feature", "geometry": null,
               "properties": {"id": "e", "title": title, "summary": summary}})
    }

    fn conflict() -> Conflict {
        let mut changes = Map::new();
        changes.insert("title".into(), json!("Mine"));
        changes.insert("summary".into(), json!("same"));
        let mine = Edit::new("e", Some(1), EditKind::Update(changes));
        Conflict::new(
            session::Conflict {
                mine,
                theirs: Some(feature("Theirs", "same")),
                version: Some(2),
            },
            Some(feature("Base", "old")),
        )
    }

    #[test]
    fn only_fields_set_differently_are_shown() {
        let c = conflict();
        assert_eq!(c.title, "Theirs");
        assert_eq!(
            c.fields,
            [Field {
                name: "title".into(),
                mine: json!("Mine"),
                theirs: json!("Theirs"),
            }]
        );
    }

    #[test]
    fn the_merge_keeps_my_chosen_fields_on_their_version() {
        let c = conflict();
        let merged = c.merge(&[true]).unwrap();
        assert_eq!(merged.base_version, Some(2));
        let EditKind::Update(changes) = merged.kind else {
            panic!("an update")
        };
        assert_eq!(changes.len(), 1);
        assert_eq!(changes["title"], json!("Mine"));
        assert_eq!(c.merge(&[false]), None);
    }

    #[test]
    fn a_removed_event_is_added_back_with_my_changes_only_when_asked() {
        let mut changes = Map::new();
        changes.insert("title".into(), json!("Mine"));
        let c = Conflict::new(
            session::Conflict {
                mine: Edit::new("e", Some(1), EditKind::Update(changes)),
                theirs: None,
                version: None,
            },
            Some(feature("Base", "old")),
        );
        assert!(c.fields.is_empty());
        assert_eq!(c.merge(&[false]), None);
        let back = c.merge(&[true]).unwrap();
        let EditKind::Create(f) = back.kind else {
            panic!("a create")
        };
        assert_eq!(f["properties"]["title"], json!("Mine"));
        assert_eq!(f["properties"]["summary"], json!("old"));
    }
}
