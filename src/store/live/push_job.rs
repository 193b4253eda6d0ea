//! A file's events pushed into the store from the app: on a thread of its
//! own with its own connection (the worker stays free for edits and
//! views), in one transaction through `COPY` (`store::push`), telling how
//! many events it has sent; Cancel rolls the transaction back, so the
//! table is as it was.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use super::{Live, Waker};
use crate::data::events::Collection;
use crate::store::conninfo::ConnInfo;
use crate::store::error::StoreError;
use crate::store::kind;
use crate::store::push::{self, PushReport};

/// How a push ended.
#[derive(Clone, Debug, PartialEq)]
pub enum PushOutcome {
    /// Written and committed.
    Pushed(PushReport),
    /// Cancelled: nothing was written.
    Cancelled,
    /// The server refused or went away: nothing was written.
    Failed(String),
}

/// One file's push, running or ended.
pub struct PushJob {
    name: String,
    total: usize,
    sent: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    ended: Receiver<PushOutcome>,
    outcome: Option<PushOutcome>,
}

impl PushJob {
    /// Starts pushing `collection` (read from the file `name`) into the
    /// database `info` names; `wake` is called as it goes and when it ends.
    pub fn start(
        info: ConnInfo,
        name: String,
        collection: Collection,
        wake: Waker,
    ) -> std::io::Result<Self> {
        let total = collection.events.len();
        let sent = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tell, ended) = channel();
        let (sent_by, cancel_by) = (sent.clone(), cancel.clone());
        std::thread::Builder::new()
            .name(format!("push {name}"))
            .spawn(move || {
                let outcome = run(&info, &collection, &sent_by, &cancel_by, &wake);
                let _ = tell.send(outcome);
                wake();
            })?;
        Ok(Self {
            name,
            total,
            sent,
            cancel,
            ended,
            outcome: None,
        })
    }

    /// The file's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How many events the file holds.
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many events have been sent (all of them while the server
    /// writes them into the table).
    pub fn sent(&self) -> usize {
        self.sent.load(Ordering::Relaxed)
    }

    /// Asks the push to stop; the transaction is rolled back.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// Whether Cancel was pressed.
    pub fn cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// How it ended, once it has.
    pub fn outcome(&self) -> Option<&PushOutcome> {
        self.outcome.as_ref()
    }

    /// Takes the outcome if it just arrived: true then.
    pub fn poll(&mut self) -> bool {
        if self.outcome.is_some() {
            return false;
        }
        match self.ended.try_recv() {
            Ok(outcome) => {
                self.outcome = Some(outcome);
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.outcome = Some(PushOutcome::Failed("the push stopped".to_owned()));
                true
            }
        }
    }
}

impl Live {
    /// Pushes the events of the file `name` into the database, unless a
    /// push is running already (then says so).
    pub fn push_file(&mut self, name: String, collection: Collection) {
        if self.push.as_ref().is_some_and(|j| j.outcome().is_none()) {
            self.notice = Some(format!(
                "{name} was not pushed: wait until the push running has ended"
            ));
            return;
        }
        match PushJob::start(self.info.clone(), name, collection, self.waker.clone()) {
            Ok(job) => self.push = Some(job),
            Err(e) => self.notice = Some(format!("cannot start the push: {e}")),
        }
    }

    /// The push running, or ended and not yet dismissed.
    pub fn push_job(&self) -> Option<&PushJob> {
        self.push.as_ref()
    }

    /// Takes the push's end: once events were written, what is shown is
    /// read again.
    pub(super) fn poll_push(&mut self) {
        let ended = self.push.as_mut().is_some_and(PushJob::poll);
        let pushed = matches!(
            self.push.as_ref().and_then(PushJob::outcome),
            Some(PushOutcome::Pushed(_))
        );
        if ended && pushed {
            self.refetch();
        }
    }
}

/// The push itself, on its thread.
fn run(
    info: &ConnInfo,
    collection: &Collection,
    sent: &AtomicUsize,
    cancel: &AtomicBool,
    wake: &Waker,
) -> PushOutcome {
    let mut client = match kind::open(info) {
        Ok(c) => c,
        Err(e) => return PushOutcome::Failed(e.to_string()),
    };
    let mut told = |n: usize| {
        sent.store(n, Ordering::Relaxed);
        wake();
    };
    match push::push(&mut client, collection, &mut told, Some(cancel)) {
        Ok(report) => PushOutcome::Pushed(report),
        Err(StoreError::Cancelled) => PushOutcome::Cancelled,
        Err(e) => PushOutcome::Failed(e.to_string()),
    }
}
