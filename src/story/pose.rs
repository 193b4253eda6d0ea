//! Where a step puts the view: its camera fitted to the map's size, its
//! time window (or the span of its events) and its cursor. The app moves
//! the window's view there; the story export draws frames there.

use super::ease::Pose;
use super::{Step, StepCamera};
use crate::data::event::Event;
use crate::model::camera::{Camera, KmBox};
use crate::model::projection::Projection;

/// The camera showing a step's stretch of ground in a map of `map_size`
/// points (width, height).
pub fn step_camera(c: StepCamera, proj: &Projection, map_size: [f32; 2]) -> Camera {
    let [x, y] = proj.project(c.lon, c.lat);
    let (w, h) = (c.width_km / 2.0, c.height_km / 2.0);
    let bbox = KmBox {
        min: [x - w, y - h],
        max: [x + w, y + h],
    };
    Camera::fit(proj, &bbox, map_size.into(), 0.0)
}

/// Where the view goes for `step` from the view `now`: what the step
/// leaves out stays as it is, but a step without a window covers the span
/// of those of its events that are loaded.
pub fn step_pose(
    step: &Step,
    events: &[Event],
    proj: &Projection,
    map_size: [f32; 2],
    now: &Pose,
) -> Pose {
    let camera = step
        .camera
        .map_or(now.camera, |c| step_camera(c, proj, map_size));
    let named: Vec<&Event> = step
        .events
        .iter()
        .filter_map(|id| events.iter().find(|e| &e.id == id))
        .collect();
    let span = named
        .iter()
        .map(|e| e.start.first_second())
        .min()
        .zip(named.iter().map(|e| e.end.end_exclusive()).max());
    let window = step.window.or(span).unwrap_or(now.window);
    Pose {
        camera,
        window,
        cursor: step.cursor.unwrap_or(window.1),
    }
}

/// The event a step selects and the quote it shows: the step's quote when
/// its event is loaded, else the first of its events that is loaded.
pub fn step_target(step: &Step, events: &[Event]) -> Option<(String, usize)> {
    let known = |id: &str| events.iter().any(|e| e.id == id);
    match step.quote.as_ref().filter(|q| known(&q.event)) {
        Some(q) => Some((q.event.clone(), q.index)),
        None => step
            .events
            .iter()
            .find(|id| known(id))
            .map(|id| (id.clone(), 0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::Data;

    #[test]
    fn a_step_without_window_covers_its_events_and_keeps_the_camera() {
        let data = Data::bundled().unwrap();
        let proj = Projection::at(data.region.reference_lat);
        let event = &data.events[0];
        let step = Step {
            events: vec!["not-loaded".to_owned(), event.id.clone()],
            ..Step::default()
        };
        let now = Pose {
            camera: Camera::default(),
            window: (0, 1),
            cursor: 0,
        };
        let pose = step_pose(&step, &data.events, &proj, [800.0, 600.0], &now);
        assert_eq!(pose.camera, now.camera);
        assert_eq!(
            pose.window,
            (event.start.first_second(), event.end.end_exclusive())
        );
        assert_eq!(pose.cursor, pose.window.1);
        assert_eq!(
            step_target(&step, &data.events),
            Some((event.id.clone(), 0))
        );
    }

    #[test]
    fn a_step_camera_spans_its_ground_in_any_map_size() {
        let proj = Projection::at(40.0);
        let c = StepCamera {
            lon: 70.8,
            lat: 40.0,
            width_km: 100.0,
            height_km: 50.0,
        };
        for size in [[1000.0, 500.0], [400.0, 200.0]] {
            let camera = step_camera(c, &proj, size);
            let shown_km = f64::from(size[0]) / camera.points_per_km;
            assert!((shown_km - 100.0).abs() < 1.0, "{shown_km} km across");
        }
    }
}
