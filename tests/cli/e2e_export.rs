//! End to end: the real binary draws pictures off screen, without a window:
//! `--animate` writes frames that differ and each show their dates, and
//! `--screenshot --map-only --scale 2` writes the map at twice its size.
//! Needs Mesa (lavapipe or llvmpipe) where there is no GPU (see README.md).

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_border-incidents");

pub(crate) fn run(args: &[&str]) -> Output {
    let runtime = tempdir("runtime");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700))
            .expect("runtime dir permissions");
    }
    Command::new(BIN)
        .args(args)
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .expect("the binary runs")
}

pub(crate) fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "border-incidents-export-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub(crate) fn ok(output: &Output) {
    assert!(
        output.status.success(),
        "the run failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The box in the top-left corner where a picture states its time window.
fn date_box(img: &image::RgbaImage) -> Vec<[u8; 4]> {
    let mut pixels = Vec::new();
    for y in 12..40 {
        for x in 12..200 {
            pixels.push(img.get_pixel(x, y).0);
        }
    }
    pixels
}

#[test]
fn animate_writes_five_frames_that_differ_and_carry_their_dates() {
    let out = tempdir("animate").join("frames");
    let out_str = out.to_str().expect("utf-8 temp path");
    let output = run(&[
        "--animate",
        "2022-09-14..2022-09-18",
        "--step",
        "1d",
        "--out",
        out_str,
        "--size",
        "640x400",
    ]);
    ok(&output);
    let index = std::fs::read_to_string(out.join("frames.csv")).expect("frames.csv");
    let rows: Vec<&str> = index.lines().skip(1).collect();
    assert_eq!(rows.len(), 5, "{index}");
    for (n, day) in (14..=18).enumerate() {
        assert!(
            rows[n].starts_with(&format!(
                "{},frame-{:04}.png,2022-09-{day}T00:00",
                n + 1,
                n + 1
            )),
            "{}",
            rows[n]
        );
    }
    let frames: Vec<image::RgbaImage> = (1..=5)
        .map(|n| {
            image::open(out.join(format!("frame-{n:04}.png")))
                .expect("a frame")
                .to_rgba8()
        })
        .collect();
    for pair in frames.windows(2) {
        assert_eq!(pair[0].dimensions(), (640, 400));
        assert_ne!(pair[0], pair[1], "consecutive frames are the same");
        assert_ne!(
            date_box(&pair[0]),
            date_box(&pair[1]),
            "the date drawn on consecutive frames is the same"
        );
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("wrote 5 frames"), "{stderr}");
}

#[test]
fn a_gif_animation_is_one_file_of_the_frames() {
    let out = tempdir("gif").join("playback.gif");
    let output = run(&[
        "--animate",
        "2022-09-15..2022-09-17",
        "--step",
        "12h",
        "--out",
        out.to_str().expect("utf-8 temp path"),
        "--size",
        "400x300",
    ]);
    ok(&output);
    let file = std::fs::File::open(&out).expect("the GIF");
    let mut decoder = gif::DecodeOptions::new().read_info(file).expect("a GIF");
    let mut frames = 0;
    while decoder.read_next_frame().expect("a frame").is_some() {
        frames += 1;
    }
    assert_eq!(frames, 6);
    assert_eq!((decoder.width(), decoder.height()), (400, 300));
}

#[test]
fn map_only_screenshot_at_twice_the_scale_is_the_map_size_doubled() {
    let out = tempdir("map-only").join("map.png");
    let output = run(&[
        "--screenshot",
        out.to_str().expect("utf-8 temp path"),
        "--map-only",
        "--scale",
        "2",
        "--size",
        "800x500",
    ]);
    ok(&output);
    let img = image::open(&out).expect("a PNG").to_rgba8();
    assert_eq!(img.dimensions(), (1600, 1000));
    // A map (shaded relief, fills, labels), not a blank or flat picture.
    let colours: std::collections::HashSet<[u8; 4]> = img.pixels().map(|p| p.0).collect();
    assert!(colours.len() > 2_000, "only {} colours", colours.len());
}

#[test]
fn a_write_that_fails_says_so_and_leaves_nothing() {
    let dir = tempdir("fails");
    let out = dir.join("missing-folder").join("playback.gif");
    let output = run(&[
        "--animate",
        "2022-09-14..2022-09-15",
        "--out",
        out.to_str().expect("utf-8 temp path"),
        "--size",
        "400x300",
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("missing-folder"), "{stderr}");
    assert_eq!(std::fs::read_dir(&dir).expect("the folder").count(), 0);
}

#[test]
fn select_names_an_event_of_an_opened_csv_and_an_unknown_one_fails() {
    let csv = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/csv/good_acled_current.csv"
    );
    let dir = tempdir("select-csv");
    let (plain, selected) = (dir.join("plain.png"), dir.join("selected.png"));
    for (out, select) in [(&plain, None), (&selected, Some("XKG101"))] {
        // The whole window, drawn off screen (a scale other than 1): the
        // card shows the event selected.
        let mut args = vec![
            "--events",
            csv,
            "--scale",
            "1.5",
            "--size",
            "800x500",
            "--screenshot",
        ];
        args.push(out.to_str().expect("utf-8"));
        if let Some(id) = select {
            args.extend(["--select", id]);
        }
        ok(&run(&args));
    }
    let a = image::open(&plain).expect("a PNG").to_rgba8();
    let b = image::open(&selected).expect("a PNG").to_rgba8();
    assert!(a != b, "selecting the CSV's event changes nothing");

    let never = dir.join("never.png");
    let output = run(&[
        "--events",
        csv,
        "--map-only",
        "--select",
        "XKG999",
        "--screenshot",
        never.to_str().expect("utf-8"),
    ]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--select XKG999: no event has this id"),
        "{stderr}"
    );
    assert!(!never.exists());
}
