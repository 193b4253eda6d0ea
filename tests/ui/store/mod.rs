//! The shared store in the app, against a real PostgreSQL server with
//! PostGIS that the tests start themselves (`tests/support/pg_server.rs`):
//! connecting, another coder's change on a second map, a conflict
//! between two app instances settled field by field, what a role may do,
//! edits kept while the server is away, a file pushed with its progress
//! and Cancel, and a store too large to read
//! whole asked per view.

mod kit;

mod conflict;
mod connect;
mod live;
mod offline;
mod push;
mod roles;
mod viewport;
