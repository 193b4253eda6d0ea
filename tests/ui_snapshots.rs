//! Snapshot images of what a user sees (rendered with wgpu on Mesa's CPU
//! rasterizer). Update with `UPDATE_SNAPSHOTS=1 cargo test` and look at them.

mod common;

use border_incidents::app::StartOptions;
use border_incidents::data::time::EventTime;
use border_incidents::view::Theme;

fn day(text: &str) -> i64 {
    EventTime::parse(text).expect("a date").first_second()
}

#[test]
fn main_view() {
    let mut harness = common::harness();
    harness.run_steps(4);
    harness.snapshot("main_view");
}

#[test]
fn selected_incident() {
    let mut harness = common::harness_with(StartOptions {
        select: Some("clashes-2022-09".into()),
        ..Default::default()
    });
    harness.run_steps(4);
    harness.snapshot("selected_incident");
}

#[test]
fn timeline_mid_scrub() {
    let mut harness = common::harness_with(StartOptions {
        time: Some(day("2022-09-16")),
        window: Some((day("2022-09-12"), day("2022-09-17"))),
        ..Default::default()
    });
    harness.run_steps(4);
    harness.snapshot("timeline_mid_scrub");
}

#[test]
fn dark_theme() {
    let mut harness = common::harness_with(StartOptions {
        theme: Some(Theme::Dark),
        select: Some("tajik-account".into()),
        ..Default::default()
    });
    harness.run_steps(4);
    harness.snapshot("dark_theme");
}
