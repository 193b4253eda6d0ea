//! The app driven frame by frame without a window, as the frame and scrub
//! benchmarks measure it: egui layout of every panel and the map, then
//! tessellation into triangles (what the GPU would receive). Each
//! benchmark uses part of it.

#![allow(dead_code)]

use std::sync::Arc;

use border_incidents::app::App;
use border_incidents::data::Data;
use border_incidents::start::StartOptions;
use eframe::App as _;

/// Window size in points, as in the UI tests.
pub const SIZE: egui::Vec2 = egui::vec2(1600.0, 1000.0);

/// How the map's base layers reach the screen.
#[derive(Clone, Copy, PartialEq)]
pub enum BaseLayers {
    /// Kept on the GPU, as the real window draws them.
    OnGpu,
    /// Handed to egui as a mesh every frame.
    ThroughEgui,
}

/// An app with its egui context, driven frame by frame without a window.
pub struct Headless {
    ctx: egui::Context,
    /// The app.
    pub app: App,
    frame: eframe::Frame,
    time: f64,
}

impl Headless {
    /// The app on `data` in its default view, its map in full detail, with
    /// the base layers reaching the screen as `base_layers` says.
    pub fn new(data: Arc<Data>, base_layers: BaseLayers) -> Self {
        Self::of(App::new(None, data, StartOptions::default()), base_layers)
    }

    /// `app` driven headless, its map in full detail, with the base layers
    /// reaching the screen as `base_layers` says.
    pub fn of(mut app: App, base_layers: BaseLayers) -> Self {
        let ctx = egui::Context::default();
        if base_layers == BaseLayers::OnGpu {
            app.draw_map_on_gpu(eframe::wgpu::TextureFormat::Bgra8Unorm);
        }
        app.wait_for_full_map_detail();
        let mut h = Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        };
        // Let fonts load and layout settle before measuring.
        for _ in 0..3 {
            h.frame();
        }
        h
    }

    /// One frame: layout and tessellation. Returns the number of primitives.
    pub fn frame(&mut self) -> usize {
        self.frame_with(Vec::new())
    }

    /// One frame with these input events.
    pub fn frame_with(&mut self, events: Vec<egui::Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui, frame));
        // No renderer takes the textures: they are dropped as handled.
        output.textures_delta.clear();
        let prims = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        prims.len()
    }
}
