//! The timeline panel: a zoomable time axis with a histogram of events, one
//! bar per event, the time cursor and the time window, playback and keys.
//!
//! The axis range, row grouping and "Go to date" text are the timeline's own
//! state, kept in egui memory; the cursor and window are in [`TimeView`] and
//! change only through the [`Action::SetTime`] actions returned here.

pub mod axis;
mod bar_shape;
pub mod bars;
mod controls;
pub mod crowd;
pub mod density;
pub mod grab;
pub mod histogram;
mod lanes;
mod links;
mod marks;
pub mod playback;
mod plot;
mod press;
pub mod proposed;
pub mod rows;
pub mod spread;
mod strips;

use std::sync::Arc;

use crate::model::event_index::TimeIndex;
use axis::Axis;
use density::Density;
use histogram::Histogram;
use playback::Playing;
use rows::Rows;

use crate::data::Data;
use crate::data::time::Seconds;
use crate::model::action::Action;
use crate::model::view::{Focus, TimeView, ViewState};
use crate::model::visibility::Visible;

/// What the timeline remembers between frames.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// The visible time range (set from the window on the first frame).
    pub axis: Option<Axis>,
    /// Serial of the last reveal request acted on.
    pub last_reveal: u64,
    /// Serial of the last request to bring a stretch of time into view.
    pub last_focus: u64,
    /// How bars are grouped into rows.
    pub rows: Rows,
    /// Text of the "Go to date" field.
    pub goto_text: String,
    /// Why the "Go to date" text was refused.
    pub goto_error: Option<String>,
    /// A time to bring into view on the axis.
    pub focus_on: Option<Seconds>,
    /// Cached histogram counts.
    pub histogram: Histogram,
    /// Per-row counts of the events passing the filters.
    pub density: Option<Arc<Density>>,
    /// What the press on the plot holds, while the button is down.
    pub grab: Option<grab::Grab>,
}

/// The timeline panel (its own state lives in egui memory).
pub struct TimelinePanel;

impl crate::panels::panel::Panel for TimelinePanel {
    fn show(&mut self, ui: &mut egui::Ui, frame: &crate::panels::panel::Frame<'_>) -> Vec<Action> {
        show(
            ui,
            frame.data,
            &frame.derived.index,
            frame.view,
            frame.visible,
            frame.proposed,
        )
    }
}

/// The stretch of time the timeline shows (its axis), as whole seconds,
/// once it has been drawn: what a view file records.
pub fn shown_range(ctx: &egui::Context) -> Option<(Seconds, Seconds)> {
    let state: State = ctx.data(|d| d.get_temp(egui::Id::unique("timeline-state")))?;
    let axis = state.axis?;
    Some((axis.from.round() as Seconds, axis.to.round() as Seconds))
}

/// The histogram's bins as last drawn (whole hours, days, weeks… fit to
/// the timeline's width): what a store asked per view counts events in.
pub fn shown_bins(ctx: &egui::Context) -> Option<crate::data::counts::TimeBins> {
    let state: State = ctx.data(|d| d.get_temp(egui::Id::unique("timeline-state")))?;
    let bins = state.histogram.bins()?;
    Some(crate::data::counts::TimeBins {
        start: bins.start,
        step: bins.step,
        count: u32::try_from(bins.count).ok()?,
    })
}

/// Moves the axis as the view's one-shot requests ask, once each: an
/// event revealed brought into view, a stretch of time focused.
fn follow_requests(state: &mut State, data: &Data, view: &ViewState) {
    if let Some(reveal) = &view.reveal
        && reveal.serial != state.last_reveal
    {
        state.last_reveal = reveal.serial;
        if let Some(e) = data.events.iter().find(|e| e.id == reveal.event_id)
            && reveal.pan
        {
            bring_into_view(state, e.start.first_second(), e.end.end_exclusive());
        }
    }
    if let Some(focus) = &view.time_focus
        && focus.serial != state.last_focus
    {
        state.last_focus = focus.serial;
        match focus.focus {
            Focus::Bring => bring_into_view(state, focus.from, focus.to),
            Focus::Fit => state.axis = Some(Axis::around(focus.from, focus.to)),
            Focus::Exact => {
                state.axis = Some(Axis::clamped(focus.from as f64, focus.to as f64));
            }
        }
    }
}

/// Draws the timeline and returns what the user asked for.
pub fn show(
    ui: &mut egui::Ui,
    data: &Data,
    index: &TimeIndex,
    view: &ViewState,
    visible: &Visible,
    proposed: crate::panels::panel::Proposed<'_>,
) -> Vec<Action> {
    let id = egui::Id::unique("timeline-state");
    let mut state: State = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let time = &view.time;
    let mut actions = Vec::new();

    if state.axis.is_none() {
        state.axis = Some(first_axis(time.window, index));
    }
    follow_requests(&mut state, data, view);

    // ←, →, Home, End, [ and ] act on the time while the pointer is over the
    // timeline; elsewhere the arrows pan the map.
    let over = ui.rect_contains_pointer(ui.max_rect());
    actions.extend(keys(ui.ctx(), data, index, view, visible, over, &mut state));
    let play = playing(&state, index, visible, time);
    actions.extend(controls::show(
        ui,
        time,
        index,
        &data.region.presets,
        &play,
        &mut state,
    ));
    if let Some(t) = state.focus_on.take() {
        bring_into_view(&mut state, t, t + 1);
    }
    let key = Density::key(data, &view.filters, state.rows);
    let density = match &state.density {
        Some(density) if density.is_for(&key) => density.clone(),
        _ => Arc::new(Density::new(data, index, visible, key)),
    };
    state.density = Some(density.clone());
    let input = bars::BarsInput {
        data,
        index,
        density: &density,
        view,
        rows: state.rows,
        proposed,
    };
    actions.extend(plot::show(ui, &input, &mut state));

    // Playback advances only when nothing else set the time this frame (a
    // pause, a drag or a jump wins over the frame's step).
    let time_set = actions.iter().any(|a| matches!(a, Action::SetTime(_)));
    if time.playing && !time_set {
        let dt = ui.input(|i| i.stable_dt).min(0.25);
        let playing = playing(&state, index, visible, time);
        actions.push(Action::SetTime(playback::advance(
            time,
            f64::from(dt),
            &playing,
        )));
    }
    if time.playing {
        ui.ctx().request_repaint();
    }
    ui.data_mut(|d| d.insert_temp(id, state));
    actions
}

