//! Moving the view to a step: the camera and the time window glide from
//! where they are to where the step looks, in at most [`EASE_SECONDS`];
//! with reduced motion they are there at once.

use crate::data::time::Seconds;
use crate::model::camera::Camera;

/// How long the view takes to reach a step, in seconds.
pub const EASE_SECONDS: f64 = 0.5;

/// Where the view is: the camera, the time window and the cursor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pose {
    /// The map camera.
    pub camera: Camera,
    /// The time window.
    pub window: (Seconds, Seconds),
    /// The time cursor.
    pub cursor: Seconds,
}

/// A move of the view from one pose to another, started at a moment of
/// the clock the caller keeps (seconds).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ease {
    from: Pose,
    to: Pose,
    started: f64,
    duration: f64,
}

impl Ease {
    /// A move from `from` to `to` starting at `now`, lasting `duration`
    /// seconds (0: there at once).
    pub fn new(from: Pose, to: Pose, now: f64, duration: f64) -> Self {
        Self {
            from,
            to,
            started: now,
            duration: duration.max(0.0),
        }
    }

    /// Where the move ends.
    pub fn target(&self) -> &Pose {
        &self.to
    }

    /// Whether the move has ended by `now`.
    pub fn done(&self, now: f64) -> bool {
        self.progress(now) >= 1.0
    }

    /// The share of the move made by `now`, from 0 to 1.
    fn progress(&self, now: f64) -> f64 {
        if self.duration <= 0.0 {
            return 1.0;
        }
        ((now - self.started) / self.duration).clamp(0.0, 1.0)
    }

    /// The pose at `now`: slow at both ends, the target once done. The
    /// zoom changes by equal factors in equal times, so that a zoom from
    /// the region to a village does not rush its last part.
    pub fn at(&self, now: f64) -> Pose {
        let p = self.progress(now);
        if p >= 1.0 {
            return self.to;
        }
        let t = p * p * (3.0 - 2.0 * p);
        let (a, b) = (&self.from, &self.to);
        let mix = |x: f64, y: f64| x + (y - x) * t;
        let mix_s = |x: Seconds, y: Seconds| mix(x as f64, y as f64).round() as Seconds;
        let zoom = (a.camera.points_per_km.ln()
            + (b.camera.points_per_km.ln() - a.camera.points_per_km.ln()) * t)
            .exp();
        Pose {
            camera: Camera {
                center_lon: mix(a.camera.center_lon, b.camera.center_lon),
                center_lat: mix(a.camera.center_lat, b.camera.center_lat),
                points_per_km: zoom,
            },
            window: (mix_s(a.window.0, b.window.0), mix_s(a.window.1, b.window.1)),
            cursor: mix_s(a.cursor, b.cursor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pose(lon: f64, ppk: f64, window: (Seconds, Seconds)) -> Pose {
        Pose {
            camera: Camera {
                center_lon: lon,
                center_lat: 40.0,
                points_per_km: ppk,
            },
            window,
            cursor: window.1,
        }
    }

    #[test]
    fn an_ease_goes_from_start_to_target_within_its_time() {
        let a = pose(70.0, 1.0, (0, 100));
        let b = pose(72.0, 4.0, (1_000, 2_000));
        let ease = Ease::new(a, b, 10.0, EASE_SECONDS);
        assert_eq!(ease.at(10.0), a);
        let mid = ease.at(10.0 + EASE_SECONDS / 2.0);
        assert!((mid.camera.center_lon - 71.0).abs() < 1e-9);
        assert!(
            (mid.camera.points_per_km - 2.0).abs() < 1e-9,
            "zoom halfway in factors"
        );
        assert_eq!(mid.window, (500, 1_050));
        assert!(!ease.done(10.0 + EASE_SECONDS / 2.0));
        assert!(ease.done(10.0 + EASE_SECONDS));
        assert_eq!(ease.at(10.0 + EASE_SECONDS), b);
    }

    #[test]
    fn with_no_duration_the_target_is_reached_at_once() {
        let a = pose(70.0, 1.0, (0, 100));
        let b = pose(72.0, 4.0, (1_000, 2_000));
        let ease = Ease::new(a, b, 10.0, 0.0);
        assert!(ease.done(10.0));
        assert_eq!(ease.at(10.0), b);
    }
}
