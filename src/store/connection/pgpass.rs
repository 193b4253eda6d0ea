//! The password file (`~/.pgpass` or `PGPASSFILE`), read as libpq reads it:
//! lines of `host:port:database:user:password`, `*` matching anything, `\`
//! escaping `:` and `\`, the first matching line winning. A file others can
//! read is ignored, as libpq ignores it.

use std::path::Path;

/// Whom a password is for.
#[derive(Clone, Copy, Debug)]
pub struct Login<'a> {
    /// The host, IP address or socket folder.
    pub host: &'a str,
    /// The port.
    pub port: u16,
    /// The database.
    pub dbname: &'a str,
    /// The role.
    pub user: &'a str,
}

/// The password for `login` from the file at `path`, if the file exists,
/// only its owner may read it, and a line matches.
pub fn lookup(path: &Path, login: Login<'_>) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    if !private(path) {
        return None;
    }
    let host = login.host;
    // A socket folder matches the host name `localhost`, as in libpq.
    let host = if host.starts_with('/') {
        "localhost"
    } else {
        host
    };
    let port = login.port.to_string();
    let wanted = [host, &port, login.dbname, login.user];
    text.lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .filter_map(fields)
        .find(|f| {
            f[..4]
                .iter()
                .zip(wanted)
                .all(|(have, want)| have == "*" || have == want)
        })
        .map(|mut f| f.swap_remove(4))
}

/// The five fields of a line, unescaped, or `None` for a short line.
fn fields(line: &str) -> Option<Vec<String>> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.last_mut()?.push(n);
                }
            }
            ':' if out.len() < 5 => out.push(String::new()),
            c => out.last_mut()?.push(c),
        }
    }
    (out.len() == 5).then_some(out)
}

/// Whether only the owner may read the file.
#[cfg(unix)]
fn private(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o077 == 0)
}

/// Other systems have no such modes.
#[cfg(not(unix))]
fn private(_: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info<'a>(host: &'a str, dbname: &'a str, user: &'a str) -> Login<'a> {
        Login {
            host,
            port: 5432,
            dbname,
            user,
        }
    }

    fn file(text: &str, mode: u32) -> tempfile::NamedTempFile {
        use std::os::unix::fs::PermissionsExt as _;
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), text).unwrap();
        std::fs::set_permissions(f.path(), std::fs::Permissions::from_mode(mode)).unwrap();
        f
    }

    #[test]
    fn first_matching_line_wins_with_wildcards_and_escapes() {
        let f = file(
            "# comment\nother:5432:*:*:no\n127.0.0.1:5432:events:alice:s3cr\\:et\n*:*:*:*:any\n",
            0o600,
        );
        let p = lookup(f.path(), info("127.0.0.1", "events", "alice"));
        assert_eq!(p.as_deref(), Some("s3cr:et"));
        let p = lookup(f.path(), info("db.example", "x", "bob"));
        assert_eq!(p.as_deref(), Some("any"));
    }

    #[test]
    fn a_socket_folder_matches_localhost() {
        let f = file("localhost:5432:events:alice:pw\n", 0o600);
        let p = lookup(f.path(), info("/var/run/postgresql", "events", "alice"));
        assert_eq!(p.as_deref(), Some("pw"));
    }

    #[test]
    fn a_file_others_can_read_is_ignored() {
        let f = file("*:*:*:*:pw\n", 0o644);
        assert_eq!(lookup(f.path(), info("h", "d", "u")), None);
    }
}