/// The axis the timeline opens on: the time window, or, while the window
/// spans all events and most of them begin within a twentieth of it, the
/// stretch where they do (the rest stays one "Fit all" away).
fn first_axis(window: (Seconds, Seconds), index: &TimeIndex) -> Axis {
    let busiest = index
        .busiest_span()
        .filter(|_| index.span() == Some(window))
        .filter(|(from, to)| (to - from) * 20 < window.1 - window.0);
    let (from, to) = busiest.unwrap_or(window);
    Axis::around(from, to)
}

/// Pans (and zooms out if needed) so that `[from, to)` is in view.
fn bring_into_view(state: &mut State, from: Seconds, to: Seconds) {
    let Some(axis) = state.axis else {
        return;
    };
    let (f, t) = (from as f64, to as f64);
    if f >= axis.from && t <= axis.to {
        return;
    }
    let len = t - f;
    state.axis = Some(if len > axis.span() * 0.8 {
        Axis::around(from, to)
    } else {
        axis.shifted((f + t) / 2.0 - (axis.from + axis.to) / 2.0)
    });
}

/// What playback runs over: the visible range of the axis, and the next
/// event (passing the filters) to begin after the cursor.
fn playing(state: &State, index: &TimeIndex, visible: &Visible, time: &TimeView) -> Playing {
    let range = state.axis.map_or(time.window, |a| {
        (
            a.from.ceil() as Seconds,
            (a.to.floor() as Seconds).max(a.from.ceil() as Seconds + 1),
        )
    });
    let passes = |i: usize| visible.passes.get(i).copied().unwrap_or(true);
    Playing {
        range,
        next_start: index.next_start_after(time.cursor, passes).map(|(_, s)| s),
    }
}

/// Space plays or pauses. While `over` (the pointer is over the timeline),
/// ← and → step to the previous or next event start and select that
/// event, Home and End put the cursor at the window's start and end, and
/// `[` and `]` set the window's start and end at the cursor. Ignored while
/// any widget has keyboard focus.
fn keys(
    ctx: &egui::Context,
    data: &Data,
    index: &TimeIndex,
    view: &ViewState,
    visible: &Visible,
    over: bool,
    state: &mut State,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if ctx.memory(|m| m.focused().is_some()) {
        return actions;
    }
    let time: &TimeView = &view.time;
    let pressed = |key| ctx.input_mut(|i| over && i.consume_key(egui::Modifiers::NONE, key));
    let space = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Space));
    let (left, right) = (
        pressed(egui::Key::ArrowLeft),
        pressed(egui::Key::ArrowRight),
    );
    if space {
        let play = playing(state, index, visible, time);
        actions.push(Action::SetTime(playback::toggle_play(time, &play)));
    }
    if let Some(next) = window_keys(time, pressed) {
        state.focus_on = Some(next.cursor);
        actions.push(Action::SetTime(next));
    }
    let passes = |i: usize| visible.passes.get(i).copied().unwrap_or(true);
    let target = if right {
        index.next_start_after(time.cursor, passes)
    } else if left {
        index.prev_start_before(time.cursor, passes)
    } else {
        None
    };
    if let Some((i, start)) = target {
        let mut next = playback::with_cursor(time, start);
        next.playing = false;
        actions.push(Action::SetTime(next));
        actions.push(Action::Reveal {
            event_id: data.events[i].id.clone(),
            quote: 0,
        });
        state.focus_on = Some(start);
    }
    actions
}

/// What Home, End, `[` and `]` do to the time, if one was `pressed`.
fn window_keys(time: &TimeView, mut pressed: impl FnMut(egui::Key) -> bool) -> Option<TimeView> {
    let (a, b) = time.window;
    let mut next = if pressed(egui::Key::Home) {
        playback::jump_within_window(time, a)
    } else if pressed(egui::Key::End) {
        playback::jump_within_window(time, b - 1)
    } else if pressed(egui::Key::OpenBracket) {
        let mut next = time.clone();
        next.window.0 = time.cursor.min(b - playback::MIN_WINDOW);
        next
    } else if pressed(egui::Key::CloseBracket) {
        let mut next = time.clone();
        next.window.1 = (time.cursor + 1).max(a + playback::MIN_WINDOW);
        next
    } else {
        return None;
    };
    next.playing = false;
    Some(next)
}
