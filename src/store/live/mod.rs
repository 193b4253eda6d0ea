//! The app's live link to the shared store, without egui: the worker that
//! holds the session (`worker.rs`), the listener that hears other coders'
//! changes (`listen.rs`), and [`Live`], what the app keeps between frames
//! about them: the state of the connection, the role's rights, the
//! version of every event shown, the edits sent and not yet answered, the
//! coder's own changes to undo, the conflicts waiting to be settled
//! (`conflict.rs`) and the server's last refusal.
//!
//! As the coding workspace does, [`Live`] takes [`Command`]s (the panels'
//! and the menu's, through the app) and the threads' answers, and returns
//! [`Effect`]s for the app to carry out on its data. [`Home`] says where
//! the events shown live: files, or the database through a [`Live`].

pub mod conflict;
pub mod home;
pub mod inline;
pub mod listen;
pub mod push_job;
mod undo;
pub mod viewing;
pub mod worker;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use serde_json::Value;
use uuid::Uuid;

pub use home::Home;

use crate::data::counts::{CellCounts, TimeCounts};
use crate::data::event::Event;
use crate::data::events::Collection;
use crate::store::coded::{Coded, CodedReport};
use crate::store::conninfo::ConnInfo;
use crate::store::edit::{Edit, EditKind, changes_between};
use crate::store::pull::Scope;
use crate::store::rights::Rights;
use crate::store::session::Replay;
use conflict::Conflict;
use listen::{Listener, Notice};
use push_job::PushJob;
use undo::Step;
use viewing::Viewing;
use worker::{Answer, Request, Worker};

/// Called by the threads after they answer, so that an idle window wakes
/// up and draws the answer.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

/// What the panels and the menu ask of the store.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Connect to the database a connection string names (empty: the
    /// libpq environment), with a password typed apart (else the string's,
    /// the environment's or the password file's).
    Connect {
        /// The connection string.
        url: String,
        /// The password typed in the dialog.
        password: Option<Secret>,
    },
    /// Leave the database: the events of files are shown again.
    Disconnect,
    /// Open the editor of a store event.
    OpenEditor(String),
    /// Change an event.
    Edit(Box<Change>),
    /// Settle the first conflict waiting: for each of its fields (one
    /// choice when it has none: the event was removed, or my edit removes
    /// it), whether my value is kept.
    Resolve(Vec<bool>),
    /// Undo my last change of an event, through the same versioned path.
    Undo,
    /// Try the server now.
    Retry,
    /// Pick files whose events are pushed into the database.
    PushFiles,
    /// Stop the push running (nothing is written).
    CancelPush,
    /// Close the push's window once it has ended.
    DismissPush,
    /// Forget the refusal shown.
    Dismiss,
}

/// A password: never printed, in debug output either.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// One coder's change of one event, as the editor made it.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The version the editor was opened on (the change is made on it).
    pub base_version: Option<i32>,
    /// The event as it was then, as a Feature naming its source.
    pub before: Value,
    /// The event as the coder left it, as a Feature naming its source.
    pub after: Value,
    /// The event as the coder left it, shown while the edit waits offline.
    pub event: Event,
    /// The event as it was (what undoing the change shows offline).
    pub was: Event,
}

/// What the app does with what the store sent.
#[derive(Debug)]
pub enum Effect {
    /// The store's events, in place of those shown.
    Loaded(Box<Collection>),
    /// One event as the store has it now (`None`: removed).
    Put {
        /// The event's id.
        id: String,
        /// An events file's collection holding it alone.
        event: Option<Box<Collection>>,
    },
    /// An edit waiting offline: the event as it will be, shown meanwhile.
    Show(Box<Event>),
    /// A coded article's save ended.
    Saved(Result<CodedReport, String>),
    /// What the view shows, in place of the events shown: the events in
    /// it, or (none of them) counts per cell.
    Viewed {
        /// The events in view (none when counted per cell).
        events: Box<Collection>,
        /// The counts per cell, when the view holds too many events.
        counts: Option<CellCounts>,
        /// Events per bin of the timeline, counted by the store.
        histogram: TimeCounts,
    },
}

/// The state of the connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// The worker is connecting.
    Connecting,
    /// The server answers.
    Online,
    /// The server is away: edits wait in the outbox.
    Offline,
}

