//! Pushes large enough for the summaries to be written in bulk (schema 4):
//! every summary equals the same counts taken from the events table after
//! inserts, updates that move events between cells, days and categories,
//! deletes and single edits; the history of a push is what the server
//! wrote per row before (an update's properties old and new, from the
//! features before and after); a row sent unchanged is left alone; and a
//! row cannot be stamped by its sender.

use border_incidents::data::events::Collection;
use border_incidents::data::time::EventTime;
use border_incidents::store::edit::{self, Edit, EditKind, Outcome};
use border_incidents::store::{connect, push};
use serde_json::{Map, json};

use crate::common::{admin, fresh_store, info, synthetic};
use crate::pg_server::{fresh_name, shared};

/// Each summary as the statement triggers keep it, against the same counts
/// taken from the events table: for each summary (monthly, yearly, daily
/// per cell, daily), the rows missing from either side.
const SUMMARY_DIFFERENCES: &str = "
    WITH e AS (SELECT geom, start_day, kind, coalesce(category, '') AS category
               FROM border_incidents.events),
    months AS (SELECT l::smallint AS level, date_trunc('month', start_day)::date AS month,
                      border_incidents.cell_x(l, geom) AS cx, border_incidents.cell_y(l, geom) AS cy,
                      kind, category, count(*)::integer AS n
               FROM e, unnest(border_incidents.month_levels()) AS l GROUP BY 1, 2, 3, 4, 5, 6),
    years AS (SELECT level, date_trunc('year', month)::date AS year, cx, cy, kind, category,
                     sum(n)::integer AS n
              FROM months GROUP BY 1, 2, 3, 4, 5, 6),
    days AS (SELECT l::smallint AS level, start_day AS day, border_incidents.cell_x(l, geom) AS cx,
                    border_incidents.cell_y(l, geom) AS cy, kind, category, count(*)::integer AS n
             FROM e, unnest(border_incidents.day_levels()) AS l GROUP BY 1, 2, 3, 4, 5, 6),
    event_days AS (SELECT start_day AS day, kind, category, count(*)::integer AS n
                   FROM e GROUP BY 1, 2, 3)
    SELECT (SELECT count(*) FROM ((SELECT * FROM months EXCEPT
              SELECT level, month, cx, cy, kind, category, n FROM border_incidents.cell_months)
            UNION ALL (SELECT level, month, cx, cy, kind, category, n
              FROM border_incidents.cell_months EXCEPT SELECT * FROM months)) AS d),
           (SELECT count(*) FROM ((SELECT * FROM years EXCEPT
              SELECT level, year, cx, cy, kind, category, n FROM border_incidents.cell_years)
            UNION ALL (SELECT level, year, cx, cy, kind, category, n
              FROM border_incidents.cell_years EXCEPT SELECT * FROM years)) AS d),
           (SELECT count(*) FROM ((SELECT * FROM days EXCEPT
              SELECT level, day, cx, cy, kind, category, n FROM border_incidents.cell_days)
            UNION ALL (SELECT level, day, cx, cy, kind, category, n
              FROM border_incidents.cell_days EXCEPT SELECT * FROM days)) AS d),
           (SELECT count(*) FROM ((SELECT * FROM event_days EXCEPT
              SELECT day, kind, category, n FROM border_incidents.event_days)
            UNION ALL (SELECT day, kind, category, n
              FROM border_incidents.event_days EXCEPT SELECT * FROM event_days)) AS d)";

/// Checks that every summary holds exactly the counts of the events table.
fn assert_summaries_exact(client: &mut postgres::Client, when: &str) {
    let row = client.query_one(SUMMARY_DIFFERENCES, &[]).unwrap();
    let differences: [i64; 4] = [row.get(0), row.get(1), row.get(2), row.get(3)];
    assert_eq!(
        differences, [0; 4],
        "summary rows (months, years, cell days, days) differing from count(*) {when}"
    );
}

