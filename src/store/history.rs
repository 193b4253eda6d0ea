//! Who changed what and when: the history the server writes for every
//! change of an event, read back and put into words.

use postgres::Client;
use serde_json::Value;

use super::error::StoreError;

/// One change of one event.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Its place in the history (increasing).
    pub seq: i64,
    /// `insert`, `update` or `delete`.
    pub op: String,
    /// The version it made.
    pub version: i32,
    /// The role that made it.
    pub by: String,
    /// When, as `YYYY-MM-DD HH:MM:SS UTC`.
    pub at: String,
    /// `{property: {"old", "new"}}` for an update, `{"old": feature}` for a
    /// delete, nothing for an insert (the event as inserted is the row until
    /// its first change, whose old values the update keeps).
    pub changes: Value,
}

/// Every change of event `id`, oldest first.
pub fn of_event(client: &mut Client, id: &str) -> Result<Vec<Change>, StoreError> {
    let rows = client
        .query(
            "SELECT seq, op, version, changed_by,
                    to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC',
                    changes
             FROM border_incidents.history
             WHERE table_name = 'events' AND row_id = $1 ORDER BY seq",
            &[&id],
        )
        .map_err(|e| StoreError::from_query(e, &format!("reading the history of {id:?}")))?;
    Ok(rows
        .iter()
        .map(|r| Change {
            seq: r.get(0),
            op: r.get(1),
            version: r.get(2),
            by: r.get(3),
            at: r.get(4),
            changes: r.get(5),
        })
        .collect())
}

/// A change in words: a heading line, then a line per property changed.
pub fn describe(change: &Change) -> Vec<String> {
    let head = format!(
        "{}  {}  {} (version {})",
        change.at, change.by, change.op, change.version
    );
    let mut lines = vec![head];
    match change.op.as_str() {
        "update" => {
            if let Value::Object(fields) = &change.changes {
                for (name, diff) in fields {
                    lines.push(format!(
                        "    {name}: {} → {}",
                        shown(diff.get("old")),
                        shown(diff.get("new"))
                    ));
                }
            }
        }
        "insert" => lines.push("    added".to_owned()),
        _ => lines.push(format!(
            "    removed: {}",
            title_of(change.changes.get("old"))
        )),
    }
    lines
}

/// A value in a line: JSON, with "(none)" for what was not set.
fn shown(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "(none)".to_owned(),
        Some(v) => {
            let text = v.to_string();
            if text.chars().count() > 200 {
                let cut: String = text.chars().take(200).collect();
                format!("{cut}… ({} characters)", text.chars().count())
            } else {
                text
            }
        }
    }
}

/// A feature's title, quoted.
fn title_of(feature: Option<&Value>) -> String {
    feature
        .and_then(|f| f.pointer("/properties/title"))
        .map_or_else(|| "(untitled)".to_owned(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_update_lists_each_property_with_old_and_new() {
        let c = Change {
            seq: 3,
            op: "update".into(),
            version: 4,
            by: "alice".into(),
            at: "2026-12-07 10:00:00 UTC".into(),
            changes: json!({"title": {"old": "Clash", "new": "Clash at Ak-Sai"},
                            "uncertainty_km": {"old": null, "new": 25}}),
        };
        assert_eq!(
            describe(&c),
            [
                "2026-12-07 10:00:00 UTC  alice  update (version 4)",
                "    title: \"Clash\" → \"Clash at Ak-Sai\"",
                "    uncertainty_km: (none) → 25",
            ]
        );
    }

    #[test]
    fn a_long_value_is_cut_with_its_length() {
        let long = "x".repeat(1000);
        let line = shown(Some(&json!(long)));
        assert!(line.ends_with("… (1002 characters)"), "{line}");
    }
}
