//! Bad input when coding an article in the app: an empty file, a binary
//! file, text not in UTF-8, a Windows-1251 text with no date, a second
//! article while work is unsaved, and a 50 MB text read with progress and
//! cancelled, pasted text (and an empty paste). Each gets a clear message
//! and the open work stays.

use crate::coding_kit;

use border_incidents::app::App;
use coding_kit::{FakeDialog, article, code_article, harness, menu, temp_dir, wait_coded};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Waits until the coding window's problem shows, and returns its text.
fn problem_text(harness: &mut Harness<'static, App>) -> String {
    wait_coded(harness);
    let failure = harness
        .state()
        .workspace()
        .failure()
        .cloned()
        .expect("a problem is shown");
    harness.get_by_label("Cannot code this article");
    failure
        .problems
        .iter()
        .map(|d| d.describe())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn bad_articles_get_a_clear_message_and_the_open_work_stays() {
    let dir = temp_dir("bad");
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    let before = harness.state().data().events.len();
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.txt", b"  \n\n", "empty"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary"),
        (
            "latin1.txt",
            b"Caf\xe9 \xe0 la fronti\xe8re",
            "save the article as UTF-8",
        ),
    ];
    for (name, bytes, says) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        code_article(&mut harness, &dialog, &path);
        let text = problem_text(&mut harness);
        assert!(text.contains(says), "{name}: {text}");
        harness.get_by_label("OK").click();
        harness.run_steps(2);
        assert!(harness.state().workspace().session().is_none());
        assert_eq!(harness.state().data().events.len(), before);
    }

    // Windows-1251 is converted; an article with no date asks for one.
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251
        .encode("Пограничники обменялись огнём у села Ворух в субботу.\n\nДвое погибли.\n");
    let path = dir.join("vorukh-ru.txt");
    std::fs::write(&path, &cp1251).unwrap();
    code_article(&mut harness, &dialog, &path);
    harness.get_by_label("Publication date");
    harness.get_by_label("Published (YYYY-MM-DD)").click();
    harness.run_steps(1);
    harness
        .get_by_label("Published (YYYY-MM-DD)")
        .type_text("2023-03-13");
    harness.run_steps(2);
    harness.get_by_label("Propose events").click();
    harness.run_steps(2);
    wait_coded(&mut harness);
    let session = harness.state().workspace().session().expect("coded");
    assert_eq!(
        session.source().published,
        Some(jiff::civil::date(2023, 3, 13))
    );
    assert!(session.text().contains("Ворух"));
    assert!(
        session
            .notes()
            .iter()
            .any(|n| n.message.contains("windows-1251"))
    );

    // While its changes are unsaved, another article is refused, not swapped in.
    code_article(&mut harness, &dialog, &article());
    assert!(problem_text(&mut harness).contains("save the events"));
    assert!(
        harness
            .state()
            .workspace()
            .session()
            .unwrap()
            .text()
            .contains("Ворух")
    );
}

#[test]
fn a_long_text_shows_progress_and_can_be_cancelled() {
    let dir = temp_dir("long");
    let path = dir.join("long.txt");
    let paragraph = std::fs::read_to_string(article()).unwrap();
    let mut text = String::with_capacity(51 << 20);
    while text.len() < 50 << 20 {
        text.push_str(&paragraph);
    }
    std::fs::write(&path, &text).unwrap();
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    dialog.will_pick(&path);
    menu(&mut harness, "Code an article…");
    // The window keeps drawing while the text is read.
    harness.run_steps(3);
    harness.get_by_label("Coding an article");
    let before = harness.state().view().camera.points_per_km;
    harness.key_press(egui::Key::Plus);
    harness.run_steps(2);
    assert!(harness.state().view().camera.points_per_km > before);
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Coding an article").is_none());
    assert!(harness.state().workspace().session().is_none());
    harness.get_by_label_contains("long.txt was cancelled");
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Coding").is_none());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_article_with_no_dates_and_no_places_says_so() {
    let dir = temp_dir("vague");
    let path = dir.join("vague.txt");
    std::fs::write(
        &path,
        "Shots at the border\n\nGuards exchanged fire and two soldiers were wounded, officials said.\n",
    )
    .unwrap();
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    code_article(&mut harness, &dialog, &path);
    harness.get_by_label("Published (YYYY-MM-DD)").click();
    harness.run_steps(1);
    harness
        .get_by_label("Published (YYYY-MM-DD)")
        .type_text("2023-03-13");
    harness.run_steps(2);
    harness.get_by_label("Propose events").click();
    harness.run_steps(2);
    wait_coded(&mut harness);
    let workspace = harness.state().workspace();
    assert!(workspace.session().is_some(), "{:?}", workspace.failure());
    harness.get_by_label_contains("no date phrase found");
    harness.get_by_label_contains("no proposal has a point");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn pasted_text_is_coded_and_an_empty_paste_is_refused() {
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    let type_into = |harness: &mut Harness<'static, App>, label: &str, text: &str| {
        harness.get_by_label(label).click();
        harness.run_steps(1);
        harness.get_by_label(label).type_text(text);
        harness.run_steps(1);
    };

    // Nothing pasted: a message, and no session.
    menu(&mut harness, "Code pasted text…");
    harness.run_steps(2);
    type_into(&mut harness, "Published (YYYY-MM-DD)", "2023-03-13");
    harness.get_by_label("Propose events").click();
    harness.run_steps(2);
    let text = problem_text(&mut harness);
    assert!(text.contains("paste the article"), "{text}");
    harness.get_by_label("OK").click();
    harness.run_steps(2);
    assert!(harness.state().workspace().session().is_none());

    menu(&mut harness, "Code pasted text…");
    harness.run_steps(2);
    type_into(&mut harness, "Title", "Evacuation at Kok-Tash");
    type_into(&mut harness, "Published (YYYY-MM-DD)", "2023-03-13");
    type_into(
        &mut harness,
        "Article text",
        "About 300 residents of Kok-Tash in the Batken region were evacuated on Sunday evening, the emergencies ministry announced.",
    );
    harness.get_by_label("Propose events").click();
    harness.run_steps(2);
    wait_coded(&mut harness);
    let session = harness.state().workspace().session().expect("coded");
    assert_eq!(
        session.source().title.as_deref(),
        Some("Evacuation at Kok-Tash")
    );
    assert!(!session.proposals().is_empty());
    harness.get_by_label("Review");
}
