//! Choosing files to open: a trait so that tests never open a real dialog.
//! The dialog never blocks the window: the files the user picks arrive on a
//! channel that the app polls every frame. The formats each dialog offers
//! are listed here, once: [`open_filters`] and the others.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use crate::chooser::{Chooser, FileFilter, FileRequest, Mode};

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
        cancelled()
    }

    /// Asks where to save a view file, suggesting `name`; returns at once.
    /// By default the answer is "cancelled".
    fn save_view(&self, name: &str) -> SaveTo {
        let _ = name;
        cancelled()
    }
}

/// An answer that is already "cancelled".
fn cancelled() -> SaveTo {
    let (send, receive) = channel();
    let _ = send.send(None);
    receive
}

/// What File → Open… reads: every format first, then each format of the
/// registry ([`crate::formats::open_filters`]) and view files.
pub fn open_filters() -> Vec<FileFilter> {
    let mut each: Vec<FileFilter> = (crate::formats::open_filters().into_iter())
        .skip(1)
        .map(|(name, extensions)| {
            let extensions: Vec<&str> = extensions.iter().map(String::as_str).collect();
            FileFilter::new(&name, &extensions)
        })
        .collect();
    each.extend(view_filters());
    let mut filters = vec![FileFilter::union("Every format the app reads", &each)];
    filters.extend(each);
    filters
}

/// What File → Code an article… reads.
pub fn article_filters() -> Vec<FileFilter> {
    vec![FileFilter::new("Article", &["txt", "md", "html", "htm"])]
}

/// What File → Save events writes.
pub fn events_filters() -> Vec<FileFilter> {
    vec![FileFilter::new("Events GeoJSON", &["geojson"])]
}

/// What story files are.
pub fn story_filters() -> Vec<FileFilter> {
    vec![FileFilter::new("Story", &["json"])]
}

/// What view files are.
pub fn view_filters() -> Vec<FileFilter> {
    vec![FileFilter::new("View", &["json"])]
}

/// The system file dialog (through `rfd` and the XDG desktop portal), or,
/// where no portal answers, the app's own (see [`crate::chooser`]).
#[derive(Clone)]
pub struct SystemDialog {
    chooser: Chooser,
}

impl SystemDialog {
    /// Dialogs shown through `chooser`.
    pub fn new(chooser: Chooser) -> Self {
        Self { chooser }
    }

    /// Asks `title` in `mode` offering `filters`; the paths arrive on the
    /// channel returned.
    fn ask(&self, title: &str, mode: Mode, filters: Vec<FileFilter>) -> Picked {
        let (send, receive) = channel();
        let request = FileRequest {
            title: title.to_owned(),
            mode,
            filters,
        };
        // The app may have closed meanwhile; then nobody is listening.
        let answer = move |paths| {
            let _ = send.send(paths);
        };
        self.chooser.ask(request, Box::new(answer));
        receive
    }

    /// Asks where to save; the path arrives on the channel returned.
    fn ask_save(&self, title: &str, name: &str, filters: Vec<FileFilter>) -> SaveTo {
        let (send, receive) = channel();
        let request = FileRequest {
            title: title.to_owned(),
            mode: Mode::Save {
                file_name: name.to_owned(),
            },
            filters,
        };
        let answer = move |paths: Vec<PathBuf>| {
            let _ = send.send(paths.into_iter().next());
        };
        self.chooser.ask(request, Box::new(answer));
        receive
    }
}

impl FileDialog for SystemDialog {
    fn pick_files(&self) -> Picked {
        self.ask("Open files", Mode::Open { many: true }, open_filters())
    }

    fn pick_article(&self) -> Picked {
        let mode = Mode::Open { many: false };
        self.ask("Code an article", mode, article_filters())
    }

    fn save_events(&self, name: &str) -> Picked {
        let mode = Mode::Save {
            file_name: name.to_owned(),
        };
        self.ask("Save events", mode, events_filters())
    }

    fn pick_story(&self) -> Picked {
        self.ask("Open story", Mode::Open { many: false }, story_filters())
    }

    fn save_story(&self, name: &str) -> SaveTo {
        self.ask_save("Save story", name, story_filters())
    }

    fn save_view(&self, name: &str) -> SaveTo {
        self.ask_save("Save view", name, view_filters())
    }
}
