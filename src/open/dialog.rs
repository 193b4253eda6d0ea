//! Choosing files to open: a trait so that tests never open a real dialog.

use std::path::PathBuf;

/// Something that asks the user for files to open.
pub trait FileDialog {
    /// The files the user picked; empty when they cancelled.
    fn pick_files(&self) -> Vec<PathBuf>;
}

/// The system file dialog (through `rfd` and the XDG desktop portal).
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemDialog;

impl FileDialog for SystemDialog {
    fn pick_files(&self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("GeoJSON", &["geojson", "json"])
            .pick_files()
            .unwrap_or_default()
    }
}
