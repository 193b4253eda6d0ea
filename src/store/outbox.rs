//! Edits made while the server is away, kept on disk until it takes them.
//!
//! The outbox is a file of JSON lines: an edit per line as it is made, and
//! `{"done": ID}` once the server has it. Each line is flushed to the disk
//! before the edit counts as made, so quitting, a crash or a power cut
//! loses nothing that was acknowledged; a last line cut short by a crash
//! was never acknowledged and is dropped. When nothing is left pending the
//! file is emptied.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::edit::Edit;

/// A line of the file.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum Line {
    /// The server took the edit with this id (or it was given up).
    Done {
        /// The edit's id.
        done: Uuid,
    },
    /// An edit to send.
    Edit(Edit),
}

/// The edits waiting for the server.
#[derive(Debug)]
pub struct Outbox {
    path: PathBuf,
    pending: Vec<Edit>,
}

impl Outbox {
    /// Opens the outbox at `path` (made if missing) and reads what waits.
    pub fn open(path: &Path) -> io::Result<Self> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut pending: Vec<Edit> = Vec::new();
        match File::open(path) {
            Ok(file) => {
                for line in BufReader::new(file).lines() {
                    let line = line?;
                    match serde_json::from_str::<Line>(&line) {
                        Ok(Line::Edit(edit)) => pending.push(edit),
                        Ok(Line::Done { done }) => pending.retain(|e| e.id != done),
                        // A line cut short by a crash was never acknowledged.
                        Err(_) => {}
                    }
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let outbox = Self {
            path: path.to_owned(),
            pending,
        };
        outbox.rewrite()?;
        Ok(outbox)
    }

    /// The edits not yet taken, oldest first.
    pub fn pending(&self) -> &[Edit] {
        &self.pending
    }

    /// Keeps `edit` on disk; when this returns, the edit is safe.
    pub fn add(&mut self, edit: Edit) -> io::Result<()> {
        self.append(&Line::Edit(edit.clone()))?;
        self.pending.push(edit);
        Ok(())
    }

    /// The server took edit `id` (or the coder gave it up).
    pub fn done(&mut self, id: Uuid) -> io::Result<()> {
        self.pending.retain(|e| e.id != id);
        if self.pending.is_empty() {
            self.rewrite()
        } else {
            self.append(&Line::Done { done: id })
        }
    }

    /// Appends a line and flushes it to the disk.
    fn append(&self, line: &Line) -> io::Result<()> {
        let mut text = serde_json::to_string(line).map_err(io::Error::other)?;
        text.push('\n');
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        file.write_all(text.as_bytes())?;
        file.sync_data()
    }

    /// Writes the file anew with the pending edits only.
    fn rewrite(&self) -> io::Result<()> {
        let mut text = String::new();
        for edit in &self.pending {
            text.push_str(&serde_json::to_string(edit).map_err(io::Error::other)?);
            text.push('\n');
        }
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_data()?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::edit::EditKind;

    fn edit(event: &str) -> Edit {
        Edit::new(event, Some(1), EditKind::Delete)
    }

    #[test]
    fn pending_edits_survive_a_reopen_and_done_ones_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outbox.jsonl");
        let mut o = Outbox::open(&path).unwrap();
        let (a, b, c) = (edit("a"), edit("b"), edit("c"));
        o.add(a.clone()).unwrap();
        o.add(b.clone()).unwrap();
        o.add(c.clone()).unwrap();
        o.done(b.id).unwrap();
        drop(o);
        let o = Outbox::open(&path).unwrap();
        assert_eq!(o.pending(), [a, c]);
    }

    #[test]
    fn a_line_cut_short_is_dropped_and_the_rest_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outbox.jsonl");
        let mut o = Outbox::open(&path).unwrap();
        let a = edit("a");
        o.add(a.clone()).unwrap();
        drop(o);
        let mut f = OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(b"{\"id\":\"1234").unwrap();
        drop(f);
        let o = Outbox::open(&path).unwrap();
        assert_eq!(o.pending(), [a]);
    }

    #[test]
    fn the_file_is_emptied_when_nothing_waits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outbox.jsonl");
        let mut o = Outbox::open(&path).unwrap();
        let a = edit("a");
        o.add(a.clone()).unwrap();
        o.done(a.id).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "");
    }
}
