//! Loaded data: immutable once loaded. Nothing here knows about egui.

pub mod dates;
pub mod event;
mod event_error;
pub mod events;
mod feature;
pub mod geodata;
mod json_pos;
pub mod time;
