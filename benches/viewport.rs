//! The shared store at scale: a throwaway PostgreSQL with PostGIS (as the
//! tests start it), filled with generated events by SQL, then the view's
//! question asked at the default view, zoomed into one district, for one
//! week, for 46 days (no whole month), for the whole world, and at the
//! default view with the article's events (pushed beside the generated
//! ones) hidden, from the summaries and from the rows: p50 and p95
//! of the answer, side by side with the same counts taken from the events
//! table without the summary tables, and with loading every event into memory. The query plans are
//! printed (auto_explain, as notices). The generated rows are vacuumed
//! before the views are asked, as autovacuum leaves a server after a load.
//! With `--push FILE`, the time of `db push FILE` through COPY, beside
//! reading the same file with `check`.
//!
//! `cargo bench --bench viewport` (10,000,000 events; `BENCH_EVENTS=N` for
//! another number, `BENCH_REPEATS=N` for more or fewer runs per view).
//! `BENCH_DATABASE=URL` asks a database of a server started by hand
//! instead of a throwaway one: it is initialised and filled the first time
//! (when it has no events table) and asked as it is after that, so the
//! same ten million events can be asked again by another build.

// The tests' server harness; the bench uses part of it.
#[allow(dead_code)]
#[path = "../tests/support/pg_server.rs"]
mod pg_server;

use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use border_incidents::data::events;
use border_incidents::data::time::{Seconds, from_seconds};
use border_incidents::store::cells::Cells;
use border_incidents::store::narrow::{Narrowing, Reach};
use border_incidents::store::viewport::{self, Shown, ViewQuestion, ViewRequest};
use border_incidents::store::{migrate, push};
use jiff::civil::Date;
use pg_server::TestServer;
use postgres::{Client, Config, NoTls};

/// Events generated per INSERT statement.
const BATCH: i64 = 1_000_000;

/// The generated events' first day and the day after their last.
const FIRST_DAY: &str = "2000-01-01";
const END_DAY: &str = "2025-01-01";

/// The Fergana profile's focus box: the app's default view.
const FOCUS: [f64; 4] = [69.26495, 39.17284, 73.60548, 41.39465];

/// A box of about one district: Isfara, Vorukh and Kok-Tash.
const DISTRICT: [f64; 4] = [70.40, 39.80, 70.85, 40.10];

