//! Side panels and windows: the events list with its filters, the detail
//! card, the article, the windows about opened files, About, the review
//! of an article being coded; the story bar and the story editor; the
//! shared store's windows (connecting, editing an event, conflicts).

pub mod about;
pub mod article;
pub mod details;
mod details_related;
pub mod events_list;
pub mod export_dialogs;
pub mod fallback_dialog;
mod filters;
pub mod open_files;
pub mod panel;
pub mod review;
pub mod store;
pub mod story_bar;
pub mod story_editor;
pub mod table;
pub mod table_rows;
