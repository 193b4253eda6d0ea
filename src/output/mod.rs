//! Writing results out, each file whole or not at all through
//! [`crate::atomic`]: the events the filters show as a collection of their
//! own (`events.rs`), the save dialog (`dialog.rs`), what can be exported
//! (`requests.rs`) and work on a thread the window watches (`job.rs`).

pub mod dialog;
pub mod events;
pub mod job;
pub mod requests;
