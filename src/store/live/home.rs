//! Where the events the app shows live: the files opened (the bundled
//! data first), or the shared database through a [`Live`] link. The status
//! strip says which; the panels ask it whether an event is the store's and
//! whether the role may change it.

use std::path::{Path, PathBuf};

use super::{Live, Secret, Waker};
use crate::store::conninfo::ConnInfo;

/// Where the events shown live.
pub struct Home {
    live: Option<Live>,
    files: Vec<String>,
    refusal: Option<String>,
    outbox_dir: PathBuf,
    view_above: u64,
}

impl Default for Home {
    fn default() -> Self {
        Self {
            live: None,
            files: Vec::new(),
            refusal: None,
            outbox_dir: std::env::temp_dir().join("border-incidents-outbox"),
            view_above: super::viewing::VIEW_ABOVE,
        }
    }
}

impl Home {
    /// Keeps the outboxes (edits made offline, one file per database and
    /// role) in `dir`: the app's data folder, a temporary one in tests.
    pub fn keep_outboxes_in(&mut self, dir: impl Into<PathBuf>) {
        self.outbox_dir = dir.into();
    }

    /// Asks a store holding more than `events` events per view, rather
    /// than reading all of them.
    pub fn view_above(&mut self, events: u64) {
        self.view_above = events;
    }

    /// The folder the outboxes are kept in.
    pub fn outbox_dir(&self) -> &Path {
        &self.outbox_dir
    }

    /// Notes an events file whose events are shown.
    pub fn add_file(&mut self, name: &str) {
        self.files.push(name.to_owned());
    }

    /// The link to the database, while connected (or connecting).
    pub fn live(&self) -> Option<&Live> {
        self.live.as_ref()
    }

    /// The link to the database, to change.
    pub fn live_mut(&mut self) -> Option<&mut Live> {
        self.live.as_mut()
    }

    /// Whether the events shown are the database's (connected, online or
    /// not).
    pub fn is_database(&self) -> bool {
        self.live
            .as_ref()
            .is_some_and(|l| l.state() != super::LinkState::Connecting)
    }

    /// Why the last connection could not be made, until the next attempt.
    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_deref()
    }

    /// Where the events live, in a line for the status strip, and whether
    /// it is a warning (offline); nothing while the bundled data alone is
    /// shown.
    pub fn strip_note(&self) -> Option<(String, bool)> {
        match &self.live {
            Some(live) if live.state() != super::LinkState::Connecting => {
                Some((live.describe(), live.state() == super::LinkState::Offline))
            }
            _ if self.files.is_empty() => None,
            _ => Some((
                format!("Events: bundled data + {}", self.files.join(", ")),
                false,
            )),
        }
    }

    /// Whether the role may change the store event `id`: `None` when the
    /// event is not the store's.
    pub fn may_edit(&self, id: &str) -> Option<bool> {
        let live = self.live.as_ref()?;
        live.version(id)?;
        Some(live.rights().may_edit)
    }

    /// Starts connecting to the database `text` names (empty: the libpq
    /// environment), with `password` when one was typed, in place of the
    /// link in use, if any. A string that cannot be read is refused at once
    /// (see [`Home::refusal`]).
    pub fn connect(&mut self, text: &str, password: Option<&Secret>, waker: Waker) {
        self.refusal = None;
        let started = ConnInfo::parse(text)
            .map_err(|e| e.to_string())
            .and_then(|mut info| {
                if let Some(Secret(p)) = password {
                    info.password = Some(p.clone());
                }
                let outbox = self.outbox_dir.join(outbox_name(&info));
                Live::start(info, outbox, waker)
                    .map_err(|e| format!("cannot start the database thread: {e}"))
            });
        match started {
            Ok(mut live) => {
                live.set_view_above(self.view_above);
                self.live = Some(live);
            }
            Err(message) => self.refusal = Some(message),
        }
    }

    /// The connection could not be made: back to files, the refusal kept
    /// for the dialog.
    pub fn refused(&mut self) {
        self.refusal = self.live.take().and_then(|l| l.notice().map(str::to_owned));
    }

    /// Leaves the database.
    pub fn disconnect(&mut self) {
        self.live = None;
    }
}

/// The outbox file of a database and role: its name says which, so that
/// edits made for one are never sent to another.
pub fn outbox_name(info: &ConnInfo) -> String {
    let label = format!(
        "{}@{}@{}_{}",
        info.user,
        info.dbname,
        info.hosts.join(","),
        info.port
    );
    let safe: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "@._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("outbox-{safe}.jsonl")
}
