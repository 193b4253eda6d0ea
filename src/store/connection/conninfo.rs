//! Where a database is and how to reach it, read as `psql` reads it: a
//! libpq connection string (`postgres://user@host:port/db?sslmode=…` or
//! `host=… dbname=…`), else the libpq environment (`PGHOST`, `PGPORT`,
//! `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE`, `PGSSLROOTCERT`,
//! `PGCONNECT_TIMEOUT`), with the password looked up in the password file
//! (`PGPASSFILE`, else `~/.pgpass`) when none is given.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

/// How TLS is asked for (libpq's `sslmode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS if the server offers it, without checking its certificate.
    Prefer,
    /// TLS, without checking the certificate (unless a root certificate
    /// is named, as libpq does: then as `VerifyCa`).
    Require,
    /// TLS, the certificate signed by a trusted root.
    VerifyCa,
    /// TLS, the certificate signed by a trusted root and naming the host.
    VerifyFull,
}

/// A connection's settings, every one of them resolved. Its debug form
/// leaves the password out, so that no log shows it.
#[derive(Clone, PartialEq)]
pub struct ConnInfo {
    /// Host names, IP addresses or Unix socket folders, tried in order.
    pub hosts: Vec<String>,
    /// The port.
    pub port: u16,
    /// The role to log in as.
    pub user: String,
    /// The database.
    pub dbname: String,
    /// The password, if one was given or found in the password file.
    pub password: Option<String>,
    /// How TLS is asked for.
    pub sslmode: SslMode,
    /// The root certificates to trust (`system` for the system's own).
    pub sslrootcert: Option<String>,
    /// How long to wait for the server before giving up.
    pub connect_timeout: Duration,
    /// The name the server shows for this client.
    pub application_name: String,
}

impl std::fmt::Debug for ConnInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConnInfo")
            .field("hosts", &self.hosts)
            .field("port", &self.port)
            .field("user", &self.user)
            .field("dbname", &self.dbname)
            .field("password", &self.password.as_ref().map(|_| "…"))
            .field("sslmode", &self.sslmode)
            .field("sslrootcert", &self.sslrootcert)
            .field("connect_timeout", &self.connect_timeout)
            .field("application_name", &self.application_name)
            .finish()
    }
}

/// What can be wrong with a connection string.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConnInfoError {
    /// A `key=value` pair without `=`.
    #[error("connection string: {0:?} is not key=value")]
    NotKeyValue(String),
    /// A quoted value that does not end.
    #[error("connection string: a quoted value does not end")]
    OpenQuote,
    /// An option this program does not know.
    #[error("connection string: unknown option {0:?}")]
    UnknownOption(String),
    /// A value out of its option's range.
    #[error("connection string: {key}={value:?} is not a valid value")]
    BadValue {
        /// The option.
        key: String,
        /// Its value.
        value: String,
    },
    /// A `%` escape that is not two hex digits.
    #[error("connection URI: bad percent-escape in {0:?}")]
    BadEscape(String),
}

/// Where the environment's values come from: the process's environment
/// in use, a map in tests.
pub trait Environment {
    /// The value of a variable, if set and not empty.
    fn var(&self, name: &str) -> Option<String>;
}

/// The process's environment.
pub struct ProcessEnv;

impl Environment for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl Environment for BTreeMap<String, String> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).filter(|v| !v.is_empty()).cloned()
    }
}

/// How long to wait for a server when neither the string nor the
/// environment says: an unreachable host is reported within it.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(8);

/// The options this program understands, as libpq names them.
const KNOWN: [&str; 11] = [
    "host",
    "hostaddr",
    "port",
    "user",
    "dbname",
    "password",
    "passfile",
    "sslmode",
    "sslrootcert",
    "connect_timeout",
    "application_name",
];

impl ConnInfo {
    /// Reads a connection string (empty: the environment alone) and fills
    /// what it leaves out from the process's environment, as libpq does.
    pub fn parse(text: &str) -> Result<Self, ConnInfoError> {
        Self::parse_in(text, &ProcessEnv)
    }

