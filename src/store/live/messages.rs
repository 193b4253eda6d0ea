//! What goes into the link and what comes out of it: the panels' and the
//! menu's [`Command`]s, a coder's [`Change`], the [`Effect`]s the app
//! carries out, the connection's [`LinkState`] and the session's
//! [`Tally`].

use serde_json::Value;

use crate::data::counts::{CellCounts, TimeCounts};
use crate::data::event::Event;
use crate::data::events::Collection;
use crate::store::coded::CodedReport;

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
