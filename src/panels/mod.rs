//! Side panels: the events list, the detail card, the article, About.

pub mod about;
pub mod article;
pub mod details;
pub mod events_list;
