//! border-incidents: a desktop map viewer for armed border incidents.
//!
//! Data flows one way: [`data`] (loaded once, immutable) → [`view::ViewState`]
//! (camera, time window, selection, filters) → widgets draw and return
//! actions → the app applies them.

#![deny(clippy::unwrap_used)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod check;
pub mod data;
pub mod map;
pub mod view;
