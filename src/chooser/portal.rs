//! Whether a desktop portal answers: the system file dialog on Linux and
//! the BSDs goes through the XDG desktop portal's `FileChooser` (rfd's
//! `xdg-portal` backend), and without one it fails in silence (an error
//! in a log, an empty answer). The portal is asked once over D-Bus for
//! its `FileChooser` version, with a short timeout; elsewhere the system
//! dialog always answers.

use std::sync::{Arc, OnceLock};

/// How to tell whether the system dialog can be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Portal {
    /// Ask the session's D-Bus for the portal's file chooser.
    System,
    /// Take it that no portal answers, for this reason (tests, or a
    /// session known to have none).
    Absent(String),
}

/// The portal's answer, asked once and kept.
pub(super) struct Check {
    how: Portal,
    answer: OnceLock<Result<(), Arc<str>>>,
}

impl Check {
    /// Asks `how` at the first [`Check::answers`].
    pub(super) fn new(how: Portal) -> Self {
        Self {
            how,
            answer: OnceLock::new(),
        }
    }

    /// `Ok` when the system dialog can be shown, else why not. The first
    /// call may wait for D-Bus (at most [`TIMEOUT`]); call it off the UI
    /// thread.
    pub(super) fn answers(&self) -> Result<(), Arc<str>> {
        self.answer
            .get_or_init(|| match &self.how {
                Portal::System => probe().map_err(Arc::from),
                Portal::Absent(why) => Err(Arc::from(why.as_str())),
            })
            .clone()
    }
}

/// How long the portal may take to answer (it may be started on demand).
#[cfg(all(unix, not(target_os = "macos")))]
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Asks the session bus for the version of the portal's file chooser.
#[cfg(all(unix, not(target_os = "macos")))]
fn probe() -> Result<(), String> {
    ask_bus(zbus::blocking::connection::Builder::session())
}

/// Asks the bus `bus` connects to for the portal's file chooser.
#[cfg(all(unix, not(target_os = "macos")))]
fn ask_bus(bus: zbus::Result<zbus::blocking::connection::Builder<'_>>) -> Result<(), String> {
    use zbus::blocking::proxy;
    let connection = bus
        .and_then(|b| b.method_timeout(TIMEOUT).build())
        .map_err(|e| format!("no D-Bus session bus ({e})"))?;
    let chooser = proxy::Builder::<zbus::blocking::Proxy<'_>>::new(&connection)
        .destination("org.freedesktop.portal.Desktop")
        .and_then(|b| b.path("/org/freedesktop/portal/desktop"))
        .and_then(|b| b.interface("org.freedesktop.portal.FileChooser"))
        .map(|b| b.cache_properties(zbus::proxy::CacheProperties::No))
        .and_then(|b| b.build())
        .map_err(|e| format!("no desktop portal ({e})"))?;
    match chooser.get_property::<u32>("version") {
        Ok(_) => Ok(()),
        Err(e) => Err(format!("no desktop portal's file chooser answered ({e})")),
    }
}

/// Elsewhere (Windows, macOS) the system dialog needs no portal.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn probe() -> Result<(), String> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_absent_portal_says_why_every_time() {
        let check = Check::new(Portal::Absent("not in tests".into()));
        assert_eq!(
            check.answers().map_err(|e| e.to_string()),
            Err("not in tests".into())
        );
        assert!(check.answers().is_err());
    }

    /// A session bus that does not exist is a portal that does not answer
    /// (not a panic, not a wait), and says so.
    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn no_session_bus_is_no_portal() {
        let address = "unix:path=/nonexistent/border-incidents-test-bus";
        let answer = ask_bus(zbus::blocking::connection::Builder::address(address));
        let why = answer.expect_err("no bus there");
        assert!(why.starts_with("no D-Bus session bus"), "{why}");
    }
}
