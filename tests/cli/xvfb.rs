//! The real binary in a real window, under a fresh Xvfb server of its own
//! (`xvfb-run -a`, Debian package `xvfb`), with Mesa drawing.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_border-incidents");

/// A folder of this test's own (by process and thread).
pub fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "border-incidents-e2e-{}-{name}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs the binary with `args` under a fresh Xvfb server.
pub fn run_under_xvfb(args: &[&str]) -> Output {
    let runtime = tempdir("runtime");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&runtime, std::fs::Permissions::from_mode(0o700))
            .expect("runtime dir permissions");
    }
    Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1920x1200x24", BIN])
        .args(args)
        .env("XDG_RUNTIME_DIR", &runtime)
        .output()
        .expect("xvfb-run is needed for this test: apt-get install xvfb xauth (see README.md)")
}
