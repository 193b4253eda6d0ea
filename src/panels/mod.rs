//! Side panels and windows: the events list with its filters, the detail
//! card, the article, the windows about opened files, About.

pub mod about;
pub mod article;
pub mod details;
mod details_related;
pub mod events_list;
pub mod export_dialogs;
mod filters;
pub mod open_files;
pub mod table;
pub mod table_rows;
