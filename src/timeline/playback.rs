//! Moving the time cursor: by hand, by playback, by keys. Pure functions from
//! one [`TimeView`] to the next; the window follows the cursor.

use crate::data::time::Seconds;
use crate::view::TimeView;

/// Shortest window the user can make, in seconds.
pub const MIN_WINDOW: Seconds = 60;

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

/// The view after `dt` wall-clock seconds of playback over data spanning
/// `span`. At the end of the data, playback loops or stops.
pub fn advance(time: &TimeView, dt: f64, span: (Seconds, Seconds)) -> TimeView {
    if !time.playing {
        return time.clone();
    }
    let step = (dt.max(0.0) * time.speed.seconds_per_second()).round() as Seconds;
    let cursor = time.cursor + step.max(1);
    if cursor <= span.1 {
        return with_cursor(time, cursor);
    }
    if time.looping {
        return restart(time, span);
    }
    let mut next = with_cursor(time, span.1);
    next.playing = false;
    next
}

/// The view with the cursor back at the start of the data. A cumulative
/// window restarts there too.
pub fn restart(time: &TimeView, span: (Seconds, Seconds)) -> TimeView {
    let mut reset = time.clone();
    if time.cumulative {
        reset.window = (span.0, span.0 + 1);
        reset.cursor = span.0;
        return reset;
    }
    with_cursor(time, span.0)
}

/// The view with playback toggled; starting at the end of the data starts
/// over from its beginning.
pub fn toggle_play(time: &TimeView, span: (Seconds, Seconds)) -> TimeView {
    let mut next = if !time.playing && time.cursor >= span.1 {
        restart(time, span)
    } else {
        time.clone()
    };
    next.playing = !time.playing;
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::PlaySpeed;

    fn view(cumulative: bool) -> TimeView {
        TimeView {
            cursor: 100_000,
            window: (50_000, 100_001),
            show_outside: false,
            playing: true,
            speed: PlaySpeed::Hour,
            looping: false,
            cumulative,
        }
    }

    #[test]
    fn moving_window_slides_and_cumulative_grows() {
        let moved = advance(&view(false), 2.0, (0, 1_000_000));
        assert_eq!(moved.cursor, 107_200);
        assert_eq!(moved.window, (57_200, 107_201));
        let grown = advance(&view(true), 2.0, (0, 1_000_000));
        assert_eq!(grown.window, (50_000, 107_201));
    }

    #[test]
    fn stops_or_loops_at_the_end() {
        let stopped = advance(&view(false), 100.0, (0, 120_000));
        assert!(!stopped.playing);
        assert_eq!(stopped.cursor, 120_000);
        let mut looping = view(false);
        looping.looping = true;
        let looped = advance(&looping, 100.0, (0, 120_000));
        assert!(looped.playing);
        assert_eq!(looped.cursor, 0);
        assert_eq!(looped.window, (-50_000, 1));
    }
}
