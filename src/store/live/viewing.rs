//! Asking the store for the view, not the table. When the store holds
//! more events than the app keeps ([`VIEW_ABOVE`] unless set), the link
//! asks for what the map's box, the time window and the filters show:
//! counts per cell zoomed out, the events themselves zoomed in. A question
//! is sent only when the view changed, the worker answers the latest of
//! those waiting, and an answer is taken only if it answers the last
//! question asked: a view that moved on never shows a stale answer.

use super::worker::{OnMap, Request, Viewed};
use super::{Effect, Live};
pub use crate::store::viewport::ViewQuestion;
use crate::store::viewport::ViewRequest;

pub use crate::store::viewport::VIEW_ABOVE;

/// The questions asked of the store and which one is answered.
#[derive(Debug, Default)]
pub struct Viewing {
    asked: u64,
    answered: u64,
    last: Option<ViewQuestion>,
}

impl Viewing {
    /// The request to send for `question`: none when it is the question
    /// last asked.
    pub fn ask(&mut self, question: ViewQuestion) -> Option<ViewRequest> {
        if self.last.as_ref() == Some(&question) {
            return None;
        }
        self.asked += 1;
        self.last = Some(question.clone());
        Some(ViewRequest {
            serial: self.asked,
            question,
        })
    }

    /// Forgets the question last asked, so that the next one is sent even
    /// if the view is the same (after a reconnect or another coder's
    /// change).
    pub fn again(&mut self) {
        self.last = None;
    }

    /// Takes the answer with `serial`: true when it answers the last
    /// question asked (else it is stale and dropped).
    pub fn take(&mut self, serial: u64) -> bool {
        if serial != self.asked {
            return false;
        }
        self.answered = serial;
        true
    }

    /// The question last asked.
    pub fn last(&self) -> Option<&ViewQuestion> {
        self.last.as_ref()
    }

    /// Whether the last question is still waiting for its answer.
    pub fn waiting(&self) -> bool {
        self.answered < self.asked
    }
}

impl Live {
    /// Asks the store per view when it holds more than `events` events
    /// (set before the connection is made).
    pub fn set_view_above(&mut self, events: u64) {
        self.view_above = events;
    }

    /// Whether the store is asked per view (it holds more events than the
    /// app keeps).
    pub fn is_viewing(&self) -> bool {
        self.viewing.is_some()
    }

    /// Whether the view's answer is still awaited.
    pub fn view_waiting(&self) -> bool {
        self.viewing.as_ref().is_some_and(Viewing::waiting)
    }

    /// The view last asked for, when the store is asked per view.
    pub fn view_question(&self) -> Option<&ViewQuestion> {
        self.viewing.as_ref().and_then(Viewing::last)
    }

    /// Asks what `question`'s view shows, when the store is asked per view
    /// and the view changed; the answer comes as [`Effect::Viewed`].
    pub fn ask_view(&mut self, question: ViewQuestion) {
        let request = self.viewing.as_mut().and_then(|v| v.ask(question));
        if let Some(request) = request {
            self.worker.send(Request::View(request));
        }
    }

    /// The worker's answer for a view: taken when it answers the view
    /// last asked for; a failure is said, and the last answer stays shown.
    pub(super) fn viewed(
        &mut self,
        serial: u64,
        result: Result<Box<Viewed>, String>,
    ) -> Vec<Effect> {
        if !self.viewing.as_mut().is_some_and(|v| v.take(serial)) {
            return Vec::new();
        }
        match result.map(|v| *v) {
            Ok(Viewed {
                map: OnMap::Events(pulled),
                histogram,
            }) => {
                self.versions = pulled.versions;
                vec![Effect::Viewed {
                    events: Box::new(pulled.collection),
                    counts: None,
                    histogram,
                }]
            }
            Ok(Viewed {
                map: OnMap::Cells(cells, catalogue),
                histogram,
            }) => {
                self.versions.clear();
                vec![Effect::Viewed {
                    events: Box::new(catalogue),
                    counts: Some(cells.counts()),
                    histogram,
                }]
            }
            Err(message) => {
                self.notice = Some(format!(
                    "The database did not answer for this view ({message}); the map shows the last answer."
                ));
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(west: f64) -> ViewQuestion {
        ViewQuestion {
            bbox: [west, 39.0, 73.0, 42.0],
            window: (0, 86_400),
            kinds: None,
            categories: None,
            narrowing: Default::default(),
            across: 24,
            histogram: crate::data::counts::TimeBins::over((0, 86_400), 100),
        }
    }

    #[test]
    fn the_same_view_is_asked_once_and_again_after_a_change_elsewhere() {
        let mut v = Viewing::default();
        assert_eq!(v.ask(question(68.0)).map(|r| r.serial), Some(1));
        assert!(v.ask(question(68.0)).is_none());
        v.again();
        assert_eq!(v.ask(question(68.0)).map(|r| r.serial), Some(2));
    }

    #[test]
    fn an_answer_to_a_view_that_moved_on_is_dropped() {
        let mut v = Viewing::default();
        let first = v.ask(question(68.0)).unwrap();
        let second = v.ask(question(69.0)).unwrap();
        assert!(v.waiting());
        assert!(!v.take(first.serial), "the first view's answer is stale");
        assert!(v.waiting());
        assert!(v.take(second.serial));
        assert!(!v.waiting());
    }
}
