//! A coded article in view: when an article's proposals arrive, the map is
//! fitted to their places and the timeline to their dates (a view the
//! coder can leave), and the proposals not yet reviewed are drawn on both
//! as proposed (a dashed ring, a dashed bar); a rejected one is hidden.

use std::path::Path;

use border_incidents::app::App;
use border_incidents::data::event::EventKind;
use border_incidents::extract::{Proposal, Status};
use border_incidents::map::layers::proposals::proposal_label;
use border_incidents::timeline::proposed::proposed_bar_label;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::coding_kit::{FakeDialog, code_article, harness};
use crate::common;

/// The April 2021 report of the clashes at Vorukh, coded in the app.
fn coded() -> Harness<'static, App> {
    let article =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/articles/kyrgyz-tajik-2021.txt");
    let dialog = FakeDialog::default();
    let mut harness = harness(&dialog, None);
    code_article(&mut harness, &dialog, &article);
    harness
}

/// The proposals not yet reviewed, of the kinds the view is fitted to,
/// that have a place.
fn pending_placed(harness: &Harness<'static, App>) -> Vec<Proposal> {
    let session = harness.state().workspace().session().expect("coded");
    (session.proposals().iter())
        .filter(|p| p.status == Status::Proposed && p.event.kind != EventKind::Context)
        .filter(|p| p.event.geometry.is_some())
        .cloned()
        .collect()
}

#[test]
fn the_proposals_of_a_coded_article_are_in_view_on_the_map_and_the_timeline() {
    let harness = coded();
    let session = harness.state().workspace().session().expect("coded");
    let told = session.told_span().expect("the report tells of a time");
    assert_eq!(harness.state().view().time.window, told);
    let pending = pending_placed(&harness);
    assert!(
        pending.len() >= 2,
        "{} proposals with a place",
        pending.len()
    );

    let map = harness.get_by_label("Map").rect();
    for p in &pending {
        let ring = harness.get_by_label(&proposal_label(p)).rect();
        assert!(map.contains_rect(ring), "{} is off the map", p.event.title);
    }
    let ruler = harness.get_by_label("Time ruler").rect();
    for p in &pending {
        let bar = harness.get_by_label(&proposed_bar_label(p)).rect();
        assert!(
            bar.left() >= ruler.left() && bar.right() <= ruler.right(),
            "{} is off the timeline",
            p.event.title
        );
    }
    // The band says what it holds; the legend names the rings.
    harness.get_by_label("Proposed (not yet reviewed)");
}

#[test]
fn a_rejected_proposal_is_hidden_and_the_coder_can_leave_the_view() {
    let mut harness = coded();
    let pending = pending_placed(&harness);
    let first = &pending[0];

    // A click on its ring selects the proposal in the review panel.
    harness.get_by_label(&proposal_label(first)).click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().workspace().selected(),
        Some(first.event.id.as_str())
    );
    harness.get_by_label("Reject").click();
    harness.run_steps(2);
    assert!(harness.query_by_label(&proposal_label(first)).is_none());
    assert!(harness.query_by_label(&proposed_bar_label(first)).is_none());
    let second = &pending[1];
    harness.get_by_label(&proposal_label(second));

    // The fitted view is the coder's to leave: a drag moves the map, and
    // it stays moved.
    let fitted = harness.state().view().camera;
    let map = harness.get_by_label("Map").rect();
    common::drag(
        &mut harness,
        map.center(),
        map.center() + egui::vec2(180.0, 60.0),
    );
    harness.run_steps(4);
    let moved = harness.state().view().camera;
    assert_ne!(moved, fitted);
    harness.run_steps(4);
    assert_eq!(harness.state().view().camera, moved);
}
