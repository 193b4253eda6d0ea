//! Rendering egui off screen: a headless [`egui::Context`] of a chosen size
//! and scale, its output drawn by `egui_wgpu`'s renderer into a texture that
//! is read back as an image. No window is needed; on a machine without a GPU,
//! wgpu draws with Mesa's CPU rasterizer (lavapipe or llvmpipe).

use std::iter::once;
use std::sync::mpsc::channel;
use std::time::Duration;

use egui_wgpu::wgpu;
use image::RgbaImage;

/// How long to wait for the GPU (a CPU rasterizer may be slow) before
/// giving up on a frame.
const WAIT: Duration = Duration::from_secs(60);

/// The colour format frames are drawn in: gamma-space RGBA, as egui expects.
const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

/// What can go wrong while drawing off screen.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No GPU adapter (nor a CPU rasterizer) could be set up.
    #[error("no graphics adapter for drawing off screen: {0}")]
    Setup(String),
    /// The GPU did not finish a frame, or the frame could not be read back.
    #[error("drawing off screen failed: {0}")]
    Frame(String),
    /// The asked size is empty or larger than the GPU allows.
    #[error("cannot draw an image of {0}×{1} pixels (at most {2} a side)")]
    Size(u32, u32, u32),
}

/// A headless egui context with a wgpu device to draw it on.
pub struct Canvas {
    ctx: egui::Context,
    device: wgpu::Device,
    queue: wgpu::Queue,
    renderer: egui_wgpu::Renderer,
    /// The size drawn, in points.
    size: egui::Vec2,
    /// Pixels per point.
    scale: f32,
}

impl Canvas {
    /// A canvas of `size` points at `scale` pixels per point (2 for print).
    pub fn new(size: egui::Vec2, scale: f32) -> Result<Self, RenderError> {
        let setup = egui_wgpu::WgpuSetup::CreateNew(
            egui_wgpu::WgpuSetupCreateNew::without_display_handle(),
        );
        let instance = pollster::block_on(setup.new_instance());
        let config = egui_wgpu::WgpuConfiguration {
            wgpu_setup: setup,
            ..Default::default()
        };
        let state = pollster::block_on(egui_wgpu::RenderState::create(
            &config,
            &instance,
            None,
            egui_wgpu::RendererOptions::default(),
        ))
        .map_err(|e| RenderError::Setup(e.to_string()))?;
        let limit = state.device.limits().max_texture_dimension_2d;
        let [w, h] = pixels(size, scale);
        if w == 0 || h == 0 || w > limit || h > limit {
            return Err(RenderError::Size(w, h, limit));
        }
        let renderer =
            egui_wgpu::Renderer::new(&state.device, FORMAT, egui_wgpu::RendererOptions::default());
        let ctx = egui::Context::default();
        ctx.all_styles_mut(|style| style.animation_time = 0.0);
        Ok(Self {
            ctx,
            device: state.device,
            queue: state.queue,
            renderer,
            size,
            scale,
        })
    }

    /// The headless context (to set its theme, or egui memory, before drawing).
    pub fn ctx(&self) -> &egui::Context {
        &self.ctx
    }

    /// The image's size in pixels.
    pub fn pixel_size(&self) -> [u32; 2] {
        pixels(self.size, self.scale)
    }

