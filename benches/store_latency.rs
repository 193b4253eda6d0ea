//! How long another coder's change takes to show in a connected app: a
//! second session (another coder) changes an event's title and commits;
//! the app, connected to the same database and drawing frames as a window
//! does, is timed from the commit to the first frame whose events list
//! shows the new title. Twenty changes against a throwaway PostgreSQL
//! server started here (`tests/support/pg_server.rs`); prints the median
//! and the worst. Run with `cargo bench --bench store_latency`.

// Shared with the tests, which use all of it.
#[allow(dead_code)]
#[path = "../tests/support/pg_server.rs"]
mod pg_server;

use std::sync::Arc;
use std::time::{Duration, Instant};

use border_incidents::app::App;
use border_incidents::data::Data;
use border_incidents::start::StartOptions;
use border_incidents::store::conninfo::ConnInfo;
use border_incidents::store::edit::{self, Edit, EditKind, Outcome};
use border_incidents::store::live::LinkState;
use border_incidents::store::{connect, migrate, push};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use serde_json::{Map, json};

/// Changes timed.
const CHANGES: usize = 20;
/// A change not shown after this long counts as lost.
const BOUND: Duration = Duration::from_secs(10);

fn main() {
    let server = pg_server::TestServer::start();
    let db = server.create_database("latency", true);
    let empty: std::collections::BTreeMap<String, String> = Default::default();
    let admin_info = ConnInfo::parse_in(&server.admin_url(&db), &empty).expect("admin");
    let mut other = connect::connect(&admin_info).expect("the other coder's session");
    migrate::init(&mut other, &db).expect("db init");
    let bundled = border_incidents::data::events::bundled().expect("bundled events");
    push::push(&mut other, &bundled, &mut |_| {}, None).expect("push");
    server.create_person("latency_coder", "pw", Some("border_incidents_coder"));
    let url = server.url(&db, "latency_coder", "pw");

    let mut app = connected(&url);
    // An event the list shows in the app's first view.
    let event = (bundled.events.iter())
        .find(|e| e.title == "Regional airport packed with people leaving")
        .map(|e| e.id.clone())
        .expect("the airport event");
    let mut version = 1;
    let mut took = Vec::with_capacity(CHANGES);
    for n in 0..CHANGES {
        let title = format!("Changed by another coder, round {n}");
        let mut changes = Map::new();
        changes.insert("title".into(), json!(title));
        let change = Edit::new(&event, Some(version), EditKind::Update(changes));
        let Ok(Outcome::Applied(Some(v))) = edit::apply(&mut other, &change) else {
            panic!("the other coder's change was not applied");
        };
        version = v;
        let committed = Instant::now();
        loop {
            app.step();
            if app.query_by_label(&title).is_some() {
                took.push(committed.elapsed());
                break;
            }
            assert!(
                committed.elapsed() < BOUND,
                "round {n}: not shown within {BOUND:?}"
            );
        }
        // Frames as an idle window draws them, between two changes.
        for _ in 0..5 {
            app.step();
        }
    }
    took.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = (ms(took[CHANGES / 2 - 1]) + ms(took[CHANGES / 2])) / 2.0;
    println!(
        "another coder's change shown: median {median:.0} ms, worst {:.0} ms, best {:.0} ms ({CHANGES} changes)",
        ms(took[CHANGES - 1]),
        ms(took[0])
    );
}

/// The app on the bundled data, connected to `url` as `--db` does, once
/// it shows the store's events.
fn connected(url: &str) -> Harness<'static, App> {
    let data = Arc::new(Data::bundled().expect("bundled data"));
    let opts = StartOptions {
        db: Some(url.to_owned()),
        ..Default::default()
    };
    let outbox = std::env::temp_dir().join(format!("latency-outbox-{}", std::process::id()));
    let mut app = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            let mut app = App::new(None, data.clone(), opts.clone());
            app.wait_for_full_map_detail();
            app.started_in(cc).with_outbox_dir(outbox.clone())
        });
    let start = Instant::now();
    while !app
        .state()
        .home()
        .live()
        .is_some_and(|l| l.state() == LinkState::Online && !l.versions().is_empty())
    {
        app.step();
        assert!(start.elapsed() < Duration::from_secs(30), "not connected");
    }
    app.run_steps(3);
    app
}
