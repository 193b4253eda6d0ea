//! One coder's change of one event, sent with the version it was made on:
//! the server applies it only if the event is still at that version, so
//! nothing is overwritten silently. Every edit carries its own id, written
//! into the history with it, so an edit whose answer was lost (the server
//! went away after committing) is recognised when it is sent again instead
//! of being applied twice.

use postgres::{Client, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

use super::error::StoreError;
use super::push::EVENT_COLUMNS;

/// What an edit does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    /// Adds an event, given as a Feature of the events schema.
    Create(Value),
    /// Sets properties (`geometry` for the point); a `null` removes one.
    Update(Map<String, Value>),
    /// Removes the event.
    Delete,
}

/// One change of one event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edit {
    /// The edit's own id.
    pub id: Uuid,
    /// The event's id.
    pub event: String,
    /// The version the change was made on (none for a new event).
    pub base_version: Option<i32>,
    /// What it does.
    pub kind: EditKind,
}

impl Edit {
    /// A new edit of `event` made on `base_version`.
    pub fn new(event: &str, base_version: Option<i32>, kind: EditKind) -> Self {
        Self {
            id: Uuid::new_v4(),
            event: event.to_owned(),
            base_version,
            kind,
        }
    }
}

/// How the server took an edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Applied; the event is now at this version (none once deleted).
    Applied(Option<i32>),
    /// This very edit was applied before (its answer was lost).
    AlreadyApplied,
    /// Someone changed the event since the edit's version: what it is now
    /// (`None`: it was removed, or for a new event, the one holding the id).
    Stale {
        /// The event as the server has it, as a Feature.
        theirs: Option<Value>,
        /// Its version there.
        version: Option<i32>,
    },
}

/// Sends `edit` to the server in one transaction.
pub fn apply(client: &mut Client, edit: &Edit) -> Result<Outcome, StoreError> {
    let what = format!("the edit of {:?}", edit.event);
    let mut tx = client
        .transaction()
        .map_err(|e| StoreError::from_query(e, &what))?;
    tx.execute(
        "SELECT set_config('border_incidents.edit_id', $1, true)",
        &[&edit.id.to_string()],
    )
    .map_err(|e| StoreError::from_query(e, &what))?;
    let seen = tx
        .query_opt(
            "SELECT 1 FROM border_incidents.history WHERE edit_id = $1::text::uuid",
            &[&edit.id.to_string()],
        )
        .map_err(|e| StoreError::from_query(e, &what))?;
    if seen.is_some() {
        return Ok(Outcome::AlreadyApplied);
    }
    let outcome = match &edit.kind {
        EditKind::Create(feature) => create(&mut tx, &edit.event, feature, &what)?,
        EditKind::Update(changes) => update(&mut tx, edit, changes, &what)?,
        EditKind::Delete => delete(&mut tx, edit, &what)?,
    };
    if matches!(outcome, Outcome::Applied(_)) {
        tx.commit().map_err(|e| StoreError::from_query(e, &what))?;
    }
    Ok(outcome)
}

/// The event as the server has it now, with its version, locked until the
/// transaction ends.
pub(super) fn current(
    tx: &mut Transaction<'_>,
    id: &str,
    what: &str,
) -> Result<Option<(Value, i32)>, StoreError> {
    let row = tx
        .query_opt(
            "SELECT border_incidents.feature_of(e)::text, e.version
             FROM border_incidents.events AS e WHERE e.id = $1 FOR UPDATE",
            &[&id],
        )
        .map_err(|e| StoreError::from_query(e, what))?;
    Ok(row.map(|r| {
        let text: String = r.get(0);
        (serde_json::from_str(&text).unwrap_or(Value::Null), r.get(1))
    }))
}

/// Adds a new event, unless the id is taken.
pub(super) fn create(
    tx: &mut Transaction<'_>,
    id: &str,
    feature: &Value,
    what: &str,
) -> Result<Outcome, StoreError> {
    if let Some((theirs, version)) = current(tx, id, what)? {
        return Ok(Outcome::Stale {
            theirs: Some(theirs),
            version: Some(version),
        });
    }
    let with_verdict = feature.pointer("/properties/verification").is_some();
    let cols = columns(with_verdict);
    let row = tx
        .query_one(
            &format!(
                "INSERT INTO border_incidents.events ({cols})
                 SELECT {cols} FROM border_incidents.event_columns($1::text::json)
                 RETURNING version"
            ),
            &[&feature.to_string()],
        )
        .map_err(|e| StoreError::from_query(e, what))?;
    Ok(Outcome::Applied(Some(row.get(0))))
}

