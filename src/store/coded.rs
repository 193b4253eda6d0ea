//! A coded article written into the store: its source (with the text),
//! the vocabulary terms it uses, every proposal with its review state
//! (table `proposals`), and the events the coder kept, in one transaction.
//!
//! Kept events go through the same versions as every edit: an event is
//! added when no event has its id, changed only when the store still has
//! the version this coder's last save left (or already holds the same
//! event), and otherwise left as it is and returned as a conflict for the
//! coder to settle, so that another coder's change is never overwritten
//! silently. An event the coder no longer keeps is removed on the same
//! terms.

use std::collections::HashMap;

use postgres::{Client, Transaction};
use serde_json::Value;

use super::edit::{self, Edit, EditKind, Outcome};
use super::error::StoreError;
use super::push::{push_source, push_term};
use super::session::Conflict;
use crate::data::events::Collection;
use crate::data::events::write::feature;

/// One proposal as the store keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposalRow {
    /// The proposed event's id.
    pub id: String,
    /// `proposed`, `accepted`, `edited` or `rejected`.
    pub status: String,
    /// The extractor's confidence, when it gave one.
    pub confidence: Option<f64>,
    /// The proposed event as a Feature of the events schema.
    pub feature: Value,
}

/// What a coded article writes.
#[derive(Clone, Debug, PartialEq)]
pub struct Coded {
    /// The events kept (accepted or edited), with the article (its one
    /// source, with the text) and the vocabulary they use.
    pub kept: Collection,
    /// Every proposal, with its review state.
    pub proposals: Vec<ProposalRow>,
    /// The ids of proposals not kept: their events leave the store if this
    /// coder's last save put them there.
    pub dropped: Vec<String>,
}

/// What a save did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CodedReport {
    /// Proposals written.
    pub proposals: usize,
    /// Kept events added or changed.
    pub written: usize,
    /// Events removed (no longer kept).
    pub removed: usize,
    /// The version of every kept event the store now holds as this coder
    /// saved it (what the next save is made on).
    pub versions: HashMap<String, i32>,
    /// Kept events someone else changed since: left as they are.
    pub conflicts: Vec<Conflict>,
}

/// Writes `coded` in one transaction; `known` holds the versions this
/// coder's copy of the events was made on.
pub fn save(
    client: &mut Client,
    coded: &Coded,
    known: &HashMap<String, i32>,
) -> Result<CodedReport, StoreError> {
    let Some(source) = coded.kept.sources.first() else {
        return Err(StoreError::Refused {
            what: "a coded article".to_owned(),
            detail: "it names no source".to_owned(),
        });
    };
    let what = format!("saving the events of {:?}", source.id);
    let mut tx = client
        .transaction()
        .map_err(|e| StoreError::from_query(e, &what))?;
    push_source(&mut tx, source)?;
    for (list, terms) in [
        ("sides", &coded.kept.vocabulary.sides),
        ("categories", &coded.kept.vocabulary.categories),
    ] {
        for term in terms {
            push_term(&mut tx, list, term)?;
        }
    }
    let mut report = CodedReport {
        proposals: write_proposals(&mut tx, &source.id, &coded.proposals, &what)?,
        ..CodedReport::default()
    };
    for event in &coded.kept.events {
        let mine = feature(event, Some(source));
        keep_event(&mut tx, &mine, known, &mut report, &what)?;
    }
    for id in &coded.dropped {
        if let Some(&version) = known.get(id) {
            let gone = Edit::new(id, Some(version), EditKind::Delete);
            match edit::delete(&mut tx, &gone, &what)? {
                Outcome::Applied(_) => report.removed += 1,
                Outcome::Stale { theirs, version } if theirs.is_some() => {
                    report.conflicts.push(Conflict {
                        mine: gone,
                        theirs,
                        version,
                    });
                }
                _ => {}
            }
        }
    }
    tx.commit().map_err(|e| StoreError::from_query(e, &what))?;
    Ok(report)
}

/// Writes every proposal and removes those of the source the article no
/// longer has; returns how many rows changed.
fn write_proposals(
    tx: &mut Transaction<'_>,
    source: &str,
    proposals: &[ProposalRow],
    what: &str,
) -> Result<usize, StoreError> {
    let mut written = 0;
    for p in proposals {
        written += tx
            .execute(
                "INSERT INTO border_incidents.proposals AS p
                     (id, source_id, status, confidence, feature)
                 VALUES ($1, $2, $3, $4, $5::text::jsonb)
                 ON CONFLICT (id) DO UPDATE SET
                     source_id = EXCLUDED.source_id, status = EXCLUDED.status,
                     confidence = EXCLUDED.confidence, feature = EXCLUDED.feature
                 WHERE (p.source_id, p.status, p.confidence, p.feature) IS DISTINCT FROM
                     (EXCLUDED.source_id, EXCLUDED.status, EXCLUDED.confidence, EXCLUDED.feature)",
                &[
                    &p.id,
                    &source,
                    &p.status,
                    &p.confidence,
                    &p.feature.to_string(),
                ],
            )
            .map_err(|e| StoreError::from_query(e, what))? as usize;
    }
    let ids: Vec<&str> = proposals.iter().map(|p| p.id.as_str()).collect();
    written += tx
        .execute(
            "DELETE FROM border_incidents.proposals
             WHERE source_id = $1 AND NOT (id = ANY($2))",
            &[&source, &ids],
        )
        .map_err(|e| StoreError::from_query(e, what))? as usize;
    Ok(written)
}

/// One kept event: added, changed on the version known, left alone when
/// the store holds it as it is, or a conflict.
fn keep_event(
    tx: &mut Transaction<'_>,
    mine: &Value,
    known: &HashMap<String, i32>,
    report: &mut CodedReport,
    what: &str,
) -> Result<(), StoreError> {
    let Some(id) = mine.pointer("/properties/id").and_then(Value::as_str) else {
        return Err(StoreError::Refused {
            what: what.to_owned(),
            detail: "a kept event has no id".to_owned(),
        });
    };
    let outcome = match edit::current(tx, id, what)? {
        None => edit::create(tx, id, mine, what)?,
        Some((theirs, version)) => {
            let changes = edit::changes_between(&theirs, mine);
            if changes.is_empty() {
                report.versions.insert(id.to_owned(), version);
                return Ok(());
            }
            let change = Edit::new(id, Some(version), EditKind::Update(changes.clone()));
            if known.get(id) != Some(&version) {
                report.conflicts.push(Conflict {
                    mine: Edit {
                        base_version: known.get(id).copied(),
                        ..change
                    },
                    theirs: Some(theirs),
                    version: Some(version),
                });
                return Ok(());
            }
            edit::update(tx, &change, &changes, what)?
        }
    };
    match outcome {
        Outcome::Applied(Some(version)) => {
            report.written += 1;
            report.versions.insert(id.to_owned(), version);
        }
        Outcome::Stale { theirs, version } => report.conflicts.push(Conflict {
            mine: Edit::new(id, None, EditKind::Create(mine.clone())),
            theirs,
            version,
        }),
        Outcome::Applied(None) | Outcome::AlreadyApplied => {}
    }
    Ok(())
}
