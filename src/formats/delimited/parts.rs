//! A table read on every core: the input cut into chunks of whole records
//! (`chunks.rs`) on the calling thread, each chunk parsed on a worker into
//! a [`Part`] (its events, the problems of its rows, the terms it met),
//! and the parts given back in the file's order. An input of one chunk is
//! read on the calling thread.

use std::collections::BTreeMap;
use std::io;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use super::Problems;
use super::builder::MetTerms;
use super::chunks::{Chunk, Chunker};
use crate::data::event::Event;
use crate::diagnostic::Diagnostic;

/// What one chunk of a table read into.
pub struct Part {
    /// The events of its rows that read, in order.
    pub events: Vec<Event>,
    /// The line and column of each event's id, for a repeat found later.
    pub id_at: Vec<(usize, usize)>,
    /// Each event's id hashed ([`super::builder::id_hash`]) while the id is
    /// fresh in this reader's cache, for the repeat check done in order.
    pub id_hashes: Vec<u64>,
    /// The problems of its rows.
    pub problems: Problems,
    /// The actors and event types its rows met, in order.
    pub terms: MetTerms,
    /// Why the chunk could not be read, if it could not.
    pub failed: Option<Diagnostic>,
}

/// Reads the chunks `chunker` gives, from `first` on, with `read` on
/// every core, and hands each part to `take` in the file's order; each
/// chunk's buffer goes back to `chunker` once read. Fails when the input
/// cannot be read (the parts read before it were taken).
pub fn read_all(
    chunker: &mut Chunker<'_>,
    first: Chunk,
    read: &(dyn Fn(&Chunk) -> Part + Sync),
    take: &mut dyn FnMut(Part),
) -> io::Result<()> {
    let second = chunker.next_chunk()?;
    let Some(second) = second else {
        take(read(&first));
        return Ok(());
    };
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        let (chunks, queue) = mpsc::sync_channel::<Chunk>(workers);
        let queue = Arc::new(Mutex::new(queue));
        let (parts, done) = mpsc::channel::<Done>();
        for _ in 0..workers {
            let (queue, parts) = (queue.clone(), parts.clone());
            scope.spawn(move || work(&queue, &parts, read));
        }
        drop(parts);
        let mut in_order = InOrder::default();
        let mut given = [first, second].into_iter().try_for_each(|c| {
            chunks
                .send(c)
                .map_err(|_| io::Error::other("a reader stopped"))
        });
        while given.is_ok() {
            in_order.take_ready(&done, take, chunker);
            match chunker.next_chunk() {
                Ok(Some(c)) => {
                    if chunks.send(c).is_err() {
                        given = Err(io::Error::other("a reader stopped"));
                    }
                }
                Ok(None) => break,
                Err(e) => given = Err(e),
            }
        }
        drop(chunks);
        for (index, part, _) in done.iter() {
            in_order.add(index, part, take);
        }
        given
    })
}

/// A chunk read: its place, its part and its buffer, to fill again.
type Done = (usize, Part, Vec<u8>);

/// A worker: reads chunks from `queue` until it is closed.
fn work(
    queue: &Mutex<mpsc::Receiver<Chunk>>,
    parts: &mpsc::Sender<Done>,
    read: &(dyn Fn(&Chunk) -> Part + Sync),
) {
    loop {
        let next = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(chunk) = next else { return };
        let part = read(&chunk);
        if parts.send((chunk.index, part, chunk.bytes)).is_err() {
            return;
        }
    }
}

/// Parts come back in any order; they are taken in the file's.
#[derive(Default)]
struct InOrder {
    next: usize,
    waiting: BTreeMap<usize, Part>,
}

impl InOrder {
    /// Takes the parts done so far, without waiting, and gives their
    /// buffers back to `chunker`.
    fn take_ready(
        &mut self,
        done: &mpsc::Receiver<Done>,
        take: &mut dyn FnMut(Part),
        chunker: &mut Chunker<'_>,
    ) {
        while let Ok((index, part, bytes)) = done.try_recv() {
            chunker.give_back(bytes);
            self.add(index, part, take);
        }
    }

    /// Keeps part `index`, then takes every part whose turn has come.
    fn add(&mut self, index: usize, part: Part, take: &mut dyn FnMut(Part)) {
        self.waiting.insert(index, part);
        while let Some(part) = self.waiting.remove(&self.next) {
            take(part);
            self.next += 1;
        }
    }
}