fn main() {
    let n: i64 = env_number("BENCH_EVENTS", 10_000_000);
    let repeats: usize = env_number("BENCH_REPEATS", 40);
    let args: Vec<String> = std::env::args().collect();
    let push_file = args
        .iter()
        .position(|a| a == "--push")
        .and_then(|i| args.get(i + 1));
    let given = std::env::var("BENCH_DATABASE").ok();
    // Kept alive (a throwaway server stops when dropped) until the end.
    let throwaway = (push_file.is_some() || given.is_none()).then(TestServer::start);
    let started = || {
        throwaway
            .as_ref()
            .expect("a throwaway server when none is given")
    };
    if let Some(file) = push_file {
        push_side_by_side(started(), file);
        return;
    }
    // Kept (a test database is dropped with its handle) until the end.
    let made = given
        .is_none()
        .then(|| started().create_database("viewport", true));
    let url = match (&given, &made) {
        (Some(url), _) => url.clone(),
        (None, Some(db)) => started().admin_url(db),
        (None, None) => unreachable!("a database is made when none is given"),
    };
    let mut client = plain_client(&url, None);
    if !initialised(&mut client) {
        let name: String = client
            .query_one("SELECT current_database()", &[])
            .expect("the database's name")
            .get(0);
        migrate::init(&mut client, &name).expect("db init");
        generate(&mut client, n);
    }

    // The article's events beside the generated ones (left as they are
    // when already there), so that a view can hide a small source.
    let article = events::bundled().expect("the bundled events");
    push::push(&mut client, &article, &mut |_| {}, None).expect("the article's events");
    let article_hidden = Narrowing {
        hidden_sources: vec![article.sources[0].id.clone()],
        ..Narrowing::default()
    };
    // The same events let through, counted from the rows: a side no event
    // has hidden too.
    let by_rows = Narrowing {
        hidden_sides: vec!["no-such-side".to_owned()],
        ..article_hidden.clone()
    };
    let everything = Narrowing::default();
    let whole = (day(FIRST_DAY), day(END_DAY));
    let views = [
        ("default view, every year", FOCUS, whole, &everything),
        ("one district, every year", DISTRICT, whole, &everything),
        (
            "default view, one week",
            FOCUS,
            (day("2022-09-12"), day("2022-09-19")),
            &everything,
        ),
        (
            "default view, 46 days",
            FOCUS,
            (day("2022-08-10"), day("2022-09-25")),
            &everything,
        ),
        (
            "the whole world, every year",
            [-180.0, -90.0, 180.0, 90.0],
            whole,
            &everything,
        ),
        (
            "default view, article hidden",
            FOCUS,
            whole,
            &article_hidden,
        ),
        ("the same, from the rows", FOCUS, whole, &by_rows),
    ];
    println!(
        "\n{:<30} {:>12} {:>10} {:>10}",
        "view", "answer", "p50 ms", "p95 ms"
    );
    let mut plans_of = Vec::new();
    for (name, bbox, window, narrowing) in views {
        let request = ViewRequest {
            serial: 1,
            question: ViewQuestion {
                bbox,
                window,
                kinds: None,
                categories: None,
                narrowing: narrowing.clone(),
                across: 64,
                histogram: border_incidents::data::counts::TimeBins::over(window, 200),
            },
        };
        let mut answer = None;
        // Counted from the rows, a view takes seconds: a few runs tell.
        let runs = if narrowing.reach() == Reach::Rows {
            repeats.min(5)
        } else {
            repeats
        };
        let times = timed(runs, || {
            answer = Some(viewport::ask(&mut client, &request).expect("viewport answer"));
        });
        let answer = answer.expect("at least one run");
        let (what, total, cells) = match &answer.shown {
            Shown::Events { count, .. } => (format!("{count} events"), *count, None),
            Shown::Cells(c) => (format!("{} cells", c.cells.len()), c.total, Some(c.clone())),
        };
        println!(
            "{name:<30} {what:>12} {:>10.1} {:>10.1}",
            ms(percentile(&times, 50)),
            ms(percentile(&times, 95))
        );
        plans_of.push((name, request, total, cells));
    }
    println!("\nSide by side: the same counts from the events table, no summary tables");
    println!(
        "{:<30} {:>12} {:>12} {:>10} {:>10}",
        "view", "summaries", "events", "p50 ms", "p95 ms"
    );
    for (name, request, total, cells) in &plans_of {
        let Some(cells) = cells else {
            println!("{name:<30} answered with events: nothing to compare");
            continue;
        };
        let mut direct = 0;
        let times = timed(repeats.min(5), || {
            direct = count_without_summaries(&mut client, cells, &request.question);
        });
        println!(
            "{name:<30} {total:>12} {direct:>12} {:>10.1} {:>10.1}",
            ms(percentile(&times, 50)),
            ms(percentile(&times, 95))
        );
        assert_eq!(
            *total, direct,
            "{name}: the summaries must count what count(*) counts"
        );
    }
    println!(
        "\nThis process's peak resident memory after every answer: {} MB",
        peak_rss_mb()
    );
    load_everything(&mut client);
    print_plans(&url, &plans_of);
}

/// Whether the database already holds the schema's events table.
fn initialised(client: &mut Client) -> bool {
    client
        .query_one(
            "SELECT to_regclass('border_incidents.events') IS NOT NULL",
            &[],
        )
        .expect("looking for the events table")
        .get(0)
}

/// A number from the environment, or `default`.
fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// A superuser session without TLS on loopback; notices go to `notices`.
fn plain_client(url: &str, notices: Option<Arc<Mutex<Vec<String>>>>) -> Client {
    let mut config: Config = url.parse().expect("a connection string");
    if let Some(sink) = notices {
        config.notice_callback(move |n| {
            if let Ok(mut v) = sink.lock() {
                v.push(n.message().to_owned());
            }
        });
    }
    config.connect(NoTls).expect("superuser connection")
}