/// Counts kept over a session, for the coder and for tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Edits the server applied, or the outbox kept.
    pub made: usize,
    /// Edits refused because someone changed the event first.
    pub conflicts: usize,
    /// Edits the server refused for another reason.
    pub refused: usize,
}

/// An edit sent and not yet answered.
struct Flight {
    /// The event it was made on (as a Feature).
    base: Option<Value>,
    /// The event as it was before the change (for the undo step).
    was: Option<Event>,
    /// The event as it will be (shown while it waits offline).
    show: Option<Event>,
    /// Whether it undoes an earlier change.
    undoing: bool,
}

/// The app's link to the store.
pub struct Live {
    info: ConnInfo,
    worker: Worker,
    listener: Option<Listener>,
    waker: Waker,
    connecting: bool,
    worker_online: bool,
    listener_online: bool,
    rights: Rights,
    versions: HashMap<String, i32>,
    pending: usize,
    scope: Scope,
    asked: u64,
    /// Rows the listener brought since the pull last asked for: applied
    /// again over its answer when newer.
    since_pull: Vec<(String, i32, Option<String>)>,
    flights: HashMap<Uuid, Flight>,
    undo: Vec<Step>,
    conflicts: VecDeque<Conflict>,
    notice: Option<String>,
    tally: Tally,
    /// Above how many stored events the store is asked per view.
    view_above: u64,
    /// The views asked, when the store is asked per view.
    viewing: Option<Viewing>,
    /// A file's events being pushed (or pushed, until dismissed).
    push: Option<PushJob>,
}

impl Live {
    /// Starts connecting to `info` on a worker thread, with edits made
    /// offline kept in the outbox file at `outbox`.
    pub fn start(
        info: ConnInfo,
        outbox: std::path::PathBuf,
        waker: Waker,
    ) -> std::io::Result<Self> {
        let worker = Worker::start(info.clone(), outbox, waker.clone())?;
        Ok(Self {
            info,
            worker,
            listener: None,
            waker,
            connecting: true,
            worker_online: false,
            listener_online: false,
            rights: Rights::default(),
            versions: HashMap::new(),
            pending: 0,
            scope: Scope::default(),
            asked: 0,
            since_pull: Vec::new(),
            flights: HashMap::new(),
            undo: Vec::new(),
            conflicts: VecDeque::new(),
            notice: None,
            tally: Tally::default(),
            view_above: viewing::VIEW_ABOVE,
            viewing: None,
            push: None,
        })
    }

    /// The connection's settings (show them with `label` or `redacted`).
    pub fn info(&self) -> &ConnInfo {
        &self.info
    }

    /// The state of the connection.
    pub fn state(&self) -> LinkState {
        if self.connecting {
            LinkState::Connecting
        } else if self.worker_online && self.listener_online {
            LinkState::Online
        } else {
            LinkState::Offline
        }
    }

    /// What the role may do, as the server said.
    pub fn rights(&self) -> &Rights {
        &self.rights
    }

    /// Edits waiting in the outbox.
    pub fn pending(&self) -> usize {
        self.pending
    }

    /// The version of a store event the app shows.
    pub fn version(&self, id: &str) -> Option<i32> {
        self.versions.get(id).copied()
    }

    /// The versions of the store's events shown.
    pub fn versions(&self) -> &HashMap<String, i32> {
        &self.versions
    }

    /// The conflict to settle now, if any.
    pub fn conflict(&self) -> Option<&Conflict> {
        self.conflicts.front()
    }

    /// The server's last refusal, until dismissed.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Counts kept over the session.
    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// Whether there is a change of mine to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether the edits asked for are all answered.
    pub fn is_idle(&self) -> bool {
        self.flights.is_empty() && !self.connecting
    }

    /// "role@database on host:port · part", and whether it is online.
    pub fn describe(&self) -> String {
        let label = self.info.label();
        match self.state() {
            LinkState::Connecting => format!("Connecting to {label}…"),
            LinkState::Online => {
                let read_only = if self.rights.may_edit {
                    ""
                } else {
                    " · read-only"
                };
                let reading = if self.view_waiting() {
                    " · reading the view…"
                } else {
                    ""
                };
                format!("{label} · {}{read_only}{reading}", self.rights.part())
            }
            LinkState::Offline => {
                let n = self.pending;
                let edits = if n == 1 { "edit" } else { "edits" };
                format!("Offline: {label} · {n} {edits} waiting")
            }
        }
    }

