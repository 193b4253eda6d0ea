//! What every widget shares: the themes' colours, the words for dates,
//! places and codes, and the map symbols. It knows the data and the model,
//! and no widget.

pub mod colors;
pub mod format;
pub mod palette;
pub mod symbols;
