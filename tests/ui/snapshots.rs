//! Snapshot images of what a user sees (rendered with wgpu on Mesa's CPU
//! rasterizer). Update with `UPDATE_SNAPSHOTS=1 cargo test` and look at them.

use crate::common;

use border_incidents::data::time::EventTime;
use border_incidents::model::action::Action;
use border_incidents::model::view::Theme;
use border_incidents::start::StartOptions;

/// How many paint callbacks the last frame drew.
fn paint_callbacks(harness: &egui_kittest::Harness<'_, border_incidents::app::App>) -> usize {
    harness
        .output()
        .shapes
        .iter()
        .filter(|s| matches!(s.shape, egui::Shape::Callback(_)))
        .count()
}

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

/// The dark theme with the Tajik account selected.
fn dark_with_selection() -> StartOptions {
    StartOptions {
        theme: Some(Theme::Dark),
        select: Some("tajik-account".into()),
        ..Default::default()
    }
}

#[test]
fn dark_theme() {
    let mut harness = common::harness_with(dark_with_selection());
    harness.run_steps(4);
    harness.snapshot("dark_theme");
}

/// The real window keeps the map's base layers on the GPU and draws them
/// through a paint callback; the picture must be the one egui paints from
/// the same mesh, so this compares against the same image.
#[test]
fn main_view_with_base_layers_on_the_gpu() {
    let mut harness = common::harness_on_gpu_with(StartOptions::default());
    harness.run_steps(4);
    assert_eq!(
        paint_callbacks(&harness),
        2,
        "the base layers are two callbacks: the fills under the relief, the lines over it"
    );
    harness.snapshot("main_view");
}

/// As above, in the dark theme with a selection.
#[test]
fn dark_theme_with_base_layers_on_the_gpu() {
    let mut harness = common::harness_on_gpu_with(dark_with_selection());
    harness.run_steps(4);
    harness.snapshot("dark_theme");
}

/// Panned within the margin, the mesh on the GPU is moved by the shader
/// and the mesh drawn by egui is moved by egui: the pictures must agree.
#[test]
fn a_panned_map_on_the_gpu_looks_as_drawn_by_egui() {
    let images: Vec<image::RgbaImage> = [false, true]
        .into_iter()
        .map(|on_gpu| {
            let mut harness = if on_gpu {
                common::harness_on_gpu_with(StartOptions::default())
            } else {
                common::harness()
            };
            let camera = harness.state().view().camera;
            let proj = border_incidents::model::camera::Projection::at(40.5);
            let panned = camera.panned(&proj, egui::vec2(120.0, -60.0));
            harness.state_mut().apply(Action::SetCamera(panned));
            harness.run_steps(4);
            harness.render().expect("renders")
        })
        .collect();
    assert_eq!(images[0].dimensions(), images[1].dimensions());
    let differing = images[0]
        .pixels()
        .zip(images[1].pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > 8))
        .count();
    assert!(differing <= 200, "{differing} pixels differ");
}
