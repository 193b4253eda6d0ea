//! Scrubbing the timeline as in a video editor, used like a user would:
//! click and drag the ruler, hold the cursor line anywhere along it (also
//! at either end of the plot), pan on empty bars, play over the visible
//! range, and the Home, End, [ and ] keys.

use crate::common::{self, centre, day, drag, with_window};

use border_incidents::app::App;
use border_incidents::data::time::{Seconds, from_seconds};
use border_incidents::timeline::bars::bar_label;
use egui::{Pos2, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Maps screen x to time on the timeline from where the window's edges
/// are drawn (their times are known).
fn time_at(harness: &Harness<'static, App>) -> impl Fn(f32) -> Seconds + use<> {
    let (wa, wb) = harness.state().view().time.window;
    let xa = centre(harness, "Window start").x;
    let xb = centre(harness, "Window end").x;
    move |x: f32| wa + ((x - xa) / (xb - xa) * (wb - wa) as f32) as Seconds
}

/// A press and release at `p` within one frame, as a quick click.
fn click_at(harness: &mut Harness<'static, App>, p: Pos2) {
    harness.hover_at(p);
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run_steps(2);
}

/// A point on the drawn cursor line, down in the bars.
fn on_cursor_line_in_the_bars(harness: &Harness<'static, App>) -> Pos2 {
    let grip = harness.get_by_label("Time cursor").rect();
    let time = harness.state().view().time.cursor;
    let x = {
        let at = time_at(harness);
        // The line is where the cursor's time falls, within its grip.
        let (mut lo, mut hi) = (grip.left(), grip.right());
        for _ in 0..30 {
            let mid = (lo + hi) / 2.0;
            if at(mid) < time { lo = mid } else { hi = mid }
        }
        lo.clamp(grip.left() + 1.0, grip.right() - 1.0)
    };
    pos2(x, grip.bottom() - 25.0)
}

const HOUR: Seconds = 3600;

/// Puts the cursor at `t` (within the window, which stays where it is).
fn set_cursor(harness: &mut Harness<'static, App>, t: Seconds) {
    let mut time = harness.state().view().time.clone();
    time.cursor = t;
    time.window = (time.window.0.min(t), time.window.1.max(t + 1));
    harness
        .state_mut()
        .apply(border_incidents::model::action::Action::SetTime(time));
    harness.run_steps(2);
}

#[test]
fn a_click_on_the_ruler_moves_the_cursor_there() {
    let mut harness = with_window("2022-09-13", "2022-09-18");
    let ruler = harness.get_by_label("Time ruler").rect();
    let at = time_at(&harness);
    for frac in [0.3, 0.7] {
        // On the ticks, then on the histogram.
        let p = pos2(
            ruler.left() + frac * ruler.width(),
            ruler.top() + frac * ruler.height(),
        );
        click_at(&mut harness, p);
        let cursor = harness.state().view().time.cursor;
        assert!((cursor - at(p.x)).abs() < HOUR, "{cursor} vs {}", at(p.x));
    }
}

#[test]
fn a_drag_on_the_ruler_scrubs_and_tells_the_time_under_the_pointer() {
    let mut harness = with_window("2022-09-13", "2022-09-18");
    let ruler = harness.get_by_label("Time ruler").rect();
    let at = time_at(&harness);
    let (a, b) = (
        pos2(ruler.left() + 300.0, ruler.center().y),
        pos2(ruler.left() + 700.0, ruler.center().y),
    );
    harness.hover_at(a);
    harness.step();
    harness.drag_at(a);
    harness.step();
    harness.hover_at(b);
    harness.step();
    harness.step();
    assert!(
        harness.query_by_label_contains("Time cursor: ").is_some(),
        "a tooltip with the time while scrubbing"
    );
    harness.drop_at(b);
    harness.run_steps(2);
    let cursor = harness.state().view().time.cursor;
    assert!((cursor - at(b.x)).abs() < HOUR, "{cursor} vs {}", at(b.x));
}

#[test]
fn a_drag_from_the_cursor_line_among_the_bars_moves_the_cursor_not_the_axis() {
    let mut harness = with_window("2022-09-13", "2022-09-18");
    // The cursor in the middle of the view, over the bars of the clashes.
    let at = time_at(&harness);
    let mid = centre(&harness, "Time ruler").x;
    set_cursor(&mut harness, at(mid));
    // The window follows the cursor; a bar shows where the axis is.
    let clashes = common::data()
        .events
        .iter()
        .find(|e| e.id == "clashes-2022-09")
        .map(bar_label)
        .expect("the clashes");
    let bar_x = harness.get_by_label(&clashes).rect().left();
    let from = on_cursor_line_in_the_bars(&harness);
    let to = from - egui::vec2(250.0, 0.0);
    let at = time_at(&harness);
    drag(&mut harness, from, to);
    let cursor = harness.state().view().time.cursor;
    assert!(
        (cursor - at(to.x)).abs() < 2 * HOUR,
        "{cursor} vs {}",
        at(to.x)
    );
    assert!(
        (harness.get_by_label(&clashes).rect().left() - bar_x).abs() < 1.0,
        "the axis did not pan"
    );
}

#[test]
fn a_drag_on_empty_bar_area_pans_the_axis() {
    let mut harness = with_window("2022-09-13", "2022-09-18");
    let cursor = harness.state().view().time.cursor;
    let start_x = centre(&harness, "Window start").x;
    let line = harness.get_by_label("Time cursor").rect();
    let ruler = harness.get_by_label("Time ruler").rect();
    // Well away from the cursor and the window's edges, down in the bars.
    let from = pos2(ruler.left() + 0.45 * ruler.width(), line.bottom() - 8.0);
    drag(&mut harness, from, from + egui::vec2(200.0, 0.0));
    assert_eq!(harness.state().view().time.cursor, cursor);
    let moved = centre(&harness, "Window start").x - start_x;
    assert!((moved - 200.0).abs() < 20.0, "panned by {moved}");
}

#[test]
fn the_cursor_at_the_right_end_of_the_plot_is_still_held_and_the_ruler_clicked() {
    let mut harness = with_window("2022-09-13", "2022-09-18");
    let ruler = harness.get_by_label("Time ruler").rect();
    let at = time_at(&harness);
    set_cursor(&mut harness, at(ruler.right()));
    let grip = harness.get_by_label("Time cursor").rect();
    assert!(
        grip.right() <= ruler.right() + 0.5 && grip.width() >= 10.0,
        "{grip:?}"
    );
    // A press on the drawn line, one point inside the plot's edge.
    let from = pos2(ruler.right() - 1.0, grip.bottom() - 25.0);
    let to = from - egui::vec2(300.0, 0.0);
    let at = time_at(&harness);
    drag(&mut harness, from, to);
    let cursor = harness.state().view().time.cursor;
    assert!(
        (cursor - at(to.x)).abs() < 2 * HOUR,
        "{cursor} vs {}",
        at(to.x)
    );
    // And a click on the ruler's very end brings it back there.
    click_at(&mut harness, pos2(ruler.right() - 2.0, ruler.center().y));
    let cursor = harness.state().view().time.cursor;
    assert!((cursor - at(ruler.right())).abs() < 2 * HOUR);
    // A press a few points past the plot's end, right of the line, holds
    // it too (a hand aiming at the line lands on either side of it).
    let from = pos2(ruler.right() + 3.0, grip.bottom() - 25.0);
    drag(&mut harness, from, from - egui::vec2(300.0, 0.0));
    let cursor = harness.state().view().time.cursor;
    assert!(
        (cursor - at(from.x - 300.0)).abs() < 2 * HOUR,
        "{cursor} vs {}",
        at(from.x - 300.0)
    );
}

/// A drag whose last move arrives in the frame of the release, as on a
/// slow frame: from `a` halfway to `b`, then to `b` and up at once.
fn drag_ending_in_one_frame(harness: &mut Harness<'static, App>, a: Pos2, b: Pos2) {
    harness.hover_at(a);
    harness.step();
    harness.drag_at(a);
    harness.step();
    harness.hover_at(a + (b - a) * 0.5);
    harness.step();
    // Into one frame's input (queued events would get a frame each).
    harness.input_mut().events.extend([
        egui::Event::PointerMoved(b),
        egui::Event::PointerButton {
            pos: b,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        },
    ]);
    harness.run_steps(2);
}

#[test]
fn the_last_move_of_a_drag_counts_when_it_comes_with_the_release() {
    let mut harness = with_window("2022-09-13", "2022-09-18");
    let ruler = harness.get_by_label("Time ruler").rect();
    let at = time_at(&harness);
    let a = pos2(ruler.left() + 300.0, ruler.center().y);
    let b = a + egui::vec2(400.0, 0.0);
    drag_ending_in_one_frame(&mut harness, a, b);
    let cursor = harness.state().view().time.cursor;
    assert!((cursor - at(b.x)).abs() < HOUR, "{cursor} vs {}", at(b.x));
    // A pan on empty bar area, likewise, goes the whole way.
    let clashes = common::data()
        .events
        .iter()
        .find(|e| e.id == "clashes-2022-09")
        .map(bar_label)
        .expect("the clashes");
    let bar_x = harness.get_by_label(&clashes).rect().left();
    let line = harness.get_by_label("Time cursor").rect();
    let from = pos2(ruler.left() + 0.2 * ruler.width(), line.bottom() - 8.0);
    drag_ending_in_one_frame(&mut harness, from, from + egui::vec2(200.0, 0.0));
    let moved = harness.get_by_label(&clashes).rect().left() - bar_x;
    assert!((moved - 200.0).abs() < 20.0, "panned by {moved}");
}

#[test]
fn play_on_a_fresh_start_shows_the_september_clashes_within_seconds() {
    let mut harness = common::harness();
    let sep_15 = day("2022-09-15");
    harness.get_by_label("Play").click();
    harness.step();
    let time = harness.state().view().time.clone();
    assert!(time.playing);
    // Play starts where the person is looking, not in 1917.
    assert!(
        time.cursor > day("2022-09-01") && time.cursor < sep_15,
        "starts at {}",
        from_seconds(time.cursor)
    );
    let before = harness.state_mut().visible_count();
    // A step is a quarter of a second: four seconds of playback.
    let mut shown_at = None;
    for k in 0..16 {
        harness.step();
        if harness.state().view().time.window.1 > sep_15 + 6 * HOUR {
            shown_at = Some(k);
            break;
        }
    }
    assert!(shown_at.is_some(), "the clashes are reached within 4 s");
    let after = harness.state_mut().visible_count();
    assert!(after > before, "{before} → {after} events shown");
    // Playing on stops at the end of the visible range, not years later.
    harness.run_steps(200);
    let time = harness.state().view().time.clone();
    assert!(!time.playing);
    assert!(
        time.cursor < day("2022-09-22"),
        "{}",
        from_seconds(time.cursor)
    );
}

#[test]
fn home_end_and_brackets_act_on_the_window() {
    let mut harness = with_window("2022-09-14", "2022-09-17");
    let (wa, wb) = harness.state().view().time.window;
    // The keys act with the pointer over the timeline.
    harness.get_by_label("Time ruler").hover();
    harness.run_steps(2);
    harness.key_press(egui::Key::Home);
    harness.run_steps(2);
    assert_eq!(harness.state().view().time.cursor, wa);
    assert_eq!(harness.state().view().time.window, (wa, wb));
    harness.key_press(egui::Key::End);
    harness.run_steps(2);
    assert_eq!(harness.state().view().time.cursor, wb - 1);
    // The cursor to 15 September noon, then the window's ends to it.
    let noon = day("2022-09-15") + 12 * HOUR;
    set_cursor(&mut harness, noon);
    harness.key_press(egui::Key::OpenBracket);
    harness.run_steps(2);
    assert_eq!(harness.state().view().time.window, (noon, wb));
    harness.key_press(egui::Key::End);
    harness.run_steps(2);
    harness.key_press(egui::Key::Home);
    harness.run_steps(2);
    harness.key_press(egui::Key::CloseBracket);
    harness.run_steps(2);
    // The window keeps its shortest length (a minute).
    assert_eq!(harness.state().view().time.window, (noon, noon + 60));
}

/// The pointer shows a resize cursor over the time cursor's line, down in
/// the bars too, and not over empty bar area.
#[test]
fn the_pointer_is_a_resize_cursor_over_the_cursor_line() {
    let mut harness = with_window("2022-09-13", "2022-09-18");
    let at = time_at(&harness);
    let mid = centre(&harness, "Time ruler").x;
    set_cursor(&mut harness, at(mid));
    let icon = |harness: &mut Harness<'static, App>, p: Pos2| {
        harness.hover_at(p);
        harness.run_steps(2);
        harness.output().platform_output.cursor_icon
    };
    let on_line = on_cursor_line_in_the_bars(&harness);
    assert_eq!(
        icon(&mut harness, on_line),
        egui::CursorIcon::ResizeHorizontal
    );
    let aside = on_line - egui::vec2(200.0, 0.0);
    assert_ne!(
        icon(&mut harness, aside),
        egui::CursorIcon::ResizeHorizontal
    );
}
