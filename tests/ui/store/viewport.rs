//! A store too large to read whole: the app asks it for the view. Zoomed
//! out the map shows counts per cell, zoomed in the events themselves;
//! every answer shown is the answer for the view shown; and when the
//! server goes away the map keeps its last answer and says why no new one
//! came.

use std::time::Duration;

use border_incidents::app::App;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::kit::{app_made, fresh_store, outbox_dir, person, wait_for};
use crate::pg_server::TestServer;

/// Events added to the store: over the Fergana Valley, 15–19 Sep 2022.
const GENERATED: u64 = 20_000;
/// Above this many events the app under test asks per view.
const VIEW_ABOVE: u64 = 1_000;

/// The title of the generated events' source.
const GENERATED_SOURCE: &str = "Generated events";

/// Adds [`GENERATED`] incidents of a source of their own on a grid over
/// the valley, through the schema's own triggers (which count them into
/// the summaries).
fn add_generated(server: &TestServer, db: &str) {
    server.sql(
        db,
        &format!(
            "INSERT INTO border_incidents.sources (id, kind, title)
                 VALUES ('generated', 'dataset', '{GENERATED_SOURCE}');
             INSERT INTO border_incidents.events (id, source_id, kind, title, start_text,
                 end_text, date_precision, location_precision, geom)
             SELECT 'gen-' || i, 'generated', 'incident',
                 'Generated event ' || i, '2022-09-1' || (5 + i % 5), '2022-09-1' || (5 + i % 5),
                 'day', 'exact',
                 ST_SetSRID(ST_MakePoint(70.0 + (i % 200) * 0.015,
                                         40.0 + (i / 200 % 100) * 0.012), 4326)
             FROM generate_series(1, {GENERATED}) AS i"
        ),
    );
}

/// Steps until the view's answer is in (the strip no longer says it is
/// being read, and the link has taken it).
fn settle(app: &mut Harness<'static, App>) {
    wait_for(app, "the view's answer", Duration::from_secs(30), |h| {
        h.state()
            .home()
            .live()
            .is_some_and(|l| l.is_viewing() && !l.view_waiting())
    });
    app.run_steps(3);
}

/// The counts the map draws, read from the cells' labels.
fn drawn_counts(app: &Harness<'static, App>) -> Vec<u64> {
    app.query_all_by_label_contains("Cell of ")
        .filter_map(|n| {
            let label = n.accesskit_node().label()?;
            let count = label.strip_prefix("Cell of ")?.split(' ').next()?;
            count.parse().ok()
        })
        .collect()
}

/// Whether an event's own marker is on the map.
fn shows_generated_markers(app: &Harness<'static, App>) -> bool {
    app.query_all_by_label_contains("Incident: Generated event")
        .next()
        .is_some()
}

/// Every event shown lies in the view last asked for (with the grid's
/// snapping around it).
fn events_lie_in_view(app: &Harness<'static, App>) {
    let state = app.state();
    let live = state.home().live().expect("connected");
    let [w, s, e, n] = live.view_question().expect("a view asked").bbox;
    let (dx, dy) = ((e - w) * 0.25, (n - s) * 0.25);
    for event in &state.data().events {
        if let Some(p) = border_incidents::model::positions::event_lonlat(event) {
            assert!(
                p[0] >= w - dx && p[0] <= e + dx && p[1] >= s - dy && p[1] <= n + dy,
                "{} at {p:?} is outside the view {w} {s} {e} {n}",
                event.id
            );
        }
    }
}

