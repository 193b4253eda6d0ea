use std::collections::BTreeMap;
use std::time::Duration;

use super::*;

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn a_uri_gives_every_part() {
    let i = ConnInfo::parse_in(
        "postgres://alice:p%40ss@db.example:6543/events?sslmode=verify-full&sslrootcert=/ca.pem",
        &env(&[]),
    )
    .unwrap();
    assert_eq!(i.hosts, ["db.example"]);
    assert_eq!(i.port, 6543);
    assert_eq!(i.user, "alice");
    assert_eq!(i.password.as_deref(), Some("p@ss"));
    assert_eq!(i.dbname, "events");
    assert_eq!(i.sslmode, SslMode::VerifyFull);
    assert_eq!(i.sslrootcert.as_deref(), Some("/ca.pem"));
}

#[test]
fn key_values_with_quotes_and_escapes() {
    let i = ConnInfo::parse_in(
        r"host=127.0.0.1 port = 5433 dbname='my events' user=bob password='it\'s'",
        &env(&[]),
    )
    .unwrap();
    assert_eq!(i.hosts, ["127.0.0.1"]);
    assert_eq!(i.port, 5433);
    assert_eq!(i.dbname, "my events");
    assert_eq!(i.password.as_deref(), Some("it's"));
}

#[test]
fn the_environment_fills_what_the_string_leaves_out() {
    let e = env(&[
        ("PGHOST", "10.0.0.5"),
        ("PGPORT", "5999"),
        ("PGUSER", "carol"),
        ("PGDATABASE", "team"),
        ("PGSSLMODE", "require"),
        ("PGCONNECT_TIMEOUT", "3"),
    ]);
    let i = ConnInfo::parse_in("", &e).unwrap();
    assert_eq!(i.hosts, ["10.0.0.5"]);
    assert_eq!(
        (i.port, i.user.as_str(), i.dbname.as_str()),
        (5999, "carol", "team")
    );
    assert_eq!(i.sslmode, SslMode::Require);
    assert_eq!(i.connect_timeout, Duration::from_secs(3));
    let i = ConnInfo::parse_in("dbname=other", &e).unwrap();
    assert_eq!(i.dbname, "other");
}

#[test]
fn defaults_are_libpqs() {
    let i = ConnInfo::parse_in("", &env(&[("USER", "dave")])).unwrap();
    assert_eq!(i.hosts, ["/var/run/postgresql"]);
    assert_eq!(i.port, 5432);
    assert_eq!((i.user.as_str(), i.dbname.as_str()), ("dave", "dave"));
    assert_eq!(i.sslmode, SslMode::Prefer);
    assert_eq!(i.connect_timeout, DEFAULT_TIMEOUT);
}

#[test]
fn the_password_file_is_read_when_no_password_is_given() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pgpass");
    std::fs::write(&file, "h:5432:d:u:from-file\n").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let e = env(&[("PGPASSFILE", file.to_str().unwrap())]);
    let i = ConnInfo::parse_in("host=h dbname=d user=u", &e).unwrap();
    assert_eq!(i.password.as_deref(), Some("from-file"));
    let i = ConnInfo::parse_in("host=h dbname=d user=u password=given", &e).unwrap();
    assert_eq!(i.password.as_deref(), Some("given"));
}

#[test]
fn bad_strings_say_what_is_wrong() {
    let e = env(&[]);
    assert_eq!(
        ConnInfo::parse_in("host=a colour=blue", &e),
        Err(ConnInfoError::UnknownOption("colour".into()))
    );
    assert_eq!(
        ConnInfo::parse_in("host", &e),
        Err(ConnInfoError::NotKeyValue("host".into()))
    );
    assert_eq!(
        ConnInfo::parse_in("password='open", &e),
        Err(ConnInfoError::OpenQuote)
    );
    assert!(matches!(
        ConnInfo::parse_in("port=http", &e),
        Err(ConnInfoError::BadValue { .. })
    ));
    assert!(matches!(
        ConnInfo::parse_in("sslmode=sometimes", &e),
        Err(ConnInfoError::BadValue { .. })
    ));
    assert!(matches!(
        ConnInfo::parse_in("postgres://a%zz@h/d", &e),
        Err(ConnInfoError::BadEscape(_))
    ));
}

#[test]
fn the_redacted_string_has_no_password_and_reads_back() {
    let e = env(&[]);
    let i =
        ConnInfo::parse_in("postgres://alice:secret@h:5433/my%20db?sslmode=require", &e).unwrap();
    let shown = i.redacted();
    assert!(!shown.contains("secret"), "{shown}");
    let back = ConnInfo::parse_in(&shown, &e).unwrap();
    assert_eq!(back.dbname, "my db");
    assert_eq!(back.sslmode, SslMode::Require);
    assert_eq!(back.password, None);
    assert_eq!(i.label(), "alice@my db on h:5433");
}

#[test]
fn ipv6_hosts_in_brackets() {
    let i = ConnInfo::parse_in("postgresql://[::1]:5444/d", &env(&[])).unwrap();
    assert_eq!(i.hosts, ["::1"]);
    assert_eq!(i.port, 5444);
}
