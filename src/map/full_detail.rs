//! The full level of detail of the map's areas (level 0, most of the
//! triangulation), prepared on a thread that starts once the first frame is
//! on screen, so that it does not compete with drawing it.

use std::sync::mpsc::{Receiver, TryRecvError};

use geo::MultiPolygon;

use super::mesh::{AreaLevel, MeshStats, prepare_level};
use crate::model::camera::Projection;

/// The full level of every area, with what preparing it produced.
pub type FullLevels = (Vec<AreaLevel>, MeshStats);

/// The full level of detail, on its way.
#[derive(Debug)]
pub enum FullDetail {
    /// Not started: the areas' shapes and their projection wait for the
    /// first frame.
    Waiting(Vec<MultiPolygon<f64>>, Projection),
    /// Being prepared on a thread.
    Preparing(Receiver<FullLevels>),
    /// Handed over, or given up on when its thread failed.
    Over,
}

impl FullDetail {
    /// Moves the preparation along: starts its thread once a frame has been
    /// drawn (`frames_drawn` > 0), and returns the levels once the thread
    /// has finished. If no thread can start or the thread fails, nothing is
    /// ever returned and the map keeps its coarser levels.
    pub fn poll(&mut self, frames_drawn: u64) -> Option<FullLevels> {
        match self {
            FullDetail::Waiting(..) if frames_drawn > 0 => {
                let FullDetail::Waiting(shapes, proj) = std::mem::replace(self, FullDetail::Over)
                else {
                    return None;
                };
                let (send, receive) = std::sync::mpsc::channel();
                let prepare = move || {
                    // The receiver may be gone if the map was dropped meanwhile.
                    let _ = send.send(full_levels(&proj, &shapes));
                };
                let spawned = std::thread::Builder::new()
                    .name("full-detail".into())
                    .spawn(prepare);
                if spawned.is_ok() {
                    *self = FullDetail::Preparing(receive);
                }
                None
            }
            FullDetail::Preparing(receive) => match receive.try_recv() {
                Ok(full) => {
                    *self = FullDetail::Over;
                    Some(full)
                }
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => {
                    *self = FullDetail::Over;
                    None
                }
            },
            FullDetail::Waiting(..) | FullDetail::Over => None,
        }
    }

    /// The levels now: prepared here if the thread has not started, or
    /// waited for if it has (for screenshots, tests and benchmarks, which
    /// need the final picture).
    pub fn wait(&mut self) -> Option<FullLevels> {
        match std::mem::replace(self, FullDetail::Over) {
            FullDetail::Waiting(shapes, proj) => Some(full_levels(&proj, &shapes)),
            FullDetail::Preparing(receive) => receive.recv().ok(),
            FullDetail::Over => None,
        }
    }

    /// Whether the levels may still come.
    pub fn is_pending(&self) -> bool {
        !matches!(self, FullDetail::Over)
    }
}

/// The full level of detail of `shapes`.
fn full_levels(proj: &Projection, shapes: &[MultiPolygon<f64>]) -> FullLevels {
    let mut stats = MeshStats::default();
    let levels = shapes
        .iter()
        .map(|shape| prepare_level(proj, shape, 0, &mut stats))
        .collect();
    (levels, stats)
}
