//! What a new user tripped on, tried again: file dialogs where no desktop
//! portal answers, a coded article's proposals in view, the seam between
//! the region and the world, place names in the region's scripts, view
//! files, and the timeline's bars and histogram.

mod coding_view;
mod dialogs;
mod names;
mod timeline;
mod views;
