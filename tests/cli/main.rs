//! The command line: `check`, `convert` (ACLED, UCDP GED, GDELT),
//! `extract`, and the real binary under Xvfb taking screenshots, exporting
//! and stepping through stories.

mod check;
mod csv;
mod e2e_export;
mod e2e_screenshot;
mod e2e_story;
mod e2e_story_export;
mod extract_cli;
mod gdelt;
mod xvfb;
