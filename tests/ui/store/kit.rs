//! What the store's UI tests share: a database on the test server holding
//! the bundled events and one event only the store has, people in the
//! team's roles, the app connected to it, and frames stepped until what a
//! person waits for is on screen (failing after a bound).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use border_incidents::app::App;
use border_incidents::start::StartOptions;
use border_incidents::store::conninfo::ConnInfo;
use border_incidents::store::edit::{self, Edit, EditKind, Outcome};
use border_incidents::store::live::LinkState;
use border_incidents::store::{connect, migrate, push};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serde_json::json;

use crate::common;
use crate::pg_server::{Database, TestServer, fresh_name, shared};

/// The event only the store has: its title.
pub const STORE_ONLY: &str = "Shelling reported near Namangan (store only)";
/// A bundled event the tests edit.
pub const AIRPORT: &str = "Regional airport packed with people leaving";

/// Settings from a connection string, without the process's environment.
pub fn info(url: &str) -> ConnInfo {
    let empty: std::collections::BTreeMap<String, String> = Default::default();
    ConnInfo::parse_in(url, &empty).expect("a test connection string")
}

/// A superuser session on `db`.
pub fn admin(server: &TestServer, db: &str) -> postgres::Client {
    connect::connect(&info(&server.admin_url(db))).expect("superuser connection")
}

/// A new database on `server` with the schema, the bundled events and
/// the store-only event; returns its name.
pub fn fresh_store(server: &TestServer, stem: &str) -> Database {
    let db = server.create_database(stem, true);
    let mut client = admin(server, &db);
    migrate::init(&mut client, &db).expect("db init");
    let bundled = border_incidents::data::events::bundled().expect("bundled events");
    push::push(&mut client, &bundled, &mut |_| {}, None).expect("the bundled events pushed");
    let source = &bundled.sources[0].id;
    let feature = json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [71.67, 41.0]},
        "properties": {"id": "store-only-1", "kind": "incident", "source": source,
                       "title": STORE_ONLY, "start": "2022-09-15", "end": "2022-09-15",
                       "summary": "Only the shared store has this event."},
    });
    let edit = Edit::new("store-only-1", None, EditKind::Create(feature));
    let made = edit::apply(&mut client, &edit);
    assert!(matches!(made, Ok(Outcome::Applied(Some(1)))), "{made:?}");
    db
}

/// A new person in `group` (`coder`, `reviewer` or `viewer`) on the shared
/// server; returns their connection string for `db`.
pub fn person(server: &TestServer, db: &str, stem: &str, group: &str) -> String {
    let name = fresh_name(stem);
    server.create_person(&name, "pw", Some(&format!("border_incidents_{group}")));
    server.url(db, &name, "pw")
}

/// The shared test server.
pub fn server() -> &'static TestServer {
    shared()
}

/// A temporary folder for an app's outbox.
pub fn outbox_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "border-incidents-store-ui-{test}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("an outbox folder");
    dir
}

/// The app on the bundled data, its outboxes in `outbox`, connecting at
/// start to `url` when given (as `--db URL` does).
pub fn app(url: Option<&str>, outbox: &Path) -> Harness<'static, App> {
    app_made(url, outbox, |app| app)
}

/// As [`app`], the app finished by `made` (a file dialog of the test's,
/// a smaller store asked per view).
pub fn app_made(
    url: Option<&str>,
    outbox: &Path,
    made: impl Fn(App) -> App + 'static,
) -> Harness<'static, App> {
    let data = common::data();
    let opts = StartOptions {
        db: url.map(str::to_owned),
        ..Default::default()
    };
    let outbox = outbox.to_owned();
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            made(
                common::app(data.clone(), opts.clone())
                    .started_in(cc)
                    .with_outbox_dir(outbox.clone()),
            )
        });
    harness.step();
    harness
}

/// Steps frames until `done` holds; fails saying `what` after `bound`.
pub fn wait_for(
    harness: &mut Harness<'static, App>,
    what: &str,
    bound: Duration,
    done: impl Fn(&Harness<'static, App>) -> bool,
) -> Duration {
    let start = Instant::now();
    loop {
        harness.step();
        if done(harness) {
            return start.elapsed();
        }
        assert!(start.elapsed() < bound, "{what}: not seen within {bound:?}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Whether the app shows the store's events, online.
pub fn online(harness: &Harness<'static, App>) -> bool {
    harness.state().home().live().is_some_and(|l| {
        l.state() == LinkState::Online && l.is_idle() && l.version("store-only-1").is_some()
    })
}

/// The app connected to `url` at start, with the store's events shown.
pub fn connected(url: &str, outbox: &Path) -> Harness<'static, App> {
    let mut harness = app(Some(url), outbox);
    wait_for(
        &mut harness,
        "the store's events",
        Duration::from_secs(30),
        online,
    );
    harness.run_steps(2);
    harness
}

/// Whether something labelled `label` is on screen (a selected event's
/// title is both a row of the list and the card's heading).
pub fn shows(harness: &Harness<'static, App>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

/// Selects the event titled `title` in the list, searching for it first
/// when its row is not scrolled into view, then clearing the search.
pub fn select(harness: &mut Harness<'static, App>, title: &str) {
    if harness
        .query_by_role_and_label(Role::Button, title)
        .is_none()
    {
        harness.get_by_label("Search").focus();
        harness.run_steps(1);
        harness.get_by_label("Search").type_text(title);
        harness.run_steps(2);
    }
    harness.get_by_role_and_label(Role::Button, title).click();
    harness.run_steps(2);
    if !harness.state().view().filters.text.is_empty() {
        harness.get_by_label("Search").focus();
        harness.run_steps(1);
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        harness.key_press(egui::Key::Backspace);
        harness.run_steps(2);
    }
}

/// Selects the event titled `title` in the list, and opens its editor.
pub fn open_editor(harness: &mut Harness<'static, App>, title: &str) {
    select(harness, title);
    harness.get_by_label("Edit…").click();
    // A window measures itself unseen on its first frame.
    harness.run_steps(3);
    harness.get_by_label("Edit event");
}

/// Replaces what the editor's field `label` holds with `text`.
pub fn retype(harness: &mut Harness<'static, App>, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.run_steps(1);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness.get_by_label(label).type_text(text);
    harness.run_steps(1);
}

/// The event's property as the database has it.
pub fn stored(server: &TestServer, db: &str, id: &str, property: &str) -> (Option<String>, i32) {
    let row = admin(server, db)
        .query_one(
            "SELECT border_incidents.feature_of(e) -> 'properties' ->> $2, e.version
             FROM border_incidents.events AS e WHERE e.id = $1",
            &[&id, &property],
        )
        .expect("the event in the database");
    (row.get(0), row.get(1))
}

/// The id of the bundled event titled `title`.
pub fn id_of(title: &str) -> String {
    common::data()
        .events
        .iter()
        .find(|e| e.title == title)
        .map(|e| e.id.clone())
        .expect("a bundled event with this title")
}
