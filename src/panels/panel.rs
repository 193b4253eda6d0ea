//! The panels' common shape: each of the window's panels (map, timeline,
//! events list, detail card, article) draws from the same [`Frame`] and
//! returns what the user asked for as [`Action`]s; the app lays them out
//! and applies the actions. A new panel is one more [`Panel`].

use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::extract::{Proposal, Status};
use crate::model::action::Action;
use crate::model::derived::Derived;
use crate::model::view::ViewState;
use crate::model::visibility::Visible;

/// What every panel draws from in one frame.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    /// The loaded data.
    pub data: &'a Data,
    /// What is derived from it once (time index, positions, quoted spans).
    pub derived: &'a Derived,
    /// The view state.
    pub view: &'a ViewState,
    /// The events passing the filters and the time window.
    pub visible: &'a Visible,
    /// The overlays the user opened.
    pub overlays: &'a [Overlay],
    /// The proposals of the article under review.
    pub proposed: Proposed<'a>,
    /// Where the events live (files or the shared store), what the role
    /// may do there.
    pub home: &'a crate::store::live::Home,
}

/// The proposals of the article under review, for the map and the
/// timeline to draw before they are reviewed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Proposed<'a> {
    /// Every proposal of the article (those kept are in the data too).
    pub proposals: &'a [Proposal],
    /// The id of the proposal selected in the review panel.
    pub selected: Option<&'a str>,
}

impl<'a> Proposed<'a> {
    /// The proposals not yet reviewed: neither kept (then they are in the
    /// data) nor rejected (then they are hidden).
    pub fn pending(&self) -> impl Iterator<Item = &'a Proposal> + 'a {
        (self.proposals.iter()).filter(|p| p.status == Status::Proposed)
    }

    /// Whether `proposal` is the one selected.
    pub fn is_selected(&self, proposal: &Proposal) -> bool {
        self.selected == Some(proposal.event.id.as_str())
    }
}

/// One panel of the window.
pub trait Panel {
    /// Draws the panel in `ui` and returns what the user asked for.
    fn show(&mut self, ui: &mut egui::Ui, frame: &Frame<'_>) -> Vec<Action>;
}
