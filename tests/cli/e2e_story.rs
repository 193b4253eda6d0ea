//! End to end: the real binary under Xvfb renders steps of a story with
//! `--story [FILE] --step N --screenshot OUT.png`. Needs `xvfb-run`
//! (Debian package `xvfb`) and Mesa (see README.md).

use super::xvfb::{run_under_xvfb, tempdir};

/// Renders `--story [file] --step n` and loads the picture.
fn step(name: &str, file: Option<&str>, n: u32) -> image::RgbaImage {
    let out = tempdir(name).join("step.png");
    let out_str = out.to_str().expect("utf-8 temp path");
    let n = n.to_string();
    let mut args = vec!["--screenshot", out_str, "--size", "1200x800", "--story"];
    args.extend(file);
    args.extend(["--step", &n]);
    let output = run_under_xvfb(&args);
    assert!(
        output.status.success(),
        "screenshot run failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    image::open(&out).expect("a PNG was written").to_rgba8()
}

fn differing(a: &image::RgbaImage, b: &image::RgbaImage) -> usize {
    a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count()
}

#[test]
fn steps_of_the_bundled_story_render_differently() {
    let first = step("first", None, 1);
    let moscow = step("moscow", None, 9);
    assert_eq!(first.dimensions(), (1200, 800));
    let changed = differing(&first, &moscow);
    assert!(
        changed > 100_000,
        "steps 1 and 9 differ in only {changed} pixels"
    );
    // The same step renders the same.
    let again = step("again", None, 1);
    assert!(differing(&first, &again) < 2_000);
}

#[test]
fn a_story_file_renders_its_step_and_a_bad_one_says_where_it_is_wrong() {
    let dir = tempdir("file");
    let good = dir.join("good.json");
    std::fs::write(
        &good,
        r#"{"version": 1, "title": "One step", "steps": [
  {"caption": "The truce", "events": ["truce"], "panels": {"events_list": false}}
]}"#,
    )
    .expect("write the story");
    let shot = step("good", good.to_str(), 1);
    assert_eq!(shot.dimensions(), (1200, 800));

    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        "{\"version\": 1, \"title\": \"Bad\", \"steps\": [\n  {\"events\": [\"truce\"], \"window\": 3}\n]}",
    )
    .expect("write the story");
    let out = dir.join("never.png");
    let output = run_under_xvfb(&[
        "--screenshot",
        out.to_str().expect("utf-8"),
        "--story",
        bad.to_str().expect("utf-8"),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:2:35: error: steps[0].window: invalid type: integer `3`, expected a window",
            bad.display()
        )),
        "stderr: {stderr}"
    );
    assert!(!out.exists(), "no image is written on error");
}

#[test]
fn a_step_past_the_end_is_an_error() {
    let out = tempdir("past").join("never.png");
    let output = run_under_xvfb(&[
        "--screenshot",
        out.to_str().expect("utf-8"),
        "--story",
        "--step",
        "99",
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--step 99"), "stderr: {stderr}");
}
