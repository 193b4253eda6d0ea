//! End to end: `--story [FILE] --animate --out OUT` exports a whole story
//! off screen: every step held with its caption, the map gliding between
//! steps, as a folder of PNG frames or one GIF.

use super::e2e_export::{ok, run, tempdir};

/// Frames of a glide between two steps whose cameras differ, the step's
/// own frame included.
const GLIDE_FRAMES: usize = 6;

/// Two steps far apart: the truce over the region, then Vorukh close up.
const TWO_STEPS: &str = r#"{"version": 1, "title": "Two steps", "steps": [
  {"caption": "The truce held.", "events": ["truce"],
   "camera": {"lon": 71.4, "lat": 40.3, "width_km": 420, "height_km": 280},
   "window": {"from": "2022-09-16", "to": "2022-09-20"}},
  {"caption": "Vorukh, an enclave, close up.", "events": ["truce"],
   "camera": {"lon": 70.58, "lat": 39.85, "width_km": 30, "height_km": 20},
   "window": {"from": "2022-09-14", "to": "2022-09-17"}}
]}"#;

fn frame(dir: &std::path::Path, n: usize) -> image::RgbaImage {
    image::open(dir.join(format!("frame-{n:04}.png")))
        .expect("a frame")
        .to_rgba8()
}

/// The band under the time window where a story frame shows its caption.
fn caption_band(img: &image::RgbaImage) -> Vec<[u8; 4]> {
    (60..110)
        .flat_map(|y| (14..300).map(move |x| (x, y)))
        .map(|(x, y)| img.get_pixel(x, y).0)
        .collect()
}

#[test]
fn a_story_file_exports_each_step_held_and_the_glide_between() {
    let dir = tempdir("story-frames");
    let story = dir.join("two.json");
    std::fs::write(&story, TWO_STEPS).expect("write the story");
    let out = dir.join("frames");
    let output = run(&[
        "--story",
        story.to_str().expect("utf-8"),
        "--animate",
        "--out",
        out.to_str().expect("utf-8"),
        "--size",
        "640x400",
        "--frame-ms",
        "1500",
    ]);
    ok(&output);
    let index = std::fs::read_to_string(out.join("frames.csv")).expect("frames.csv");
    let rows: Vec<&str> = index.lines().skip(1).collect();
    assert_eq!(rows.len(), 1 + GLIDE_FRAMES, "{index}");
    let held: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.ends_with(",1500"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(held, [1, 1 + GLIDE_FRAMES], "{index}");
    // Each step's own window; the glide already shows the second step's.
    assert!(
        rows[0].contains(",2022-09-16T00:00:00,2022-09-20T00:00:00,"),
        "{}",
        rows[0]
    );
    assert!(
        rows[1].contains(",2022-09-14T00:00:00,2022-09-17T00:00:00,"),
        "{}",
        rows[1]
    );
    let (first, second) = (frame(&out, 1), frame(&out, 1 + GLIDE_FRAMES));
    assert_eq!(first.dimensions(), (640, 400));
    assert_ne!(
        caption_band(&first),
        caption_band(&second),
        "the two steps' captions look the same"
    );
    let glide = frame(&out, 3);
    assert_ne!(glide, first);
    assert_ne!(glide, second);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("wrote {} frames", 1 + GLIDE_FRAMES)),
        "{stderr}"
    );
}

#[test]
fn the_bundled_story_exports_as_one_gif() {
    let out = tempdir("story-gif").join("story.gif");
    let output = run(&[
        "--story",
        "--animate",
        "--out",
        out.to_str().expect("utf-8"),
        "--size",
        "400x300",
    ]);
    ok(&output);
    let file = std::fs::File::open(&out).expect("the GIF");
    let mut decoder = gif::DecodeOptions::new().read_info(file).expect("a GIF");
    let mut delays = Vec::new();
    while let Some(frame) = decoder.read_next_frame().expect("a frame") {
        delays.push(frame.delay);
    }
    // Eleven steps held four seconds (GIF delays count hundredths).
    assert_eq!(
        delays.iter().filter(|&&d| d == 400).count(),
        11,
        "{delays:?}"
    );
    assert!(delays.len() > 11, "no glide between steps: {delays:?}");
}

#[test]
fn animate_without_dates_or_a_story_says_what_to_give() {
    let out = tempdir("no-span").join("never.gif");
    let output = run(&["--animate", "--out", out.to_str().expect("utf-8")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--animate needs FROM..TO"), "{stderr}");
    assert!(!out.exists());

    let output = run(&[
        "--story",
        "--animate",
        "--step",
        "2",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("every step is exported"), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn a_story_may_name_events_of_a_file_given_with_events() {
    let dir = tempdir("story-csv");
    let story = dir.join("csv.json");
    std::fs::write(
        &story,
        r#"{"version": 1, "title": "From a dataset", "steps": [
  {"caption": "An armed clash the dataset records.", "events": ["XKG101"]}
]}"#,
    )
    .expect("write the story");
    let out = dir.join("frames");
    let csv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/csv/good_acled_current.csv"
    );
    let output = run(&[
        "--events",
        csv,
        "--story",
        story.to_str().expect("utf-8"),
        "--animate",
        "--out",
        out.to_str().expect("utf-8"),
        "--size",
        "400x300",
    ]);
    ok(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("XKG101"),
        "the event counts as not loaded: {stderr}"
    );
    let index = std::fs::read_to_string(out.join("frames.csv")).expect("frames.csv");
    // The step's window is its event's day, read from the loaded file.
    assert!(
        index.contains(",2022-09-14T00:00:00,2022-09-15T00:00:00,4000"),
        "{index}"
    );
}
