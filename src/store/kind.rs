//! The store interface: where events live, as one small enum with two
//! kinds, an events file and the shared database. `convert` and `extract`
//! read and write through it, `db push` and `db pull` open the database
//! kind, the review panel saves to it (`coding::Workspace::save_to`) and
//! the app says which kind its events come from (`store::live::Home`).
//!
//! A target is a database when it reads as a libpq connection string
//! (`postgres://…`, `postgresql://…`, or `key=value` pairs naming a
//! `dbname`, `host` or `service`), and a file otherwise. Every database
//! call here blocks: the app makes them on its worker thread
//! (`store::live::worker`), never on the UI thread.

use std::path::{Path, PathBuf};

use super::conninfo::ConnInfo;
use super::error::StoreError;
use super::live::inline::read_file_text;
use super::{connect, migrate, pull, push};
use crate::atomic;
use crate::data::events::Collection;
use crate::formats::Format;

/// Where events live.
#[derive(Clone, Debug, PartialEq)]
pub enum Store {
    /// A file, in a format of `formats` told by its name (or chosen).
    File(PathBuf),
    /// The shared PostgreSQL + PostGIS database.
    Database(ConnInfo),
}

impl From<PathBuf> for Store {
    fn from(path: PathBuf) -> Self {
        Self::File(path)
    }
}

/// What a write did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Written {
    /// Events written (added, changed or already there as they are).
    pub events: usize,
    /// Warnings about what the format could not hold.
    pub notes: Vec<String>,
}

impl Store {
    /// The store a target names: a connection string is the database,
    /// anything else a file path.
    pub fn parse(target: &str) -> Result<Self, StoreError> {
        if is_connection_string(target) {
            Ok(Self::Database(ConnInfo::parse(target)?))
        } else {
            Ok(Self::File(PathBuf::from(target)))
        }
    }

    /// The store a path given on the command line names (a connection
    /// string passes through a path argument unchanged).
    pub fn from_path(path: &Path) -> Result<Self, StoreError> {
        match path.to_str() {
            Some(text) => Self::parse(text),
            None => Ok(Self::File(path.to_owned())),
        }
    }

    /// How to show it: the file's path, or "role@database on host:port"
    /// (never a password).
    pub fn label(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Database(info) => info.label(),
        }
    }

    /// Every event of the database, read back through the events-file
    /// reader (a file is read by the formats registry,
    /// `commands::convert::read_all`, so this answers for the database
    /// alone), or why not in one line.
    pub fn read(&self) -> Result<Collection, String> {
        let Self::Database(info) = self else {
            return Err(format!(
                "{}: a file is read through the formats registry",
                self.label()
            ));
        };
        let mut client = open(info).map_err(|e| e.to_string())?;
        let text =
            pull::pull_text(&mut client, &pull::Scope::default()).map_err(|e| e.to_string())?;
        read_file_text(&text, &[]).map(|(collection, _)| collection)
    }

    /// Writes `collection`: a file whole or not at all, in `format` (else
    /// the one its name ends in); into the database in one transaction,
    /// idempotent by event id.
    pub fn write(
        &self,
        collection: &Collection,
        format: Option<Format>,
    ) -> Result<Written, StoreError> {
        match self {
            Self::File(path) => {
                let format = match format {
                    Some(f) => f,
                    None => Format::for_path(path).map_err(|detail| StoreError::Refused {
                        what: path.display().to_string(),
                        detail,
                    })?,
                };
                let exporter = format.exporter();
                let notes =
                    atomic::write_file(path, |w| exporter.write(collection, w)).map_err(|e| {
                        StoreError::Refused {
                            what: path.display().to_string(),
                            detail: format!("cannot write: {e}"),
                        }
                    })?;
                Ok(Written {
                    events: collection.events.len() - notes.len(),
                    notes,
                })
            }
            Self::Database(info) => {
                let mut client = open(info)?;
                let report = push::push(&mut client, collection, &mut |_| {}, None)?;
                Ok(Written {
                    events: report.inserted + report.updated + report.unchanged,
                    notes: Vec::new(),
                })
            }
        }
    }
}

/// A session on a database whose schema this program knows.
pub fn open(info: &ConnInfo) -> Result<postgres::Client, StoreError> {
    let mut client = connect::connect(info)?;
    migrate::check(&mut client, &info.dbname)?;
    Ok(client)
}

/// Whether `target` reads as a libpq connection string rather than a path.
pub fn is_connection_string(target: &str) -> bool {
    let t = target.trim_start();
    if t.starts_with("postgres://") || t.starts_with("postgresql://") {
        return true;
    }
    t.split_whitespace().any(|pair| {
        ["dbname=", "host=", "service="]
            .iter()
            .any(|key| pair.starts_with(key))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_strings_name_the_database_and_paths_a_file() {
        assert!(is_connection_string("postgres://ana@db.example/events"));
        assert!(is_connection_string("postgresql:///events"));
        assert!(is_connection_string("host=db.example dbname=events"));
        assert!(!is_connection_string("out/events.geojson"));
        assert!(!is_connection_string("postgres.geojson"));
        assert_eq!(
            Store::parse("out/a.csv").ok(),
            Some(Store::File(PathBuf::from("out/a.csv")))
        );
        let db = Store::parse("host=db.example dbname=events user=ana password=secret")
            .expect("a connection string");
        assert!(matches!(db, Store::Database(_)));
        assert_eq!(db.label(), "ana@events on db.example:5432");
        assert!(
            !format!("{db:?}").contains("secret"),
            "the password stays out of logs"
        );
    }

    #[test]
    fn a_file_is_written_whole_in_the_format_its_name_ends_in() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("out.geojson");
        let bundled = crate::data::events::bundled().expect("bundled events");
        let written = Store::File(path.clone())
            .write(&bundled, None)
            .expect("written");
        assert_eq!(written.events, bundled.events.len());
        let text = std::fs::read_to_string(&path).expect("the file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("GeoJSON");
        assert_eq!(json["type"], "FeatureCollection");
        assert_eq!(
            json["features"].as_array().map(Vec::len),
            Some(bundled.events.len())
        );
    }
}
