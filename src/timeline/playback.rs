//! Moving the time cursor: by hand, by playback, by keys. Pure functions from
//! one [`TimeView`] to the next; the window follows the cursor.
//!
//! Playback runs over the visible range of the timeline (the range the
//! person is looking at), at a speed that crosses it in about 25 seconds,
//! jumping over stretches in which no event begins when asked to.

use crate::data::time::Seconds;
use crate::model::view::TimeView;

/// Shortest window the user can make, in seconds.
pub const MIN_WINDOW: Seconds = 60;

/// A stretch with no event beginning is jumped over when it would take
/// longer than this to play, in wall-clock seconds.
const GAP_SECONDS: f64 = 1.5;

/// A jump over an empty stretch lands this long (in wall-clock seconds of
/// playback) before the next event begins, so that its arrival is seen.
const LEAD_SECONDS: f64 = 0.5;

/// The view with the cursor at `cursor` and the window following it: a
/// moving window keeps its width and its offset from the cursor; a cumulative
/// window keeps its start and ends with the cursor's second. Either way the
/// window ends up containing the cursor's second.
pub fn with_cursor(time: &TimeView, cursor: Seconds) -> TimeView {
    let mut next = time.clone();
    next.cursor = cursor;
    if time.cumulative {
        let start = time.window.0.min(cursor + 1 - MIN_WINDOW);
        next.window = (start, cursor + 1);
    } else {
        let delta = cursor - time.cursor;
        let (mut a, mut b) = (time.window.0 + delta, time.window.1 + delta);
        if cursor >= b {
            (a, b) = (a + cursor + 1 - b, cursor + 1);
        } else if cursor < a {
            (a, b) = (cursor, b - a + cursor);
        }
        next.window = (a, b);
    }
    next
}

/// The view with the cursor at `t`, one of the window's ends: a moving
/// window stays where it is; a cumulative one ends at the cursor, as it
/// always does.
pub fn jump_within_window(time: &TimeView, t: Seconds) -> TimeView {
    if time.cumulative {
        return with_cursor(time, t);
    }
    let mut next = time.clone();
    next.cursor = t.clamp(time.window.0, time.window.1 - 1);
    next
}

/// What playback runs over in one frame.
#[derive(Clone, Copy, Debug)]
pub struct Playing {
    /// The visible range of the timeline, `[from, to)`.
    pub range: (Seconds, Seconds),
    /// The start of the first event (passing the filters) that begins after
    /// the cursor, if any.
    pub next_start: Option<Seconds>,
}

/// The view after `dt` wall-clock seconds of playback over `playing`'s
/// range. At the end of the range, playback loops or stops.
pub fn advance(time: &TimeView, dt: f64, playing: &Playing) -> TimeView {
    if !time.playing {
        return time.clone();
    }
    let (from, to) = playing.range;
    let rate = time.speed.seconds_per_second((to - from) as f64);
    let step = (dt.max(0.0) * rate).round() as Seconds;
    // A cursor left behind the view (the view was panned) starts at its start.
    let mut cursor = time.cursor.max(from) + step.max(1);
    if time.skip_gaps
        && let Some(next) = playing.next_start.filter(|&s| s < to)
        && (next - cursor) as f64 > GAP_SECONDS * rate
    {
        cursor = next - (LEAD_SECONDS * rate).round() as Seconds;
    }
    if cursor < to {
        return with_cursor(time, cursor);
    }
    if time.looping {
        return restart(time, from);
    }
    let mut next = with_cursor(time, to - 1);
    next.playing = false;
    next
}

/// The view with the cursor back at `from`. A cumulative window restarts
/// there too.
pub fn restart(time: &TimeView, from: Seconds) -> TimeView {
    let mut reset = time.clone();
    if time.cumulative {
        reset.window = (from, from + 1);
        reset.cursor = from;
        return reset;
    }
    with_cursor(time, from)
}

/// The view with playback toggled. Playback starts from the cursor when it
/// is inside the visible range with an event still to begin there;
/// otherwise from the start of the range.
pub fn toggle_play(time: &TimeView, playing: &Playing) -> TimeView {
    let (from, to) = playing.range;
    let inside = time.cursor >= from && time.cursor < to;
    let more = playing.next_start.is_some_and(|s| s < to);
    let resume_here = time.playing || (inside && more);
    let mut next = if resume_here {
        time.clone()
    } else {
        restart(time, from)
    };
    next.playing = !time.playing;
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::view::PlaySpeed;

    fn view(cumulative: bool) -> TimeView {
        TimeView {
            cursor: 100_000,
            window: (50_000, 100_001),
            show_outside: false,
            playing: true,
            speed: PlaySpeed::Normal,
            looping: false,
            cumulative,
            skip_gaps: false,
        }
    }

    /// A visible range of 25 hours around the cursor: one hour per second
    /// of playback.
    fn range(next_start: Option<Seconds>) -> Playing {
        Playing {
            range: (50_000, 140_000),
            next_start,
        }
    }

    #[test]
    fn moving_window_slides_and_cumulative_grows() {
        let moved = advance(&view(false), 2.0, &range(None));
        assert_eq!(moved.cursor, 107_200);
        assert_eq!(moved.window, (57_200, 107_201));
        let grown = advance(&view(true), 2.0, &range(None));
        assert_eq!(grown.window, (50_000, 107_201));
    }

    #[test]
    fn stops_or_loops_at_the_end_of_the_visible_range() {
        let stopped = advance(&view(false), 100.0, &range(None));
        assert!(!stopped.playing);
        assert_eq!(stopped.cursor, 139_999);
        let mut looping = view(false);
        looping.looping = true;
        let looped = advance(&looping, 100.0, &range(None));
        assert!(looped.playing);
        assert_eq!(looped.cursor, 50_000);
        assert_eq!(looped.window, (0, 50_001));
    }

    #[test]
    fn empty_stretches_are_skipped_when_asked() {
        let mut time = view(false);
        let far = Some(130_000);
        // The event is 8.3 seconds of playback away.
        assert_eq!(advance(&time, 0.1, &range(far)).cursor, 100_360);
        time.skip_gaps = true;
        assert_eq!(advance(&time, 0.1, &range(far)).cursor, 130_000 - 1800);
        // A near event is played up to, not jumped to.
        assert_eq!(advance(&time, 0.1, &range(Some(103_000))).cursor, 100_360);
    }

    #[test]
    fn play_starts_from_the_cursor_in_view_else_from_the_start_of_the_view() {
        let mut time = view(false);
        time.playing = false;
        let in_view = toggle_play(&time, &range(Some(100_500)));
        assert!(in_view.playing);
        assert_eq!(in_view.cursor, 100_000);
        let elsewhere = Playing {
            range: (200_000, 300_000),
            next_start: Some(250_000),
        };
        assert_eq!(toggle_play(&time, &elsewhere).cursor, 200_000);
        // Nothing left to begin after the cursor: start from the beginning.
        assert_eq!(toggle_play(&time, &range(None)).cursor, 50_000);
        assert!(!toggle_play(&in_view, &range(None)).playing);
    }
}
