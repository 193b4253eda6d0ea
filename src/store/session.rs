//! One coder's session with the shared store: edits go to the server when it
//! is there and into the durable outbox when it is not, in the order they
//! were made; when the server is back the outbox is replayed through the
//! same versioned path, and an edit someone else overtook comes back as a
//! conflict for the coder to settle. An edit counts as made (acknowledged)
//! once the server committed it or the outbox holds it on disk.

use std::path::Path;

use postgres::Client;
use serde_json::Value;

use super::conninfo::ConnInfo;
use super::edit::{self, Edit, Outcome};
use super::error::StoreError;
use super::outbox::Outbox;
use super::{connect, migrate};

/// How long a ping waits for the server's answer.
const PING_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// What became of a submitted edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Submitted {
    /// The server applied it; the event is at this version (none once
    /// deleted).
    Applied(Option<i32>),
    /// The server is away: the edit waits in the outbox, safe on disk.
    Queued,
    /// Someone changed the event first; nothing was written.
    Conflict(Conflict),
}

/// An edit the server refused because the event had moved on.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The coder's edit.
    pub mine: Edit,
    /// The event as the server has it (none: it was removed).
    pub theirs: Option<Value>,
    /// Its version there.
    pub version: Option<i32>,
}

/// What a replay of the outbox did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Replay {
    /// Edits applied now.
    pub applied: usize,
    /// Edits the server had already applied (their answer had been lost).
    pub already: usize,
    /// Edits someone else overtook, for the coder to settle.
    pub conflicts: Vec<Conflict>,
    /// Edits the server refused (the role may not make them, or a value
    /// is wrong), with its one-line reason: given up, not sent again.
    pub refused: Vec<(Edit, String)>,
}

/// A coder's connection to the store, online or not.
pub struct Session {
    info: ConnInfo,
    client: Option<Client>,
    outbox: Outbox,
}

impl Session {
    /// Connects to the database `info` names, with edits kept at
    /// `outbox` while it is away. Fails if the server cannot be reached
    /// now or refuses; see [`Session::offline`] to start without it.
    pub fn open(info: ConnInfo, outbox: &Path) -> Result<Self, StoreError> {
        let client = connect_checked(&info)?;
        let outbox = open_outbox(outbox)?;
        Ok(Self {
            info,
            client: Some(client),
            outbox,
        })
    }

    /// A session that starts offline (the server was there before and is
    /// not now): edits queue until [`Session::reconnect`] succeeds.
    pub fn offline(info: ConnInfo, outbox: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            info,
            client: None,
            outbox: open_outbox(outbox)?,
        })
    }

    /// Whether the server is there (as far as the last call knew).
    pub fn is_online(&self) -> bool {
        self.client.is_some()
    }

    /// The connection's settings.
    pub fn info(&self) -> &ConnInfo {
        &self.info
    }

    /// The edits waiting for the server.
    pub fn pending(&self) -> &[Edit] {
        self.outbox.pending()
    }

    /// The client, while online (for reads).
    pub fn client(&mut self) -> Option<&mut Client> {
        self.client.as_mut()
    }

    /// Asks the server whether it is still there; a lost connection takes
    /// the session offline. Returns whether it is online.
    pub fn ping(&mut self) -> bool {
        if let Some(client) = self.client.as_mut()
            && client.is_valid(PING_WAIT).is_err()
        {
            self.client = None;
        }
        self.client.is_some()
    }

    /// Notes that the connection was found lost while reading through
    /// [`Session::client`]: the session is offline until it reconnects.
    pub fn lost(&mut self) {
        self.client = None;
    }

    /// Sends `edit`, or keeps it in the outbox if the server is away (or
    /// edits made earlier still wait there, so that order is kept).
    pub fn submit(&mut self, edit: Edit) -> Result<Submitted, StoreError> {
        if !self.outbox.pending().is_empty() {
            self.queue(edit)?;
            return Ok(Submitted::Queued);
        }
        let Some(client) = self.client.as_mut() else {
            self.queue(edit)?;
            return Ok(Submitted::Queued);
        };
        match edit::apply(client, &edit) {
            Ok(Outcome::Applied(v)) => Ok(Submitted::Applied(v)),
            Ok(Outcome::AlreadyApplied) => Ok(Submitted::Applied(None)),
            Ok(Outcome::Stale { theirs, version }) => Ok(Submitted::Conflict(Conflict {
                mine: edit,
                theirs,
                version,
            })),
            Err(e) if e.is_lost() => {
                self.client = None;
                self.queue(edit)?;
                Ok(Submitted::Queued)
            }
            Err(e) => Err(e),
        }
    }

    /// Connects again and sends what waits in the outbox, oldest first.
    /// Stops (staying offline) if the server goes away again; an edit the
    /// server refuses is given up and reported, so that it does not hold
    /// back those after it.
    pub fn reconnect(&mut self) -> Result<Replay, StoreError> {
        if self.client.is_none() {
            self.client = Some(connect_checked(&self.info)?);
        }
        let mut replay = Replay::default();
        let waiting: Vec<Edit> = self.outbox.pending().to_vec();
        for edit in waiting {
            let Some(client) = self.client.as_mut() else {
                break;
            };
            match edit::apply(client, &edit) {
                Ok(Outcome::Applied(_)) => replay.applied += 1,
                Ok(Outcome::AlreadyApplied) => replay.already += 1,
                Ok(Outcome::Stale { theirs, version }) => replay.conflicts.push(Conflict {
                    mine: edit.clone(),
                    theirs,
                    version,
                }),
                Err(e) if e.is_lost() => {
                    self.client = None;
                    return Err(e);
                }
                Err(e) => replay.refused.push((edit.clone(), e.to_string())),
            }
            self.outbox
                .done(edit.id)
                .map_err(|e| StoreError::Server(format!("the outbox: {e}")))?;
        }
        Ok(replay)
    }

    /// Keeps `edit` in the outbox.
    fn queue(&mut self, edit: Edit) -> Result<(), StoreError> {
        self.outbox
            .add(edit)
            .map_err(|e| StoreError::Server(format!("cannot keep the edit in the outbox: {e}")))
    }
}

/// A connection with the schema checked.
fn connect_checked(info: &ConnInfo) -> Result<Client, StoreError> {
    let mut client = connect::connect(info)?;
    migrate::check(&mut client, &info.dbname)?;
    Ok(client)
}

/// The outbox file, opened.
fn open_outbox(path: &Path) -> Result<Outbox, StoreError> {
    Outbox::open(path)
        .map_err(|e| StoreError::Server(format!("cannot open the outbox {}: {e}", path.display())))
}
