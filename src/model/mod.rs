//! What is derived from the loaded data for viewing it, below every widget:
//! the camera and its projection, the index of events by time and id,
//! which events are visible, where each is on the map, and the quoted
//! spans of each source's text. It knows the data and egui's geometry
//! types, and no widget.

pub mod action;
pub mod camera;
pub mod derived;
pub mod event_bits;
pub mod event_index;
pub mod filters;
pub mod positions;
pub mod projection;
pub mod spans;
pub mod view;
pub mod view_defaults;
pub mod visibility;
