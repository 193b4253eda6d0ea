//! A reader that counts the bytes read and stops when asked to.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// The message of the read error raised on cancel.
pub const CANCELLED: &str = "cancelled";

/// Wraps a reader: adds every byte read to `read`, and fails every read once
/// `cancel` is set.
pub struct CountingReader<R> {
    inner: R,
    read: Arc<AtomicU64>,
    cancel: Arc<AtomicBool>,
}

impl<R: Read> CountingReader<R> {
    /// Wraps `inner`, counting into `read` and watching `cancel`.
    pub fn new(inner: R, read: Arc<AtomicU64>, cancel: Arc<AtomicBool>) -> Self {
        Self {
            inner,
            read,
            cancel,
        }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cancel.load(Ordering::Relaxed) {
            return Err(io::Error::other(CANCELLED));
        }
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_cancels() {
        let read = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let mut r = CountingReader::new(&b"hello world"[..], read.clone(), cancel.clone());
        let mut buf = [0u8; 5];
        assert_eq!(r.read(&mut buf).unwrap(), 5);
        assert_eq!(read.load(Ordering::Relaxed), 5);
        cancel.store(true, Ordering::Relaxed);
        let err = r.read(&mut buf).unwrap_err();
        assert_eq!(err.to_string(), CANCELLED);
    }
}
