//! Two coders at once: a change made in one app instance shows on the
//! other's map and list within two seconds, through the server's notice.

use std::time::Duration;

use egui_kittest::kittest::Queryable as _;

use super::kit::{
    STORE_ONLY, connected, fresh_store, open_editor, outbox_dir, person, retype, server, shows,
    stored, wait_for,
};

#[test]
fn another_coder_s_change_shows_on_a_second_map_within_two_seconds() {
    let server = server();
    let db = fresh_store(server, "ui_live");
    let mut first = connected(&person(server, &db, "erin", "coder"), &outbox_dir("live-a"));
    let mut second = connected(&person(server, &db, "femi", "coder"), &outbox_dir("live-b"));

    open_editor(&mut first, STORE_ONLY);
    let title = "Shelling near Namangan, confirmed by the district";
    retype(&mut first, "Title", title);
    first.get_by_label("Save").click();
    first.step();

    let took = wait_for(
        &mut second,
        "the other coder's change",
        Duration::from_secs(2),
        |h| {
            h.query_all_by_label_contains(&format!("Incident: {title}"))
                .next()
                .is_some()
        },
    );
    second.run_steps(2);
    second.get_by_label_contains(&format!("Incident: {title}"));
    assert!(!shows(&second, STORE_ONLY), "the old title is gone");
    assert_eq!(
        stored(server, &db, "store-only-1", "title"),
        (Some(title.to_owned()), 2)
    );
    eprintln!("another coder's change shown after {took:?}");
}
