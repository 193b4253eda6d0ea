//! End to end: the real binary, in a real window under Xvfb, renders a
//! screenshot with `--screenshot`. Needs `xvfb-run` (Debian package `xvfb`)
//! and Mesa (see README.md).

use std::path::Path;

use super::xvfb::{run_under_xvfb, tempdir};

fn shoot(name: &str, extra: &[&str]) -> image::RgbaImage {
    let out = tempdir(name).join("shot.png");
    let out_str = out.to_str().expect("utf-8 temp path");
    let mut args = vec!["--screenshot", out_str, "--size", "1200x800"];
    args.extend_from_slice(extra);
    let output = run_under_xvfb(&args);
    assert!(
        output.status.success(),
        "screenshot run failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    load(&out)
}

fn load(path: &Path) -> image::RgbaImage {
    image::open(path).expect("a PNG was written").to_rgba8()
}

#[test]
fn screenshot_has_the_asked_size_and_shows_the_map() {
    let img = shoot("default", &[]);
    assert_eq!(img.dimensions(), (1200, 800));
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels() {
        colours.insert(p.0);
    }
    assert!(
        colours.len() > 200,
        "the image looks blank: {} colours",
        colours.len()
    );
    // Each country's fill lies over the grey relief: a pixel of it is the
    // fill, at the opacity the map gives fills over relief, over a grey.
    let region = border_incidents::data::region::RegionProfile::bundled().expect("profile");
    for iso3 in ["KGZ", "TJK", "UZB"] {
        let fill = region.fill(iso3, false);
        let found = img.pixels().filter(|p| over_grey(p.0, fill)).count();
        assert!(
            found > 500,
            "the fill of {iso3} ({fill:?}) is missing: {found} pixels"
        );
    }
}

/// Whether `p` is `fill` at 55 % over some grey (within rounding).
fn over_grey(p: [u8; 4], fill: [u8; 3]) -> bool {
    let under: Vec<f32> = (0..3)
        .map(|i| (f32::from(p[i]) - 0.55 * f32::from(fill[i])) / 0.45)
        .collect();
    let (lo, hi) = (
        under.iter().copied().fold(f32::MAX, f32::min),
        under.iter().copied().fold(f32::MIN, f32::max),
    );
    lo >= 40.0 && hi - lo <= 8.0
}

#[test]
fn selecting_an_event_changes_the_picture() {
    let plain = shoot("plain", &[]);
    let data = border_incidents::data::Data::bundled().expect("bundled data");
    let id = data
        .events
        .iter()
        .find(|e| e.geometry.is_some())
        .map(|e| e.id.clone())
        .expect("an event with a place");
    let selected = shoot("selected", &["--select", &id]);
    let differing = plain
        .pixels()
        .zip(selected.pixels())
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        differing > 2_000,
        "--select {id} changed only {differing} pixels"
    );
}

#[test]
fn an_unknown_event_id_is_an_error_with_a_message() {
    let out = tempdir("unknown").join("shot.png");
    let output = run_under_xvfb(&[
        "--screenshot",
        out.to_str().expect("utf-8 temp path"),
        "--select",
        "no-such-event",
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-event"), "stderr: {stderr}");
    assert!(!out.exists(), "no image is written on error");
}
