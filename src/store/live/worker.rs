//! The worker thread that holds the app's session with the store: it
//! connects, reads the role's rights, replays what the outbox kept, then
//! serves the app's requests one at a time (pulls, edits, a coded
//! article's save) and, between them, notices the server going away and
//! coming back. Requests and answers travel on channels; after each answer
//! the worker calls the app's waker, so that an idle window draws it.
//!
//! A pull carries a serial and its scope (`store::pull::Scope`: a box and
//! a time window), so that the app can ask for another part of the store
//! while one is read and drop the answers it no longer wants.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use crate::data::counts::TimeCounts;
use crate::data::events::Collection;
use crate::diagnostic::Diagnostic;

use super::Waker;
use super::inline::read_file_text;
use crate::store::cells::{self, Cells};
use crate::store::coded::{self, Coded, CodedReport};
use crate::store::conninfo::ConnInfo;
use crate::store::edit::Edit;
use crate::store::pull::{self, Scope};
use crate::store::rights::{self, Rights};
use crate::store::session::{Replay, Session, Submitted};
use crate::store::viewport::{self, Shown, ViewRequest};

/// How long the worker waits for a request before looking after the
/// connection.
const TICK: Duration = Duration::from_millis(250);
/// How often an idle online session checks that the server is there.
const PING_EVERY: Duration = Duration::from_secs(2);
/// How often an offline session tries the server again.
const RETRY_EVERY: Duration = Duration::from_secs(1);

/// What the app asks of the worker.
#[derive(Debug)]
pub enum Request {
    /// Read the events of `scope`; the answer carries `serial` back.
    Pull {
        /// Increases with every pull the app asks for.
        serial: u64,
        /// Which events.
        scope: Scope,
    },
    /// Send an edit (or keep it in the outbox while offline).
    Submit(Edit),
    /// Write a coded article; `known` holds the versions the coder's copy
    /// of its events was made on.
    SaveCoded {
        /// What to write.
        coded: Box<Coded>,
        /// The versions known.
        known: HashMap<String, i32>,
    },
    /// Try the server now (the coder asked), rather than at the next retry.
    Retry,
    /// Answer what a view shows; of the views waiting, only the latest is
    /// answered.
    View(ViewRequest),
}

/// The events a pull read.
#[derive(Debug)]
pub struct Pulled {
    /// The events, their sources and vocabularies.
    pub collection: Collection,
    /// The version of each event.
    pub versions: HashMap<String, i32>,
    /// Warnings the reader gave.
    pub warnings: Vec<Diagnostic>,
}

/// What the worker answers.
#[derive(Debug)]
pub enum Answer {
    /// The session is open.
    Connected {
        /// What the role may do.
        rights: Rights,
        /// How many events the store holds.
        stored: u64,
        /// What the outbox held at start and what became of it.
        replay: Replay,
        /// Edits still waiting.
        pending: usize,
    },
    /// The connection could not be made (the worker has ended).
    Refused(String),
    /// A pull's events, or why they could not be read.
    Pulled {
        /// The serial of the request.
        serial: u64,
        /// The events.
        result: Result<Box<Pulled>, String>,
    },
    /// What a view shows, or why the server could not say.
    Viewed {
        /// The serial of the view's request.
        serial: u64,
        /// The events or the counts.
        result: Result<Box<Viewed>, String>,
    },
    /// What became of an edit.
    Submitted {
        /// The edit.
        edit: Edit,
        /// Applied, queued or a conflict; or the server's refusal.
        result: Result<Submitted, String>,
    },
    /// What became of a coded article's save.
    Saved(Result<CodedReport, String>),
    /// The server went away: edits queue in the outbox.
    Offline {
        /// Edits waiting.
        pending: usize,
    },
    /// The server is back and the outbox was replayed.
    Online {
        /// What the replay did.
        replay: Replay,
        /// Edits still waiting.
        pending: usize,
    },
}

