//! The app opens on the bundled data and can be closed cleanly.

mod common;

#[test]
fn opens_on_bundled_data() {
    let harness = common::harness();
    assert!(harness.state().view().selection.is_none());
}
