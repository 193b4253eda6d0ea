//! Shared set-up for the UI tests: the app on the bundled data, at a fixed
//! size and theme, from the default view (no saved state).

use std::sync::{Arc, OnceLock};

use border_incidents::app::App;
use border_incidents::data::Data;
use border_incidents::data::time::{EventTime, Seconds};
use border_incidents::start::StartOptions;
use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The size every UI test window has, in points.
pub const SIZE: egui::Vec2 = egui::vec2(1600.0, 1000.0);

/// The bundled data, loaded once per test binary.
pub fn data() -> Arc<Data> {
    static DATA: OnceLock<Arc<Data>> = OnceLock::new();
    DATA.get_or_init(|| Arc::new(Data::bundled().expect("bundled data loads")))
        .clone()
}

/// The app on `data` with its map in full detail, so that what a test sees
/// does not depend on how fast the map's thread is.
pub fn app(data: Arc<Data>, opts: StartOptions) -> App {
    let mut app = App::new(None, data, opts);
    app.wait_for_full_map_detail();
    app
}

/// The app on the bundled data, started with `opts`.
pub fn harness_with(opts: StartOptions) -> Harness<'static, App> {
    let data = data();
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| app(data.clone(), opts.clone()).started_in(cc));
    harness.run_steps(3);
    harness
}

/// The app on the bundled data, started with `opts`, drawn by a wgpu
/// renderer from the start with the map's base layers kept on the GPU, as
/// the real window draws them.
pub fn harness_on_gpu_with(opts: StartOptions) -> Harness<'static, App> {
    let data = data();
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_eframe(move |cc| app(data.clone(), opts.clone()).started_in(cc));
    harness.run_steps(3);
    harness
}

/// The app on the bundled data, in its default view.
pub fn harness() -> Harness<'static, App> {
    harness_with(StartOptions::default())
}

/// The app started with `opts`, using `dialog` for File → Open….
pub fn harness_with_dialog(
    opts: StartOptions,
    dialog: Box<dyn border_incidents::file_dialog::FileDialog>,
) -> Harness<'static, App> {
    let data = data();
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |cc| {
            app(data.clone(), opts.clone())
                .started_in(cc)
                .with_file_dialog(dialog)
        });
    harness.run_steps(3);
    harness
}

/// Steps frames until no file is loading (at most about ten seconds).
pub fn wait_loaded(harness: &mut Harness<'static, App>) {
    for _ in 0..1000 {
        harness.step();
        if !harness.state().opened().loader.busy() {
            harness.run_steps(2);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the files did not finish loading");
}

/// The first second of the day `s` (YYYY-MM-DD).
pub fn day(s: &str) -> Seconds {
    EventTime::parse(s).unwrap().first_second()
}

/// The app started with its time window on the days `from` to `to`.
pub fn with_window(from: &str, to: &str) -> Harness<'static, App> {
    harness_with(StartOptions {
        window: Some((day(from), EventTime::parse(to).unwrap().end_exclusive())),
        ..StartOptions::default()
    })
}

/// The centre of the widget labelled `label`.
pub fn centre(harness: &Harness<'static, App>, label: &str) -> Pos2 {
    harness.get_by_label(label).rect().center()
}

/// Drags with the mouse from `a` to `b` in a few moves.
pub fn drag(harness: &mut Harness<'static, App>, a: Pos2, b: Pos2) {
    harness.hover_at(a);
    harness.step();
    harness.drag_at(a);
    harness.step();
    for k in 1..=4 {
        harness.hover_at(a + (b - a) * (k as f32 / 4.0));
        harness.step();
    }
    harness.drop_at(b);
    harness.run_steps(2);
}
