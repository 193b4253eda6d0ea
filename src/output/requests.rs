//! What the user can ask to export, as plain values that actions carry:
//! the events shown, a picture, or the playback as an animation.

use crate::data::time::Seconds;
use crate::formats::Format;

/// What a picture shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PictureKind {
    /// The map alone, with the time window and credits drawn on it.
    #[default]
    Map,
    /// The whole window, with the credits drawn on its map.
    Window,
}

impl PictureKind {
    /// The kind's name in the export dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::Map => "The map",
            Self::Window => "The whole window",
        }
    }
}

/// The kinds of animation file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AnimationFormat {
    /// An animated GIF (256 colours a frame, plays everywhere).
    #[default]
    Gif,
    /// An animated PNG (every colour, lossless).
    Apng,
    /// Numbered PNG files in a folder, with `frames.csv`.
    PngFrames,
}

impl AnimationFormat {
    /// All formats, as the export dialog lists them.
    pub const ALL: [Self; 3] = [Self::Gif, Self::Apng, Self::PngFrames];

    /// The format a path asks for: `.gif`, `.png` or `.apng`, else a folder.
    pub fn for_path(path: &std::path::Path) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("gif") => Self::Gif,
            Some("png" | "apng") => Self::Apng,
            _ => Self::PngFrames,
        }
    }

    /// The format's name in the dialog.
    pub fn label(self) -> &'static str {
        match self {
            Self::Gif => "Animated GIF",
            Self::Apng => "Animated PNG",
            Self::PngFrames => "PNG frames in a folder",
        }
    }

    /// The file name extension, if the output is a file.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Self::Gif => Some("gif"),
            Self::Apng => Some("png"),
            Self::PngFrames => None,
        }
    }
}

/// The size of a picture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureSize {
    /// Width and height in points.
    pub points: [f32; 2],
    /// Pixels per point (2 for print).
    pub scale: f32,
}

/// An export the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportRequest {
    /// The events the filters show, in one of the formats events are
    /// written in.
    Events(Format),
    /// A PNG picture of the map or the window.
    Image {
        /// What it shows.
        kind: PictureKind,
        /// How large.
        size: PictureSize,
    },
    /// The playback between two times as an animation of the map.
    Animation {
        /// The start and end (exclusive) of the playback.
        span: (Seconds, Seconds),
        /// Timeline time per frame.
        step: Seconds,
        /// Whether each frame shows everything from the start.
        cumulative: bool,
        /// How long each frame shows, in milliseconds.
        hold_ms: u64,
        /// The frames' size.
        size: PictureSize,
        /// The file kind.
        format: AnimationFormat,
    },
}
