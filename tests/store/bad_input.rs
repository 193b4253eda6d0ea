//! Bad input and bad places to connect: stored verbatim or refused with a
//! clear one-line message, never a panic; the server refuses what a role
//! may not do, whatever the client asks.

use std::time::{Duration, Instant};

use border_incidents::data::events::{self, BundledTexts};
use border_incidents::store::edit::{self, Edit, EditKind, Outcome};
use border_incidents::store::error::StoreError;
use border_incidents::store::{connect, pull, push};
use serde_json::{Map, json};

use crate::common::{admin, admin_info, fresh_store, info};
use crate::load::seed;
use crate::pg_server::{fresh_name, shared};

#[test]
fn odd_values_are_stored_verbatim() {
    let server = shared();
    let db = fresh_store("odd");
    let mut client = admin(server, &db);
    seed(server, &db, 1);
    let odd_ids = [
        "Robert'); DROP TABLE border_incidents.events;--",
        "ворух столкновение 2022",
        "a b\tc",
        "\"quoted\" \\ back\\slash",
        &"x".repeat(1000),
    ];
    let note = "Ω".repeat(512 * 1024); // a 1 MB note
    for id in odd_ids {
        let feature = json!({
            "type": "Feature", "geometry": null,
            "properties": {"id": id, "kind": "incident", "source": "shared",
                           "title": "'; SELECT pg_sleep(10); --", "start": "2022-09-14",
                           "end": "2022-09-14", "geometry_note": note.clone()},
        });
        let made = edit::apply(&mut client, &Edit::new(id, None, EditKind::Create(feature)));
        assert!(
            matches!(made, Ok(Outcome::Applied(Some(1)))),
            "{id}: {made:?}"
        );
    }
    let text = pull::pull_text(&mut client, &pull::Scope::default()).unwrap();
    let back = events::parse("odd", &text, &BundledTexts, &[])
        .into_result()
        .unwrap();
    for id in odd_ids {
        let e = back.events.iter().find(|e| e.id == id).expect(id);
        assert_eq!(e.title, "'; SELECT pg_sleep(10); --");
        assert_eq!(e.geometry_note.as_deref(), Some(note.as_str()));
    }
    let count: i64 = client
        .query_one("SELECT count(*) FROM border_incidents.events", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        count as usize,
        odd_ids.len() + 1,
        "the table is still there"
    );
}

#[test]
fn impossible_values_are_refused_with_what_is_wrong() {
    let server = shared();
    let db = fresh_store("impossible");
    let mut client = admin(server, &db);
    let ids = seed(server, &db, 1);
    let refuse = |client: &mut postgres::Client, geometry: serde_json::Value| {
        let mut changes = Map::new();
        changes.insert("geometry".into(), geometry);
        let e = Edit::new(&ids[0], Some(1), EditKind::Update(changes));
        match edit::apply(client, &e) {
            Err(e @ StoreError::Refused { .. }) => e.to_string(),
            other => panic!("not refused: {other:?}"),
        }
    };
    let text = refuse(
        &mut client,
        json!({"type": "Point", "coordinates": [200.0, 95.0]}),
    );
    assert!(
        text.contains("coordinates out of range: longitude 200"),
        "{text}"
    );
    let text = refuse(
        &mut client,
        json!({"type": "Point", "coordinates": [null, 40.0]}),
    );
    assert!(text.contains("two numbers"), "{text}");
    let text = refuse(
        &mut client,
        json!({"type": "Polygon", "coordinates": [[[70, 40], [71, 40], [70, 41], [70, 40]]]}),
    );
    assert!(text.contains("must be a Point"), "{text}");
    let mut changes = Map::new();
    changes.insert("uncertainty_km".into(), json!(-5));
    let e = Edit::new(&ids[0], Some(1), EditKind::Update(changes));
    assert!(matches!(
        edit::apply(&mut client, &e),
        Err(StoreError::Refused { .. })
    ));

    // NaN never reaches the server: the push refuses it first.
    let mut bundled = events::bundled().unwrap();
    bundled.events[0].geometry = Some(geo::Geometry::Point(geo::Point::new(f64::NAN, f64::NAN)));
    let e = push::push(&mut client, &bundled, &mut |_| {}, None).expect_err("refused");
    assert!(e.to_string().contains("is not a pair of numbers"), "{e}");
    let version: i32 = client
        .query_one(
            "SELECT version FROM border_incidents.events WHERE id = $1",
            &[&ids[0]],
        )
        .unwrap()
        .get(0);
    assert_eq!(version, 1, "nothing was changed by the refused edits");
}

