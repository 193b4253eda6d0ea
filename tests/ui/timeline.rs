//! The timeline, used like a user would: drag the cursor and the window,
//! play, step with the arrow keys, type a date, click a bar.

use crate::common::{self, centre, day, drag, with_window};

use border_incidents::app::App;
use border_incidents::data::Data;
use border_incidents::data::event::{Event, EventKind};
use border_incidents::data::time::{EventTime, Seconds, from_seconds};
use border_incidents::start::StartOptions;
use border_incidents::timeline::bars::bar_label;
use egui::{Role, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn dragging_the_cursor_to_the_september_clashes_changes_what_is_shown() {
    let mut harness = with_window("2021-04-01", "2021-05-31");
    harness.get_by_label("2014–2022").click();
    harness.run_steps(2);
    let before = harness.state_mut().visible_count();
    let (wa, wb) = harness.state().view().time.window;
    // The window's edges are at known times: map a time to screen x from them.
    let xa = centre(&harness, "Window start").x;
    let xb = centre(&harness, "Window end").x;
    let x_of = |t: Seconds| xa + (t - wa) as f32 / (wb - wa) as f32 * (xb - xa);
    let grip = centre(&harness, "Time cursor");
    let target = day("2022-09-19");
    drag(&mut harness, grip, pos2(x_of(target), grip.y));
    let time = harness.state().view().time.clone();
    assert!(
        (time.cursor - target).abs() < 4 * 86_400,
        "cursor at {}",
        time.cursor
    );
    assert!(time.window.0 < day("2022-09-16") && time.window.1 > day("2022-09-16"));
    let after = harness.state_mut().visible_count();
    assert_ne!(before, after, "the shown events change");
    assert!(after > 0);
}

#[test]
fn dragging_the_window_start_widens_the_window() {
    let mut harness = with_window("2022-09-14", "2022-09-17");
    let (wa, wb) = harness.state().view().time.window;
    let before = harness.state_mut().visible_count();
    let grip = centre(&harness, "Window start");
    drag(&mut harness, grip, grip - egui::vec2(300.0, 0.0));
    let (na, nb) = harness.state().view().time.window;
    assert!(na < wa - 43_200, "start moved left: {wa} → {na}");
    assert_eq!(nb, wb);
    assert!(harness.state_mut().visible_count() >= before);
}

#[test]
fn space_plays_and_the_cursor_advances() {
    let mut harness = with_window("2022-09-12", "2022-09-13");
    harness.key_press(egui::Key::Space);
    harness.step();
    let before = harness.state().view().time.cursor;
    harness.run_steps(10);
    let time = harness.state().view().time.clone();
    assert!(time.playing);
    assert!(time.cursor > before, "{} > {before}", time.cursor);
    harness.key_press(egui::Key::Space);
    harness.run_steps(2);
    assert!(!harness.state().view().time.playing);
}

#[test]
fn arrow_keys_select_the_next_and_previous_event() {
    let data = common::data();
    let mut harness = with_window("2022-09-12", "2022-09-13");
    let cursor = harness.state().view().time.cursor;
    let key = |i: usize| {
        let e = &data.events[i];
        (e.start.first_second(), e.end.end_exclusive(), i)
    };
    let next = (0..data.events.len())
        .filter(|&i| key(i).0 > cursor)
        .min_by_key(|&i| key(i))
        .unwrap();
    // The keys step through events with the pointer over the timeline.
    harness.get_by_label("Play").hover();
    harness.run();
    let camera = harness.state().view().camera;
    harness.key_press(egui::Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(data.events[next].id.as_str())
    );
    assert_eq!(
        harness.state().view().camera,
        camera,
        "the map did not pan as well"
    );
    let now = harness.state().view().time.cursor;
    assert_eq!(now, key(next).0);
    let prev = (0..data.events.len())
        .filter(|&i| key(i).0 < now)
        .max_by_key(|&i| key(i))
        .unwrap();
    harness.key_press(egui::Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(data.events[prev].id.as_str())
    );
}

#[test]
fn typing_a_date_jumps_there_and_nonsense_is_refused() {
    let mut harness = common::harness();
    harness
        .get_by_role_and_label(Role::TextInput, "Go to date")
        .click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Go to date")
        .type_text("2022-09-16");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    let time = harness.state().view().time.clone();
    assert_eq!(time.cursor, day("2022-09-16"));
    assert!(time.window.0 <= time.cursor && time.cursor < time.window.1);

    harness
        .get_by_role_and_label(Role::TextInput, "Go to date")
        .click();
    harness.run_steps(2);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Go to date")
        .type_text("mid September");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Not a date").is_some());
    assert_eq!(harness.state().view().time.cursor, day("2022-09-16"));
}

#[test]
fn clicking_a_bar_selects_its_event() {
    let data = common::data();
    let mut harness = with_window("2022-09-12", "2022-09-19");
    let (i, label) = data
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.start.first_second() >= day("2022-09-14"))
        .map(|(i, e)| (i, bar_label(e)))
        .find(|(_, l)| harness.query_by_label(l).is_some())
        .expect("a bar of the September week is labelled");
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(data.events[i].id.as_str())
    );
}

