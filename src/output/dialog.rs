//! Choosing where to save: a trait so that tests never open a real dialog.
//! The dialog never blocks the window: the chosen path arrives on a channel
//! that the app polls every frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// The path the user chose (`None` when they cancelled), once they close
/// the dialog.
pub type Chosen = Receiver<Option<PathBuf>>;

/// What to ask the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveRequest {
    /// The dialog's title.
    pub title: String,
    /// The name the dialog proposes.
    pub file_name: String,
    /// The file type offered: a name and its extensions (none for a folder).
    pub filter: Option<(String, Vec<String>)>,
    /// Whether a folder is asked for instead of a file.
    pub folder: bool,
}

/// Something that asks the user where to save.
pub trait SaveDialog {
    /// Shows the dialog and returns at once; the answer arrives on the channel.
    fn save(&self, request: &SaveRequest) -> Chosen;
}

/// The system dialog (through `rfd` and the XDG desktop portal), on a
/// thread of its own so that the window keeps repainting while it is open.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemSaveDialog;

impl SaveDialog for SystemSaveDialog {
    fn save(&self, request: &SaveRequest) -> Chosen {
        let (send, receive) = channel();
        let request = request.clone();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_title(&request.title);
            let chosen = if request.folder {
                dialog.pick_folder()
            } else {
                let dialog = match &request.filter {
                    Some((name, extensions)) => dialog.add_filter(name, extensions),
                    None => dialog,
                };
                dialog.set_file_name(&request.file_name).save_file()
            };
            // The app may have closed meanwhile; then nobody is listening.
            let _ = send.send(chosen);
        });
        receive
    }
}
