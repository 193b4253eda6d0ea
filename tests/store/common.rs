//! What the store tests share: a fresh initialised database per test.

use border_incidents::store::conninfo::ConnInfo;
use border_incidents::store::{connect, migrate};

use crate::pg_server::{Database, TestServer, shared};

/// A new database on the shared server, PostGIS in it and the schema
/// initialised by the superuser; returns its name.
pub fn fresh_store(stem: &str) -> Database {
    let server = shared();
    let db = server.create_database(stem, true);
    let mut client = admin(server, &db);
    migrate::init(&mut client, &db).expect("db init");
    db
}

/// The superuser's settings on `db`.
pub fn admin_info(server: &TestServer, db: &str) -> ConnInfo {
    info(&server.admin_url(db))
}

/// Settings from a connection string, without the process's environment.
pub fn info(url: &str) -> ConnInfo {
    let empty: std::collections::BTreeMap<String, String> = Default::default();
    ConnInfo::parse_in(url, &empty).expect("a test connection string")
}

/// A superuser session on `db`.
pub fn admin(server: &TestServer, db: &str) -> postgres::Client {
    connect::connect(&admin_info(server, db)).expect("superuser connection")
}

/// `n` made-up dataset events spread over Central Asia and 2015–2024, in
/// five categories, incidents and context rows, a few lasting several days and a few
/// without a point: what the scale tests count.
pub fn synthetic(n: usize, seed: u64) -> border_incidents::data::events::Collection {
    use std::fmt::Write as _;
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let categories = [
        "armed_clash",
        "shelling",
        "incursion",
        "evacuation",
        "protest",
    ];
    let mut features = String::new();
    for i in 0..n {
        let r = next();
        let lon = 60.0 + (r % 20_000) as f64 / 1000.0;
        let lat = 35.0 + ((r >> 20) % 10_000) as f64 / 1000.0;
        let day = jiff::civil::date(2015, 1, 1)
            .checked_add(jiff::Span::new().days(((r >> 40) % 3650) as i64))
            .unwrap();
        let end = if i % 50 == 0 {
            day.checked_add(jiff::Span::new().days(((r >> 12) % 20) as i64))
                .unwrap()
        } else {
            day
        };
        let kind = if i % 7 == 0 { "context" } else { "incident" };
        let category = categories[(r >> 8) as usize % categories.len()];
        let geometry = if i % 97 == 0 {
            "null".to_owned()
        } else {
            format!("{{\"type\": \"Point\", \"coordinates\": [{lon}, {lat}]}}")
        };
        let note = if i % 97 == 0 {
            ", \"geometry_note\": \"made up\""
        } else {
            ""
        };
        let _ = write!(
            features,
            "{}{{\"type\": \"Feature\", \"geometry\": {geometry}, \"properties\": {{\"id\": \"syn-{seed}-{i}\", \"kind\": \"{kind}\", \"title\": \"Event {i}\", \"start\": \"{day}\", \"end\": \"{end}\", \"category\": \"{category}\"{note}}}}}",
            if i == 0 { "" } else { ",\n" }
        );
    }
    let text = format!(
        "{{\"type\": \"FeatureCollection\", \"sources\": [{{\"id\": \"synthetic-{seed}\", \"kind\": \"dataset\"}}], \"features\": [{features}]}}"
    );
    border_incidents::data::events::parse(
        "synthetic",
        &text,
        &border_incidents::data::events::BundledTexts,
        &[],
    )
    .into_result()
    .expect("synthetic events read")
}

/// `value` with every number as a float, so that `70` and `70.0` compare
/// equal (the server and serde_json write whole floats differently).
pub fn numbers_as_floats(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Null, |f| f.into()),
        Value::Array(a) => Value::Array(a.into_iter().map(numbers_as_floats).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, numbers_as_floats(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A view's question over `bbox` and `window`, unfiltered, 64 cells
/// across, its histogram in 100 bins.
pub fn view_request(
    serial: u64,
    bbox: [f64; 4],
    window: (i64, i64),
) -> border_incidents::store::viewport::ViewRequest {
    use border_incidents::store::viewport::{ViewQuestion, ViewRequest};
    ViewRequest {
        serial,
        question: ViewQuestion {
            bbox,
            window,
            kinds: None,
            categories: None,
            narrowing: Default::default(),
            across: 64,
            histogram: border_incidents::data::counts::TimeBins::over(window, 100),
        },
    }
}

/// The events file a view's answer sent, read as the app reads it.
pub fn read_sent(text: &str) -> border_incidents::data::events::Collection {
    border_incidents::data::events::parse(
        "view",
        text,
        &border_incidents::data::events::BundledTexts,
        &[],
    )
    .into_result()
    .expect("the events sent read back")
}
