//! The view's glide to a story step, watched frame by frame: it moves
//! over several frames unless reduced motion is asked for, and it arrives
//! where the step looks (camera, window, cursor) before the step's event
//! is revealed, once.

use crate::common;
use crate::story::menu;

use border_incidents::app::App;
use border_incidents::start::StartOptions;
use border_incidents::story::bundled;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The app in frames of 50 ms with egui's animations on (the test
/// harness turns them off, which the app takes as reduced motion), to
/// watch a move under way.
fn harness_in_short_frames() -> Harness<'static, App> {
    let data = common::data();
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .with_step_dt(0.05)
        .build_eframe(move |cc| common::app(data.clone(), StartOptions::default()).started_in(cc));
    harness
        .ctx
        .all_styles_mut(|s| s.animation_time = 1.0 / 12.0);
    harness.run_steps(3);
    harness
}

/// Presses Next and returns the camera before, in the first frame it
/// moved, and once the move has ended.
fn next_step_cameras(
    harness: &mut Harness<'static, App>,
) -> [border_incidents::model::camera::Camera; 3] {
    let before = harness.state().view().camera;
    harness.get_by_label("Next ›").click();
    let mut moving = before;
    for _ in 0..20 {
        harness.step();
        moving = harness.state().view().camera;
        if moving != before {
            break;
        }
    }
    harness.run_steps(15);
    [before, moving, harness.state().view().camera]
}

#[test]
fn the_view_glides_to_a_step_unless_reduced_motion_is_asked_for() {
    let mut harness = harness_in_short_frames();
    menu(&mut harness, "Story", "Play the September 2022 story");
    harness.run_steps(15);
    let [before, moving, arrived] = next_step_cameras(&mut harness);
    assert!(before != arrived);
    assert!(
        moving != before && moving != arrived,
        "a frame in, the camera is on its way: {before:?} {moving:?} {arrived:?}"
    );
    menu(&mut harness, "Story", "Reduce motion");
    let [before, moving, arrived] = next_step_cameras(&mut harness);
    assert!(before != arrived);
    assert_eq!(
        moving, arrived,
        "with reduced motion the camera is there at once"
    );
}

#[test]
fn the_glide_arrives_where_the_step_looks_and_then_reveals_its_event() {
    let mut harness = harness_in_short_frames();
    menu(&mut harness, "Story", "Play the September 2022 story");
    harness.run_steps(15);
    let story = bundled::story().unwrap();
    let step = &story.steps[1];
    let quote = step.quote.as_ref().expect("the step quotes an event");
    let serial = |h: &Harness<'static, App>| h.state().view().reveal.as_ref().map(|r| r.serial);
    let revealed_first = serial(&harness);
    let before = harness.state().view().camera;

    harness.get_by_label("Next ›").click();
    harness.step();
    // Under way: the step's event is selected at once, revealed only on arrival.
    let mut frames = 0;
    while harness.state().view().camera == before && frames < 20 {
        harness.step();
        frames += 1;
    }
    let view = harness.state().view();
    assert_ne!(view.camera, before, "the camera moves");
    assert_eq!(view.selection.as_deref(), Some(quote.event.as_str()));
    assert_eq!(serial(&harness), revealed_first, "not revealed on the way");

    harness.run_steps(15);
    let arrived = harness.state().view().clone();
    let camera = step.camera.expect("the step has a camera");
    assert!((arrived.camera.center_lon - camera.lon).abs() < 1e-6);
    assert!((arrived.camera.center_lat - camera.lat).abs() < 1e-6);
    let window = step.window.expect("the step has a window");
    assert_eq!(arrived.time.window, window);
    assert_eq!(arrived.time.cursor, step.cursor.unwrap_or(window.1));
    let reveal = arrived.reveal.as_ref().expect("revealed on arrival");
    assert_eq!(reveal.event_id, quote.event);
    assert_eq!(Some(reveal.serial), revealed_first.map(|s| s + 1));
    // Arrived: the view stays, and the event is not revealed again.
    harness.run_steps(5);
    assert_eq!(harness.state().view().camera, arrived.camera);
    assert_eq!(harness.state().view().time, arrived.time);
    assert_eq!(serial(&harness), Some(reveal.serial));
    harness.get_by_label(&format!("Step 2 of {}", story.steps.len()));
}
