//! The base layers' tessellated meshes (the fills, and the lines over the
//! relief) kept on the GPU. Each is uploaded once per tessellation and
//! drawn every frame through an egui paint callback that only tells the
//! GPU how far the mesh has moved, so a frame never copies the mesh's
//! vertices into egui's output or to the GPU again. With a layer of a
//! million vertices, that copying was most of a frame.
//!
//! The shader draws egui's own vertices (position, unused texture
//! coordinates, premultiplied gamma-space colour) with egui's blending, so
//! the picture is the one egui would paint from the same mesh (the mesh is
//! untextured: the base layers hold no text or images). The renderer keeps
//! one pipeline and uniform, and a mesh in each of [`SLOTS`] slots: the app
//! has one map in one window, and both meshes of a frame move together.

use std::num::NonZeroU64;
use std::sync::Arc;

use eframe::egui_wgpu::{self, CallbackResources, CallbackTrait, ScreenDescriptor};
use eframe::wgpu::{self, util::DeviceExt as _};
use egui::epaint::{Mesh, Vertex};
use egui::{Painter, Vec2};

/// The colour format of the frames the map is drawn into.
pub type TargetFormat = wgpu::TextureFormat;

/// The shader: moves egui's vertices by the pan and maps points to clip
/// space; writes the colour as is, or converted to linear for an sRGB frame.
const SHADER: &str = r"
struct Frame {
    screen_points: vec2<f32>,
    shift: vec2<f32>,
};
@group(0) @binding(0) var<uniform> frame: Frame;

struct Shaded {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>,
};

@vertex
fn vertex_main(@location(0) pos: vec2<f32>, @location(1) color: vec4<f32>) -> Shaded {
    let at = (pos + frame.shift) / frame.screen_points;
    var out: Shaded;
    out.position = vec4<f32>(2.0 * at.x - 1.0, 1.0 - 2.0 * at.y, 0.0, 1.0);
    out.color = color;
    return out;
}

@fragment
fn gamma_main(in: Shaded) -> @location(0) vec4<f32> {
    return in.color;
}

fn to_linear(c: vec3<f32>) -> vec3<f32> {
    let low = c / 12.92;
    let high = pow((c + 0.055) / 1.055, vec3<f32>(2.4));
    return select(high, low, c < vec3<f32>(0.04045));
}

@fragment
fn linear_main(in: Shaded) -> @location(0) vec4<f32> {
    return vec4<f32>(to_linear(in.color.rgb), in.color.a);
}
";

/// What the shader is told each frame: the screen's size in points and the
/// pan since the mesh was made.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct FrameUniform {
    screen_points: [f32; 2],
    shift: [f32; 2],
}

/// How many meshes the GPU holds at once.
pub const SLOTS: usize = 2;

/// Where a mesh is held on the GPU and which one it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    /// The slot, below [`SLOTS`].
    pub slot: usize,
    /// Names the mesh: a new serial in a slot uploads it, the same one
    /// reuses what the GPU already holds.
    pub serial: u64,
}

/// Adds a paint callback drawing `mesh`, moved by `shift`, to `painter`,
/// the mesh held on the GPU as `held` says.
pub fn paint(painter: &Painter, mesh: &Arc<Mesh>, held: Held, shift: Vec2, format: TargetFormat) {
    let callback = DrawMesh {
        mesh: mesh.clone(),
        held,
        shift,
        format,
    };
    painter.add(egui_wgpu::Callback::new_paint_callback(
        painter.clip_rect(),
        callback,
    ));
}

/// One frame's drawing of a mesh held on the GPU.
struct DrawMesh {
    mesh: Arc<Mesh>,
    held: Held,
    shift: Vec2,
    format: TargetFormat,
}

/// The pipeline, and the meshes as last uploaded, kept in the renderer.
struct OnGpu {
    format: TargetFormat,
    pipeline: wgpu::RenderPipeline,
    uniform: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
    /// Each slot's uploaded mesh: serial, vertices, indices and index count.
    meshes: [Option<(u64, wgpu::Buffer, wgpu::Buffer, u32)>; SLOTS],
}

impl OnGpu {
    fn new(device: &wgpu::Device, format: TargetFormat) -> Self {
        let uniform_size = std::mem::size_of::<FrameUniform>() as u64;
        let uniform = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("base layers frame"),
            size: uniform_size,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("base layers frame"),
            entries: &[wgpu::BindGroupLayoutEntry {
                binding: 0,
                visibility: wgpu::ShaderStages::VERTEX,
                ty: wgpu::BindingType::Buffer {
                    ty: wgpu::BufferBindingType::Uniform,
                    has_dynamic_offset: false,
                    min_binding_size: NonZeroU64::new(uniform_size),
                },
                count: None,
            }],
        });
        let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("base layers frame"),
            layout: &layout,
            entries: &[wgpu::BindGroupEntry {
                binding: 0,
                resource: uniform.as_entire_binding(),
            }],
        });
        Self {
            format,
            pipeline: pipeline(device, format, &layout),
            uniform,
            bind_group,
            meshes: Default::default(),
        }
    }
}

