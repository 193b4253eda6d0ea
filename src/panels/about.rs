//! The About / Sources window.

/// Shows the window while `open` is true.
pub fn show(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("About / Sources")
        .open(open)
        .show(ctx, |ui| {
            ui.label("border-incidents");
        });
}
