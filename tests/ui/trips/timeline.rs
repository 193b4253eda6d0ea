//! A readable timeline: bars at least 8 points high at the default size,
//! the title of the selected and the hovered bar written beside it, and a
//! histogram whose bins are hours over the September week.

use border_incidents::app::App;
use border_incidents::timeline::bars::bar_label;
use egui::Rect;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use crate::common::{self, day};

/// Where `text` is painted this frame, if it is.
fn painted(harness: &Harness<'static, App>, text: &str) -> Option<Rect> {
    fn find(shape: &egui::Shape, text: &str) -> Option<Rect> {
        match shape {
            egui::Shape::Text(t) if t.galley.text() == text => Some(t.visual_bounding_rect()),
            egui::Shape::Vec(shapes) => shapes.iter().find_map(|s| find(s, text)),
            _ => None,
        }
    }
    harness
        .output()
        .shapes
        .iter()
        .find_map(|c| find(&c.shape, text))
}

#[test]
fn bars_are_tall_enough_to_see_and_hit_and_say_their_title() {
    let data = common::data();
    let mut harness = common::harness();
    let week: Vec<_> = (data.events.iter())
        .filter(|e| {
            let start = e.start.first_second();
            start >= day("2022-09-15") && start < day("2022-09-20")
        })
        .collect();
    assert!(week.len() > 10);
    for e in &week {
        let lane = harness.get_by_label(&bar_label(e)).rect();
        // A bar is its lane less a gap of 1.5 points.
        let bar = lane.height() - 1.5;
        assert!(bar >= 8.0 - 1e-3, "{}: {bar} points high", e.title);
    }

    // Hovering a bar writes its title beside it, on the bar's line.
    let hovered = week[0];
    assert_eq!(harness.state().view().selection, None);
    let lane = harness.get_by_label(&bar_label(hovered)).rect();
    harness.hover_at(lane.center());
    harness.run_steps(2);
    let title = painted(&harness, &hovered.title).expect("the hovered bar's title");
    assert!(
        title.y_range().contains(lane.center().y),
        "{title:?} beside {lane:?}"
    );

    // Selected, it keeps its title while another bar is hovered.
    harness.get_by_label(&bar_label(hovered)).click();
    harness.run_steps(2);
    let other = week[week.len() - 1];
    harness.hover_at(harness.get_by_label(&bar_label(other)).rect().center());
    harness.run_steps(2);
    assert!(painted(&harness, &hovered.title).is_some());
    assert!(painted(&harness, &other.title).is_some());
}

#[test]
fn the_histogram_counts_the_september_week_by_hours() {
    let mut harness = common::harness();
    let ruler = harness.get_by_label("Time ruler").rect();
    harness.hover_at(egui::pos2(ruler.center().x, ruler.bottom() - 5.0));
    for _ in 0..120 {
        harness.step();
        if harness.query_by_label_contains("events from").is_some() {
            break;
        }
    }
    let tip = harness.get_by_label_contains("events from");
    let text = tip.accesskit_node().value().unwrap_or_default();
    // "… events from Thu 15 Sep 2022, 21:00 to Fri 16 Sep 2022, 00:00 …"
    let from = text.split("events from ").nth(1).expect("from");
    let (a, rest) = from.split_once(" to ").expect("to");
    let z = rest.split('\n').next().unwrap_or(rest);
    let hour = |s: &str| -> u32 {
        let hm = s.rsplit(", ").next().unwrap_or_default();
        hm.get(..2).and_then(|h| h.parse().ok()).expect("an hour")
    };
    let span = (hour(z) + 24 - hour(a)) % 24;
    assert!((1..=6).contains(&span), "a bin of {span} hours: {a} to {z}");
    assert!(a.ends_with(":00"), "bins start on the hour: {a}");
}
