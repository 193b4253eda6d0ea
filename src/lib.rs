//! border-incidents: a desktop map viewer for armed border incidents.
//!
//! Data flows one way: [`data`] (loaded once, immutable) → [`model::view::ViewState`]
//! (camera, time window, selection, filters) → widgets draw and return
//! [`model::action::Action`]s → [`app::App`] applies them.

#![deny(clippy::unwrap_used)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod app;
pub mod atomic;
pub mod check;
pub mod cli;
pub mod coding;
pub mod commands;
pub mod data;
pub mod diagnostic;
pub mod export;
pub mod extract;
pub mod file_dialog;
pub mod formats;
pub mod import;
pub mod map;
pub mod menu;
pub mod model;
pub mod output;
pub mod panels;
pub mod render;
pub mod run;
pub mod shortcuts;
pub mod start;
pub mod store;
pub mod story;
pub mod timeline;
pub mod ui_kit;
