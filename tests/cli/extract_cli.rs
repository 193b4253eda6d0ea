//! The `extract` command as a user runs it: each test article extracted,
//! then `check --events` on what it wrote; exit 2 without a date; a
//! folder of articles; an HTML article and a Windows-1251 one converted.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_border-incidents"))
}

fn articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("extract-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn each_test_article_extracts_to_a_file_check_accepts() {
    let out = temp("each");
    for entry in std::fs::read_dir(articles()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let target = out.join(format!(
            "{}.events.geojson",
            path.file_stem().unwrap().to_string_lossy()
        ));
        let run = bin()
            .arg("extract")
            .arg(&path)
            .arg("-o")
            .arg(&target)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let check = bin()
            .args(["check", "--events"])
            .arg(&target)
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stdout);
        assert!(check.status.success(), "{said}");
        assert!(said.contains("1 valid"), "{said}");
    }
}

#[test]
fn no_date_exits_2_saying_what_to_pass() {
    let out = temp("nodate");
    let article = out.join("undated.txt");
    std::fs::write(
        &article,
        "Troops clashed near the village of Vorukh on Thursday.\n",
    )
    .unwrap();
    let run = bin().arg("extract").arg(&article).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(said.contains("--published YYYY-MM-DD"), "{said}");
    let run = bin()
        .arg("extract")
        .arg(&article)
        .args(["--published", "2021-05-03"])
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(out.join("undated.events.geojson").exists());
}

#[test]
fn a_folder_gives_one_file_per_article_and_converted_texts_are_written_beside() {
    let input = temp("folder-in");
    let out = temp("folder-out");
    std::fs::write(
        input.join("page.html"),
        "<html><body><h1>Clash</h1><p>Published 3 May 2021</p><p>Troops clashed on Thursday near the village of Vorukh.</p></body></html>",
    )
    .unwrap();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("3 May 2021\n\nБои в Баткене.\n");
    std::fs::write(input.join("cyrillic.txt"), &cp1251).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    let run = bin()
        .arg("extract")
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    // The empty article fails; the others are written.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stderr).contains("empty"));
    for name in ["page", "cyrillic"] {
        let events = out.join(format!("{name}.events.geojson"));
        assert!(out.join(format!("{name}.txt")).exists(), "{name}");
        let check = bin()
            .args(["check", "--events"])
            .arg(&events)
            .output()
            .unwrap();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
}

#[test]
fn two_articles_that_would_write_one_file_are_named_and_the_others_extracted() {
    let dir = temp("same-stem");
    let text = std::fs::read_to_string(articles().join("india-china-2020.txt")).unwrap();
    std::fs::write(dir.join("clash.txt"), &text).unwrap();
    std::fs::write(dir.join("clash.md"), &text).unwrap();
    std::fs::write(dir.join("other.txt"), &text).unwrap();
    let out = dir.join("out");
    let run = bin()
        .arg("extract")
        .arg(&dir)
        .args(["--published", "2020-06-17", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("clash.txt: error: its output") && stderr.contains("would also be"),
        "{stderr}"
    );
    // The others are extracted as usual.
    assert!(out.join("other.events.geojson").is_file());
    assert!(out.join("clash.events.geojson").is_file());
}
