//! Terrain and the world beyond the region, as a user meets them: the relief
//! under the borders (and its switch), the ground's elevation under the
//! cursor and at an event's place, and land and capitals around a statement
//! made far away.

use crate::common;

use border_incidents::model::view::layer_ids;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The texts painted this frame.
fn painted_texts(harness: &egui_kittest::Harness<'_, border_incidents::app::App>) -> Vec<String> {
    harness
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some(t.galley.text().to_owned()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_status_strip_gives_the_ground_elevation_under_the_cursor() {
    let mut harness = common::harness();
    // Over the valley floor between Khujand and Kokand.
    harness.hover_at(egui::pos2(520.0, 400.0));
    harness.run_steps(2);
    let node = harness.get_by_label_contains("Cursor: ");
    let text = node
        .accesskit_node()
        .label()
        .or_else(|| node.accesskit_node().value())
        .unwrap_or_default();
    let metres = text
        .rsplit(" · ")
        .next()
        .and_then(|m| m.strip_suffix(" m"))
        .map(|m| m.replace(',', ""))
        .and_then(|m| m.parse::<i32>().ok());
    assert!(metres.is_some_and(|m| (-100..8000).contains(&m)), "{text}");
}

#[test]
fn the_card_gives_the_elevation_of_an_exact_place() {
    let harness = common::harness_with(border_incidents::start::StartOptions {
        select: Some("tajik-account".into()),
        ..Default::default()
    });
    // Dushanbe, where the Tajik military's account was given, lies at about
    // 800 m in GEBCO.
    let row = harness.get_by_label_contains("(ground at the place)");
    let text = row
        .accesskit_node()
        .label()
        .or_else(|| row.accesskit_node().value())
        .unwrap_or_default();
    let metres: i32 = text
        .split(" m (")
        .next()
        .and_then(|m| m.replace(',', "").parse().ok())
        .unwrap_or(-1);
    assert!((700..1000).contains(&metres), "{text}");
}

#[test]
fn relief_can_be_switched_off_from_the_view_menu() {
    let mut harness = common::harness();
    assert!(harness.state().view().layers.shown(layer_ids::RELIEF));
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Relief (shaded terrain)").click();
    harness.run_steps(3);
    assert!(!harness.state().view().layers.shown(layer_ids::RELIEF));
    // The legend no longer explains it.
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    harness.get_by_label("Legend").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Relief: shaded").is_none());
}

#[test]
fn a_statement_made_far_away_is_shown_on_land_with_capitals_around() {
    let mut harness = common::harness_with(border_incidents::start::StartOptions {
        select: Some("putin-appeal".into()),
        ..Default::default()
    });
    harness.run_steps(3);
    let texts = painted_texts(&harness);
    for capital in ["Moscow", "Astana", "Baku"] {
        assert!(texts.iter().any(|t| t == capital), "{capital}: {texts:?}");
    }
    // The map is land around Moscow, not the empty background.
    let image = harness.render().expect("renders");
    let map = harness.get_by_label("Map").rect();
    let background = border_incidents::ui_kit::palette::palette(false).background;
    let at = map.left_top() + egui::vec2(map.width() * 0.25, map.height() * 0.3);
    let p = image.get_pixel(at.x as u32, at.y as u32).0;
    assert_ne!(
        [p[0], p[1], p[2]],
        [background.r(), background.g(), background.b()],
        "background at {at:?}"
    );
}

/// The median colour of nine pixels around `at`, two pixels apart (a line
/// crossing one of them does not change it).
fn median_colour(image: &image::RgbaImage, at: egui::Pos2) -> [u8; 3] {
    let mut pixels: Vec<[u8; 3]> = (-1..=1)
        .flat_map(|dy| (-1..=1).map(move |dx| (dx, dy)))
        .map(|(dx, dy)| {
            let p = image.get_pixel(
                (at.x + 2.0 * dx as f32) as u32,
                (at.y + 2.0 * dy as f32) as u32,
            );
            [p.0[0], p.0[1], p.0[2]]
        })
        .collect();
    pixels.sort_by_key(|p| u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]));
    pixels[4]
}

#[test]
fn the_region_and_the_world_around_it_meet_without_an_edge() {
    // Zoomed out to Moscow, the region's detailed map is a small box among
    // the world's countries, under the relief.
    let mut harness = common::harness_on_gpu_with(border_incidents::start::StartOptions {
        select: Some("putin-appeal".into()),
        ..Default::default()
    });
    harness.run_steps(3);
    let image = harness.render().expect("renders");
    let map = harness.get_by_label("Map").rect();
    let app = harness.state();
    let projection =
        border_incidents::model::projection::Projection::at(app.data().region.reference_lat);
    let camera = app.view().camera;
    let [west, _, _, north] = border_incidents::data::geodata::elevation::BOUNDS;
    // Kazakhstan across the box's northern edge, Uzbekistan across its
    // western one: the same country the same colour on both sides.
    let crossings = [
        ("Kazakhstan, north edge", 72.0, north, egui::vec2(0.0, 6.0)),
        ("Uzbekistan, west edge", west, 40.5, egui::vec2(6.0, 0.0)),
    ];
    for (name, lon, lat, step) in crossings {
        let edge = camera.to_screen(&projection, map, lon, lat);
        assert!(
            map.shrink(20.0).contains(edge),
            "{name}: {edge:?} in {map:?}"
        );
        let outside = median_colour(&image, edge - step);
        let inside = median_colour(&image, edge + step);
        let differs = outside
            .iter()
            .zip(inside)
            .map(|(a, b)| a.abs_diff(b))
            .max()
            .unwrap_or(0);
        assert!(
            differs <= 12,
            "{name}: {outside:?} outside the box, {inside:?} inside it"
        );
        let background = border_incidents::ui_kit::palette::palette(false).background;
        assert_ne!(
            outside,
            [background.r(), background.g(), background.b()],
            "{name}: the world's land reaches the box"
        );
    }
}
