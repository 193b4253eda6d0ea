//! The answers to the coder's edits, and undoing them: an edit the server
//! applied becomes a step that puts the old values back; Ctrl+Z sends that
//! step as an edit on the version my change made, so that it is refused
//! (and shown as a conflict) if someone changed the event since.

use serde_json::{Map, Value};

use super::conflict::Conflict;
use super::{Effect, Flight, Live};
use crate::data::event::Event;
use crate::store::edit::{Edit, EditKind, changes_between, merge};
use crate::store::session::Submitted;

/// One change of mine that can be undone.
pub(super) struct Step {
    /// The event.
    id: String,
    /// The values that put the event back as it was.
    restore: Map<String, Value>,
    /// The version my change made.
    version: i32,
    /// The event as it was then (as a Feature), what the undo is made on.
    after: Value,
    /// The event as it was before (shown while the undo waits offline).
    was: Event,
}

impl Live {
    /// What became of an edit: applied, queued, a conflict, or refused.
    pub(super) fn submitted(
        &mut self,
        edit: Edit,
        result: Result<Submitted, String>,
    ) -> Vec<Effect> {
        let flight = self.flights.remove(&edit.id);
        match result {
            Ok(Submitted::Applied(version)) => {
                self.tally.made += 1;
                if let Some(v) = version {
                    self.versions.insert(edit.event.clone(), v);
                    self.step(&edit, v, flight);
                }
                Vec::new()
            }
            Ok(Submitted::Queued) => {
                self.tally.made += 1;
                self.pending += 1;
                let next = edit.base_version.map(|v| v + 1);
                if let Some(v) = next {
                    self.versions.insert(edit.event.clone(), v);
                }
                let show = flight.as_ref().and_then(|f| f.show.clone());
                if let Some(v) = next {
                    self.step(&edit, v, flight);
                }
                show.map(|e| Effect::Show(Box::new(e)))
                    .into_iter()
                    .collect()
            }
            Ok(Submitted::Conflict(c)) => {
                self.tally.conflicts += 1;
                let base = flight.and_then(|f| f.base);
                self.conflicts.push_back(Conflict::new(c, base));
                Vec::new()
            }
            Err(message) => {
                self.tally.refused += 1;
                self.notice = Some(message);
                Vec::new()
            }
        }
    }

    /// Remembers an applied change of mine, to undo it later (an undo is
    /// not undone in turn).
    fn step(&mut self, edit: &Edit, version: i32, flight: Option<Flight>) {
        let Some(Flight {
            base: Some(before),
            was: Some(was),
            undoing: false,
            ..
        }) = flight
        else {
            return;
        };
        let EditKind::Update(changes) = &edit.kind else {
            return;
        };
        let mut after = before.clone();
        merge(&mut after, changes);
        self.undo.push(Step {
            id: edit.event.clone(),
            restore: changes_between(&after, &before),
            version,
            after,
            was,
        });
    }

    /// Undoes my last change: the old values, sent on the version my
    /// change made.
    pub(super) fn undo_last(&mut self) {
        let Some(step) = self.undo.pop() else {
            return;
        };
        let edit = Edit::new(&step.id, Some(step.version), EditKind::Update(step.restore));
        let flight = Flight {
            base: Some(step.after),
            was: None,
            show: Some(step.was),
            undoing: true,
        };
        self.send(edit, flight);
    }
}
