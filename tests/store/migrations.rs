//! `db init`: the versioned schema made, made again without change, a newer
//! schema refused, and the databases it cannot use each named with what to
//! do.

use border_incidents::store::error::StoreError;
use border_incidents::store::migrate::{self, MIGRATIONS, known_version};

use crate::common::{admin, fresh_store, info};
use crate::pg_server::{fresh_name, shared};

/// Every column, index, function, trigger and grant of the schema, and the
/// migrations recorded, as one text.
fn catalogue(client: &mut postgres::Client) -> String {
    client
        .query_one(
            "SELECT string_agg(x, E'\\n' ORDER BY x) FROM (
               SELECT 'col ' || table_name || '.' || column_name || ' ' || data_type AS x
                 FROM information_schema.columns WHERE table_schema = 'border_incidents'
               UNION ALL SELECT 'idx ' || indexdef FROM pg_indexes
                 WHERE schemaname = 'border_incidents'
               UNION ALL SELECT 'fn ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p
                 JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'border_incidents'
               UNION ALL SELECT 'trg ' || t.tgname FROM pg_trigger t
                 JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'border_incidents' AND NOT t.tgisinternal
               UNION ALL SELECT 'grant ' || grantee || ' ' || table_name || ' ' || privilege_type
                 FROM information_schema.role_table_grants WHERE table_schema = 'border_incidents'
               UNION ALL SELECT 'colgrant ' || grantee || ' ' || table_name || '.' || column_name
                   || ' ' || privilege_type
                 FROM information_schema.column_privileges WHERE table_schema = 'border_incidents'
               UNION ALL SELECT 'migration ' || version || ' ' || name || ' ' || applied_at
                 FROM border_incidents.schema_migrations) AS s",
            &[],
        )
        .unwrap()
        .get(0)
}

#[test]
fn init_makes_the_schema_and_a_second_init_changes_nothing() {
    let server = shared();
    let db = server.create_database("init", true);
    let mut client = admin(server, &db);
    let first = migrate::init(&mut client, &db).unwrap();
    assert_eq!((first.from, first.to), (0, known_version()));
    assert_eq!(first.applied.len(), MIGRATIONS.len());
    let before = catalogue(&mut client);
    assert!(
        before
            .contains("idx CREATE INDEX events_geom ON border_incidents.events USING gist (geom)"),
        "{before}"
    );
    assert!(before.contains("events_during"), "{before}");
    assert!(before.contains("trg events_updated"), "{before}");
    let second = migrate::init(&mut client, &db).unwrap();
    assert_eq!((second.from, second.to), (known_version(), known_version()));
    assert!(second.applied.is_empty());
    assert_eq!(catalogue(&mut client), before);
    migrate::check(&mut client, &db).unwrap();
}

#[test]
fn a_schema_newer_than_the_binary_is_refused_with_what_to_do() {
    let server = shared();
    let db = fresh_store("newer");
    server.sql(
        &db,
        "INSERT INTO border_incidents.schema_migrations (version, name) VALUES (99, 'future')",
    );
    let mut client = admin(server, &db);
    for result in [
        migrate::init(&mut client, &db).map(|_| ()),
        migrate::check(&mut client, &db),
    ] {
        let e = result.unwrap_err();
        assert!(
            matches!(e, StoreError::SchemaTooNew { have: 99, .. }),
            "{e:?}"
        );
        let text = e.to_string();
        assert!(text.contains("newer than this border-incidents"), "{text}");
        assert!(text.ends_with("update border-incidents"), "{text}");
    }
}

#[test]
fn a_database_without_postgis_is_named_with_what_to_do() {
    let server = shared();
    let db = server.create_database("nopostgis", false);
    let owner = fresh_name("owner");
    server.create_person(&owner, "pw", None);
    server.sql(&db, &format!("GRANT CREATE ON DATABASE {db} TO {owner}"));
    let mut client =
        border_incidents::store::connect::connect(&info(&server.url(&db, &owner, "pw"))).unwrap();
    for result in [
        migrate::init(&mut client, &db).map(|_| ()),
        migrate::check(&mut client, &db),
    ] {
        let e = result.unwrap_err();
        let text = e.to_string();
        assert!(matches!(e, StoreError::NoPostgis(_)), "{e:?}");
        assert!(text.contains("CREATE EXTENSION postgis"), "{text}");
        assert!(!text.contains('\n'), "{text}");
    }
}

#[test]
fn a_database_never_initialised_says_to_run_init() {
    let server = shared();
    let db = server.create_database("bare", true);
    let mut client = admin(server, &db);
    let e = migrate::check(&mut client, &db).unwrap_err();
    assert!(
        e.to_string().contains("run border-incidents db init"),
        "{e}"
    );
}
