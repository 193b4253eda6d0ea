//! Eight coders at once, each with a connection of their own, editing forty
//! shared events: no update is lost, every stale edit is refused and
//! reported, and the history holds every change with who made it.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use border_incidents::store::edit::{self, Edit, EditKind, Outcome};
use border_incidents::store::{connect, history};
use serde_json::{Map, Value, json};

use crate::common::{admin, fresh_store, info, numbers_as_floats};
use crate::pg_server::{TestServer, fresh_name, shared};

const CODERS: usize = 8;
const EDITS_EACH: usize = 300;
const EVENTS: usize = 40;

/// A dataset source and `n` events on it, written by the superuser.
pub fn seed(server: &TestServer, db: &str, n: usize) -> Vec<String> {
    seed_features(server, db, n)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// As [`seed`], with each event's Feature as written.
pub fn seed_features(server: &TestServer, db: &str, n: usize) -> Vec<(String, Value)> {
    server.sql(
        db,
        "INSERT INTO border_incidents.sources (id, kind, title) VALUES ('shared', 'dataset', 'Shared events')",
    );
    let mut client = admin(server, db);
    (0..n)
        .map(|i| {
            let id = format!("shared-{i:02}");
            let feature = json!({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [70.0 + i as f64 * 0.01, 40.0]},
                "properties": {"id": id, "kind": "incident", "source": "shared",
                               "title": format!("Shared event {i}"),
                               "start": "2022-09-14", "end": "2022-09-14"},
            });
            let made = edit::apply(
                &mut client,
                &Edit::new(&id, None, EditKind::Create(feature.clone())),
            );
            assert!(matches!(made, Ok(Outcome::Applied(Some(1)))), "{made:?}");
            (id, feature)
        })
        .collect()
}

/// What one coder did.
#[derive(Default)]
struct Tally {
    /// Edits the server applied: (edit id, event, version made).
    made: Vec<(String, String, i32)>,
    /// Edits refused as stale: their ids.
    refused: Vec<String>,
}

/// One coder's session: `EDITS_EACH` edits on events picked pseudo-randomly.
fn coder(url: String, n: usize, ids: Vec<String>) -> Tally {
    let mut client = connect::connect(&info(&url)).expect("coder connects");
    let mut known: HashMap<String, i32> = ids.iter().map(|id| (id.clone(), 1)).collect();
    let mut seed = 0x9e37_79b9_u64.wrapping_mul(n as u64 + 1);
    let mut tally = Tally::default();
    for k in 0..EDITS_EACH {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let id = &ids[(seed >> 33) as usize % ids.len()];
        let mut changes = Map::new();
        changes.insert("summary".into(), json!(format!("coder {n}, edit {k}")));
        changes.insert("uncertainty_km".into(), json!(k));
        let e = Edit::new(id, Some(known[id]), EditKind::Update(changes));
        match edit::apply(&mut client, &e).expect("the server answers") {
            Outcome::Applied(Some(v)) => {
                known.insert(id.clone(), v);
                tally.made.push((e.id.to_string(), id.clone(), v));
            }
            Outcome::Stale {
                version: Some(v), ..
            } => {
                known.insert(id.clone(), v);
                tally.refused.push(e.id.to_string());
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    tally
}

#[test]
fn eight_coders_at_once_lose_no_update() {
    let server = shared();
    let db = fresh_store("load");
    let seeded = seed_features(server, &db, EVENTS);
    let ids: Vec<String> = seeded.iter().map(|(id, _)| id.clone()).collect();
    let people: Vec<String> = (0..CODERS)
        .map(|_| {
            let name = fresh_name("coder");
            server.create_person(&name, "pw", Some("border_incidents_coder"));
            name
        })
        .collect();
    let started = Instant::now();
    let handles: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(n, person)| {
            let url = server.url(&db, person, "pw");
            let ids = ids.clone();
            std::thread::spawn(move || coder(url, n, ids))
        })
        .collect();
    let tallies: Vec<Tally> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let took = started.elapsed();
    assert!(took < Duration::from_secs(60), "took {took:?}");

    let made: usize = tallies.iter().map(|t| t.made.len()).sum();
    let refused: usize = tallies.iter().map(|t| t.refused.len()).sum();
    assert_eq!(made + refused, CODERS * EDITS_EACH);
    assert!(made > 0 && refused > 0, "made {made}, refused {refused}");
    println!(
        "load: {CODERS} coders, {} edits in {took:.1?}: {made} made, {refused} stale edits refused",
        CODERS * EDITS_EACH
    );

    let mut client = admin(server, &db);
    // Every edit made is in the history once, by its coder, at its version;
    // no refused edit is.
    let rows = client
        .query(
            "SELECT edit_id::text, row_id, version, changed_by FROM border_incidents.history
             WHERE table_name = 'events' AND op = 'update'",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), made, "one history row per edit made");
    let recorded: HashMap<String, (String, i32, String)> = rows
        .iter()
        .map(|r| (r.get::<_, String>(0), (r.get(1), r.get(2), r.get(3))))
        .collect();
    for (tally, person) in tallies.iter().zip(&people) {
        for (edit, event, version) in &tally.made {
            let (row, v, by) = &recorded[edit];
            assert_eq!((row, v, by), (event, version, person));
        }
        for edit in &tally.refused {
            assert!(!recorded.contains_key(edit), "a refused edit was recorded");
        }
    }
    // The final state is the history replayed on the events as seeded.
    for (id, seeded) in &seeded {
        let changes = history::of_event(&mut client, id).unwrap();
        assert_eq!(changes[0].op, "insert");
        let mut feature = seeded.clone();
        for c in &changes[1..] {
            for (name, diff) in c.changes.as_object().unwrap() {
                let new = diff["new"].clone();
                if name == "geometry" {
                    feature["geometry"] = new;
                } else if new.is_null() {
                    feature["properties"].as_object_mut().unwrap().remove(name);
                } else {
                    feature["properties"][name] = new;
                }
            }
        }
        let row = client
            .query_one(
                "SELECT border_incidents.feature_of(e)::text, e.version FROM border_incidents.events e WHERE id = $1",
                &[id],
            )
            .unwrap();
        let now: Value = serde_json::from_str(&row.get::<_, String>(0)).unwrap();
        assert_eq!(
            numbers_as_floats(now),
            numbers_as_floats(feature),
            "{id}: the table is not its history replayed"
        );
        assert_eq!(
            row.get::<_, i32>(1) as usize,
            changes.len(),
            "{id}: one version per change"
        );
    }
}
