//! Loaded data: immutable once loaded. Nothing here knows about egui.

pub mod event;
pub mod geodata;
pub mod geojson_read;
pub mod time;
