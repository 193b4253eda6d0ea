//! Work the map's first frame does not wait for (the relief, the world
//! beyond the base map, the full level of detail): each is started on a
//! thread of its own once the first frame is on screen, so that it does not
//! compete with drawing it, and taken in by a later frame when done.

use std::sync::mpsc::{Receiver, TryRecvError};

/// How long layers arriving after the first frame take to fade in, in
/// egui's animation times (about a quarter of a second by default; at
/// once where animations are off, as in tests).
pub const FADE_ANIMATIONS: f32 = 3.0;

/// The work, boxed, with the name of its thread.
type Work<T> = (&'static str, Box<dyn FnOnce() -> T + Send>);

/// One piece of work on its way.
pub enum Deferred<T> {
    /// Not started.
    Waiting(Work<T>),
    /// Running on a thread.
    Running(Receiver<T>),
    /// Handed over, or given up on when its thread failed.
    Over,
}

impl<T: Send + 'static> Deferred<T> {
    /// `work`, to be run on a thread named `name` once started.
    pub fn new(name: &'static str, work: impl FnOnce() -> T + Send + 'static) -> Self {
        Deferred::Waiting((name, Box::new(work)))
    }

    /// Starts the work on its thread if it has not started; `repaint` is
    /// asked to repaint once it is done. If no thread can start, the work
    /// is given up on (the map goes without it).
    pub fn start(&mut self, repaint: Option<egui::Context>) {
        if !matches!(self, Deferred::Waiting(_)) {
            return;
        }
        let Deferred::Waiting((name, work)) = std::mem::replace(self, Deferred::Over) else {
            return;
        };
        let (send, receive) = std::sync::mpsc::channel();
        let run = move || {
            // The receiver may be gone if the map was dropped meanwhile.
            if send.send(work()).is_ok()
                && let Some(ctx) = repaint
            {
                ctx.request_repaint();
            }
        };
        if std::thread::Builder::new()
            .name(name.into())
            .spawn(run)
            .is_ok()
        {
            *self = Deferred::Running(receive);
        }
    }

    /// Moves the work along: starts it when `start` gives the context to
    /// wake once it is done, and returns its result once done. If its
    /// thread fails, nothing is ever returned.
    pub fn poll(&mut self, start: Option<&egui::Context>) -> Option<T> {
        if let Some(ctx) = start {
            self.start(Some(ctx.clone()));
        }
        let Deferred::Running(receive) = self else {
            return None;
        };
        match receive.try_recv() {
            Ok(done) => {
                *self = Deferred::Over;
                Some(done)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                *self = Deferred::Over;
                None
            }
        }
    }

    /// The result now: the work is done here if it has not started, or
    /// waited for if it has (for screenshots, tests and benchmarks, which
    /// need the final picture).
    pub fn wait(&mut self) -> Option<T> {
        match std::mem::replace(self, Deferred::Over) {
            Deferred::Waiting((_, work)) => Some(work()),
            Deferred::Running(receive) => receive.recv().ok(),
            Deferred::Over => None,
        }
    }

    /// Whether the result may still come.
    pub fn is_pending(&self) -> bool {
        !matches!(self, Deferred::Over)
    }
}
