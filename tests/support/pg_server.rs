//! A throwaway PostgreSQL server with PostGIS for the tests: a new cluster
//! in a temporary folder (`initdb` and `pg_ctl` from the newest
//! `/usr/lib/postgresql/*/bin`, Debian's packages), listening on loopback
//! only at a free port, with fsync off, a write-ahead log kept under
//! 64 MB, password logins and TLS (a certificate authority made for it,
//! whose root is `ca.pem`). Each test's database is dropped when the test
//! ends, so the cluster's disk stays a few hundred MB. When the
//! tests run as root, the server runs as the `postgres` user, since
//! `initdb` refuses root. A watcher process stops the server and removes
//! the folder when the test process ends, also when a test fails.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The superuser's password on every test server.
pub const SUPERUSER_PASSWORD: &str = "test-superuser";

/// A running test server.
pub struct TestServer {
    /// The cluster's folder (data, socket, log, certificates).
    pub dir: PathBuf,
    /// The port it listens on, at 127.0.0.1.
    pub port: u16,
    /// The folder of the server's programs.
    bin: PathBuf,
    /// Whether the server runs as the `postgres` user.
    as_postgres: bool,
}

/// One server shared by the tests of a process, made on first use.
pub fn shared() -> &'static TestServer {
    static SERVER: OnceLock<TestServer> = OnceLock::new();
    SERVER.get_or_init(TestServer::start)
}

