//! The smallest eframe app that opens a window like the viewer's (same
//! renderer, same size), draws one label, takes a screenshot after the same
//! number of frames and exits: the baseline for start-up → first-frame timing.
//!
//! Usage: `minimal_eframe --screenshot OUT.png`

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

/// Frames drawn before the screenshot, as in the viewer's screenshot mode.
const FRAMES_BEFORE_SCREENSHOT: u32 = 4;

type Shot = Arc<Mutex<Option<Arc<egui::ColorImage>>>>;

struct Minimal {
    out: PathBuf,
    frames: u32,
    image: Shot,
    saved: Arc<Mutex<bool>>,
}

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
        let ctx = ui.ctx().clone();
        self.frames += 1;
        ctx.request_repaint();
        if self.frames == FRAMES_BEFORE_SCREENSHOT {
            let slot = self.image.clone();
            ctx.request_screenshot(move |img| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(img);
                }
            });
        }
        let taken = self.image.lock().ok().and_then(|mut s| s.take());
        if let Some(img) = taken {
            let ok = border_incidents::run::save_png(&img, &self.out).is_ok();
            if let Ok(mut s) = self.saved.lock() {
                *s = ok;
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let Some(out) = args
        .iter()
        .position(|a| a == "--screenshot")
        .and_then(|i| args.get(i + 1))
    else {
        eprintln!("usage: minimal_eframe --screenshot OUT.png");
        return ExitCode::from(2);
    };
    let saved = Arc::new(Mutex::new(false));
    let app = Minimal {
        out: PathBuf::from(out),
        frames: 0,
        image: Arc::new(Mutex::new(None)),
        saved: saved.clone(),
    };
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1600.0, 1000.0])
            .with_resizable(false),
        persist_window: false,
        ..Default::default()
    };
    let run = eframe::run_native("minimal-eframe", native, Box::new(|_cc| Ok(Box::new(app))));
    match (run, saved.lock().map(|s| *s)) {
        (Ok(()), Ok(true)) => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}