#[test]
fn the_server_refuses_what_a_role_may_not_do() {
    let server = shared();
    let db = fresh_store("roles");
    seed(server, &db, 1);
    let (viewer, coder) = (fresh_name("viewer"), fresh_name("coder"));
    server.create_person(&viewer, "pw", Some("border_incidents_viewer"));
    server.create_person(&coder, "pw", Some("border_incidents_coder"));
    let bundled = events::bundled().unwrap();

    let mut as_viewer = connect::connect(&info(&server.url(&db, &viewer, "pw"))).unwrap();
    let text = pull::pull_text(&mut as_viewer, &pull::Scope::default()).unwrap();
    assert!(text.contains("shared-00"), "a viewer reads");
    let mut changes = Map::new();
    changes.insert("title".into(), json!("renamed by a viewer"));
    let e = Edit::new("shared-00", Some(1), EditKind::Update(changes.clone()));
    let refused = edit::apply(&mut as_viewer, &e).expect_err("refused");
    assert!(matches!(refused, StoreError::Denied(_)), "{refused:?}");
    assert!(
        refused.to_string().contains("permission denied"),
        "{refused}"
    );

    let mut as_coder = connect::connect(&info(&server.url(&db, &coder, "pw"))).unwrap();
    let e = Edit::new("shared-00", Some(1), EditKind::Update(changes));
    assert!(matches!(
        edit::apply(&mut as_coder, &e),
        Ok(Outcome::Applied(Some(2)))
    ));
    // A coder may not set a verdict, by an edit or by a push.
    let mut verdict = Map::new();
    verdict.insert(
        "verification".into(),
        json!({"verdict": "consistent", "note": "n", "sources": ["s"]}),
    );
    let e = Edit::new("shared-00", Some(2), EditKind::Update(verdict));
    let refused = edit::apply(&mut as_coder, &e).expect_err("refused");
    assert!(matches!(refused, StoreError::Denied(_)), "{refused:?}");
    let refused = push::push(&mut as_coder, &bundled, &mut |_| {}, None).expect_err("refused");
    assert!(
        refused.to_string().contains("only a reviewer may set"),
        "{refused}"
    );
}

#[test]
fn logins_and_addresses_that_fail_say_what_to_do_in_one_line() {
    let server = shared();
    let db = fresh_store("logins");
    let person = fresh_name("someone");
    server.create_person(&person, "right", Some("border_incidents_viewer"));
    let one_line = |e: StoreError| {
        let text = e.to_string();
        assert!(!text.contains('\n'), "{text}");
        text
    };
    let e = connect::connect(&info(&server.url(&db, &person, "wrong")))
        .err()
        .expect("refused");
    assert!(matches!(e, StoreError::Login { .. }), "{e:?}");
    assert!(one_line(e).contains("check the user name and the password"));

    let e = connect::connect(&info(&server.url("no_such_db", &person, "right")))
        .err()
        .expect("refused");
    assert!(one_line(e).contains("does not exist"));

    // A port nobody listens on, and an address nobody answers at.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let e = connect::connect(&info(&format!(
        "host=127.0.0.1 port={closed} dbname=x user=x password=x sslmode=disable"
    )))
    .err()
    .expect("refused");
    assert!(one_line(e).contains("cannot reach the database server at 127.0.0.1"));
    let started = Instant::now();
    let e = connect::connect(&info(
        "host=10.255.255.1 port=5432 dbname=x user=x password=x sslmode=disable",
    ))
    .err()
    .expect("refused");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
    assert!(one_line(e).contains("cannot reach"));
    let _ = admin_info(server, &db);
}
