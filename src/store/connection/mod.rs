//! Where the database is and a session with it: a connection string or
//! libpq's environment and password file read as libpq reads them
//! (`conninfo.rs`, `pgpass.rs`), TLS as `sslmode` asks (`tls.rs`), and the
//! session opened with every failure in one line saying what to do
//! (`connect.rs`).

pub mod connect;
pub mod conninfo;
pub mod pgpass;
pub mod tls;
