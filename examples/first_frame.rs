//! Start → first frame on screen, side by side: opens a 1600×1000 window
//! with either the viewer on the bundled data or a minimal eframe app (one
//! label), and exits as soon as eframe starts its second frame, which it
//! does once the first has been rendered and presented. Timing the whole
//! process with hyperfine gives start-up to the first frame shown, window
//! set-up included (tear-down is skipped for both).
//!
//! Usage: `first_frame viewer` or `first_frame minimal`

use std::process::ExitCode;

use border_incidents::app::App;
use border_incidents::data::Data;
use border_incidents::map::preparing::MapPreparation;
use border_incidents::start::StartOptions;

/// Runs `inner` for the first frame and exits when the second begins.
struct UntilFirstFrame<F: FnMut(&mut egui::Ui, &mut eframe::Frame)> {
    inner: F,
}

impl<F: FnMut(&mut egui::Ui, &mut eframe::Frame)> eframe::App for UntilFirstFrame<F> {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // Frames are counted once painted (a frame may run the UI twice).
        if ui.ctx().cumulative_frame_nr() > 0 {
            std::process::exit(0);
        }
        (self.inner)(ui, frame);
        ui.ctx().request_repaint();
    }

    fn persist_egui_memory(&self) -> bool {
        false
    }
}

fn main() -> ExitCode {
    let which = std::env::args().nth(1).unwrap_or_default();
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1600.0, 1000.0])
            .with_resizable(false),
        persist_window: false,
        ..Default::default()
    };
    let run = match which.as_str() {
        "viewer" => viewer(native),
        "minimal" => eframe::run_native(
            "first-frame-minimal",
            native,
            Box::new(|_cc| {
                let inner = |ui: &mut egui::Ui, _: &mut eframe::Frame| {
                    egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
                };
                Ok(Box::new(UntilFirstFrame { inner }))
            }),
        ),
        _ => {
            eprintln!("usage: first_frame viewer|minimal");
            return ExitCode::from(2);
        }
    };
    match run {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("first_frame: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Starts the viewer as its window does: the data read and the map's first
/// frame prepared on a thread while eframe opens the window.
fn viewer(native: eframe::NativeOptions) -> eframe::Result {
    let map = MapPreparation::load_and_start(Data::bundled);
    eframe::run_native(
        "first-frame-viewer",
        native,
        Box::new(move |cc| {
            let (data, map) = map.finish()?;
            let app = App::with_map(None, data, map, StartOptions::default());
            let mut app = app.started_in(cc);
            let inner = move |ui: &mut egui::Ui, frame: &mut eframe::Frame| {
                eframe::App::ui(&mut app, ui, frame);
            };
            Ok(Box::new(UntilFirstFrame { inner }))
        }),
    )
}
