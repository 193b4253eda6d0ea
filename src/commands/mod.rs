//! The subcommands that run without a window: `check`.

pub mod check;