/// What a view shows: on the map, and as the timeline's histogram.
#[derive(Debug)]
pub struct Viewed {
    /// What the map shows.
    pub map: OnMap,
    /// Events per time bin.
    pub histogram: TimeCounts,
}

/// What the map shows of a view.
#[derive(Debug)]
pub enum OnMap {
    /// The events in it, few enough to draw one by one.
    Events(Pulled),
    /// Counts per cell of its grid, and the store's sources and
    /// vocabularies (no events).
    Cells(Cells, Collection),
}

/// The app's end of the worker.
pub struct Worker {
    requests: Sender<Request>,
    answers: Receiver<Answer>,
}

impl Worker {
    /// Starts the worker on a thread: it connects to `info`, keeping edits
    /// made offline in the outbox at `outbox`.
    pub fn start(info: ConnInfo, outbox: PathBuf, wake: Waker) -> std::io::Result<Self> {
        let (requests, inbox) = channel();
        let (reply, answers) = channel();
        std::thread::Builder::new()
            .name("store worker".to_owned())
            .spawn(move || {
                let mut state = match open(info, &outbox, &reply, &wake) {
                    Some(state) => state,
                    None => return,
                };
                state.serve(&inbox, &reply, &wake);
            })?;
        Ok(Self { requests, answers })
    }

    /// Sends a request; false when the worker has ended.
    pub fn send(&self, request: Request) -> bool {
        self.requests.send(request).is_ok()
    }

    /// The answers that arrived since the last call.
    pub fn poll(&self) -> Vec<Answer> {
        self.answers.try_iter().collect()
    }
}

/// The worker's side: the session and when it last looked at the server.
struct State {
    session: Session,
    checked: Instant,
}

/// Opens the session and replays the outbox; `None` (the refusal sent)
/// when the server cannot be reached or refuses.
fn open(info: ConnInfo, outbox: &Path, reply: &Sender<Answer>, wake: &Waker) -> Option<State> {
    let answer = |a: Answer| {
        let _ = reply.send(a);
        wake();
    };
    let mut session = match Session::open(info, outbox) {
        Ok(s) => s,
        Err(e) => {
            answer(Answer::Refused(e.to_string()));
            return None;
        }
    };
    let rights = match session.client().map(rights::read) {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            answer(Answer::Refused(e.to_string()));
            return None;
        }
        None => Rights::default(),
    };
    let replay = if session.pending().is_empty() {
        Replay::default()
    } else {
        session.reconnect().unwrap_or_default()
    };
    let pending = session.pending().len();
    let stored = match session.client().map(cells::stored_events) {
        Some(Ok(n)) => n,
        _ => 0,
    };
    answer(Answer::Connected {
        rights,
        stored,
        replay,
        pending,
    });
    Some(State {
        session,
        checked: Instant::now(),
    })
}

