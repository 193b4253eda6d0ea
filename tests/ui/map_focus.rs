//! What the map draws for the selected or hovered event only, used like a
//! user would: uncertainty halos filled, a statement's links to what it
//! speaks about, and the legend saying so.

use crate::common;

use border_incidents::map::layers::markers::marker_label;
use egui_kittest::kittest::Queryable as _;

/// A point on the map away from markers, the legend and the status strip.
const EMPTY_SPOT: egui::Pos2 = egui::pos2(420.0, 640.0);

/// The halos painted this frame (wide circles), as (radius, fill alpha).
fn halos(harness: &egui_kittest::Harness<'_, border_incidents::app::App>) -> Vec<(f32, u8)> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Circle(circle) if circle.radius > 60.0 => {
                Some((circle.radius, circle.fill.a()))
            }
            _ => None,
        })
        .collect()
}

/// Halos are light outlines until an event is selected or hovered: then
/// its halo alone is filled. The legend says so.
#[test]
fn halos_are_outlines_but_for_the_selected_or_hovered_event() {
    let data = common::data();
    let mut harness = common::harness();
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(2);
    let faint = halos(&harness);
    assert!(!faint.is_empty());
    assert!(faint.iter().all(|&(_, a)| a < 10), "{faint:?}");
    // Hovering a marker with a halo fills that halo.
    let clashes = data
        .events
        .iter()
        .find(|e| e.id == "firefight-border-guards-kg-claim")
        .expect("the firefight");
    harness.get_by_label(&marker_label(clashes)).hover();
    harness.run_steps(2);
    let filled: Vec<_> = halos(&harness)
        .into_iter()
        .filter(|&(_, a)| a >= 20)
        .collect();
    assert_eq!(filled.len(), 1, "{:?}", halos(&harness));
    // So does selecting it, once the pointer has left.
    harness.get_by_label(&marker_label(clashes)).click();
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(2);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(clashes.id.as_str())
    );
    assert_eq!(halos(&harness).iter().filter(|&&(_, a)| a >= 20).count(), 1);
    harness.get_by_label("Legend").click();
    harness.run_steps(3);
    let _ = harness.get_by_label_contains("filled for the selected or hovered event");
    let _ =
        harness.get_by_label_contains("Dashed arc: an incident the selected or hovered statement");
}

/// A statement's links to what it speaks about appear while its marker is
/// hovered, and not before.
#[test]
fn a_statements_links_show_while_it_is_hovered() {
    let data = common::data();
    // Selected first, so that the map shows it (in Dushanbe), then let go.
    let mut harness = common::harness_with(border_incidents::start::StartOptions {
        select: Some("tajik-account".into()),
        ..Default::default()
    });
    harness.run_steps(2);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().view().selection, None);
    let dashes = |h: &egui_kittest::Harness<'_, border_incidents::app::App>| {
        h.output()
            .shapes
            .iter()
            .filter(|c| matches!(c.shape, egui::Shape::LineSegment { .. }))
            .count()
    };
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(2);
    let before = dashes(&harness);
    let statement = data
        .events
        .iter()
        .find(|e| e.id == "tajik-account")
        .expect("the Tajik account");
    harness.get_by_label(&marker_label(statement)).hover();
    harness.run_steps(2);
    assert!(
        dashes(&harness) > before + 10,
        "{before} → {}",
        dashes(&harness)
    );
}

/// The bundled data plus `n` incidents on a grid over the region, each
/// with an uncertainty of 1 to 150 km, all in the first view's window.
fn many_halos(n: usize) -> border_incidents::data::Data {
    let mut data = (*common::data()).clone();
    let model = data
        .events
        .iter()
        .find(|e| e.id == "firefight-border-guards-kg-claim")
        .expect("the firefight")
        .clone();
    data.events.extend((0..n).map(|k| {
        let (lon, lat) = (69.4 + (k % 60) as f64 * 0.07, 39.3 + (k / 60) as f64 * 0.06);
        border_incidents::data::event::Event {
            id: format!("spread-{k}"),
            title: format!("Spread incident {k}"),
            geometry: Some(geo::Geometry::Point(geo::Point::new(lon, lat))),
            uncertainty_km: Some(1.0 + (k * 37 % 150) as f64),
            refers_to: Vec::new(),
            account_of: None,
            ..model.clone()
        }
    }));
    data
}

/// With more halos than can be read, only the smallest outlines are drawn,
/// none filled and none wider than the map, and the legend says how many
/// of how many; the hovered event's own halo is still drawn filled.
#[test]
fn too_many_halos_are_thinned_and_the_legend_says_so() {
    use border_incidents::map::layers::halos::MAX_HALOS;
    let data = std::sync::Arc::new(many_halos(1_800));
    let mut harness = egui_kittest::Harness::builder()
        .with_size(common::SIZE)
        .with_pixels_per_point(1.0)
        .build_eframe(move |_cc| common::app(data.clone(), Default::default()));
    harness.hover_at(EMPTY_SPOT);
    harness.run_steps(4);
    // Outlines only: circles without a fill (a marker is always filled).
    let outlines: Vec<f32> = harness
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Circle(circle) if circle.fill.a() == 0 => Some(circle.radius),
            _ => None,
        })
        .collect();
    assert!(outlines.len() > 100, "{} outlines", outlines.len());
    assert!(
        outlines.len() <= MAX_HALOS,
        "{} halos drawn",
        outlines.len()
    );
    let half_diagonal = common::SIZE.length() / 2.0;
    assert!(outlines.iter().all(|&r| r <= half_diagonal));
    // No halo filled, however faintly, while nothing is hovered.
    assert!(halos(&harness).iter().all(|&(_, a)| a == 0));
    harness.get_by_label("Legend").click();
    harness.run_steps(3);
    let _ = harness.get_by_label_contains("wider than the map left out");
    let drawn = outlines.len().to_string();
    let _ = harness.get_by_label_contains(&format!("the {drawn} smallest of "));
    let _ = harness.get_by_label_contains("hover or select a marker for its own");
    // The legend closed (its swatches are circles too), a marker hovered:
    // its own halo is drawn, filled.
    harness.get_by_label("Legend").click();
    harness.run_steps(2);
    let data = harness.state().data().clone();
    let label = data
        .events
        .iter()
        .filter(|e| e.id.starts_with("spread-"))
        .map(marker_label)
        .find(|l| harness.query_by_label(l).is_some())
        .expect("a spread event drawn as a marker");
    harness.get_by_label(&label).hover();
    harness.run_steps(2);
    let filled: Vec<_> = harness
        .output()
        .shapes
        .iter()
        .filter(|c| matches!(&c.shape, egui::Shape::Circle(h) if (20..200).contains(&h.fill.a()) && h.stroke.width >= 1.5))
        .collect();
    assert_eq!(filled.len(), 1, "{filled:?}");
}
