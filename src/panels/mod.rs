//! Side panels: the events list, the detail card, the article, About.

pub mod about;
pub mod article;
pub mod colors;
pub mod details;
mod details_related;
pub mod events_list;
mod filters;
pub mod format;
