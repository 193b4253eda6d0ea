//! TLS as libpq's sslmode asks: `require` encrypts, `verify-full` also checks
//! the server's certificate against the root named and the host's name.

use border_incidents::store::connect;

use crate::common::{fresh_store, info};
use crate::pg_server::{fresh_name, shared};

/// Whether the session runs over TLS, by the server's own view.
fn encrypted(client: &mut postgres::Client) -> bool {
    client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .unwrap()
        .get(0)
}

#[test]
fn require_and_verify_full_work_and_a_wrong_root_is_refused() {
    let server = shared();
    let db = fresh_store("tls");
    let person = fresh_name("tls");
    server.create_person(&person, "pw", Some("border_incidents_viewer"));
    let ca = server.ca_file();
    let ca = ca.to_str().unwrap();
    let base = |host: &str| {
        format!(
            "host={host} port={} dbname={db} user={person} password=pw",
            server.port
        )
    };

    let mut c = connect::connect(&info(&format!("{} sslmode=require", base("127.0.0.1")))).unwrap();
    assert!(encrypted(&mut c));
    for host in ["localhost", "127.0.0.1"] {
        let url = format!("{} sslmode=verify-full sslrootcert={ca}", base(host));
        let mut c = connect::connect(&info(&url)).unwrap_or_else(|e| panic!("{host}: {e}"));
        assert!(encrypted(&mut c), "{host}");
    }
    let url = format!(
        "postgresql://{person}:pw@localhost:{}/{db}?sslmode=verify-full&sslrootcert={ca}",
        server.port
    );
    assert!(connect::connect(&info(&url)).is_ok(), "the URI form");

    // A root that did not sign the server's certificate.
    let other = tempfile::tempdir().unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let stranger = other.path().join("stranger.pem");
    std::fs::write(&stranger, params.self_signed(&key).unwrap().pem()).unwrap();
    let url = format!(
        "{} sslmode=verify-full sslrootcert={}",
        base("localhost"),
        stranger.display()
    );
    let e = connect::connect(&info(&url))
        .err()
        .expect("refused")
        .to_string();
    assert!(
        e.contains("TLS") && e.to_lowercase().contains("certificate"),
        "{e}"
    );

    // verify-full with no root to check against says how to name one.
    let url = format!(
        "{} sslmode=verify-full sslrootcert={}",
        base("localhost"),
        other.path().join("missing.pem").display()
    );
    let e = connect::connect(&info(&url))
        .err()
        .expect("refused")
        .to_string();
    assert!(e.contains("sslrootcert=FILE"), "{e}");
}