/// Sets the changed properties, if the event is still at the edit's
/// version.
pub(super) fn update(
    tx: &mut Transaction<'_>,
    edit: &Edit,
    changes: &Map<String, Value>,
    what: &str,
) -> Result<Outcome, StoreError> {
    if changes.contains_key("id") {
        return Err(StoreError::Refused {
            what: what.to_owned(),
            detail: "an event's id cannot be changed".to_owned(),
        });
    }
    let Some((mut feature, version)) = current(tx, &edit.event, what)? else {
        return Ok(Outcome::Stale {
            theirs: None,
            version: None,
        });
    };
    if Some(version) != edit.base_version {
        return Ok(Outcome::Stale {
            theirs: Some(feature),
            version: Some(version),
        });
    }
    merge(&mut feature, changes);
    let cols = columns(changes.contains_key("verification"));
    let data = cols.replacen("id, ", "", 1);
    let row = tx
        .query_one(
            &format!(
                "UPDATE border_incidents.events SET ({data}) =
                     (SELECT {data} FROM border_incidents.event_columns($2::text::json))
                 WHERE id = $1 RETURNING version"
            ),
            &[&edit.event, &feature.to_string()],
        )
        .map_err(|e| StoreError::from_query(e, what))?;
    Ok(Outcome::Applied(Some(row.get(0))))
}

/// Removes the event, if it is still at the edit's version.
pub(super) fn delete(
    tx: &mut Transaction<'_>,
    edit: &Edit,
    what: &str,
) -> Result<Outcome, StoreError> {
    let Some((feature, version)) = current(tx, &edit.event, what)? else {
        return Ok(Outcome::Stale {
            theirs: None,
            version: None,
        });
    };
    if Some(version) != edit.base_version {
        return Ok(Outcome::Stale {
            theirs: Some(feature),
            version: Some(version),
        });
    }
    tx.execute(
        "DELETE FROM border_incidents.events WHERE id = $1",
        &[&edit.event],
    )
    .map_err(|e| StoreError::from_query(e, what))?;
    Ok(Outcome::Applied(None))
}

/// The event columns an edit writes: the verdict only when it sets one, so
/// that a coder's other edits do not need the reviewer's right.
fn columns(with_verdict: bool) -> String {
    EVENT_COLUMNS
        .iter()
        .copied()
        .filter(|c| with_verdict || *c != "verification")
        .collect::<Vec<_>>()
        .join(", ")
}

/// A feature with `changes` set: `geometry` replaces the geometry, any other
/// name a property (`null` removes it).
pub fn merge(feature: &mut Value, changes: &Map<String, Value>) {
    for (name, value) in changes {
        if name == "geometry" {
            feature["geometry"] = value.clone();
            continue;
        }
        if let Some(props) = feature.get_mut("properties").and_then(Value::as_object_mut) {
            if value.is_null() {
                props.remove(name);
            } else {
                props.insert(name.clone(), value.clone());
            }
        }
    }
}

/// The changes that turn feature `from` into feature `to`: every property
/// that differs (`null` where `to` has none) and the geometry if it moved.
pub fn changes_between(from: &Value, to: &Value) -> Map<String, Value> {
    let empty = Map::new();
    let props = |f: &Value| -> Map<String, Value> {
        f.get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty)
            .clone()
    };
    let (a, b) = (props(from), props(to));
    let mut out = Map::new();
    for (k, v) in &b {
        if a.get(k) != Some(v) {
            out.insert(k.clone(), v.clone());
        }
    }
    for k in a.keys() {
        if !b.contains_key(k) {
            out.insert(k.clone(), Value::Null);
        }
    }
    let (ga, gb) = (
        from.get("geometry").unwrap_or(&Value::Null),
        to.get("geometry").unwrap_or(&Value::Null),
    );
    if ga != gb {
        out.insert("geometry".to_owned(), gb.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn changes_and_merge_are_inverse() {
        let a = json!({"type": "Feature", "geometry": null,
                       "properties": {"id": "x", "title": "A", "summary": "s"}});
        let b = json!({"type": "Feature",
                       "geometry": {"type": "Point", "coordinates": [70.0, 40.0]},
                       "properties": {"id": "x", "title": "B", "place": "Vorukh"}});
        let c = changes_between(&a, &b);
        assert_eq!(c.len(), 4, "{c:?}");
        assert_eq!(c["summary"], Value::Null);
        let mut merged = a.clone();
        merge(&mut merged, &c);
        assert_eq!(merged, b);
    }

    #[test]
    fn an_edit_survives_a_trip_through_json() {
        let mut changes = Map::new();
        changes.insert("title".into(), json!("Clash at Ak-Sai"));
        let e = Edit::new("clash", Some(3), EditKind::Update(changes));
        let text = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<Edit>(&text).unwrap(), e);
    }
}
