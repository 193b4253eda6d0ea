//! The story bar by keyboard alone: Tab reaches each of its controls,
//! Enter on a step's dot or on Next shows that step, Space starts
//! autoplay, and the shown step's caption is there for a screen reader.

use crate::common;

use border_incidents::app::App;
use border_incidents::start::StartOptions;
use border_incidents::story::bundled;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The app at step 1 of the bundled story.
fn at_first_step() -> Harness<'static, App> {
    let data = common::data();
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            let story = bundled::story().expect("the bundled story reads");
            common::app(data.clone(), StartOptions::default())
                .started_in(cc)
                .with_story(story, None, 0)
        });
    harness.run_steps(3);
    harness
}

/// Presses Tab until a control whose label contains `label` has the
/// keyboard; false after a full round of the window's controls.
fn tab_to(harness: &mut Harness<'static, App>, label: &str) -> bool {
    for _ in 0..200 {
        harness.key_press(egui::Key::Tab);
        harness.run_steps(1);
        if harness
            .query_all_by_label_contains(label)
            .any(|n| n.is_focused())
        {
            return true;
        }
    }
    false
}

fn shown_step(harness: &Harness<'static, App>) -> Option<usize> {
    harness.state().story().player.as_ref().map(|p| p.current())
}

#[test]
fn every_control_of_the_story_bar_is_reached_and_used_by_keyboard() {
    let mut harness = at_first_step();
    let story = bundled::story().expect("the bundled story reads");
    let n = story.steps.len();
    for label in ["Next ›", "Autoplay", "Edit steps", "Leave story"] {
        assert!(tab_to(&mut harness, label), "Tab reaches {label}");
    }
    for k in 1..=n {
        let dot = format!("Step {k} of {n}:");
        assert!(
            tab_to(&mut harness, &dot),
            "Tab reaches the dot of step {k}"
        );
    }

    // Enter on step 3's dot shows step 3, its caption read out.
    assert!(tab_to(&mut harness, &format!("Step 3 of {n}:")));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert_eq!(shown_step(&harness), Some(2));
    harness.get_by_label(&format!("Step 3 of {n}"));
    harness.get_by_label(&story.steps[2].caption);

    // Enter on Next moves on; Previous, now enabled, is reached too.
    assert!(tab_to(&mut harness, "Next ›"));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert_eq!(shown_step(&harness), Some(3));
    harness.get_by_label(&story.steps[3].caption);
    assert!(tab_to(&mut harness, "‹ Previous"));
    harness.key_press(egui::Key::Enter);
    harness.run_steps(4);
    assert_eq!(shown_step(&harness), Some(2));

    // Space on Autoplay starts it.
    assert!(tab_to(&mut harness, "Autoplay"));
    harness.key_press(egui::Key::Space);
    harness.run_steps(1);
    let playing = harness
        .state()
        .story()
        .player
        .as_ref()
        .map(|p| p.autoplay());
    assert_eq!(playing, Some(true));
}
