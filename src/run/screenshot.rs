//! One picture of a window, written as PNG: the viewer's `--screenshot`,
//! and the minimal app it is measured against, drawn the same way.
//!
//! The renderer takes the picture of the frame after the one that asks for
//! it, and hands it back a frame after that. A frame runs the UI several
//! times (passes) so that layout settles, and only its last pass is
//! painted; with the software rasterizer of a machine without a GPU,
//! painting the whole window is most of a screenshot's time, so the run
//! paints the subject once: the first frame lays it out and paints
//! nothing, the second lays it out again and is the picture, the frames
//! after it draw nothing until the picture arrives. Animations take no
//! time: the picture shows where every fade and slide ends.

use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::anyhow;

/// Passes of the UI in a frame, so that layout has settled.
const PASSES_PER_FRAME: usize = 4;
/// Frames after which a picture that never arrived counts as failed.
const FRAMES_BEFORE_GIVING_UP: u32 = 240;

/// What a screenshot pictures.
pub trait Subject {
    /// Runs one pass of the UI. `Ok(false)` while the picture cannot be
    /// taken yet (files still loading); an error ends the run.
    fn pass(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) -> anyhow::Result<bool>;

    /// Called as the picture is asked for (to write what it shows).
    fn at_picture(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}

/// Opens a window of `viewport` titled `app_name`, draws the subject that
/// `make` returns and writes its picture to `picture`.
pub fn take<S: Subject + 'static>(
    app_name: &str,
    viewport: egui::ViewportBuilder,
    picture: PathBuf,
    make: impl FnOnce(&eframe::CreationContext<'_>) -> anyhow::Result<S> + 'static,
) -> anyhow::Result<()> {
    let outcome: Outcome = Arc::new(Mutex::new(None));
    let native = eframe::NativeOptions {
        viewport: viewport.with_resizable(false),
        persist_window: false,
        ..Default::default()
    };
    let shared = outcome.clone();
    eframe::run_native(
        app_name,
        native,
        Box::new(move |cc| {
            let subject = make(cc)?;
            cc.egui_ctx.options_mut(|o| {
                o.max_passes = NonZeroUsize::new(PASSES_PER_FRAME).unwrap_or(NonZeroUsize::MIN);
            });
            cc.egui_ctx
                .all_styles_mut(|style| style.animation_time = 0.0);
            Ok(Box::new(Run {
                subject,
                picture,
                stage: Stage::Settling(0),
                image: Arc::new(Mutex::new(None)),
                outcome: shared,
            }))
        }),
    )
    .map_err(|e| anyhow!("cannot open the window: {e}"))?;
    let result = outcome
        .lock()
        .map_err(|_| anyhow!("the screenshot thread failed"))?
        .take();
    result.unwrap_or_else(|| Err(anyhow!("the window closed before the screenshot was taken")))
}

/// Writes a colour image as PNG.
pub fn save_png(img: &egui::ColorImage, path: &std::path::Path) -> anyhow::Result<()> {
    let [w, h] = img.size;
    let bytes: Vec<u8> = img.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes)
        .ok_or_else(|| anyhow!("the screenshot has an inconsistent size"))?;
    buffer
        .save(path)
        .map_err(|e| anyhow!("cannot write {}: {e}", path.display()))
}

/// The outcome of a run, filled in by the app.
type Outcome = Arc<Mutex<Option<anyhow::Result<()>>>>;

/// Where a run is.
#[derive(Clone, Copy)]
enum Stage {
    /// Laying the subject out before the picture is asked for: passes done.
    Settling(usize),
    /// The frame the picture shows: passes done.
    Picture(usize),
    /// Waiting for the picture: frames waited.
    Waiting(u32),
    /// The picture is written, or the run failed: the window is closing.
    Done,
}

/// The app of a screenshot run.
struct Run<S> {
    subject: S,
    picture: PathBuf,
    stage: Stage,
    image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    outcome: Outcome,
}

impl<S: Subject> Run<S> {
    fn finish(&self, ctx: &egui::Context, result: anyhow::Result<()>) {
        if let Ok(mut slot) = self.outcome.lock() {
            *slot = Some(result);
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Asks for the picture of the next frame.
    fn ask_for_picture(&mut self, ctx: &egui::Context) -> anyhow::Result<()> {
        self.subject.at_picture()?;
        let slot = self.image.clone();
        ctx.request_screenshot(move |img| {
            if let Ok(mut s) = slot.lock() {
                *s = Some(img);
            }
        });
        Ok(())
    }

    /// The stage after this pass, `None` when the run has ended.
    fn next(
        &mut self,
        ui: &mut egui::Ui,
        frame: &mut eframe::Frame,
    ) -> anyhow::Result<Option<Stage>> {
        let ctx = ui.ctx().clone();
        let last_pass = |done: usize| done + 1 >= PASSES_PER_FRAME;
        let discard = || ctx.request_discard("a screenshot's layout settles before it is painted");
        Ok(Some(match self.stage {
            Stage::Done => Stage::Done,
            // The last pass of the first frame paints nothing and asks for
            // the picture of the next.
            Stage::Settling(done) if last_pass(done) => {
                self.ask_for_picture(&ctx)?;
                Stage::Picture(0)
            }
            Stage::Settling(done) => {
                if self.subject.pass(ui, frame)? {
                    discard();
                    Stage::Settling(done + 1)
                } else {
                    Stage::Settling(0)
                }
            }
            Stage::Picture(done) => {
                self.subject.pass(ui, frame)?;
                if last_pass(done) {
                    Stage::Waiting(0)
                } else {
                    discard();
                    Stage::Picture(done + 1)
                }
            }
            Stage::Waiting(frames) => {
                let taken = self.image.lock().ok().and_then(|mut s| s.take());
                if let Some(img) = taken {
                    save_png(&img, &self.picture)?;
                    return Ok(None);
                }
                if frames >= FRAMES_BEFORE_GIVING_UP {
                    return Err(anyhow!("no screenshot arrived from the renderer"));
                }
                Stage::Waiting(frames + 1)
            }
        }))
    }
}

impl<S: Subject> eframe::App for Run<S> {
    /// A screenshot shows the default view: nothing is saved for the next run.
    fn persist_egui_memory(&self) -> bool {
        false
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        ctx.request_repaint();
        self.stage = match self.next(ui, frame) {
            Ok(Some(stage)) => stage,
            Ok(None) => {
                self.finish(&ctx, Ok(()));
                Stage::Done
            }
            Err(e) => {
                self.finish(&ctx, Err(e));
                Stage::Done
            }
        };
    }
}
