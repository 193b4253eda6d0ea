//! Start → first frame, side by side: opens a 1600×1000 window with either
//! the viewer on the bundled data or a minimal eframe app (one label), asks
//! to close during its first frame, so that it exits once that frame is
//! painted. Timing the whole process with hyperfine gives start-up to first
//! frame, window set-up and tear-down included.
//!
//! Usage: `first_frame viewer` or `first_frame minimal`

use std::process::ExitCode;
use std::sync::Arc;

use border_incidents::app::{App, StartOptions};
use border_incidents::data::Data;

/// Runs `inner` for one frame, then closes the window.
struct UntilFirstFrame<F: FnMut(&mut egui::Ui, &mut eframe::Frame)> {
    inner: F,
}

impl<F: FnMut(&mut egui::Ui, &mut eframe::Frame)> eframe::App for UntilFirstFrame<F> {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        (self.inner)(ui, frame);
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
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
        "viewer" => eframe::run_native(
            "first-frame-viewer",
            native,
            Box::new(|cc| {
                let data = Arc::new(Data::bundled()?);
                let mut app = App::new(None, data, StartOptions::default()).with_gpu_from(cc);
                let inner = move |ui: &mut egui::Ui, frame: &mut eframe::Frame| {
                    eframe::App::ui(&mut app, ui, frame);
                };
                Ok(Box::new(UntilFirstFrame { inner }))
            }),
        ),
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