    /// Asks for the events of `scope`; answers to earlier asks are dropped.
    pub fn ask(&mut self, scope: Scope) {
        self.asked += 1;
        self.scope = scope.clone();
        self.since_pull.clear();
        self.worker.send(Request::Pull {
            serial: self.asked,
            scope,
        });
    }

    /// Asks again for the events of the scope last asked for (after a
    /// reconnect, a bulk change, or a row that refers to events not shown).
    fn refetch(&mut self) {
        match &mut self.viewing {
            Some(viewing) => viewing.again(),
            None => self.ask(self.scope.clone()),
        }
    }

    /// Writes a coded article; the answer comes as [`Effect::Saved`].
    pub fn save_coded(&mut self, coded: Coded) {
        let known: HashMap<String, i32> = (coded.kept.events.iter())
            .map(|e| e.id.as_str())
            .chain(coded.dropped.iter().map(String::as_str))
            .filter_map(|id| Some((id.to_owned(), self.version(id)?)))
            .collect();
        self.worker.send(Request::SaveCoded {
            coded: Box::new(coded),
            known,
        });
    }

    /// Takes a command of the panels or the menu (those about the store
    /// link itself; connecting is the app's).
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Edit(change) => self.edit(*change),
            Command::Resolve(keep_mine) => self.resolve(&keep_mine),
            Command::Undo => self.undo_last(),
            Command::Retry => {
                self.worker.send(Request::Retry);
            }
            Command::Dismiss => self.notice = None,
            Command::CancelPush => {
                if let Some(job) = &self.push {
                    job.cancel();
                }
            }
            Command::DismissPush => {
                if self.push.as_ref().is_some_and(|j| j.outcome().is_some()) {
                    self.push = None;
                }
            }
            Command::Connect { .. }
            | Command::Disconnect
            | Command::OpenEditor(_)
            | Command::PushFiles => {}
        }
    }

    /// Sends a change made in the editor.
    fn edit(&mut self, change: Change) {
        let changes = changes_between(&change.before, &change.after);
        if changes.is_empty() {
            return;
        }
        let id = change.event.id.clone();
        let edit = Edit::new(&id, change.base_version, EditKind::Update(changes));
        let flight = Flight {
            base: Some(change.before),
            was: Some(change.was),
            show: Some(change.event),
            undoing: false,
        };
        self.send(edit, flight);
    }

    /// Sends an edit and remembers it until answered.
    fn send(&mut self, edit: Edit, flight: Flight) {
        self.flights.insert(edit.id, flight);
        if !self.worker.send(Request::Submit(edit.clone())) {
            self.flights.remove(&edit.id);
            self.notice = Some("the link to the database has ended: connect again".to_owned());
        }
    }

    /// Sends the merge the coder chose for the first conflict.
    fn resolve(&mut self, keep_mine: &[bool]) {
        let Some(conflict) = self.conflicts.pop_front() else {
            return;
        };
        if let Some(edit) = conflict.merge(keep_mine) {
            let flight = Flight {
                base: conflict.theirs.clone(),
                was: None,
                show: None,
                undoing: false,
            };
            self.send(edit, flight);
        }
    }

    /// Takes what the threads sent since the last frame; rows are read
    /// against the `known` events (their references).
    pub fn poll(&mut self, known: &[Event]) -> Vec<Effect> {
        let mut effects = Vec::new();
        for answer in self.worker.poll() {
            effects.extend(self.answered(answer));
        }
        let notices = self
            .listener
            .as_ref()
            .map(Listener::poll)
            .unwrap_or_default();
        for notice in notices {
            effects.extend(self.noticed(notice, known));
        }
        self.poll_push();
        effects
    }

    /// One answer of the worker.
    fn answered(&mut self, answer: Answer) -> Vec<Effect> {
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

    /// Whether the connection could not be made (the refusal is the notice).
    pub fn refused(&self) -> bool {
        !self.connecting && !self.worker_online && self.listener.is_none()
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
    fn noticed(&mut self, notice: Notice, known: &[Event]) -> Vec<Effect> {
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
