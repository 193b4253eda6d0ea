//! The side panels, driven like a user: the events list, the detail card,
//! the article and the About window.

use crate::common;

use border_incidents::app::App;
use border_incidents::model::view::Theme;
use border_incidents::start::StartOptions;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

const AIRPORT: &str = "Regional airport packed with people leaving";
const EVACUATION: &str = "136,000 residents evacuated";

fn selection(harness: &egui_kittest::Harness<'_, border_incidents::app::App>) -> Option<String> {
    harness.state().view().selection.clone()
}

fn shown_count(harness: &egui_kittest::Harness<'_, border_incidents::app::App>) -> usize {
    let total = common::data().events.len();
    let counts: Vec<usize> = (0..=total)
        .filter(|n| {
            harness
                .query_by_label(&format!("{n} of {total} events shown"))
                .is_some()
        })
        .collect();
    assert_eq!(counts.len(), 1, "exactly one count label");
    counts[0]
}

#[test]
fn empty_card_invites_a_selection() {
    let harness = common::harness();
    harness.get_by_label(border_incidents::panels::details::EMPTY_TEXT);
}

#[test]
fn list_row_selects_and_card_shows_title_and_quote() {
    let mut harness = common::harness();
    harness.get_by_label(AIRPORT).click();
    harness.run();
    assert_eq!(selection(&harness).as_deref(), Some("airport-crowd"));
    // The title now appears twice: the list row and the card's heading.
    assert_eq!(harness.query_all_by_label(AIRPORT).count(), 2);
    harness.get_by_label_contains("one regional airport was reportedly packed");
    harness.get_by_label_contains("known to the day");
}

#[test]
fn show_in_article_reveals_again_and_keeps_selection() {
    let mut harness = common::harness();
    harness.get_by_label(EVACUATION).click();
    harness.run();
    let before = harness
        .state()
        .view()
        .reveal
        .clone()
        .expect("row click reveals");
    harness.get_by_label("Show in article").click();
    harness.run();
    let after = harness
        .state()
        .view()
        .reveal
        .clone()
        .expect("still a reveal");
    assert!(after.serial > before.serial);
    assert_eq!(after.event_id, "evacuation-batken");
    assert_eq!(selection(&harness).as_deref(), Some("evacuation-batken"));
}

#[test]
fn clicking_an_article_highlight_selects_its_event() {
    let mut harness = common::harness();
    assert_eq!(selection(&harness), None);
    harness
        .get_by_label(&format!("Quote of {EVACUATION}"))
        .click();
    harness.run();
    assert_eq!(selection(&harness).as_deref(), Some("evacuation-batken"));
    let reveal = harness.state().view().reveal.clone().expect("a reveal");
    assert_eq!(reveal.quote, 0);
}

/// Whether the marker whose label starts with `label` is drawn inside the map.
fn marker_on_map(
    harness: &egui_kittest::Harness<'_, border_incidents::app::App>,
    label: &str,
) -> bool {
    let map = harness.get_by_label("Map").rect();
    harness
        .query_by_label_contains(label)
        .is_some_and(|marker| map.contains(marker.rect().center()))
}

#[test]
fn clicking_a_highlight_brings_its_event_back_into_view() {
    let mut harness = common::harness();
    let marker = format!("Incident: {EVACUATION}");
    assert!(marker_on_map(&harness, &marker));
    // Zoom in and drag the map far to the east, so Batken leaves the view.
    for _ in 0..3 {
        harness.key_press(Key::Plus);
    }
    harness.run();
    let from = egui::pos2(1000.0, 600.0);
    harness.hover_at(from);
    harness.run_steps(1);
    harness.drag_at(from);
    harness.run_steps(1);
    harness.hover_at(from - egui::vec2(650.0, 0.0));
    harness.run_steps(1);
    harness.drop_at(from - egui::vec2(650.0, 0.0));
    harness.run();
    assert!(
        !marker_on_map(&harness, &marker),
        "the drag took Batken out of view"
    );
    let panned = harness.state().view().camera;
    harness
        .get_by_label(&format!("Quote of {EVACUATION}"))
        .click();
    harness.run();
    assert_ne!(harness.state().view().camera, panned, "the camera moved");
    assert_eq!(
        harness.state().view().camera.points_per_km,
        panned.points_per_km
    );
    assert!(
        marker_on_map(&harness, &marker),
        "the event is back in view"
    );
}

#[test]
fn clicking_a_highlight_of_an_event_in_view_leaves_the_map_alone() {
    let mut harness = common::harness();
    let before = harness.state().view().camera;
    harness
        .get_by_label(&format!("Quote of {EVACUATION}"))
        .click();
    harness.run();
    assert_eq!(selection(&harness).as_deref(), Some("evacuation-batken"));
    assert_eq!(harness.state().view().camera, before);
}

