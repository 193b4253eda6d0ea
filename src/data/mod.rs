//! Loaded data: immutable once loaded. Nothing here knows about egui.

pub mod event;
pub mod gazetteer;
pub mod geodata;
pub mod geodata_load;
pub mod geojson_read;
pub mod time;
pub mod translit;
