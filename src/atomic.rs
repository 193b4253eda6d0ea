//! Writing outputs whole or not at all: a file or folder is written under a
//! temporary name in its target's folder and renamed into place only once
//! complete. A failed write (disk full, no permission) or a cancel removes
//! the temporary and leaves whatever was at the target untouched. Every
//! file the program saves is written here: exports, pictures and
//! animations, the coded events and their article, the recovery file and
//! stories.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file being written; it appears at its target only on [`AtomicFile::commit`].
pub struct AtomicFile {
    temp: BufWriter<tempfile::NamedTempFile>,
    target: PathBuf,
}

impl AtomicFile {
    /// Starts writing the file `target` (its folder must exist and be writable).
    pub fn create(target: &Path) -> io::Result<Self> {
        let prefix = temp_prefix(target);
        let temp = builder(&prefix, 0o666)
            .tempfile_in(folder_of(target))
            .map_err(|e| in_folder(e, target))?;
        Ok(Self {
            temp: BufWriter::new(temp),
            target: target.to_path_buf(),
        })
    }

    /// The file's contents so far.
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.temp
    }

    /// Flushes the file to disk and renames it into place.
    pub fn commit(self) -> io::Result<()> {
        let temp = self.temp.into_inner().map_err(|e| e.into_error())?;
        temp.as_file().sync_all()?;
        temp.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Writes `target` through `write`, whole or not at all.
pub fn write_file<T>(
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<T>,
) -> io::Result<T> {
    let mut file = AtomicFile::create(target)?;
    let value = write(file.writer())?;
    file.commit()?;
    Ok(value)
}

/// Writes `bytes` to `target`, whole or not at all.
pub fn write_bytes(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(target, |w| w.write_all(bytes))
}

/// A folder being filled; it appears at its target only on
/// [`AtomicDir::commit`], and only where there is nothing or an empty folder.
pub struct AtomicDir {
    temp: tempfile::TempDir,
    target: PathBuf,
}

impl AtomicDir {
    /// Starts filling the folder `target`. Refuses a target that is a file
    /// or a folder with something in it (nothing there is overwritten).
    pub fn create(target: &Path) -> io::Result<Self> {
        refuse_non_empty(target)?;
        let prefix = temp_prefix(target);
        let temp = builder(&prefix, 0o777)
            .tempdir_in(folder_of(target))
            .map_err(|e| in_folder(e, target))?;
        Ok(Self {
            temp,
            target: target.to_path_buf(),
        })
    }

    /// Where to write the folder's files meanwhile.
    pub fn path(&self) -> &Path {
        self.temp.path()
    }

    /// Renames the filled folder into place.
    pub fn commit(self) -> io::Result<()> {
        refuse_non_empty(&self.target)?;
        if self.target.is_dir() {
            std::fs::remove_dir(&self.target)?;
        }
        let temp = self.temp.keep();
        std::fs::rename(&temp, &self.target).inspect_err(|_| {
            let _ = std::fs::remove_dir_all(&temp);
        })
    }
}

/// Writes one file of a folder being filled, flushed to disk.
pub fn write_in(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(dir.join(name))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A temporary named from `prefix`, made with `mode` less the umask (as a
/// plain file or folder would be), not tempfile's private 0600/0700.
fn builder(prefix: &str, mode: u32) -> tempfile::Builder<'_, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    builder
}

fn refuse_non_empty(target: &Path) -> io::Result<()> {
    if target.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} is a file, not a folder", target.display()),
        ));
    }
    if target.is_dir() && std::fs::read_dir(target)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} already holds files: choose a new or empty folder",
                target.display()
            ),
        ));
    }
    Ok(())
}

/// The folder a target is written in ("." for a bare name).
fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A hidden name beside the target, telling what it will become.
fn temp_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.part-")
}

/// An error creating the temporary, naming the folder it was made in.
fn in_folder(e: io::Error, target: &Path) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("cannot write in {}: {e}", folder_of(target).display()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_nothing_and_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        std::fs::write(&target, "old").unwrap();
        let failed = write_file(&target, |w| {
            w.write_all(b"half")?;
            Err::<(), _>(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_file(&target, |w| w.write_all(b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_ne!(
                mode & 0o044,
                0,
                "readable by others as a plain file: {mode:o}"
            );
        }
    }

    #[test]
    fn a_folder_appears_whole_and_never_over_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("frames");
        let filling = AtomicDir::create(&target).unwrap();
        write_in(filling.path(), "a.png", b"x").unwrap();
        assert!(!target.exists());
        filling.commit().unwrap();
        assert!(target.join("a.png").is_file());
        assert!(AtomicDir::create(&target).is_err());
        let dropped = AtomicDir::create(&dir.path().join("other")).unwrap();
        drop(dropped);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_that_cannot_be_written_says_so() {
        let missing = Path::new("/nonexistent-folder/out.geojson");
        let err = write_file(missing, |w| w.write_all(b"x")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent-folder"), "{err}");
    }
}