/// Inserts `n` events in statements of [`BATCH`]: 30 % in the focus box,
/// the rest over 30–110° E, 0–60° N; days uniform over 2000–2024; one in
/// twenty lasting up to four more days; one in a hundred without a point;
/// one in ten a context row; five categories. The row triggers are off
/// while they go in (each row's range and first day are written directly;
/// no history is written for generated rows); each statement's rows are
/// counted into the summaries by the schema's own `count_events`, as the
/// statement trigger counts them.
fn generate(client: &mut Client, n: i64) {
    client
        .batch_execute(
            "INSERT INTO border_incidents.sources (id, kind, title)
             VALUES ('generated', 'dataset', 'Generated events');
             ALTER TABLE border_incidents.events DISABLE TRIGGER USER",
        )
        .expect("the generated source");
    let [w, s, e, north] = FOCUS;
    let started = Instant::now();
    let mut first = 1;
    while first <= n {
        let last = (first + BATCH - 1).min(n);
        let sql = format!(
            "WITH made AS (
             SELECT i, 'g' || i AS id, CASE WHEN i % 10 = 0 THEN 'context' ELSE 'incident' END AS kind,
                 d, d + CASE WHEN i % 20 = 0 THEN (i / 20 % 5)::integer ELSE 0 END AS d_end,
                 CASE WHEN i % 100 = 0 THEN NULL WHEN focus
                      THEN ST_SetSRID(ST_MakePoint({w} + u * {dx}, {s} + v * {dy}), 4326)
                      ELSE ST_SetSRID(ST_MakePoint(30 + u * 80, v * 60), 4326) END AS geom,
                 (ARRAY['battles', 'explosions', 'violence_against_civilians', 'protests',
                        'strategic_developments'])[1 + i % 5] AS category
             FROM (SELECT i, random() < 0.3 AS focus, random() AS u, random() AS v,
                          date '{FIRST_DAY}' + floor(random() * (date '{END_DAY}' - date '{FIRST_DAY}'))::integer AS d
                   FROM generate_series({first}::bigint, {last}::bigint) AS i) AS g),
             inserted AS (
             INSERT INTO border_incidents.events (id, source_id, kind, title, start_text, end_text,
                 during, start_day, date_precision, location_precision, geom, category)
             SELECT id, 'generated', kind, 'Generated event ' || i, to_char(d, 'YYYY-MM-DD'),
                 to_char(d_end, 'YYYY-MM-DD'), tsrange(d, d_end + 1, '[)'), d, 'day', 'exact',
                 geom, category
             FROM made
             RETURNING geom, start_day, kind, category)
             SELECT border_incidents.count_events(ARRAY(
                 SELECT ROW(geom, start_day, kind, category)::border_incidents.counted
                 FROM inserted), 1)",
            dx = e - w,
            dy = north - s,
        );
        client.batch_execute(&sql).expect("generated events");
        eprintln!(
            "generated {last} of {n} events ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
        first = last + 1;
    }
    client
        .batch_execute("ALTER TABLE border_incidents.events ENABLE TRIGGER USER")
        .expect("triggers back on");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "Generated {n} events in {secs:.0} s ({:.0} rows/s, counted into the summaries)",
        n as f64 / secs
    );
    // What autovacuum does on its own some time after a large insert (and
    // `db push` right after one): statistics, and the visibility map that
    // lets the summaries' index-only scans skip the heap.
    let vacuum = Instant::now();
    client
        .batch_execute("VACUUM (ANALYZE)")
        .expect("vacuumed, statistics");
    println!(
        "Vacuumed and analysed in {:.0} s",
        vacuum.elapsed().as_secs_f64()
    );
}

/// The counts of `cells` taken again from the events table itself, the
/// sources `asked` hides left out.
fn count_without_summaries(client: &mut Client, cells: &Cells, asked: &ViewQuestion) -> u64 {
    let (from, to) = asked.window;
    let [x0, y0, x1, y1] = cells.span;
    let [w, s, e, n] = cells.snapped_box();
    let row = client
        .query_one(
            "SELECT coalesce(sum(n), 0)::bigint FROM (
                 SELECT border_incidents.cell_x($1, geom), border_incidents.cell_y($1, geom),
                        coalesce(category, ''), count(*) AS n
                 FROM border_incidents.events
                 WHERE geom && ST_MakeEnvelope($6, $7, $8, $9, 4326)
                   AND border_incidents.cell_x($1, geom) BETWEEN $2 AND $4
                   AND border_incidents.cell_y($1, geom) BETWEEN $3 AND $5
                   AND during && tsrange($10::text::timestamp, $11::text::timestamp, '[)')
                   AND NOT source_id = ANY($12)
                 GROUP BY 1, 2, 3) AS counted",
            &[
                &cells.level,
                &x0,
                &y0,
                &x1,
                &y1,
                &w,
                &s,
                &e,
                &n,
                &timestamp(from),
                &timestamp(to),
                &asked.narrowing.hidden_sources,
            ],
        )
        .expect("counts from the events");
    row.get::<_, i64>(0) as u64
}

