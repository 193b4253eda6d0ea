//! Opening a session with the server: the client from a [`ConnInfo`], TLS as
//! its `sslmode` asks, and every failure turned into a one-line
//! [`StoreError`] saying what to do.

use std::time::Duration;

use postgres::config::SslMode as ClientSslMode;
use postgres::{Client, Config, NoTls};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::conninfo::{ConnInfo, SslMode};
use super::tls;
use crate::store::error::{StoreError, io_source};

/// A client's settings from the resolved connection settings.
fn config(info: &ConnInfo) -> Config {
    let mut c = Config::new();
    for host in &info.hosts {
        c.host(host);
    }
    c.port(info.port)
        .user(&info.user)
        .dbname(&info.dbname)
        .application_name(&info.application_name)
        .connect_timeout(info.connect_timeout)
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(30));
    if let Some(p) = &info.password {
        c.password(p);
    }
    c.ssl_mode(match info.sslmode {
        SslMode::Disable => ClientSslMode::Disable,
        SslMode::Prefer => ClientSslMode::Prefer,
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => ClientSslMode::Require,
    });
    c
}

/// Connects to the server `info` names.
pub fn connect(info: &ConnInfo) -> Result<Client, StoreError> {
    let c = config(info);
    let result = match tls::client_config(info)? {
        None => c.connect(NoTls),
        Some(tls) => c.connect(MakeRustlsConnect::new(tls)),
    };
    result.map_err(|e| classify(e, info))
}

/// A failed connection in the user's terms.
fn classify(error: postgres::Error, info: &ConnInfo) -> StoreError {
    let target = format!("{}:{}", info.hosts.join(","), info.port);
    if let Some(db) = error.as_db_error() {
        return match db.code().code() {
            "3D000" => StoreError::NoDatabase(info.dbname.clone()),
            "28P01" | "28000" => StoreError::Login {
                role: info.user.clone(),
                detail: db.message().to_owned(),
            },
            _ => StoreError::Server(db.message().to_owned()),
        };
    }
    let text = error.to_string();
    if text.contains("password missing") || text.contains("password") && text.contains("missing") {
        return StoreError::Login {
            role: info.user.clone(),
            detail: "the server asks for a password and none was given".to_owned(),
        };
    }
    if let Some(io) = io_source(&error) {
        let text = io.to_string();
        if text.contains("certificate") || text.contains("peer") {
            return StoreError::Tls(super::tls::TlsError::Untrusted {
                target,
                detail: text,
            });
        }
        let detail = if io.kind() == std::io::ErrorKind::TimedOut {
            format!("no answer within {} s", info.connect_timeout.as_secs())
        } else {
            io.to_string()
        };
        return StoreError::Unreachable { target, detail };
    }
    if text.contains("timed out") || text.contains("timeout") {
        return StoreError::Unreachable {
            target,
            detail: format!("no answer within {} s", info.connect_timeout.as_secs()),
        };
    }
    if text.contains("error performing TLS handshake") || text.contains("TLS") {
        let source = std::error::Error::source(&error)
            .map(|s| s.to_string())
            .unwrap_or_default();
        return StoreError::Unreachable {
            target,
            detail: format!("TLS handshake failed: {source}"),
        };
    }
    StoreError::Unreachable {
        target,
        detail: text,
    }
}
