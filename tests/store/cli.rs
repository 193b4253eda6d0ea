//! `border-incidents db …` as a person runs it: init, push, pull, history,
//! the libpq environment instead of a URL, and the exit codes.

use std::path::Path;
use std::process::{Command, Output};

use border_incidents::store::edit::{self, Edit, EditKind, Outcome};
use border_incidents::store::migrate::known_version;
use serde_json::{Map, json};

use crate::common::info;
use crate::pg_server::{SUPERUSER_PASSWORD, fresh_name, shared};

/// Runs the binary with `args` and extra environment `env`, in the
/// repository's root, with no PG variables of the caller's.
fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_border-incidents"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in [
        "PGHOST",
        "PGPORT",
        "PGUSER",
        "PGDATABASE",
        "PGPASSWORD",
        "PGPASSFILE",
        "PGSSLMODE",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn init_push_pull_and_history_from_the_command_line() {
    let server = shared();
    let db = server.create_database("cli", true);
    let url = server.admin_url(&db);

    let o = run(&["db", "init", &url], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("schema at version {} (was 0)", known_version())),
        "{}",
        stdout(&o)
    );
    let o = run(&["db", "init", &url], &[]);
    assert!(stdout(&o).contains("nothing to do"), "{}", stdout(&o));

    let files = [
        "assets/events.geojson",
        "tests/data/csv/good_acled_current.csv",
    ];
    let o = run(&["db", "push", files[0], files[1], "--to", &url], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(" added, 0 changed, 0 unchanged"),
        "{}",
        stdout(&o)
    );
    let o = run(&["db", "push", files[0], "--to", &url], &[]);
    assert!(
        stdout(&o).contains(": 0 added, 0 changed, 29 unchanged"),
        "{}",
        stdout(&o)
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pulled.geojson");
    let o = run(&["db", "pull", &url, "-o", out.to_str().unwrap()], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let check = run(&["check", "--events", out.to_str().unwrap()], &[]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let boxed = dir.path().join("boxed.csv");
    let o = run(
        &[
            "db",
            "pull",
            &url,
            "-o",
            boxed.to_str().unwrap(),
            "--to",
            "acled",
            "--bbox",
            "69.5,39.5,71.5,40.5",
            "--window",
            "2022-09-14..2022-09-17",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(Path::new(&boxed).exists());

    // Counts per cell instead of events, as the app draws a zoomed-out view.
    let cells = dir.path().join("cells.geojson");
    let o = run(
        &[
            "db",
            "pull",
            &url,
            "-o",
            cells.to_str().unwrap(),
            "--cells",
            "8",
            "--window",
            "2022-09-01..2022-09-30",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(" cells of level "), "{}", stdout(&o));
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cells).unwrap()).unwrap();
    let features = doc["features"].as_array().unwrap();
    assert!(!features.is_empty());
    let sum: u64 = features
        .iter()
        .map(|f| f["properties"]["count"].as_u64().unwrap())
        .sum();
    assert_eq!(sum, doc["total"].as_u64().unwrap());
    assert_eq!(features[0]["geometry"]["type"], "Polygon");

    // An edit by a coder, then its history.
    let coder = fresh_name("histcoder");
    server.create_person(&coder, "pw", Some("border_incidents_coder"));
    let mut client =
        border_incidents::store::connect::connect(&info(&server.url(&db, &coder, "pw"))).unwrap();
    let mut changes = Map::new();
    changes.insert("title".into(), json!("Clashes on the border, renamed"));
    let e = Edit::new("clashes-2022-09", Some(1), EditKind::Update(changes));
    assert!(matches!(
        edit::apply(&mut client, &e),
        Ok(Outcome::Applied(Some(2)))
    ));
    let o = run(&["db", "history", &url, "clashes-2022-09"], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("postgres  insert (version 1)"), "{text}");
    assert!(
        text.contains(&format!("{coder}  update (version 2)")),
        "{text}"
    );
    assert!(
        text.contains("    title: \"") && text.contains("→ \"Clashes on the border, renamed\""),
        "{text}"
    );

    let o = run(&["db", "history", &url, "no-such-event"], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no such event"), "{}", stderr(&o));
}

#[test]
fn without_a_url_the_libpq_environment_is_used() {
    let server = shared();
    let db = server.create_database("envdb", true);
    let port = server.port.to_string();
    let env = [
        ("PGHOST", "127.0.0.1"),
        ("PGPORT", port.as_str()),
        ("PGUSER", "postgres"),
        ("PGDATABASE", &db),
        ("PGSSLMODE", "disable"),
    ];
    let mut with_password = env.to_vec();
    with_password.push(("PGPASSWORD", SUPERUSER_PASSWORD));
    let o = run(&["db", "init"], &with_password);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    // The password from a password file instead.
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let pgpass = dir.path().join("pgpass");
    std::fs::write(
        &pgpass,
        format!("127.0.0.1:{port}:{db}:postgres:{SUPERUSER_PASSWORD}\n"),
    )
    .unwrap();
    std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut with_file = env.to_vec();
    with_file.push(("PGPASSFILE", pgpass.to_str().unwrap()));
    let o = run(&["db", "push", "assets/events.geojson"], &with_file);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("29 added"), "{}", stdout(&o));
}

#[test]
fn bad_urls_and_refusals_exit_with_the_right_code() {
    let server = shared();
    let db = server.create_database("exits", true);
    let o = run(&["db", "init", "host=x colour=blue"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown option \"colour\""),
        "{}",
        stderr(&o)
    );
    let o = run(&["db", "pull", "-o", "x.geojson", "--bbox", "1,2,3"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let wrong = server.url(&db, "postgres", "not-the-password");
    let o = run(&["db", "init", &wrong], &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("refused role postgres"),
        "{}",
        stderr(&o)
    );
    let o = run(
        &[
            "db",
            "push",
            "assets/events.geojson",
            "--to",
            &server.admin_url(&db),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("run border-incidents db init first"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn extract_and_convert_write_into_the_database_as_into_a_file() {
    let server = shared();
    let db = crate::common::fresh_store("cli_store_kinds");
    let url = server.admin_url(&db);
    let dir = tempfile::tempdir().expect("a temporary folder");

    // extract -o URL: the article's proposals into the database.
    let o = run(
        &[
            "extract",
            "tests/data/articles/india-china-2020.txt",
            "-o",
            &url,
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let said = stdout(&o);
    assert!(said.starts_with(&format!("postgres@{db} on ")), "{said}");
    let mut client = crate::common::admin(server, &db);
    let count = |client: &mut postgres::Client| -> i64 {
        let row = client
            .query_one("SELECT count(*) FROM border_incidents.events", &[])
            .expect("a count");
        row.get(0)
    };
    let extracted = count(&mut client);
    assert!(extracted > 0, "{said}");
    let text: String = client
        .query_one("SELECT body FROM border_incidents.sources", &[])
        .expect("the article's source")
        .get(0);
    assert!(
        text.contains("Galwan"),
        "the article's text is kept with its source"
    );

    // convert URL -o FILE reads the database back; convert FILE -o URL
    // writes a file's events into it, idempotent by id.
    let file = dir.path().join("pulled.geojson");
    let file_arg = file.to_str().expect("a UTF-8 path");
    let o = run(&["convert", &url, "-o", file_arg], &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains(&format!("wrote {extracted} of {extracted} events")),
        "{}",
        stdout(&o)
    );
    let o = run(
        &["convert", file_arg, "assets/events.geojson", "-o", &url],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("(the database)"), "{}", stdout(&o));
    let bundled = border_incidents::data::events::bundled().expect("bundled");
    assert_eq!(count(&mut client), extracted + bundled.events.len() as i64);

    // A connection string that cannot be read is a usage error.
    let o = run(&["convert", file_arg, "-o", "host=x dbname=y bogus=1"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
}
