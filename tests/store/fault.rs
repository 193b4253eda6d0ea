//! The server stopped hard (`pg_ctl stop -m immediate`) in the middle of a
//! burst of saves, and the coder quitting while offline: after the server
//! is back and the outbox replayed, every edit the session acknowledged is
//! in the database exactly once.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use border_incidents::store::edit::{Edit, EditKind};
use border_incidents::store::migrate;
use border_incidents::store::session::{Session, Submitted};
use serde_json::{Map, json};

use crate::common::{admin, info};
use crate::load::seed;
use crate::pg_server::{TestServer, fresh_name};

const SAVES: usize = 300;
const EVENTS: usize = 20;
/// The server is stopped once this many saves were acknowledged.
const STOP_AFTER: usize = 80;
/// The session is closed and opened again after this many.
const QUIT_AT: usize = 200;

#[test]
fn every_acknowledged_edit_is_there_exactly_once_after_a_crash() {
    // A server of its own: this test stops it.
    let server = Arc::new(TestServer::start());
    let db = server.create_database("fault", true);
    migrate::init(&mut admin(&server, &db), &db).unwrap();
    let ids = seed(&server, &db, EVENTS);
    let person = fresh_name("faulty");
    server.create_person(&person, "pw", Some("border_incidents_coder"));
    let url = server.url(&db, &person, "pw");
    let folder = tempfile::tempdir().unwrap();
    let outbox = folder.path().join("outbox.jsonl");

    let acknowledged = Arc::new(AtomicUsize::new(0));
    let stopper = {
        let (server, acknowledged) = (server.clone(), acknowledged.clone());
        std::thread::spawn(move || {
            while acknowledged.load(Ordering::SeqCst) < STOP_AFTER {
                std::thread::yield_now();
            }
            server.stop_immediately();
        })
    };

    let mut session = Session::open(info(&url), &outbox).unwrap();
    let mut version: HashMap<&str, i32> = ids.iter().map(|id| (id.as_str(), 1)).collect();
    let mut acked = Vec::new();
    let (mut applied, mut queued) = (0, 0);
    for n in 0..SAVES {
        if n == QUIT_AT {
            // The coder quits while offline and starts again.
            assert!(!session.is_online(), "the server should be down by now");
            drop(session);
            session = Session::offline(info(&url), &outbox).unwrap();
            assert_eq!(
                session.pending().len(),
                queued,
                "the outbox kept every queued edit"
            );
        }
        let id = ids[n % EVENTS].as_str();
        let mut changes = Map::new();
        changes.insert("summary".into(), json!(format!("save {n}")));
        let e = Edit::new(id, Some(version[id]), EditKind::Update(changes));
        let edit_id = e.id.to_string();
        match session.submit(e).expect("a save is taken or kept") {
            Submitted::Applied(Some(v)) => {
                version.insert(id, v);
                applied += 1;
            }
            Submitted::Queued => {
                // Once replayed, it will have made the next version.
                *version.get_mut(id).unwrap() += 1;
                queued += 1;
            }
            other => panic!("save {n}: {other:?}"),
        }
        acked.push(edit_id);
        acknowledged.fetch_add(1, Ordering::SeqCst);
    }
    stopper.join().unwrap();
    assert!(
        applied >= STOP_AFTER && queued > 0,
        "applied {applied}, queued {queued}"
    );

    server.start_again();
    let replay = session.reconnect().expect("the server is back");
    assert!(replay.conflicts.is_empty(), "{:?}", replay.conflicts);
    assert_eq!(replay.applied + replay.already, queued);
    assert!(session.pending().is_empty());
    println!(
        "fault: {SAVES} saves acknowledged, {applied} before the crash, {queued} kept offline \
         ({} of them already applied when the answer was lost); all found once after replay",
        replay.already
    );

    let mut client = admin(&server, &db);
    let rows = client
        .query(
            "SELECT edit_id::text, count(*) FROM border_incidents.history
             WHERE op = 'update' GROUP BY edit_id",
            &[],
        )
        .unwrap();
    let found: HashMap<String, i64> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(
        found.len(),
        SAVES,
        "every acknowledged save is in the history"
    );
    for edit in &acked {
        assert_eq!(
            found.get(edit),
            Some(&1),
            "save {edit} is not there exactly once"
        );
    }
    for id in &ids {
        let v: i32 = client
            .query_one(
                "SELECT version FROM border_incidents.events WHERE id = $1",
                &[id],
            )
            .unwrap()
            .get(0);
        assert_eq!(v, version[id.as_str()], "{id}");
    }
}
