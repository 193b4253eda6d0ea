//! The subcommands that run without a window: `check`, `convert`, `extract`.

pub mod check;
pub mod convert;
pub mod extract;
pub mod picture;
