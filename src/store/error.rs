//! What can go wrong with the database, each in one line that says what to
//! do about it.

use super::conninfo::ConnInfoError;
use super::tls::TlsError;

/// A failure of the shared store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The connection string cannot be read.
    #[error("{0}")]
    ConnInfo(#[from] ConnInfoError),
    /// TLS cannot be set up as asked.
    #[error("{0}")]
    Tls(#[from] TlsError),
    /// No server answered.
    #[error(
        "cannot reach the database server at {target}: {detail} (check the host and port, and that the server is running)"
    )]
    Unreachable {
        /// `host:port`.
        target: String,
        /// What the network said.
        detail: String,
    },
    /// The server refused the login.
    #[error(
        "the server refused role {role}: {detail} (check the user name and the password, PGPASSWORD or ~/.pgpass)"
    )]
    Login {
        /// The role.
        role: String,
        /// What the server said.
        detail: String,
    },
    /// The database does not exist.
    #[error("database {0:?} does not exist: create it (createdb) or name another")]
    NoDatabase(String),
    /// The database has no PostGIS.
    #[error(
        "database {0:?} has no PostGIS: as its owner run CREATE EXTENSION postgis (Debian package postgresql-15-postgis-3), then border-incidents db init"
    )]
    NoPostgis(String),
    /// The database has no schema of ours yet.
    #[error("database {0:?} holds no border-incidents schema: run border-incidents db init first")]
    NotInitialised(String),
    /// The database's schema is older than this program's.
    #[error(
        "the database's schema is version {have}, older than this border-incidents ({known}): run border-incidents db init to upgrade it"
    )]
    SchemaTooOld {
        /// The database's version.
        have: i32,
        /// This program's.
        known: i32,
    },
    /// The database's schema is newer than this program knows.
    #[error(
        "the database's schema is version {have}, newer than this border-incidents knows ({known}): update border-incidents"
    )]
    SchemaTooNew {
        /// The database's version.
        have: i32,
        /// This program's.
        known: i32,
    },
    /// The server refused an action the role may not take.
    #[error("the server refused: {0} (ask an administrator for the coder or reviewer role)")]
    Denied(String),
    /// The server refused a value.
    #[error("the server refused {what}: {detail}")]
    Refused {
        /// What was sent.
        what: String,
        /// Why.
        detail: String,
    },
    /// The connection was lost.
    #[error("the connection to the database was lost: {0}")]
    Lost(String),
    /// The user cancelled; nothing was written.
    #[error("cancelled: nothing was written")]
    Cancelled,
    /// Anything else the server said.
    #[error("database: {0}")]
    Server(String),
}

impl StoreError {
    /// The error of a failed statement, `what` naming what was being done.
    pub fn from_query(error: postgres::Error, what: &str) -> Self {
        if let Some(db) = error.as_db_error() {
            let detail = match db.detail() {
                Some(d) => format!("{} ({d})", db.message()),
                None => db.message().to_owned(),
            };
            let code = db.code().code();
            return match code {
                "42501" => Self::Denied(format!("{what}: {}", db.message())),
                c if c.starts_with("23") || c.starts_with("22") => Self::Refused {
                    what: what.to_owned(),
                    detail,
                },
                c if c.starts_with("57P") || c.starts_with("08") => Self::Lost(detail),
                _ => Self::Server(format!("{what}: {detail}")),
            };
        }
        if error.is_closed() || io_source(&error).is_some() {
            return Self::Lost(error.to_string());
        }
        Self::Server(format!("{what}: {error}"))
    }

    /// Whether the failure means the server is gone (the app goes offline
    /// and keeps edits to send later), rather than that it refused.
    pub fn is_lost(&self) -> bool {
        matches!(self, Self::Lost(_) | Self::Unreachable { .. })
    }
}

/// The I/O error under a client error, if there is one.
pub fn io_source(error: &postgres::Error) -> Option<&std::io::Error> {
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            return Some(io);
        }
        source = s.source();
    }
    None
}
