//! The system file dialog (rfd, through the XDG desktop portal on Linux),
//! shown for a [`FileRequest`]; it blocks its thread until closed.

use std::path::PathBuf;

use super::{FileRequest, Mode};

/// Shows the system dialog for `request` and returns the chosen paths
/// (none when the user cancelled).
pub(super) fn ask(request: &FileRequest) -> Vec<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(&request.title);
    for filter in &request.filters {
        // File choosers match patterns by case (GDELT names its files .CSV).
        let both_cases: Vec<String> = (filter.extensions.iter())
            .flat_map(|e| [e.to_ascii_lowercase(), e.to_ascii_uppercase()])
            .collect();
        dialog = dialog.add_filter(&filter.name, &both_cases);
    }
    match &request.mode {
        Mode::Open { many: true } => dialog.pick_files().unwrap_or_default(),
        Mode::Open { many: false } => dialog.pick_file().into_iter().collect(),
        Mode::Save { file_name } => dialog
            .set_file_name(file_name)
            .save_file()
            .into_iter()
            .collect(),
        Mode::Folder => dialog.pick_folder().into_iter().collect(),
    }
}
