//! The shared store against a real PostgreSQL server with PostGIS: a
//! throwaway cluster started by the tests themselves
//! (`tests/support/pg_server.rs`), no mock database anywhere. One test
//! binary, so the app is linked once more, not once per file.

#[path = "../support/pg_server.rs"]
mod pg_server;

mod common;

mod bad_input;
mod bulk;
mod cli;
mod fault;
mod few;
mod histogram;
mod load;
mod migrations;
mod narrowed;
mod outside;
mod round_trip;
mod scale;
mod tls;