/// Every event's id, point, first day, kind and category read into memory:
/// the least an app that loads the whole table must hold.
fn load_everything(client: &mut Client) {
    let before = current_rss_mb();
    let started = Instant::now();
    let rows = client
        .query(
            "SELECT id, ST_X(geom), ST_Y(geom), start_day::text, kind, category
             FROM border_incidents.events",
            &[],
        )
        .expect("every event");
    type Kept = (
        String,
        Option<f64>,
        Option<f64>,
        String,
        String,
        Option<String>,
    );
    let kept: Vec<Kept> = rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect();
    drop(rows);
    let secs = started.elapsed().as_secs_f64();
    println!(
        "\nLoading every event into memory instead: {} rows in {:.1} s, resident memory {} MB more",
        kept.len(),
        secs,
        current_rss_mb().saturating_sub(before)
    );
}

/// The plans of each view's queries, as auto_explain reports them.
fn print_plans(url: &str, views: &[(&str, ViewRequest, u64, Option<Cells>)]) {
    let notices = Arc::new(Mutex::new(Vec::new()));
    let mut client = plain_client(url, Some(notices.clone()));
    client
        .batch_execute(
            "LOAD 'auto_explain';
             SET auto_explain.log_min_duration = 0;
             SET auto_explain.log_analyze = on;
             SET auto_explain.log_buffers = on;
             SET auto_explain.log_timing = off;
             SET auto_explain.log_level = notice;",
        )
        .expect("auto_explain");
    for (name, request, _, _) in views {
        if let Ok(mut v) = notices.lock() {
            v.clear();
        }
        viewport::ask(&mut client, request).expect("viewport answer");
        println!("\n=== Plans: {name} ===");
        if let Ok(v) = notices.lock() {
            for plan in v.iter() {
                println!("{plan}\n");
            }
        }
    }
}

/// `db push FILE` through COPY into a fresh database, beside `check FILE`
/// (reading and checking the same file, writing nothing).
fn push_side_by_side(server: &TestServer, file: &str) {
    let binary = env!("CARGO_BIN_EXE_border-incidents");
    let db = server.create_database("push", true);
    let url = server.admin_url(&db);
    let run = |args: &[&str]| {
        let started = Instant::now();
        let out = Command::new(binary)
            .args(args)
            .output()
            .expect("the binary runs");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            started.elapsed(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    run(&["db", "init", &url]);
    let (read, _) = run(&["check", file]);
    let (pushed, said) = run(&["db", "push", file, "--to", &url]);
    let mut client = plain_client(&url, None);
    let rows: i64 = client
        .query_one("SELECT count(*) FROM border_incidents.events", &[])
        .expect("count")
        .get(0);
    println!("{}", said.trim());
    println!(
        "check {file}: {:.1} s; db push: {:.1} s, {rows} rows, {:.0} rows/s end to end, {:.0} rows/s after reading",
        read.as_secs_f64(),
        pushed.as_secs_f64(),
        rows as f64 / pushed.as_secs_f64(),
        rows as f64 / (pushed.saturating_sub(read)).as_secs_f64().max(1e-3),
    );
}

/// Runs `f` `n` times, returning each run's duration, sorted.
fn timed(n: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..n.max(1))
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// The `p`th percentile of sorted durations (nearest rank).
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (sorted.len() * p).div_ceil(100).max(1);
    sorted[rank - 1]
}

/// Milliseconds.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Midnight of a day, civil seconds.
fn day(text: &str) -> Seconds {
    let date: Date = text.parse().expect("a date");
    border_incidents::data::time::to_seconds(date.to_datetime(jiff::civil::Time::midnight()))
}

/// A civil time as PostgreSQL reads a timestamp.
fn timestamp(s: Seconds) -> String {
    from_seconds(s).strftime("%Y-%m-%dT%H:%M:%S").to_string()
}

/// A line of `/proc/self/status`, in MB.
fn status_mb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

/// This process's resident memory now, in MB.
fn current_rss_mb() -> u64 {
    status_mb("VmRSS:")
}

/// This process's peak resident memory, in MB.
fn peak_rss_mb() -> u64 {
    status_mb("VmHWM:")
}
