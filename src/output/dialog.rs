//! Choosing where to save: a trait so that tests never open a real dialog.
//! The dialog never blocks the window: the chosen path arrives on a channel
//! that the app polls every frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use crate::chooser::{Chooser, FileFilter, FileRequest, Mode};

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

/// The system dialog (through `rfd` and the XDG desktop portal), or,
/// where no portal answers, the app's own (see [`crate::chooser`]).
#[derive(Clone)]
pub struct SystemSaveDialog {
    chooser: Chooser,
}

impl SystemSaveDialog {
    /// Dialogs shown through `chooser`.
    pub fn new(chooser: Chooser) -> Self {
        Self { chooser }
    }
}

impl SaveDialog for SystemSaveDialog {
    fn save(&self, request: &SaveRequest) -> Chosen {
        let (send, receive) = channel();
        let mode = if request.folder {
            Mode::Folder
        } else {
            Mode::Save {
                file_name: request.file_name.clone(),
            }
        };
        let filters = (request.filter.iter())
            .map(|(name, extensions)| FileFilter {
                name: name.clone(),
                extensions: extensions.clone(),
            })
            .collect();
        let question = FileRequest {
            title: request.title.clone(),
            mode,
            filters,
        };
        // The app may have closed meanwhile; then nobody is listening.
        let answer = move |paths: Vec<PathBuf>| {
            let _ = send.send(paths.into_iter().next());
        };
        self.chooser.ask(question, Box::new(answer));
        receive
    }
}
