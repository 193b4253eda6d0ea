//! The listener: a thread with its own connection that runs `LISTEN
//! border_incidents` and, for every change another session commits (the
//! server's trigger sends the table, id, version and operation), reads the
//! event as the server has it now and hands it to the app. A statement
//! that changes more than a hundred events is announced by one bulk notice
//! (the operation and the count); the app then reads the store again. When the
//! connection goes it says so, tries again every second, and says when it
//! is back (the app then reads the store again, for what it missed).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use postgres::Client;
use postgres::fallible_iterator::FallibleIterator as _;
use serde::Deserialize;

use super::Waker;
use crate::store::connect;
use crate::store::conninfo::ConnInfo;
use crate::store::pull;

/// How long one wait for a notice lasts before the thread looks whether
/// it is to stop.
const WAIT: Duration = Duration::from_millis(200);
/// How long the thread waits before connecting again.
const AGAIN: Duration = Duration::from_secs(1);

/// A change as the server announces it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Payload {
    /// `events` or `proposals`.
    pub table: String,
    /// The row's id (none in a bulk notice).
    pub id: Option<String>,
    /// The version the change made (none in a bulk notice).
    pub version: Option<i32>,
    /// `insert`, `update` or `delete`.
    pub op: String,
    /// How many rows one statement changed, in a bulk notice (the server
    /// sends one notice, not one per row, for more than a hundred).
    pub count: Option<i64>,
}

/// What the listener tells the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// An event changed: as the server has it now (an events file of it
    /// alone, and its version), or `None` once removed.
    Changed {
        /// The event's id.
        id: String,
        /// The version the notice named.
        version: i32,
        /// The event now.
        row: Option<(String, i32)>,
    },
    /// Many events changed at once (one statement changed more rows than
    /// the server announces one by one): read the store again.
    Bulk,
    /// The connection went.
    Lost,
    /// The connection is back after being lost.
    Back,
}

/// The app's end of the listener; the thread stops when this is dropped.
pub struct Listener {
    stop: Arc<AtomicBool>,
    notices: Receiver<Notice>,
}

impl Listener {
    /// Starts listening to the database `info` names.
    pub fn start(info: ConnInfo, wake: Waker) -> std::io::Result<Self> {
        let stop = Arc::new(AtomicBool::new(false));
        let (send, notices) = channel();
        let flag = stop.clone();
        std::thread::Builder::new()
            .name("store listener".to_owned())
            .spawn(move || run(&info, &flag, &send, &wake))?;
        Ok(Self { stop, notices })
    }

    /// The notices that arrived since the last call.
    pub fn poll(&self) -> Vec<Notice> {
        self.notices.try_iter().collect()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The thread: connect, listen, forward; again after a loss.
fn run(info: &ConnInfo, stop: &AtomicBool, send: &Sender<Notice>, wake: &Waker) {
    let mut lost = false;
    while !stop.load(Ordering::Relaxed) {
        let listening = connect::connect(info).and_then(|mut client| {
            client
                .batch_execute("LISTEN border_incidents")
                .map_err(|e| crate::store::error::StoreError::from_query(e, "listening"))?;
            Ok(client)
        });
        match listening {
            Ok(mut client) => {
                if lost && (send.send(Notice::Back).is_err()) {
                    return;
                }
                wake();
                if !forward(&mut client, stop, send, wake) {
                    return;
                }
                lost = true;
                if send.send(Notice::Lost).is_err() {
                    return;
                }
                wake();
            }
            Err(_) if !lost => {
                lost = true;
                if send.send(Notice::Lost).is_err() {
                    return;
                }
                wake();
            }
            Err(_) => {}
        }
        std::thread::sleep(AGAIN);
    }
}

/// Forwards notices until the connection goes (true) or the app is gone
/// or asks to stop (false).
fn forward(client: &mut Client, stop: &AtomicBool, send: &Sender<Notice>, wake: &Waker) -> bool {
    loop {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let next = client.notifications().timeout_iter(WAIT).next();
        let payload = match next {
            Ok(Some(n)) => n.payload().to_owned(),
            Ok(None) => {
                if client.is_closed() {
                    return true;
                }
                continue;
            }
            Err(_) => return true,
        };
        let Ok(p) = serde_json::from_str::<Payload>(&payload) else {
            continue;
        };
        if p.table != "events" {
            continue;
        }
        let notice = match (p.id, p.version) {
            (Some(id), Some(version)) => match pull::one(client, &id) {
                Ok(row) => Notice::Changed { id, version, row },
                Err(e) if e.is_lost() => return true,
                Err(_) => continue,
            },
            _ => Notice::Bulk,
        };
        if send.send(notice).is_err() {
            return false;
        }
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::Payload;

    #[test]
    fn a_row_notice_and_a_bulk_notice_both_read() {
        let row: Payload =
            serde_json::from_str(r#"{"table":"events","id":"e-1","version":3,"op":"update"}"#)
                .expect("a row notice");
        assert_eq!(row.id.as_deref(), Some("e-1"));
        assert_eq!(row.version, Some(3));
        assert_eq!(row.count, None);
        let bulk: Payload =
            serde_json::from_str(r#"{"table":"events","op":"insert","count":5000}"#)
                .expect("a bulk notice");
        assert_eq!(bulk.id, None);
        assert_eq!(bulk.count, Some(5000));
    }
}