/// The bundled data plus `copies` copies of its first incident, two minutes
/// apart from the start of 14 September 2022.
fn crowded_data(copies: usize) -> Data {
    let mut data = (*common::data()).clone();
    let model = data
        .events
        .iter()
        .find(|e| e.kind == EventKind::Incident)
        .expect("an incident")
        .clone();
    let first = day("2022-09-14");
    data.events.extend((0..copies).map(|k| {
        let at = EventTime::DateTime(from_seconds(first + k as Seconds * 120));
        Event {
            id: format!("copy-{k}"),
            start: at,
            end: at,
            refers_to: Vec::new(),
            account_of: None,
            ..model.clone()
        }
    }));
    data
}

#[test]
fn a_crowded_timeline_shows_density_and_a_click_zooms_in_to_bars() {
    let data = std::sync::Arc::new(crowded_data(3000));
    let model = data
        .events
        .iter()
        .find(|e| e.kind == EventKind::Incident)
        .expect("an incident")
        .title
        .clone();
    let opts = StartOptions {
        window: Some((day("2022-09-14"), day("2022-09-18"))),
        ..StartOptions::default()
    };
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |_cc| common::app(data.clone(), opts.clone()));
    harness.run_steps(3);
    // Over three thousand events in view: each row is a density strip.
    let crowd = harness.get_by_label_contains("Incidents: ");
    let label = crowd.accesskit_node().label().unwrap_or_default();
    assert!(
        label.ends_with("too many to draw one by one; click to zoom in"),
        "{label}"
    );
    let events: usize = label
        .trim_start_matches("Incidents: ")
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(events > 3000, "{label}");
    // The incidents are a strip; the few statements beside them keep their
    // bars, and no strip stands for them.
    assert!(
        harness
            .query_all_by_label_contains(&format!("Bar: {model}"))
            .next()
            .is_none()
    );
    assert!(harness.query_all_by_label_contains("Bar: ").count() > 0);
    assert!(harness.query_by_label_contains("Statements: ").is_none());
    // Hovering tells how many events a column holds.
    let at = crowd.rect().center();
    harness.hover_at(at);
    let mut tip_shown = false;
    for _ in 0..120 {
        harness.step();
        if harness
            .query_by_label_contains("events from 2022-09-")
            .is_some()
        {
            tip_shown = true;
            break;
        }
    }
    assert!(tip_shown, "no tooltip over the crowded row");
    // A click zooms in eight times about it; a second one brings single bars.
    harness.get_by_label_contains("Incidents: ").click();
    harness.run_steps(2);
    if harness
        .query_by_label_contains("too many to draw")
        .is_some()
    {
        harness.get_by_label_contains("Incidents: ").click();
        harness.run_steps(2);
    }
    assert!(
        harness
            .query_by_label_contains("too many to draw")
            .is_none()
    );
    let bars = harness.query_all_by_label_contains("Bar: ").count();
    assert!(bars > 20, "{bars} bars after zooming in");
}

/// A first run's timeline opens on the week most events fall in, with the
/// century of background one "Fit all" away.
#[test]
fn the_timeline_opens_where_most_events_are() {
    let mut harness = common::harness();
    let bar = "Bar: Kyrgyzstan: Tajikistan invaded Batken villages, 15–19 Sep 2022";
    let width = |h: &egui_kittest::Harness<'_, App>| h.get_by_label(bar).rect().width();
    assert!(width(&harness) > 100.0, "{}", width(&harness));
    // The window still holds every event.
    let shown = harness.state_mut().visible_count();
    assert_eq!(shown, common::data().events.len());
    assert!(
        harness
            .query_by_label_contains("Bar: The 1917 Russian Revolution")
            .is_none()
    );
    harness.get_by_label("Fit all").click();
    harness.run();
    assert!(width(&harness) < 5.0, "{}", width(&harness));
    // The background is on its own row, below the statements.
    let revolution = harness.get_by_label_contains("Bar: The 1917 Russian Revolution");
    assert!(revolution.rect().top() > harness.get_by_label(bar).rect().bottom());
}

/// Rows with nothing in view give their room to the others: on a first
/// start every bar of the week of the clashes is drawn, the Tajik shelling
/// account and the evacuation among them, none over another.
#[test]
fn every_bar_of_the_week_is_drawn_on_a_first_start() {
    let data = common::data();
    let harness = common::harness();
    let mut rects = Vec::new();
    for e in data.events.iter().filter(|e| {
        e.start.first_second() >= day("2022-09-15") && e.start.first_second() < day("2022-09-20")
    }) {
        let label = bar_label(e);
        let rect = harness
            .query_by_label(&label)
            .unwrap_or_else(|| panic!("no bar for {label}"))
            .rect();
        rects.push((label, rect));
    }
    assert!(rects.iter().any(|(l, _)| l.contains("shelled")));
    for (i, (la, a)) in rects.iter().enumerate() {
        assert!(a.height() >= 3.0, "{la}: {a:?}");
        // Each bar answers over its whole lane: neighbours' areas meet,
        // never overlap.
        for (lb, b) in &rects[i + 1..] {
            let inner = a.shrink2(egui::vec2(0.0, 0.25));
            assert!(!inner.intersects(*b), "{la} and {lb} overlap");
        }
    }
}

#[test]
fn the_timeline_legend_says_what_the_histogram_and_the_links_are() {
    let mut harness = common::harness();
    harness.get_by_label("Timeline legend").click();
    harness.run_steps(2);
    let _ = harness.get_by_label_contains("Histogram: events per slice of time, each event");
    let _ = harness.get_by_label_contains("Line between bars: a statement and an incident");
}
