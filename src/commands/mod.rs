//! The subcommands that run without a window: `check` and `convert`.

pub mod check;
pub mod convert;
