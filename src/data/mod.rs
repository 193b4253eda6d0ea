//! Loaded data: immutable once loaded. Nothing here knows about egui.

pub mod dates;
pub mod event;
pub mod geodata;
pub mod time;
