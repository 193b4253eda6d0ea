//! The versioned schema: numbered SQL files under `migrations/`, embedded in
//! the binary, each applied in one transaction and recorded in
//! `border_incidents.schema_migrations`. `db init` applies what a database
//! lacks; every other use checks that the database is exactly at this
//! binary's version, and refuses a newer one.

use postgres::Client;

use super::error::StoreError;

/// One migration: its number, name and SQL.
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    /// Its number, from 1, without gaps.
    pub version: i32,
    /// Its name (the file's, without number and extension).
    pub name: &'static str,
    /// The statements.
    pub sql: &'static str,
}

/// Every migration this binary knows, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "shared_store",
        sql: include_str!("../../migrations/0001_shared_store.sql"),
    },
    Migration {
        version: 2,
        name: "scale",
        sql: include_str!("../../migrations/0002_scale.sql"),
    },
    Migration {
        version: 3,
        name: "years",
        sql: include_str!("../../migrations/0003_years.sql"),
    },
    Migration {
        version: 4,
        name: "bulk_push",
        sql: include_str!("../../migrations/0004_bulk_push.sql"),
    },
    Migration {
        version: 5,
        name: "start_at",
        sql: include_str!("../../migrations/0005_start_at.sql"),
    },
];

/// The schema version this binary writes and reads.
pub fn known_version() -> i32 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

/// A lock number that `db init`s take so that two never interleave.
const INIT_LOCK: i64 = 7_120_220_915;

/// What `init` did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InitReport {
    /// The version the database had (0: none).
    pub from: i32,
    /// The version it has now.
    pub to: i32,
    /// The migrations applied, by number and name.
    pub applied: Vec<(i32, String)>,
}

/// Creates or upgrades the schema: PostGIS if it is missing and the role
/// may create it, the bookkeeping table, then every migration the database
/// lacks, each in its own transaction. Running it again changes nothing.
pub fn init(client: &mut Client, dbname: &str) -> Result<InitReport, StoreError> {
    ensure_postgis(client, dbname)?;
    let mut tx = client
        .transaction()
        .map_err(|e| StoreError::from_query(e, "starting db init"))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])
        .map_err(|e| StoreError::from_query(e, "waiting for another db init"))?;
    tx.batch_execute(
        "CREATE SCHEMA IF NOT EXISTS border_incidents;
         CREATE TABLE IF NOT EXISTS border_incidents.schema_migrations (
             version integer PRIMARY KEY,
             name text NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT now(),
             applied_by text NOT NULL DEFAULT session_user);",
    )
    .map_err(|e| StoreError::from_query(e, "creating the schema"))?;
    tx.commit()
        .map_err(|e| StoreError::from_query(e, "creating the schema"))?;
    let from = current_version(client)?.unwrap_or(0);
    if from > known_version() {
        return Err(StoreError::SchemaTooNew {
            have: from,
            known: known_version(),
        });
    }
    let mut report = InitReport {
        from,
        to: from,
        applied: Vec::new(),
    };
    for m in MIGRATIONS.iter().filter(|m| m.version > from) {
        apply(client, m)?;
        report.to = m.version;
        report.applied.push((m.version, m.name.to_owned()));
    }
    Ok(report)
}

/// One migration in one transaction, recorded with it; skipped if another
/// `init` applied it meanwhile.
fn apply(client: &mut Client, m: &Migration) -> Result<(), StoreError> {
    let what = format!("migration {} ({})", m.version, m.name);
    let mut tx = client
        .transaction()
        .map_err(|e| StoreError::from_query(e, &what))?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&INIT_LOCK])
        .map_err(|e| StoreError::from_query(e, &what))?;
    let done = tx
        .query_opt(
            "SELECT 1 FROM border_incidents.schema_migrations WHERE version = $1",
            &[&m.version],
        )
        .map_err(|e| StoreError::from_query(e, &what))?;
    if done.is_some() {
        return Ok(());
    }
    tx.batch_execute(m.sql)
        .map_err(|e| StoreError::from_query(e, &what))?;
    tx.execute(
        "INSERT INTO border_incidents.schema_migrations (version, name) VALUES ($1, $2)",
        &[&m.version, &m.name],
    )
    .map_err(|e| StoreError::from_query(e, &what))?;
    tx.commit().map_err(|e| StoreError::from_query(e, &what))
}

/// PostGIS, made if missing (it needs a role allowed to create it).
fn ensure_postgis(client: &mut Client, dbname: &str) -> Result<(), StoreError> {
    if has_postgis(client)? {
        return Ok(());
    }
    client
        .batch_execute("CREATE EXTENSION IF NOT EXISTS postgis")
        .map_err(|_| StoreError::NoPostgis(dbname.to_owned()))
}

/// Whether the database has the PostGIS extension.
fn has_postgis(client: &mut Client) -> Result<bool, StoreError> {
    client
        .query_opt("SELECT 1 FROM pg_extension WHERE extname = 'postgis'", &[])
        .map(|row| row.is_some())
        .map_err(|e| StoreError::from_query(e, "looking for PostGIS"))
}

/// The database's schema version, `None` if it has none of ours.
pub fn current_version(client: &mut Client) -> Result<Option<i32>, StoreError> {
    let exists = client
        .query_one(
            "SELECT to_regclass('border_incidents.schema_migrations') IS NOT NULL",
            &[],
        )
        .map_err(|e| StoreError::from_query(e, "reading the schema version"))?;
    if !exists.get::<_, bool>(0) {
        return Ok(None);
    }
    let row = client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM border_incidents.schema_migrations",
            &[],
        )
        .map_err(|e| StoreError::from_query(e, "reading the schema version"))?;
    Ok(Some(row.get(0)))
}

/// Checks that the database can be used by this binary: PostGIS present and
/// the schema at exactly this binary's version.
pub fn check(client: &mut Client, dbname: &str) -> Result<(), StoreError> {
    if !has_postgis(client)? {
        return Err(StoreError::NoPostgis(dbname.to_owned()));
    }
    let known = known_version();
    match current_version(client)? {
        None | Some(0) => Err(StoreError::NotInitialised(dbname.to_owned())),
        Some(have) if have > known => Err(StoreError::SchemaTooNew { have, known }),
        Some(have) if have < known => Err(StoreError::SchemaTooOld { have, known }),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_under_migrations_is_listed_in_order() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<String> = MIGRATIONS
            .iter()
            .map(|m| format!("{:04}_{}.sql", m.version, m.name))
            .collect();
        assert_eq!(files, listed);
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i32 + 1);
        }
    }
}
