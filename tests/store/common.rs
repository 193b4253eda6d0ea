//! What the store tests share: a fresh initialised database per test.

use border_incidents::store::conninfo::ConnInfo;
use border_incidents::store::{connect, migrate};

use crate::pg_server::{TestServer, shared};

/// A new database on the shared server, PostGIS in it and the schema
/// initialised by the superuser; returns its name.
pub fn fresh_store(stem: &str) -> String {
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