    /// [`ConnInfo::parse`] against a given environment.
    pub fn parse_in(text: &str, env: &dyn Environment) -> Result<Self, ConnInfoError> {
        let given = if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            parse_uri(text)?
        } else {
            parse_key_values(text)?
        };
        for key in given.keys() {
            if !KNOWN.contains(&key.as_str()) {
                return Err(ConnInfoError::UnknownOption(key.clone()));
            }
        }
        resolve(given, env)
    }

    /// The string with its password left out: what may be shown, logged
    /// or saved.
    pub fn redacted(&self) -> String {
        let mut out = format!(
            "host={} port={} user={} dbname={}",
            quote(&self.hosts.join(",")),
            self.port,
            quote(&self.user),
            quote(&self.dbname)
        );
        if self.sslmode != SslMode::Prefer {
            out.push_str(&format!(" sslmode={}", ssl_mode_name(self.sslmode)));
        }
        if let Some(root) = &self.sslrootcert {
            out.push_str(&format!(" sslrootcert={}", quote(root)));
        }
        out
    }

    /// "role@database on host:port", for the status strip.
    pub fn label(&self) -> String {
        format!(
            "{}@{} on {}:{}",
            self.user,
            self.dbname,
            self.hosts.join(","),
            self.port
        )
    }
}

/// libpq's name of a mode.
pub fn ssl_mode_name(mode: SslMode) -> &'static str {
    match mode {
        SslMode::Disable => "disable",
        SslMode::Prefer => "prefer",
        SslMode::Require => "require",
        SslMode::VerifyCa => "verify-ca",
        SslMode::VerifyFull => "verify-full",
    }
}

/// A value quoted for a key=value string when it needs it.
fn quote(value: &str) -> String {
    if !value.is_empty() && !value.contains([' ', '\'', '\\']) {
        return value.to_owned();
    }
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

/// `key=value key='quoted value'` pairs.
fn parse_key_values(text: &str) -> Result<BTreeMap<String, String>, ConnInfoError> {
    let mut out = BTreeMap::new();
    let mut chars = text.chars().peekable();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.peek().is_none() {
            return Ok(out);
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        if chars.next() != Some('=') {
            return Err(ConnInfoError::NotKeyValue(key));
        }
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'\'') {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err(ConnInfoError::OpenQuote),
                    Some('\'') => break,
                    Some('\\') => value.push(chars.next().ok_or(ConnInfoError::OpenQuote)?),
                    Some(c) => value.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                if c == '\\' {
                    chars.next();
                    if let Some(n) = chars.next() {
                        value.push(n);
                    }
                    continue;
                }
                value.push(c);
                chars.next();
            }
        }
        out.insert(key, value);
    }
}

/// `postgres[ql]://[user[:password]@][host][:port][,host[:port]…][/dbname][?key=value&…]`.
fn parse_uri(text: &str) -> Result<BTreeMap<String, String>, ConnInfoError> {
    let rest = text
        .trim_start_matches("postgresql://")
        .trim_start_matches("postgres://");
    let (main, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (authority, path) = main.split_once('/').unwrap_or((main, ""));
    let mut out = BTreeMap::new();
    let hosts_part = match authority.rsplit_once('@') {
        Some((userinfo, hosts)) => {
            let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
            if !user.is_empty() {
                out.insert("user".to_owned(), decode(user)?);
            }
            if userinfo.contains(':') {
                out.insert("password".to_owned(), decode(password)?);
            }
            hosts
        }
        None => authority,
    };
    let mut hosts = Vec::new();
    let mut ports = Vec::new();
    for spec in hosts_part.split(',').filter(|s| !s.is_empty()) {
        let (host, port) = split_host_port(spec);
        hosts.push(decode(host)?);
        if let Some(p) = port {
            ports.push(p.to_owned());
        }
    }
    if !hosts.is_empty() && hosts.iter().any(|h| !h.is_empty()) {
        out.insert("host".to_owned(), hosts.join(","));
    }
    if !ports.is_empty() {
        out.insert("port".to_owned(), ports.join(","));
    }
    if !path.is_empty() {
        out.insert("dbname".to_owned(), decode(path)?);
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| ConnInfoError::NotKeyValue(pair.to_owned()))?;
        out.insert(decode(k)?, decode(v)?);
    }
    Ok(out)
}