#[test]
fn related_accounts_are_side_by_side_and_clickable() {
    let mut harness = common::harness_with(border_incidents::start::StartOptions {
        select: Some("kyrgyz-account".into()),
        ..Default::default()
    });
    harness.run();
    // The Kyrgyz column's heading, and the card's side row.
    assert_eq!(harness.query_all_by_label("Kyrgyz account").count(), 2);
    harness.get_by_label("Tajik account");
    // The Tajik statement appears in the list and in its account column.
    let tajik = "Tajikistan: its towns were shelled first";
    let nodes: Vec<_> = harness.query_all_by_label(tajik).collect();
    assert_eq!(nodes.len(), 2);
    // The card's column is in the right-hand panel, the list on the left.
    let in_card = nodes
        .iter()
        .max_by(|a, b| a.rect().center().x.total_cmp(&b.rect().center().x))
        .expect("two nodes");
    in_card.scroll_to_me();
    harness.run();
    let in_card = harness
        .query_all_by_label(tajik)
        .max_by(|a, b| a.rect().center().x.total_cmp(&b.rect().center().x))
        .expect("two nodes");
    in_card.click();
    harness.run();
    assert_eq!(selection(&harness).as_deref(), Some("tajik-account"));
}

/// The two sides tell the clashes differently, each as an incident of its
/// own: selecting one side's version shows the other's beside it.
#[test]
fn one_sides_version_of_the_clashes_shows_the_others_beside_it() {
    let harness = common::harness_with(border_incidents::start::StartOptions {
        select: Some("incursion-batken-kg-claim".into()),
        ..Default::default()
    });
    // The card is in the right-hand panel; the events list is on the left.
    let card_left = harness
        .get_by_label("Other accounts of this incident")
        .rect()
        .left();
    let in_card = |label: &str| {
        harness
            .query_all_by_label(label)
            .any(|n| n.rect().center().x >= card_left)
    };
    assert!(in_card("About"));
    assert!(in_card("Fighting along the Kyrgyz–Tajik border"));
    assert!(in_card("Tajik account"));
    assert!(in_card(
        "Tajik towns shelled from across the border (Tajik account)"
    ));
    assert!(in_card("Tajikistan: its towns were shelled first"));
    assert!(in_card("Kyrgyzstan: Tajikistan invaded Batken villages"));
}

#[test]
fn search_narrows_the_list() {
    let mut harness = common::harness();
    let before = shown_count(&harness);
    harness.get_by_label("Search").focus();
    harness.run();
    harness.get_by_label("Search").type_text("airport");
    harness.run();
    let after = shown_count(&harness);
    assert!(before > 1, "{before}");
    assert_eq!(after, 1);
    harness.get_by_label(AIRPORT);
    assert!(harness.query_by_label(EVACUATION).is_none());
}

#[test]
fn ctrl_f_focuses_search() {
    let mut harness = common::harness();
    assert!(!harness.get_by_label("Search").is_focused());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(harness.get_by_label("Search").is_focused());
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = common::harness();
    harness.get_by_label(AIRPORT).click();
    harness.run();
    assert!(selection(&harness).is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(selection(&harness), None);
}

#[test]
fn about_window_opens_from_help_menu() {
    let mut harness = common::harness();
    assert!(
        harness
            .query_by_label_contains("Country borders, lakes")
            .is_none()
    );
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About / Sources").click();
    harness.run();
    harness.get_by_label_contains("Country borders, lakes");
    harness.get_by_label_contains("World Socialist Web Site · Andrea Peters");
}

/// Brightness of a colour, 0 (black) to 255 (white).
fn brightness(c: egui::Color32) -> u32 {
    (u32::from(c.r()) + u32::from(c.g()) + u32::from(c.b())) / 3
}

/// Fills of the rectangles larger than 100 by 100 points among `shapes`.
fn large_fills(shapes: &[egui::Shape], out: &mut Vec<egui::Color32>) {
    for shape in shapes {
        match shape {
            egui::Shape::Rect(r) if r.rect.width() > 100.0 && r.rect.height() > 100.0 => {
                out.push(r.fill);
            }
            egui::Shape::Vec(inner) => large_fills(inner, out),
            _ => {}
        }
    }
}

/// The very first frame is painted in the theme the app starts with, so a
/// light start shows no flash of egui's default dark theme (nor a dark start
/// a light one): the panels' and the map's backgrounds are already right.
#[test]
fn the_first_frame_is_painted_in_the_chosen_theme() {
    for (theme, light) in [(Theme::Light, true), (Theme::Dark, false)] {
        // A context as eframe hands it over, in egui's default (dark) theme.
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let opts = StartOptions {
            theme: Some(theme),
            ..Default::default()
        };
        let mut app = App::new(None, common::data(), opts).started_in(&cc);
        let mut frame = eframe::Frame::_new_kittest();
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, common::SIZE)),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| eframe::App::ui(&mut app, ui, &mut frame));
        output.textures_delta.clear();
        let shapes: Vec<egui::Shape> = output.shapes.into_iter().map(|c| c.shape).collect();
        let mut fills = Vec::new();
        large_fills(&shapes, &mut fills);
        let opaque: Vec<_> = fills.into_iter().filter(|c| c.a() == 255).collect();
        assert!(opaque.len() >= 3, "{theme:?}: {} large fills", opaque.len());
        for fill in opaque {
            if light {
                assert!(brightness(fill) > 170, "{theme:?}: a dark fill {fill:?}");
            } else {
                assert!(brightness(fill) < 90, "{theme:?}: a light fill {fill:?}");
            }
        }
    }
}
