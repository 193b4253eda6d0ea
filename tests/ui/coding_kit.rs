//! Shared set-up for the coding tests: a fake file dialog, the test
//! article, temporary folders, the app with a recovery folder, and the
//! steps of coding an article through the File menu.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use border_incidents::app::App;
use border_incidents::file_dialog::{FileDialog, Picked};
use border_incidents::start::StartOptions;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common;

/// A file dialog answering with the path the test gives it.
#[derive(Clone, Default)]
pub struct FakeDialog(Arc<Mutex<Vec<PathBuf>>>);

impl FakeDialog {
    pub fn will_pick(&self, path: &Path) {
        *self.0.lock().unwrap() = vec![path.to_owned()];
    }
}

impl FileDialog for FakeDialog {
    fn pick_files(&self) -> Picked {
        let (send, receive) = std::sync::mpsc::channel();
        send.send(std::mem::take(&mut *self.0.lock().unwrap()))
            .unwrap();
        receive
    }
}

pub fn article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/coding/vorukh-clash.txt")
}

pub fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "border-incidents-coding-{test}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The app on the bundled data with `dialog` and, when given, a recovery folder.
pub fn harness(dialog: &FakeDialog, recovery: Option<&Path>) -> Harness<'static, App> {
    let data = common::data();
    let dialog = dialog.clone();
    let recovery = recovery.map(Path::to_path_buf);
    let mut harness = Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            let app = common::app(data.clone(), StartOptions::default())
                .started_in(cc)
                .with_file_dialog(Box::new(dialog.clone()));
            match &recovery {
                Some(dir) => app.with_recovery_dir(dir),
                None => app,
            }
        });
    harness.run_steps(3);
    harness
}

pub fn menu(harness: &mut Harness<'static, App>, item: &str) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label(item).click();
    harness.run_steps(2);
}

/// Steps frames until the article is read and proposed (at most ~20 s).
pub fn wait_coded(harness: &mut Harness<'static, App>) {
    for _ in 0..2000 {
        harness.step();
        if harness.state().workspace().job().is_none() {
            harness.run_steps(3);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the article was not coded in time");
}

pub fn code_article(harness: &mut Harness<'static, App>, dialog: &FakeDialog, path: &Path) {
    dialog.will_pick(path);
    menu(harness, "Code an article…");
    wait_coded(harness);
}
