//! The smallest eframe app that opens a window like the viewer's (same
//! renderer, same size), draws one label and writes its screenshot the way
//! the viewer's `--screenshot` does (the same passes, frames and painting:
//! `border_incidents::run::screenshot`): the baseline for a screenshot's
//! time.
//!
//! Usage: `minimal_eframe --screenshot OUT.png`

use std::path::PathBuf;
use std::process::ExitCode;

use border_incidents::run::screenshot::{self, Subject};

/// One label in the central panel.
struct Hello;

impl Subject for Hello {
    fn pass(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) -> anyhow::Result<bool> {
        egui::CentralPanel::default().show(ui, |ui| ui.label("Hello"));
        Ok(true)
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
    let viewport = egui::ViewportBuilder::default().with_inner_size([1600.0, 1000.0]);
    match screenshot::take("minimal-eframe", viewport, PathBuf::from(out), |_| {
        Ok(Hello)
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e:#}");
            ExitCode::FAILURE
        }
    }
}
