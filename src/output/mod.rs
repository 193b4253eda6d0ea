//! Writing results out: files written whole or not at all (`atomic.rs`),
//! the events the filters show as a collection of their own (`events.rs`),
//! the save dialog (`dialog.rs`) and work on a thread the window watches
//! (`job.rs`).

pub mod atomic;
pub mod dialog;
pub mod events;
pub mod job;
pub mod requests;