    /// Runs `draw` for `passes` frames (layout settles over a few) and draws
    /// the last one into an image.
    pub fn draw(
        &mut self,
        passes: usize,
        draw: &mut dyn FnMut(&mut egui::Ui),
    ) -> Result<RgbaImage, RenderError> {
        let mut last = None;
        for _ in 0..passes.max(1) {
            let mut input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
                ..Default::default()
            };
            if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
                viewport.native_pixels_per_point = Some(self.scale);
            }
            let mut output = self.ctx.run_ui(input, |ui| draw(ui));
            self.apply_textures(&mut output.textures_delta);
            last = Some(output);
        }
        match last {
            Some(output) => self.render(output),
            None => Err(RenderError::Frame("nothing was drawn".to_owned())),
        }
    }

    /// Hands the frame's new and freed textures (the font atlas, images)
    /// to the renderer.
    fn apply_textures(&mut self, delta: &mut egui::TexturesDelta) {
        for (id, images) in delta.set.drain() {
            for image in images {
                self.renderer
                    .update_texture(&self.device, &self.queue, id, &image);
            }
        }
        for id in delta.free.drain() {
            self.renderer.free_texture(&id);
        }
    }

    /// Draws one frame's output into a texture and reads it back.
    fn render(&mut self, output: egui::FullOutput) -> Result<RgbaImage, RenderError> {
        let [w, h] = self.pixel_size();
        let screen = egui_wgpu::ScreenDescriptor {
            size_in_pixels: [w, h],
            pixels_per_point: self.scale,
        };
        let meshes = self.ctx.tessellate(output.shapes, self.scale);
        let mut encoder = self
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("offscreen"),
            });
        let extra =
            self.renderer
                .update_buffers(&self.device, &self.queue, &mut encoder, &meshes, &screen);
        let texture = self.device.create_texture(&wgpu::TextureDescriptor {
            label: Some("offscreen frame"),
            size: wgpu::Extent3d {
                width: w,
                height: h,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("offscreen pass"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::BLACK),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            self.renderer.render(&mut pass, &meshes, &screen);
        }
        let read = ReadBack::new(&self.device, w, h);
        read.copy(&mut encoder, &texture);
        self.queue
            .submit(extra.into_iter().chain(once(encoder.finish())));
        read.finish(&self.device)
    }
}

/// The size in pixels of `size` points at `scale`.
fn pixels(size: egui::Vec2, scale: f32) -> [u32; 2] {
    let px = size * scale;
    [px.x.round().max(0.0) as u32, px.y.round().max(0.0) as u32]
}

/// A buffer the frame is copied into, rows padded as wgpu requires.
struct ReadBack {
    buffer: wgpu::Buffer,
    width: u32,
    height: u32,
    padded_row: u32,
}

impl ReadBack {
    fn new(device: &wgpu::Device, width: u32, height: u32) -> Self {
        let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let padded_row = (width * 4).div_ceil(align) * align;
        let buffer = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("offscreen read-back"),
            size: u64::from(padded_row) * u64::from(height),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Self {
            buffer,
            width,
            height,
            padded_row,
        }
    }

    fn copy(&self, encoder: &mut wgpu::CommandEncoder, texture: &wgpu::Texture) {
        encoder.copy_texture_to_buffer(
            texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &self.buffer,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(self.padded_row),
                    rows_per_image: None,
                },
            },
            wgpu::Extent3d {
                width: self.width,
                height: self.height,
                depth_or_array_layers: 1,
            },
        );
    }

    /// Waits for the copy and returns the pixels, opaque.
    fn finish(self, device: &wgpu::Device) -> Result<RgbaImage, RenderError> {
        let slice = self.buffer.slice(..);
        let (send, receive) = channel();
        slice.map_async(wgpu::MapMode::Read, move |r| drop(send.send(r)));
        device
            .poll(wgpu::PollType::Wait {
                submission_index: None,
                timeout: Some(WAIT),
            })
            .map_err(|e| RenderError::Frame(e.to_string()))?;
        receive
            .recv()
            .map_err(|e| RenderError::Frame(e.to_string()))?
            .map_err(|e| RenderError::Frame(e.to_string()))?;
        let mapped = slice
            .get_mapped_range()
            .map_err(|e| RenderError::Frame(e.to_string()))?;
        let row = self.width as usize * 4;
        let mut bytes = Vec::with_capacity(row * self.height as usize);
        for line in mapped.chunks_exact(self.padded_row as usize) {
            bytes.extend_from_slice(&line[..row]);
        }
        drop(mapped);
        for alpha in bytes.iter_mut().skip(3).step_by(4) {
            *alpha = 255;
        }
        RgbaImage::from_raw(self.width, self.height, bytes)
            .ok_or_else(|| RenderError::Frame("the frame has an inconsistent size".to_owned()))
    }
}