/// `events` with every third event given another category, every fifth
/// moved a degree east, every seventh a year later and every eleventh
/// retitled (a change that moves no count).
fn changed(events: &Collection) -> Collection {
    let mut c = events.clone();
    for (i, e) in c.events.iter_mut().enumerate() {
        if i % 3 == 0 {
            e.category = Some("ceasefire".to_owned());
        }
        if i % 5 == 0
            && let Some(geo::Geometry::Point(p)) = &mut e.geometry
        {
            p.set_x(p.x() + 1.0);
        }
        if i % 7 == 0 {
            let later = |t: &EventTime| {
                let d = t.date();
                EventTime::parse(
                    &d.checked_add(jiff::Span::new().years(1))
                        .unwrap()
                        .to_string(),
                )
                .unwrap()
            };
            e.start = later(&e.start);
            e.end = later(&e.end);
        }
        if i % 11 == 0 {
            e.title.push_str(" (retitled)");
        }
    }
    c
}

#[test]
fn bulk_counts_equal_count_star_through_inserts_updates_deletes_and_edits() {
    let server = shared();
    let db = fresh_store("bulkcounts");
    let mut client = admin(server, &db);
    let events = synthetic(6_000, 11);
    let first = push::push(&mut client, &events, &mut |_| {}, None).unwrap();
    assert_eq!(first.inserted, 6_000);
    assert_summaries_exact(&mut client, "after a first push");

    let moved = changed(&events);
    let second = push::push(&mut client, &moved, &mut |_| {}, None).unwrap();
    assert!(
        second.updated > 3_000 && second.unchanged > 1_000,
        "{second:?}"
    );
    assert_summaries_exact(&mut client, "after a push that moved events");

    // An edit (counted one key at a time) between bulk statements.
    let mut recat = Map::new();
    recat.insert("category".into(), json!("protest"));
    let e = Edit::new(&moved.events[1].id, Some(1), EditKind::Update(recat));
    assert!(matches!(
        edit::apply(&mut client, &e),
        Ok(Outcome::Applied(Some(2)))
    ));
    assert_summaries_exact(&mut client, "after an edit");

    let deleted = client
        .execute(
            "DELETE FROM border_incidents.events WHERE id LIKE 'syn-11-1%'",
            &[],
        )
        .unwrap();
    assert!(deleted > 1_000, "{deleted}");
    assert_summaries_exact(&mut client, "after a bulk delete");

    // Counts that fall to zero are dropped, not kept as zeros.
    client
        .execute("DELETE FROM border_incidents.events", &[])
        .unwrap();
    let left: i64 = client
        .query_one(
            "SELECT (SELECT count(*) FROM border_incidents.cell_months)
                  + (SELECT count(*) FROM border_incidents.cell_years)
                  + (SELECT count(*) FROM border_incidents.cell_days)
                  + (SELECT count(*) FROM border_incidents.event_days)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(left, 0);
}

#[test]
fn a_push_writes_the_history_the_row_trigger_wrote() {
    let server = shared();
    let db = fresh_store("bulkhistory");
    let mut client = admin(server, &db);
    let events = synthetic(3_000, 12);
    push::push(&mut client, &events, &mut |_| {}, None).unwrap();
    // One history row per event inserted, by the pushing role, version 1,
    // its changes empty (the row is the event as inserted).
    let inserted: i64 = client
        .query_one(
            "SELECT count(*) FROM border_incidents.history h JOIN border_incidents.events e
               ON e.id = h.row_id
             WHERE h.table_name = 'events' AND h.op = 'insert' AND h.version = 1
               AND e.version = 1 AND h.changed_by = session_user AND h.edit_id IS NULL
               AND h.changes = '{}'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(inserted, 3_000);
    client
        .batch_execute(
            "CREATE TABLE public.before AS
             SELECT id, border_incidents.feature_of(e)::jsonb AS feature FROM border_incidents.events AS e",
        )
        .unwrap();

    let moved = changed(&events);
    let second = push::push(&mut client, &moved, &mut |_| {}, None).unwrap();
    // Each update's changes are the properties that differ between the
    // event's features before and after, as the row trigger wrote them.
    let rows = client
        .query(
            "SELECT h.row_id, h.version, e.version,
                    h.changes = border_incidents.feature_changes(b.feature,
                        border_incidents.feature_of(e)::jsonb)
             FROM border_incidents.history h
             JOIN border_incidents.events e ON e.id = h.row_id
             JOIN public.before b ON b.id = h.row_id
             WHERE h.op = 'update'",
            &[],
        )
        .unwrap();
    assert_eq!(rows.len(), second.updated);
    for r in &rows {
        let (id, made, now, same): (String, i32, i32, bool) =
            (r.get(0), r.get(1), r.get(2), r.get(3));
        assert_eq!((made, now), (2, 2), "{id}");
        assert!(same, "{id}: history differs from the features' differences");
    }
    let title: serde_json::Value = client
        .query_one(
            "SELECT changes FROM border_incidents.history WHERE op = 'update' AND row_id = $1",
            &[&moved.events[11].id],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        title,
        json!({"title": {"old": "Event 11", "new": "Event 11 (retitled)"}})
    );

    // Pushed again unchanged: nothing written, no version raised.
    let seq = |client: &mut postgres::Client| -> i64 {
        client
            .query_one("SELECT max(seq) FROM border_incidents.history", &[])
            .unwrap()
            .get(0)
    };
    let before = seq(&mut client);
    let again = push::push(&mut client, &moved, &mut |_| {}, None).unwrap();
    assert_eq!((again.inserted, again.updated), (0, 0));
    assert_eq!(seq(&mut client), before);
}

#[test]
fn a_sender_cannot_stamp_its_own_rows() {
    let server = shared();
    let db = fresh_store("bulkstamp");
    let coder = fresh_name("coder");
    server.create_person(&coder, "pw", Some("border_incidents_coder"));
    server.sql(
        &db,
        "INSERT INTO border_incidents.sources (id, kind) VALUES ('s', 'dataset')",
    );
    let mut as_coder = connect::connect(&info(&server.url(&db, &coder, "pw"))).unwrap();
    // A range and a first day that are not the dates', sent by a coder.
    as_coder
        .batch_execute(
            "INSERT INTO border_incidents.events
                 (id, source_id, kind, title, start_text, end_text, during, start_day)
             VALUES ('forged', 's', 'incident', 'Forged', '2020-05-01', '2020-05-03',
                     tsrange('1999-01-01', '1999-01-02'), '1999-01-01'),
                    ('plain', 's', 'incident', 'Plain', '2020-05-01T10:00', '2020-05-01T10:30',
                     NULL, NULL)",
        )
        .unwrap();
    let rows = as_coder
        .query(
            "SELECT id, during::text, start_day::text, version, created_by, updated_by
             FROM border_incidents.events ORDER BY id",
            &[],
        )
        .unwrap();
    let got: Vec<(String, String, String, i32, String, String)> = rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect();
    assert_eq!(
        got,
        [
            (
                "forged".to_owned(),
                "[\"2020-05-01 00:00:00\",\"2020-05-04 00:00:00\")".to_owned(),
                "2020-05-01".to_owned(),
                1,
                coder.clone(),
                coder.clone()
            ),
            (
                "plain".to_owned(),
                "[\"2020-05-01 10:00:00\",\"2020-05-01 10:30:01\")".to_owned(),
                "2020-05-01".to_owned(),
                1,
                coder.clone(),
                coder.clone()
            ),
        ]
    );
    // A coder still may not set a version or who made the row.
    let refused = as_coder
        .batch_execute(
            "INSERT INTO border_incidents.events (id, source_id, kind, title, start_text, end_text,
                 version, created_by)
             VALUES ('x', 's', 'incident', 'X', '2020-05-01', '2020-05-01', 7, 'someone')",
        )
        .expect_err("refused");
    assert_eq!(
        refused.code(),
        Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE),
        "{refused:?}"
    );
}
