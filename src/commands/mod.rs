//! The subcommands that run without a window: `check`, `convert`, `db`, `extract`.

pub mod check;
pub mod convert;
pub mod db;
pub mod extract;
pub mod picture;
