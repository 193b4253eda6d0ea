//! Work on a thread that the window watches: its progress, a way to cancel
//! it, and what it ended with, polled every frame so that the window never
//! waits for it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// How far work has got, shared between the thread doing it and the window
/// showing it; also how the window asks it to stop.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

impl Progress {
    /// Steps done and steps in all.
    pub fn counts(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// The fraction done, 0 to 1 (0 while the total is unknown).
    pub fn fraction(&self) -> f32 {
        let (done, total) = self.counts();
        if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        }
    }

    /// Asks the work to stop at its next step.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether stopping was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Sets the number of steps in all.
    pub fn set_total(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// Counts one more step done.
    pub fn step(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }
}

/// What a job ended with: a sentence for the user either way.
pub type Outcome = Result<String, String>;

/// A piece of work running on its own thread.
pub struct Job {
    /// What the job does, as the window says it ("Exporting 27 events…").
    pub label: String,
    progress: Arc<Progress>,
    receive: Receiver<Outcome>,
    outcome: Option<Outcome>,
}

impl Job {
    /// Starts `work` on a thread; it reports to the progress it is given and
    /// should stop, returning an error, when that is cancelled.
    pub fn start(
        label: impl Into<String>,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (send, receive) = channel();
        let shared = progress.clone();
        let label = label.into();
        let started = std::thread::Builder::new()
            .name(label.clone())
            .spawn(move || {
                let _ = send.send(work(&shared));
            });
        let outcome = started
            .err()
            .map(|e| Err(format!("cannot start the work: {e}")));
        Self {
            label,
            progress,
            receive,
            outcome,
        }
    }

    /// The job's progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// What the job ended with, once it has (looks without waiting).
    pub fn poll(&mut self) -> Option<&Outcome> {
        if self.outcome.is_none() {
            match self.receive.try_recv() {
                Ok(outcome) => self.outcome = Some(outcome),
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.outcome = Some(Err(format!("{} failed", self.label)));
                }
            }
        }
        self.outcome.as_ref()
    }

    /// Waits for the job to end (for the command line and tests).
    pub fn wait(mut self) -> Outcome {
        if let Some(outcome) = self.outcome.take() {
            return outcome;
        }
        self.receive
            .recv()
            .unwrap_or_else(|_| Err(format!("{} failed", self.label)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_and_can_be_cancelled() {
        let job = Job::start("count", |p| {
            p.set_total(2);
            p.step();
            Ok("done".to_owned())
        });
        assert_eq!(job.wait(), Ok("done".to_owned()));
        let (go, wait) = channel::<()>();
        let mut job = Job::start("stop", move |p| {
            let _ = wait.recv();
            if p.is_cancelled() {
                Err("cancelled".to_owned())
            } else {
                Ok(String::new())
            }
        });
        assert!(job.poll().is_none());
        job.cancel();
        go.send(()).unwrap();
        assert_eq!(job.wait(), Err("cancelled".to_owned()));
    }
}
