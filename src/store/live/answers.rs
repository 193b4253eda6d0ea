//! What [`Live`] makes of its threads' answers: the worker's (connected,
//! refused, pulled, viewed, submitted, saved, offline and back) and the
//! listener's notices of other coders' changes, each turned into the
//! [`Effect`]s the app carries out.

use crate::data::event::Event;
use crate::store::session::Replay;

use super::conflict::Conflict;
use super::listen::{Listener, Notice};
use super::viewing::Viewing;
use super::worker::{self, Answer};
use super::{Effect, Live, inline};

impl Live {
    /// One answer of the worker.
    pub(super) fn answered(&mut self, answer: Answer) -> Vec<Effect> {
        match answer {
            Answer::Connected {
                rights,
                stored,
                replay,
                pending,
            } => {
                if stored > self.view_above {
                    self.viewing = Some(Viewing::default());
                }
                self.connecting = false;
                self.worker_online = true;
                self.rights = rights;
                self.pending = pending;
                self.replayed(replay);
                self.listen();
                self.refetch();
                Vec::new()
            }
            Answer::Refused(message) => {
                self.connecting = false;
                self.notice = Some(message);
                Vec::new()
            }
            Answer::Pulled { serial, result } => self.pulled(serial, result),
            Answer::Viewed { serial, result } => self.viewed(serial, result),
            Answer::Submitted { edit, result } => self.submitted(edit, result),
            Answer::Saved(result) => {
                if let Ok(report) = &result {
                    self.versions.extend(report.versions.clone());
                    for c in &report.conflicts {
                        self.tally.conflicts += 1;
                        self.conflicts.push_back(Conflict::new(c.clone(), None));
                    }
                }
                vec![Effect::Saved(result)]
            }
            Answer::Offline { pending } => {
                self.worker_online = false;
                self.pending = pending;
                Vec::new()
            }
            Answer::Online { replay, pending } => {
                self.worker_online = true;
                self.pending = pending;
                self.replayed(replay);
                self.refetch();
                Vec::new()
            }
        }
    }

    /// Starts the listener, once connected.
    fn listen(&mut self) {
        match Listener::start(self.info.clone(), self.waker.clone()) {
            Ok(l) => {
                self.listener = Some(l);
                self.listener_online = true;
            }
            Err(e) => self.notice = Some(format!("cannot start listening for changes: {e}")),
        }
    }

    /// What a replay of the outbox did: its conflicts wait to be settled,
    /// its refusals are said.
    fn replayed(&mut self, replay: Replay) {
        self.tally.made += replay.applied;
        for c in replay.conflicts {
            self.tally.conflicts += 1;
            self.conflicts.push_back(Conflict::new(c, None));
        }
        if let Some((edit, why)) = replay.refused.last() {
            self.tally.refused += replay.refused.len();
            self.notice = Some(format!(
                "the edit of {:?} waiting offline: {why}",
                edit.event
            ));
        }
    }

    /// A pull's answer: the events, unless a later pull was asked for.
    fn pulled(&mut self, serial: u64, result: Result<Box<worker::Pulled>, String>) -> Vec<Effect> {
        if serial != self.asked {
            return Vec::new();
        }
        match result {
            Ok(pulled) => {
                let worker::Pulled {
                    collection,
                    versions,
                    ..
                } = *pulled;
                self.versions = versions;
                let mut effects = Vec::new();
                let newer: Vec<_> = std::mem::take(&mut self.since_pull);
                for (id, version, row) in newer {
                    if self.version(&id).is_none_or(|v| v < version) {
                        effects.extend(self.put(id, version, row, &collection.events));
                    }
                }
                effects.insert(0, Effect::Loaded(Box::new(collection)));
                effects
            }
            Err(message) => {
                self.notice = Some(message);
                Vec::new()
            }
        }
    }

    /// One notice of the listener.
    pub(super) fn noticed(&mut self, notice: Notice, known: &[Event]) -> Vec<Effect> {
        match notice {
            Notice::Changed { .. } if self.viewing.is_some() => {
                // The changed event may or may not be in view: the view is
                // asked again.
                self.refetch();
                Vec::new()
            }
            Notice::Changed { id, version, row } => {
                if self.asked > 0 {
                    let text = row.as_ref().map(|(t, _)| t.clone());
                    let v = row.as_ref().map_or(version, |(_, v)| *v);
                    self.since_pull.push((id.clone(), v, text));
                }
                if self.version(&id).is_some_and(|v| v >= version) && row.is_some() {
                    return Vec::new();
                }
                let v = row.as_ref().map_or(version, |(_, v)| *v);
                self.put(id, v, row.map(|(t, _)| t), known)
            }
            Notice::Bulk => {
                self.refetch();
                Vec::new()
            }
            Notice::Lost => {
                self.listener_online = false;
                Vec::new()
            }
            Notice::Back => {
                self.listener_online = true;
                self.refetch();
                Vec::new()
            }
        }
    }

    /// An event as the store has it now, read against `known`; a row that
    /// does not read (a reference to an event not shown yet) asks for the
    /// whole store again.
    fn put(
        &mut self,
        id: String,
        version: i32,
        row: Option<String>,
        known: &[Event],
    ) -> Vec<Effect> {
        let Some(text) = row else {
            self.versions.remove(&id);
            return vec![Effect::Put { id, event: None }];
        };
        match inline::read_file_text(&text, known) {
            Ok((collection, _)) => {
                self.versions.insert(id.clone(), version);
                vec![Effect::Put {
                    id,
                    event: Some(Box::new(collection)),
                }]
            }
            Err(_) => {
                self.refetch();
                Vec::new()
            }
        }
    }
}