/// The pipeline drawing egui's vertices with egui's blending into frames
/// of `format`, reading the frame's uniform through `uniform_layout`.
fn pipeline(
    device: &wgpu::Device,
    format: TargetFormat,
    uniform_layout: &wgpu::BindGroupLayout,
) -> wgpu::RenderPipeline {
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("base layers"),
        source: wgpu::ShaderSource::Wgsl(SHADER.into()),
    });
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("base layers"),
        bind_group_layouts: &[Some(uniform_layout)],
        immediate_size: 0,
    });
    device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some("base layers"),
        layout: Some(&pipeline_layout),
        vertex: wgpu::VertexState {
            module: &module,
            entry_point: Some("vertex_main"),
            buffers: &[Some(VERTEX_LAYOUT)],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        },
        primitive: wgpu::PrimitiveState::default(),
        // As eframe's pass with its default options (which the app
        // uses): no depth buffer, one sample per pixel.
        depth_stencil: None,
        multisample: wgpu::MultisampleState::default(),
        fragment: Some(wgpu::FragmentState {
            module: &module,
            entry_point: Some(if format.is_srgb() {
                "linear_main"
            } else {
                "gamma_main"
            }),
            targets: &[Some(wgpu::ColorTargetState {
                format,
                blend: Some(BLEND),
                write_mask: wgpu::ColorWrites::ALL,
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        }),
        multiview_mask: None,
        cache: None,
    })
}

/// egui's vertex: position, texture coordinates (unused), colour; the
/// offsets are egui's, whatever its field order.
const VERTEX_LAYOUT: wgpu::VertexBufferLayout<'static> = wgpu::VertexBufferLayout {
    array_stride: std::mem::size_of::<Vertex>() as u64,
    step_mode: wgpu::VertexStepMode::Vertex,
    attributes: &[
        wgpu::VertexAttribute {
            format: wgpu::VertexFormat::Float32x2,
            offset: std::mem::offset_of!(Vertex, pos) as u64,
            shader_location: 0,
        },
        wgpu::VertexAttribute {
            format: wgpu::VertexFormat::Unorm8x4,
            offset: std::mem::offset_of!(Vertex, color) as u64,
            shader_location: 1,
        },
    ],
};

/// Premultiplied alpha, blended as egui blends its own meshes.
const BLEND: wgpu::BlendState = wgpu::BlendState {
    color: wgpu::BlendComponent {
        src_factor: wgpu::BlendFactor::One,
        dst_factor: wgpu::BlendFactor::OneMinusSrcAlpha,
        operation: wgpu::BlendOperation::Add,
    },
    alpha: wgpu::BlendComponent {
        src_factor: wgpu::BlendFactor::OneMinusDstAlpha,
        dst_factor: wgpu::BlendFactor::One,
        operation: wgpu::BlendOperation::Add,
    },
};

impl CallbackTrait for DrawMesh {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
        resources: &mut CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        if resources
            .get::<OnGpu>()
            .is_none_or(|g| g.format != self.format)
        {
            resources.insert(OnGpu::new(device, self.format));
        }
        let Some(gpu) = resources.get_mut::<OnGpu>() else {
            return Vec::new();
        };
        let Some(held) = gpu.meshes.get_mut(self.held.slot) else {
            return Vec::new();
        };
        if self.mesh.indices.is_empty() {
            *held = None;
        } else if held.as_ref().map(|m| m.0) != Some(self.held.serial) {
            let vertices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some("base layers vertices"),
                contents: bytemuck::cast_slice(&self.mesh.vertices),
                usage: wgpu::BufferUsages::VERTEX,
            });
            let indices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some("base layers indices"),
                contents: bytemuck::cast_slice(&self.mesh.indices),
                usage: wgpu::BufferUsages::INDEX,
            });
            let count = self.mesh.indices.len() as u32;
            *held = Some((self.held.serial, vertices, indices, count));
        }
        let ppp = screen.pixels_per_point;
        let uniform = FrameUniform {
            screen_points: [
                screen.size_in_pixels[0] as f32 / ppp,
                screen.size_in_pixels[1] as f32 / ppp,
            ],
            shift: [self.shift.x, self.shift.y],
        };
        queue.write_buffer(&gpu.uniform, 0, bytemuck::bytes_of(&uniform));
        Vec::new()
    }

    fn paint(
        &self,
        info: egui::PaintCallbackInfo,
        pass: &mut wgpu::RenderPass<'static>,
        resources: &CallbackResources,
    ) {
        let Some(gpu) = resources.get::<OnGpu>() else {
            return;
        };
        let Some(Some((_, vertices, indices, count))) = gpu.meshes.get(self.held.slot) else {
            return;
        };
        // The whole screen, so that points map to pixels as in egui's pass;
        // egui's scissor keeps the drawing inside the map.
        let [w, h] = info.screen_size_px;
        pass.set_viewport(0.0, 0.0, w as f32, h as f32, 0.0, 1.0);
        pass.set_pipeline(&gpu.pipeline);
        pass.set_bind_group(0, &gpu.bind_group, &[]);
        pass.set_vertex_buffer(0, vertices.slice(..));
        pass.set_index_buffer(indices.slice(..), wgpu::IndexFormat::Uint32);
        pass.draw_indexed(0..*count, 0, 0..1);
    }
}