/// `host:port`, `[v6]:port` or a bare host.
fn split_host_port(spec: &str) -> (&str, Option<&str>) {
    if let Some(inner) = spec.strip_prefix('[')
        && let Some((host, after)) = inner.split_once(']')
    {
        return (host, after.strip_prefix(':'));
    }
    match spec.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (spec, None),
    }
}

/// Percent-decoding of a URI component.
fn decode(text: &str) -> Result<String, ConnInfoError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| ConnInfoError::BadEscape(text.to_owned()))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| ConnInfoError::BadEscape(text.to_owned()))
}

/// Every setting from what was given, else the environment, else libpq's
/// defaults; the password from the password file last.
fn resolve(
    given: BTreeMap<String, String>,
    env: &dyn Environment,
) -> Result<ConnInfo, ConnInfoError> {
    let get = |key: &str, var: &str| given.get(key).cloned().or_else(|| env.var(var));
    let bad = |key: &str, value: &str| ConnInfoError::BadValue {
        key: key.to_owned(),
        value: value.to_owned(),
    };
    let hosts: Vec<String> = get("host", "PGHOST")
        .or_else(|| get("hostaddr", "PGHOSTADDR"))
        .map(|h| h.split(',').map(str::to_owned).collect())
        .unwrap_or_else(|| vec![default_socket_dir()]);
    let port = match get("port", "PGPORT") {
        Some(p) => {
            let first = p.split(',').next().unwrap_or("");
            first.parse().map_err(|_| bad("port", &p))?
        }
        None => 5432,
    };
    let user = get("user", "PGUSER").unwrap_or_else(|| os_user(env));
    let dbname = get("dbname", "PGDATABASE").unwrap_or_else(|| user.clone());
    let sslmode = match get("sslmode", "PGSSLMODE").as_deref() {
        None | Some("prefer") | Some("allow") => SslMode::Prefer,
        Some("disable") => SslMode::Disable,
        Some("require") => SslMode::Require,
        Some("verify-ca") => SslMode::VerifyCa,
        Some("verify-full") => SslMode::VerifyFull,
        Some(other) => return Err(bad("sslmode", other)),
    };
    let sslrootcert = get("sslrootcert", "PGSSLROOTCERT");
    let connect_timeout = match get("connect_timeout", "PGCONNECT_TIMEOUT") {
        Some(t) => match t.parse::<u64>() {
            Ok(0) => DEFAULT_TIMEOUT,
            Ok(secs) => Duration::from_secs(secs.max(2)),
            Err(_) => return Err(bad("connect_timeout", &t)),
        },
        None => DEFAULT_TIMEOUT,
    };
    let application_name =
        get("application_name", "PGAPPNAME").unwrap_or_else(|| "border-incidents".to_owned());
    let mut info = ConnInfo {
        hosts,
        port,
        user,
        dbname,
        password: get("password", "PGPASSWORD"),
        sslmode,
        sslrootcert,
        connect_timeout,
        application_name,
    };
    if info.password.is_none() {
        let file = get("passfile", "PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| env.var("HOME").map(|h| PathBuf::from(h).join(".pgpass")));
        if let Some(file) = file {
            let login = super::pgpass::Login {
                host: info.hosts.first().map(String::as_str).unwrap_or(""),
                port: info.port,
                dbname: &info.dbname,
                user: &info.user,
            };
            info.password = super::pgpass::lookup(&file, login);
        }
    }
    Ok(info)
}

/// Where Debian's server puts its socket, libpq's default there.
fn default_socket_dir() -> String {
    "/var/run/postgresql".to_owned()
}

/// The operating system's user name, libpq's default role.
fn os_user(env: &dyn Environment) -> String {
    env.var("USER")
        .or_else(|| env.var("LOGNAME"))
        .unwrap_or_else(|| "postgres".to_owned())
}

#[cfg(test)]
#[path = "conninfo_tests.rs"]
mod tests;