#[test]
fn zooming_in_turns_counts_per_cell_into_events_and_a_lost_server_keeps_the_last_view() {
    // A server of its own: this test stops it.
    let server = TestServer::start();
    let db = fresh_store(&server, "ui_viewport");
    add_generated(&server, &db);
    let url = person(&server, &db, "vera", "viewer");
    let outbox = outbox_dir("viewport");
    let mut app = app_made(Some(&url), &outbox, |a| a.with_view_above(VIEW_ABOVE));
    settle(&mut app);

    // Zoomed out: counts per cell, adding up to the events in view.
    let counts = drawn_counts(&app);
    assert!(counts.len() > 3, "cells: {counts:?}");
    let total = app.state().data().counts.as_ref().expect("counts").total;
    assert_eq!(counts.iter().sum::<u64>(), total);
    assert!(
        total >= GENERATED,
        "every generated event is in view: {total}"
    );
    assert!(app.state().data().events.is_empty(), "no event is read");
    assert!(!shows_generated_markers(&app));
    app.get_by_label(&format!(
        "{total} events in view, counted per cell by the database: zoom in to list them"
    ));
    app.get_by_label("Legend").click();
    app.run_steps(3);
    app.get_by_label_contains(&format!(
        "Events per cell, counted by the database: {total} in view"
    ));
    app.get_by_label("Legend").click();
    app.run_steps(2);

    // The timeline's histogram is the database's count over the
    // timeline's own bars: every generated event falls in one, and the
    // ruler says who counted.
    let histogram = app.state().data().time_counts.clone().expect("counted");
    assert!(histogram.counts.iter().sum::<u64>() >= GENERATED);
    let ruler = app.get_by_label("Time ruler").rect();
    app.hover_at(egui::pos2(ruler.center().x, ruler.bottom() - 5.0));
    for _ in 0..120 {
        app.step();
        if app.query_by_label_contains("events from").is_some() {
            break;
        }
    }
    let tip = app.get_by_label_contains("events from");
    let text = tip.accesskit_node().value().unwrap_or_default();
    assert!(
        text.contains("counted by the database: each event once"),
        "{text}"
    );
    let shown: u64 = text
        .lines()
        .nth(1)
        .and_then(|l| l.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a whole number of events");
    assert!(
        histogram.counts.contains(&shown),
        "{shown} in {histogram:?}"
    );
    app.hover_at(egui::pos2(1.0, 1.0));
    app.run_steps(2);

    // A search is asked of the database too: the one event it finds is
    // sent and listed, without zooming in; cleared, the counts are back.
    app.get_by_label("Search").focus();
    app.run_steps(2);
    app.get_by_label("Search").type_text("event 19999");
    app.run_steps(3);
    settle(&mut app);
    assert!(app.state().data().counts.is_none(), "the events themselves");
    assert_eq!(app.state().data().events.len(), 1);
    app.get_by_label_contains("Incident: Generated event 19999");
    app.get_by_label("Search").focus();
    app.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    app.key_press(egui::Key::Backspace);
    app.key_press(egui::Key::Escape);
    app.run_steps(3);
    settle(&mut app);
    assert_eq!(app.state().view().filters.text, "");
    assert!(app.state().data().counts.is_some(), "counts again");

    // The filters offer the store's sources while counts are drawn; the
    // generated source hidden, the article's few events are sent and
    // drawn, and the hidden source is still offered, to show again.
    app.get_by_label("Filters").click();
    app.run_steps(2);
    app.get_by_label("Source").click();
    app.run_steps(2);
    app.get_by_label(GENERATED_SOURCE).click();
    app.run_steps(3);
    settle(&mut app);
    assert!(app.state().data().counts.is_none(), "the events themselves");
    assert!(!app.state().data().events.is_empty());
    assert!(!shows_generated_markers(&app));
    assert!(
        app.state()
            .data()
            .events
            .iter()
            .all(|e| !e.id.starts_with("gen-"))
    );
    // A side hidden is asked of the database too: none of its events is
    // sent, and it stays offered.
    app.get_by_label("Side").click();
    app.run_steps(2);
    let kyrgyz_sent = |app: &Harness<'static, App>| {
        app.state()
            .data()
            .events
            .iter()
            .any(|e| e.side.as_deref() == Some("kyrgyz"))
    };
    app.get_by_label("Kyrgyz account").click();
    app.run_steps(3);
    settle(&mut app);
    assert!(!kyrgyz_sent(&app));
    app.get_by_label("Kyrgyz account").click();
    app.run_steps(3);
    settle(&mut app);
    assert!(kyrgyz_sent(&app));
    app.get_by_label("Side").click();
    app.run_steps(2);
    app.get_by_label(GENERATED_SOURCE).click();
    app.run_steps(3);
    settle(&mut app);
    assert_eq!(
        app.state().data().counts.as_ref().map(|c| c.total),
        Some(total),
        "the same counts again"
    );
    app.get_by_label("Filters").click();
    app.run_steps(2);

    // Zooming in, step by step: cells until few enough events, then the
    // events themselves, each answer the one of the view shown.
    let mut steps = 0;
    while !shows_generated_markers(&app) {
        steps += 1;
        assert!(steps <= 12, "still counts after {steps} zooms");
        app.key_press(egui::Key::Plus);
        settle(&mut app);
        events_lie_in_view(&app);
    }
    assert!(app.state().data().counts.is_none());
    assert!(drawn_counts(&app).is_empty());
    let read = app.state().data().events.len();
    assert!(read > 0 && read <= 5_000, "{read} events read");

    // Two moves in a row: what is shown is the second view's answer.
    app.key_press(egui::Key::Minus);
    app.step();
    app.key_press(egui::Key::Minus);
    settle(&mut app);
    events_lie_in_view(&app);

    // The server goes away: the next view gets a message, the map keeps
    // what it showed.
    let before = app.state().data().events.len();
    let had_counts = app.state().data().counts.clone();
    server.stop_immediately();
    app.key_press(egui::Key::Plus);
    wait_for(&mut app, "the message", Duration::from_secs(30), |h| {
        h.query_by_label_contains("did not answer for this view")
            .is_some()
    });
    assert_eq!(app.state().data().events.len(), before);
    assert_eq!(app.state().data().counts, had_counts);
}
