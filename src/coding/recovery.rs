//! The recovery file: unsaved review work, written after changes (in the
//! app's data folder) and offered back when the app starts after a crash
//! or a kill. It holds every proposal (rejected ones too) as an events
//! file with the article's text inside, and each proposal's status.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::data::events;
use crate::data::events::Collection;
use crate::data::source::Source;
use crate::diagnostic::Diagnostic;
use crate::extract::{Proposal, Status};

use super::{Session, status_from_key, status_key};

/// The recovery file's name in its folder.
const FILE: &str = "coding-recovery.json";

/// The format's version, to refuse files of another.
const VERSION: u32 = 1;

/// What the file holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// Where the events were last saved.
    target: Option<PathBuf>,
    /// The article's `text_file` once saved.
    text_file: Option<String>,
    /// Each proposal's status, by event id.
    statuses: BTreeMap<String, String>,
    /// Every proposal as an events file, the text inside.
    events: String,
}

/// The recovery file in a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    dir: PathBuf,
}

impl Recovery {
    /// The recovery file in `dir` (made when first written).
    pub fn in_dir(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The file's path.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE)
    }

    /// Whether there is work to recover.
    pub fn exists(&self) -> bool {
        self.path().is_file()
    }

    /// Writes the session, whole or not at all ([`crate::atomic`]).
    pub fn write(&self, session: &Session) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let source = Source {
            text_file: None,
            ..session.source().clone()
        };
        let collection = Collection {
            sources: vec![source],
            vocabulary: session.vocabulary().clone(),
            events: session
                .proposals()
                .iter()
                .map(|p| p.event.clone())
                .collect(),
        };
        let stored = Stored {
            version: VERSION,
            target: session.target().cloned(),
            text_file: session.source().text_file.clone(),
            statuses: session
                .proposals()
                .iter()
                .map(|p| (p.event.id.clone(), status_key(p.status).to_owned()))
                .collect(),
            events: crate::data::events::write::to_geojson(&collection),
        };
        let json = serde_json::to_vec(&stored).map_err(std::io::Error::other)?;
        crate::atomic::write_bytes(&self.path(), &json)
    }

    /// The session the file holds (its changes unsaved), `None` when
    /// there is no file, or why it cannot be read.
    pub fn read(&self) -> Option<Result<Session, Vec<Diagnostic>>> {
        let bytes = std::fs::read(self.path()).ok()?;
        Some(parse(&self.path(), &bytes))
    }

    /// Deletes the file (there is nothing left to recover).
    pub fn clear(&self) -> std::io::Result<()> {
        match std::fs::remove_file(self.path()) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

/// No texts beside: the recovery file carries its text inside.
struct Inside;

impl crate::data::SourceTexts for Inside {
    fn read(&self, text_file: &str) -> Result<String, String> {
        Err(format!(
            "{text_file:?}: the recovery file keeps its text inside"
        ))
    }
}

fn parse(path: &Path, bytes: &[u8]) -> Result<Session, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let stored: Stored = serde_json::from_slice(bytes).map_err(|e| {
        vec![
            Diagnostic::error(format!("the recovery file cannot be read: {e}"))
                .at(e.line(), e.column()),
        ]
    })?;
    if stored.version != VERSION {
        return Err(vec![Diagnostic::error(format!(
            "the recovery file is of version {}; this program reads version {VERSION}",
            stored.version
        ))]);
    }
    let collection = events::parse(&name, &stored.events, &Inside, &[]).into_result()?;
    let mut sources = collection.sources.into_iter();
    let Some(mut source) = sources.next() else {
        return Err(vec![Diagnostic::error("the recovery file has no article")]);
    };
    source.text_file = stored.text_file;
    let proposals = collection
        .events
        .into_iter()
        .map(|event| Proposal {
            status: stored
                .statuses
                .get(&event.id)
                .and_then(|k| status_from_key(k))
                .unwrap_or(Status::Proposed),
            event,
        })
        .collect();
    let mut session = Session::new(source, collection.vocabulary, proposals, Vec::new());
    session.target = stored.target;
    Ok(session)
}
