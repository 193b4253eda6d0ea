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

mod answers;
pub mod conflict;
pub mod home;
pub mod inline;
pub mod listen;
mod messages;
pub mod push_job;
mod undo;
pub mod viewing;
pub mod worker;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use serde_json::Value;
use uuid::Uuid;

pub use home::Home;
pub use messages::{Change, Command, Effect, LinkState, Secret, Tally};

use crate::data::event::Event;
use crate::store::coded::Coded;
use crate::store::conninfo::ConnInfo;
use crate::store::edit::{Edit, EditKind, changes_between};
use crate::store::pull::Scope;
use crate::store::rights::Rights;
use conflict::Conflict;
use listen::Listener;
use push_job::PushJob;
use undo::Step;
use viewing::Viewing;
use worker::{Request, Worker};

/// Called by the threads after they answer, so that an idle window wakes
/// up and draws the answer.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

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

    /// Whether the connection could not be made (the refusal is the notice).
    pub fn refused(&self) -> bool {
        !self.connecting && !self.worker_online && self.listener.is_none()
    }
}
