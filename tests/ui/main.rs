//! The app acting like a user: every panel and the map driven through
//! `egui_kittest`, widgets found by their accessible labels. One test
//! binary, so the app and its dependencies are linked once.

mod coding_kit;
mod common;
// Shared with the store tests (tests/store/), which use all of it.
#[allow(dead_code)]
#[path = "../support/pg_server.rs"]
mod pg_server;

mod arriving;
mod coding;
mod coding_input;
mod csv;
mod export;
mod map;
mod map_focus;
mod open;
mod panels;
mod scrub;
mod snapshots;
mod sources;
mod store;
mod story;
mod story_glide;
mod story_keys;
mod table;
mod terrain;
mod timeline;
mod trips;