/// A database name no other test of this process uses.
pub fn fresh_name(stem: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    format!(
        "{stem}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

impl TestServer {
    /// Makes and starts a new cluster.
    pub fn start() -> Self {
        let bin = server_bin();
        let as_postgres = is_root();
        let dir = std::env::temp_dir().join(fresh_name("border-incidents-pg"));
        std::fs::create_dir(&dir).expect("temporary folder for the test server");
        let port = free_port();
        let server = Self {
            dir,
            port,
            bin,
            as_postgres,
        };
        server.prepare_folder();
        server.initdb();
        server.write_certificates();
        server.start_again();
        server.watch_this_process();
        server
    }

    /// The folder's owner and modes, and the password file initdb reads.
    fn prepare_folder(&self) {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o755))
            .expect("permissions of the test folder");
        std::fs::write(self.dir.join("pwfile"), SUPERUSER_PASSWORD).expect("password file");
        if self.as_postgres {
            let (uid, gid) = postgres_ids();
            for path in [self.dir.clone(), self.dir.join("pwfile")] {
                std::os::unix::fs::chown(&path, Some(uid), Some(gid)).expect("chown to postgres");
            }
        }
    }

    /// Runs one of the server's programs, as `postgres` when we are root.
    fn run(&self, program: &str, args: &[&str]) -> std::process::Output {
        let exe = self.bin.join(program);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()))
    }

    /// `initdb`: password logins for TCP, trust on the socket only.
    fn initdb(&self) {
        let data = self.data();
        let pwfile = self.dir.join("pwfile");
        let out = self.run(
            "initdb",
            &[
                "-D",
                s(&data),
                "-U",
                "postgres",
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                &format!("--pwfile={}", s(&pwfile)),
                "--no-sync",
                "-E",
                "UTF8",
                "--locale=C",
            ],
        );
        assert!(
            out.status.success(),
            "initdb failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A certificate authority and a server certificate for `localhost` and
    /// `127.0.0.1`, the key readable by the server alone.
    fn write_certificates(&self) {
        use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
        let ca_key = KeyPair::generate().expect("CA key");
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca_cert = ca_params.self_signed(&ca_key).expect("CA certificate");
        let issuer = Issuer::new(ca_params, ca_key);
        let key = KeyPair::generate().expect("server key");
        let params = CertificateParams::new(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
            .expect("server params");
        let cert = params.signed_by(&key, &issuer).expect("server certificate");
        let data = self.data();
        std::fs::write(self.dir.join("ca.pem"), ca_cert.pem()).expect("ca.pem");
        std::fs::write(data.join("server.crt"), cert.pem()).expect("server.crt");
        std::fs::write(data.join("server.key"), key.serialize_pem()).expect("server.key");
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(
            data.join("server.key"),
            std::fs::Permissions::from_mode(0o600),
        )
        .expect("key mode");
        if self.as_postgres {
            let (uid, gid) = postgres_ids();
            for f in ["server.crt", "server.key"] {
                std::os::unix::fs::chown(data.join(f), Some(uid), Some(gid)).expect("chown");
            }
        }
    }

    /// Starts (or starts again) the server and waits until it answers.
    pub fn start_again(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off \
             -c ssl=on -c max_connections=100 -c wal_level=minimal -c max_wal_senders=0 \
             -c max_wal_size=64MB -c min_wal_size=32MB",
            self.port,
            s(&self.dir)
        );
        let out = self.run(
            "pg_ctl",
            &[
                "-D",
                s(&self.data()),
                "-l",
                s(&self.dir.join("log")),
                "-w",
                "-t",
                "60",
                "start",
                "-o",
                &options,
            ],
        );
        assert!(
            out.status.success(),
            "pg_ctl start failed: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(self.dir.join("log")).unwrap_or_default()
        );
    }

    /// Stops the server at once, as a crash would (`-m immediate`).
    pub fn stop_immediately(&self) {
        let out = self.run(
            "pg_ctl",
            &["-D", s(&self.data()), "-m", "immediate", "stop"],
        );
        assert!(
            out.status.success(),
            "pg_ctl stop failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A process that waits for this one to end, then stops the server and
    /// removes its folder.
    fn watch_this_process(&self) {
        let ctl = self.bin.join("pg_ctl");
        let stop = format!(
            "{}{} -D {} -m immediate stop >/dev/null 2>&1",
            if self.as_postgres {
                "runuser -u postgres -- "
            } else {
                ""
            },
            s(&ctl),
            s(&self.data())
        );
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; {stop}; rm -rf {dir}",
            pid = std::process::id(),
            dir = s(&self.dir)
        );
        // The watcher outlives this process on purpose: it is never waited for.
        #[allow(clippy::zombie_processes)]
        Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the test server's watcher");
    }

    /// The cluster's data folder.
    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// The root certificate of the server's TLS certificate.
    pub fn ca_file(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// A libpq URL for `user` with `password` on database `db`.
    pub fn url(&self, db: &str, user: &str, password: &str) -> String {
        format!(
            "host=127.0.0.1 port={} dbname={db} user={user} password={password} sslmode=disable",
            self.port
        )
    }

    /// The superuser's URL on database `db`.
    pub fn admin_url(&self, db: &str) -> String {
        self.url(db, "postgres", SUPERUSER_PASSWORD)
    }

    /// Runs SQL as the superuser on database `db`.
    pub fn sql(&self, db: &str, statements: &str) {
        let mut client = postgres::Client::connect(&self.admin_url(db), postgres::NoTls)
            .expect("superuser connection to the test server");
        client
            .batch_execute(statements)
            .unwrap_or_else(|e| panic!("{statements}: {e}"));
    }

    /// A new empty database (with PostGIS unless `postgis` is false),
    /// dropped again when the returned handle is.
    pub fn create_database(&self, stem: &str, postgis: bool) -> Database {
        let name = fresh_name(stem);
        self.sql("postgres", &format!("CREATE DATABASE {name}"));
        let database = Database {
            name,
            maintenance_url: self.admin_url("postgres"),
        };
        if postgis {
            self.sql(&database, "CREATE EXTENSION postgis");
        }
        database
    }

    /// A login role with a password, member of `group` (if any).
    pub fn create_person(&self, name: &str, password: &str, group: Option<&str>) {
        let member = group.map_or(String::new(), |g| format!(" IN ROLE {g}"));
        self.sql(
            "postgres",
            &format!(
                "DROP ROLE IF EXISTS {name}; CREATE ROLE {name} LOGIN PASSWORD '{password}'{member}"
            ),
        );
    }
}

/// A test's own database on a test server, read as its name. Dropping it
/// drops the database (its sessions ended first), so the server's disk
/// holds only the databases of the tests still running.
pub struct Database {
    /// The database's name.
    name: String,
    /// The superuser's URL on the `postgres` database, to drop it from.
    maintenance_url: String,
}

impl std::ops::Deref for Database {
    type Target = str;
    fn deref(&self) -> &str {
        &self.name
    }
}

impl std::fmt::Display for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name)
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        // A server a test has stopped keeps its databases until the
        // watcher removes its folder, so a failed drop is not an error.
        if let Ok(mut client) = postgres::Client::connect(&self.maintenance_url, postgres::NoTls) {
            let _ = client.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// The newest `/usr/lib/postgresql/*/bin`.
fn server_bin() -> PathBuf {
    let root = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(root)
        .unwrap_or_else(|_| {
            panic!("no PostgreSQL under /usr/lib/postgresql: install Debian's postgresql-15 and postgresql-15-postgis-3")
        })
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, bin)| bin)
        .expect("no initdb under /usr/lib/postgresql/*/bin")
}

/// Whether this process runs as root.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The `postgres` user's ids.
fn postgres_ids() -> (u32, u32) {
    let id = |flag: &str| -> u32 {
        let out = Command::new("id")
            .args([flag, "postgres"])
            .output()
            .expect("id postgres");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .expect("the postgres user (Debian's postgresql package makes it)")
    };
    (id("-u"), id("-g"))
}

/// A port nothing listens on now.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").port()
}

/// A path as text.
fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}
