//! The subcommands that run without a window: `check`, `extract`.

pub mod check;
pub mod extract;
pub mod picture;
