//! The shared store: events kept in a PostgreSQL database with PostGIS, so
//! that a team of coders works on one dataset, with a version per event,
//! the server refusing stale edits, a history of who changed what, and
//! roles the server enforces. No egui here; the app talks to it from a
//! worker thread.
//!
//! - `kind.rs`: [`Store`], where events live: an events file or the
//!   database; what `convert`, `extract` and the review panel write to.
//! - `connection/`: where the database is, read as libpq reads it (a
//!   connection string, else its environment and password file), and a
//!   session, TLS as `sslmode` asks, every failure in one line saying what
//!   to do (`error.rs`).
//! - `migrate.rs`: the versioned schema (the SQL files of `migrations/`).
//! - `push.rs`, `pull.rs`: collections in and out, idempotent by id; pulled
//!   events are read back through the events-file reader.
//! - `edit.rs`: one coder's change of one event, applied only on the
//!   version it was made on; `outbox.rs` keeps edits made while offline;
//!   `session.rs` sends edits or queues them, and replays the outbox.
//! - `history.rs`: who changed what and when.
//! - `rights.rs`: what the role may do, as the server says.
//! - `coded.rs`: a coded article (its proposals with their review state
//!   and the events kept) written in one transaction.
//! - `live/`: the app's link: a worker thread holding the session, a
//!   listener thread hearing other coders' changes, and what the app keeps
//!   about them between frames.

pub mod cells;
pub mod coded;
pub mod connection;
pub mod edit;
pub mod error;
pub mod histogram;
pub mod history;
pub mod kind;
pub mod live;
pub mod migrate;
pub mod narrow;
pub mod outbox;
pub mod pull;
pub mod push;
pub mod rights;
mod row_feature;
pub mod session;
pub mod stage;
pub mod viewport;

pub use connection::{connect, conninfo, pgpass, tls};
pub use kind::Store;
