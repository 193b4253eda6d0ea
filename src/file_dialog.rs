//! Choosing files to open: a trait so that tests never open a real dialog.
//! The dialog never blocks the window: the files the user picks arrive on a
//! channel that the app polls every frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// The files the user will pick (empty when they cancel), once they close
/// the dialog.
pub type Picked = Receiver<Vec<PathBuf>>;

/// Where the user will save (`None` when they cancel), once they close the
/// dialog.
pub type SaveTo = Receiver<Option<PathBuf>>;

/// Something that asks the user for files to open.
pub trait FileDialog {
    /// Asks for files to open, offering every format the app reads
    /// (`formats::open_filters`); returns at once, the answer arrives on
    /// the channel.
    fn pick_files(&self) -> Picked;

    /// Asks for an article to code (.txt, .md, .html). A dialog that only
    /// knows [`FileDialog::pick_files`] answers with what it picks.
    fn pick_article(&self) -> Picked {
        self.pick_files()
    }

    /// Asks where to save an events file, suggesting `name`; the answer is
    /// one path (none when the user cancels). A dialog that only knows
    /// [`FileDialog::pick_files`] answers with what it picks.
    fn save_events(&self, name: &str) -> Picked {
        let _ = name;
        self.pick_files()
    }

    /// Asks for a story file to open (by default as for [`Self::pick_files`]).
    fn pick_story(&self) -> Picked {
        self.pick_files()
    }

    /// Asks where to save a story, suggesting `name`; returns at once. By
    /// default the answer is "cancelled".
    fn save_story(&self, name: &str) -> SaveTo {
        let _ = name;
        let (send, receive) = channel();
        let _ = send.send(None);
        receive
    }
}

/// The system file dialog (through `rfd` and the XDG desktop portal), run on
/// its own thread so that the window keeps repainting while it is open.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemDialog;

impl FileDialog for SystemDialog {
    fn pick_files(&self) -> Picked {
        let (send, receive) = channel();
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            for (name, extensions) in crate::formats::open_filters() {
                dialog = dialog.add_filter(name, &extensions);
            }
            let files = dialog.pick_files().unwrap_or_default();
            // The app may have closed meanwhile; then nobody is listening.
            let _ = send.send(files);
        });
        receive
    }

    fn pick_article(&self) -> Picked {
        let (send, receive) = channel();
        std::thread::spawn(move || {
            let file = rfd::FileDialog::new()
                .add_filter("Article", &["txt", "md", "html", "htm"])
                .pick_file();
            let _ = send.send(file.into_iter().collect());
        });
        receive
    }

    fn save_events(&self, name: &str) -> Picked {
        let (send, receive) = channel();
        let name = name.to_owned();
        std::thread::spawn(move || {
            let file = rfd::FileDialog::new()
                .add_filter("Events GeoJSON", &["geojson"])
                .set_file_name(name)
                .save_file();
            let _ = send.send(file.into_iter().collect());
        });
        receive
    }

    fn pick_story(&self) -> Picked {
        let (send, receive) = channel();
        std::thread::spawn(move || {
            let file = rfd::FileDialog::new()
                .add_filter("Story", &["json"])
                .pick_file();
            let _ = send.send(file.into_iter().collect());
        });
        receive
    }

    fn save_story(&self, name: &str) -> SaveTo {
        let (send, receive) = channel();
        let name = name.to_owned();
        std::thread::spawn(move || {
            let file = rfd::FileDialog::new()
                .add_filter("Story", &["json"])
                .set_file_name(name)
                .save_file();
            let _ = send.send(file);
        });
        receive
    }
}