impl State {
    /// Serves requests until the app drops its end.
    fn serve(&mut self, inbox: &Receiver<Request>, reply: &Sender<Answer>, wake: &Waker) {
        loop {
            let was_online = self.session.is_online();
            let mut answers: Vec<Answer> = match inbox.recv_timeout(TICK) {
                Ok(request) => {
                    let waiting = std::iter::once(request).chain(inbox.try_iter());
                    latest_view_only(waiting.collect())
                        .into_iter()
                        .filter_map(|r| self.handle(r))
                        .collect()
                }
                Err(RecvTimeoutError::Timeout) => self.upkeep(false).into_iter().collect(),
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if was_online && !self.session.is_online() {
                answers.push(Answer::Offline {
                    pending: self.session.pending().len(),
                });
            }
            if answers.is_empty() {
                continue;
            }
            for a in answers {
                if reply.send(a).is_err() {
                    return;
                }
            }
            wake();
        }
    }

    /// One request.
    fn handle(&mut self, request: Request) -> Option<Answer> {
        match request {
            Request::Pull { serial, scope } => Some(Answer::Pulled {
                serial,
                result: self.pull(&scope),
            }),
            Request::Submit(edit) => {
                let result = self.session.submit(edit.clone()).map_err(|e| e.to_string());
                Some(Answer::Submitted { edit, result })
            }
            Request::SaveCoded { coded, known } => Some(Answer::Saved(self.save(&coded, &known))),
            Request::Retry => self.upkeep(true),
            Request::View(request) => Some(Answer::Viewed {
                serial: request.serial,
                result: self.view(&request),
            }),
        }
    }

    /// Answers what a view shows.
    fn view(&mut self, request: &ViewRequest) -> Result<Box<Viewed>, String> {
        let client = self.session.client().ok_or_else(offline)?;
        match viewport::ask(client, request) {
            Ok(answer) => {
                let map = match answer.shown {
                    Shown::Events { text, versions, .. } => {
                        let (collection, warnings) = read_file_text(&text, &[])?;
                        OnMap::Events(Pulled {
                            collection,
                            versions,
                            warnings,
                        })
                    }
                    Shown::Cells(cells) => {
                        let catalogue = answer.catalogue.as_deref().unwrap_or_default();
                        OnMap::Cells(cells, read_file_text(catalogue, &[])?.0)
                    }
                };
                Ok(Box::new(Viewed {
                    map,
                    histogram: answer.histogram,
                }))
            }
            Err(e) => {
                if e.is_lost() {
                    self.session.lost();
                }
                Err(e.to_string())
            }
        }
    }

    /// Reads the events of `scope` and checks them as a file is checked.
    fn pull(&mut self, scope: &Scope) -> Result<Box<Pulled>, String> {
        let client = self.session.client().ok_or_else(offline)?;
        match pull::pull_with_versions(client, scope) {
            Ok(pulled) => {
                let (collection, warnings) = read_file_text(&pulled.text, &[])?;
                Ok(Box::new(Pulled {
                    collection,
                    versions: pulled.versions,
                    warnings,
                }))
            }
            Err(e) => {
                if e.is_lost() {
                    self.session.lost();
                }
                Err(e.to_string())
            }
        }
    }

    /// Writes a coded article.
    fn save(&mut self, coded: &Coded, known: &HashMap<String, i32>) -> Result<CodedReport, String> {
        let client = self.session.client().ok_or_else(offline)?;
        coded::save(client, coded, known).map_err(|e| {
            if e.is_lost() {
                self.session.lost();
            }
            e.to_string()
        })
    }

    /// Between requests: an online session checks now and then that the
    /// server is there; an offline one (or one with edits still in the
    /// outbox) tries it again and replays the outbox once it answers.
    /// `now` tries at once.
    fn upkeep(&mut self, now: bool) -> Option<Answer> {
        let since = self.checked.elapsed();
        if self.session.is_online() && self.session.pending().is_empty() {
            if now || since >= PING_EVERY {
                self.checked = Instant::now();
                self.session.ping();
            }
            return None;
        }
        if !now && since < RETRY_EVERY {
            return None;
        }
        self.checked = Instant::now();
        match self.session.reconnect() {
            Ok(replay) => Some(Answer::Online {
                replay,
                pending: self.session.pending().len(),
            }),
            Err(_) => None,
        }
    }
}

/// The requests waiting, in order, with every view but the latest left
/// out: a view that moved on is not answered.
fn latest_view_only(mut waiting: Vec<Request>) -> Vec<Request> {
    let latest = waiting.iter().rposition(|r| matches!(r, Request::View(_)));
    let mut i = 0;
    waiting.retain(|r| {
        let keep = !matches!(r, Request::View(_)) || Some(i) == latest;
        i += 1;
        keep
    });
    waiting
}

/// Why a request that needs the server cannot be served now.
fn offline() -> String {
    "the database is offline".to_owned()
}
