//! The events table, driven like a user: open it from the View menu, sort
//! by each column (and back), select a row and see the event selected on
//! the map, copy rows as CSV.

use crate::common;

use border_incidents::app::App;
use border_incidents::map::layers::markers::marker_label;
use border_incidents::model::derived::Derived;
use border_incidents::model::visibility::VisibilityCache;
use border_incidents::panels::table_rows::{Column, SortBy, sorted};
use egui::accesskit::{Role, Toggled};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// Opens View → Table of events.
fn open_table(harness: &mut Harness<'static, App>) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Table of events").click();
    harness.run_steps(3);
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
}

/// The titles of the table's rows, top to bottom, as built (those in view).
fn row_titles(harness: &Harness<'static, App>) -> Vec<String> {
    let mut rows: Vec<_> = harness
        .query_all_by_role(Role::Row)
        .map(|n| {
            (
                n.rect().top(),
                n.accesskit_node().label().unwrap_or_default(),
            )
        })
        .collect();
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    rows.into_iter().map(|(_, t)| t).collect()
}

/// The rows the filters show in the app's view, sorted as the table should.
fn expected(harness: &Harness<'static, App>, by: SortBy) -> Vec<String> {
    let app = harness.state();
    let data = app.data().clone();
    let derived = Derived::new(&data);
    let view = app.view();
    let mut cache = VisibilityCache::default();
    let shown = cache
        .get(&data, &derived.index, &view.filters, view.time.window)
        .shown
        .clone();
    sorted(&data, &shown, by)
        .into_iter()
        .map(|i| data.events[i].title.clone())
        .collect()
}

#[test]
fn every_column_sorts_both_ways_on_a_click_of_its_header() {
    let mut harness = common::harness();
    open_table(&mut harness);
    let first = row_titles(&harness);
    assert!(first.len() >= 5, "the table shows rows: {first:?}");
    let by_date = expected(&harness, SortBy::default());
    assert_eq!(first, by_date[..first.len()], "rows start sorted by date");
    for column in Column::ALL {
        for descending in [false, true] {
            let header = harness.get_by_role_and_label(Role::ColumnHeader, column.name());
            let already = header.accesskit_node().toggled() == Some(Toggled::True) && !descending;
            if !already {
                header.click();
                harness.run_steps(3);
            }
            let shown = row_titles(&harness);
            let want = expected(&harness, SortBy { column, descending });
            assert_eq!(
                shown,
                want[..shown.len()],
                "{column:?}, descending: {descending}"
            );
        }
        // Sorting by the next column starts ascending.
        let header = harness.get_by_role_and_label(Role::ColumnHeader, column.name());
        assert_eq!(header.accesskit_node().toggled(), Some(Toggled::True));
    }
}

#[test]
fn a_row_click_selects_the_event_on_the_map_and_in_the_card() {
    let mut harness = common::harness();
    open_table(&mut harness);
    let data = harness.state().data().clone();
    let event = data
        .events
        .iter()
        .find(|e| e.id == "shelling-tajik-towns-tj-claim")
        .expect("the shelling claim");
    // Title descending brings the T… rows into view.
    for _ in 0..2 {
        harness
            .get_by_role_and_label(Role::ColumnHeader, "Title")
            .click();
        harness.run_steps(3);
    }
    harness
        .get_by_role_and_label(Role::Row, &event.title)
        .click();
    harness.run_steps(4);
    assert_eq!(
        harness.state().view().selection.as_deref(),
        Some(event.id.as_str())
    );
    let row = harness.get_by_role_and_label(Role::Row, &event.title);
    assert_eq!(row.accesskit_node().toggled(), Some(Toggled::True));
    let map = harness.get_by_label("Map").rect();
    let marker = harness.get_by_label(&marker_label(event)).rect();
    assert!(map.contains(marker.center()), "the marker is in view");
    // The map draws the selection ring around the marker.
    let image = harness.render().expect("rendered");
    let ring = border_incidents::ui_kit::palette::palette(false).selection;
    let around = marker.expand(10.0);
    let mut found = 0;
    for y in around.top() as u32..around.bottom() as u32 {
        for x in around.left() as u32..around.right() as u32 {
            let p = image.get_pixel(x, y).0;
            if (0..3).all(|i| p[i].abs_diff(ring.to_array()[i]) <= 8) {
                found += 1;
            }
        }
    }
    assert!(
        found > 10,
        "no selection ring around the marker ({found} pixels)"
    );
}

/// The text the app put on the clipboard in the last frame.
fn copied(harness: &Harness<'static, App>) -> Option<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
}

#[test]
fn selected_rows_copy_as_csv_by_button_and_by_ctrl_c() {
    let mut harness = common::harness();
    open_table(&mut harness);
    let titles = row_titles(&harness);
    harness.get_by_role_and_label(Role::Row, &titles[0]).click();
    harness.run_steps(2);
    let second = harness.get_by_role_and_label(Role::Row, &titles[2]);
    let at = second.rect().center();
    second.click_modifiers(egui::Modifiers::COMMAND);
    harness.run_steps(2);
    harness.get_by_label("Copy rows as CSV").click();
    harness.step();
    let text = copied(&harness).expect("the button copies");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[5], "Title");
    let rows: Vec<String> = reader.records().map(|r| r.unwrap()[5].to_owned()).collect();
    assert_eq!(rows, [titles[0].clone(), titles[2].clone()]);
    harness.run_steps(2);
    harness.hover_at(at);
    harness.event(egui::Event::Copy);
    harness.step();
    assert_eq!(
        copied(&harness),
        Some(text),
        "Ctrl+C over the table copies the same"
    );
}
