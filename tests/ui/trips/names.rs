//! Place names in the region's scripts: View → Place names labels the
//! places in Latin letters, in the local script (the Cyrillic GeoNames
//! has for them) or both, with the labels still clear of one another.

use border_incidents::app::App;
use egui::Rect;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use crate::common;

/// Every text painted this frame, with where it is.
fn texts(harness: &Harness<'static, App>) -> Vec<(String, Rect)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, Rect)>) {
        match shape {
            egui::Shape::Text(t) => {
                out.push((t.galley.text().to_owned(), t.visual_bounding_rect()))
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// The place labels on the map, as `label_of` the app's places gives them.
fn place_labels(
    harness: &Harness<'static, App>,
    label_of: impl Fn(&border_incidents::data::geodata::Place) -> String,
) -> Vec<(String, Rect)> {
    let data = common::data();
    let labels: Vec<String> = data.geo.places.iter().map(label_of).collect();
    texts(harness)
        .into_iter()
        .filter(|(text, _)| labels.contains(text))
        .collect()
}

fn choose(harness: &mut Harness<'static, App>, script: &str) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Place names").click();
    harness.run_steps(2);
    harness.get_by_label(script).click();
    harness.run_steps(3);
}

fn no_two_overlap(labels: &[(String, Rect)]) {
    for (i, (a, ra)) in labels.iter().enumerate() {
        for (b, rb) in &labels[i + 1..] {
            assert!(
                !ra.shrink(0.5).intersects(rb.shrink(0.5)),
                "{a:?} over {b:?}"
            );
        }
    }
}

#[test]
fn place_names_are_shown_in_latin_cyrillic_or_both() {
    let mut harness = common::harness();
    let shown = |h: &Harness<'static, App>, name: &str| texts(h).iter().any(|(t, _)| t == name);
    assert!(shown(&harness, "Batken"));
    assert!(!shown(&harness, "Баткен"));

    choose(&mut harness, "Local script (Cyrillic)");
    assert!(shown(&harness, "Баткен"));
    assert!(shown(&harness, "Хуҷанд"), "Tajik letters drawn");
    assert!(!shown(&harness, "Batken"));
    let local = place_labels(&harness, |p| p.local_name.clone().unwrap_or(p.name.clone()));
    assert!(local.len() > 5, "{local:?}");
    no_two_overlap(&local);

    choose(&mut harness, "Both");
    assert!(shown(&harness, "Batken\nБаткен"));
    let both = place_labels(&harness, |p| match &p.local_name {
        Some(local) => format!("{}\n{local}", p.name),
        None => p.name.clone(),
    });
    no_two_overlap(&both);

    choose(&mut harness, "Latin");
    assert!(shown(&harness, "Batken"));
    assert_eq!(
        harness.state().view().names,
        border_incidents::model::view::PlaceNames::Latin
    );
}
