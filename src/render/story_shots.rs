//! A story as a sequence of shots: each step held on screen with its
//! caption, the map gliding to it from the step before in a few frames,
//! as the app's story player moves the view (the time window changes at
//! once).

use std::time::Duration;

use super::sequence::{Caption, Shot};
use crate::data::Data;
use crate::model::projection::Projection;
use crate::model::view::ViewState;
use crate::story::Story;
use crate::story::ease::{EASE_SECONDS, Ease, Pose};
use crate::story::pose::{step_pose, step_target};

/// Frames of the glide from one step to the next (the last is the step
/// itself).
pub const GLIDE_FRAMES: usize = 6;

/// The shots of `story` drawn on a map of `map_size` points: for each step
/// `glide_frames − 1` frames moving there (none before the first step) and
/// the step itself, held `hold`. Other view settings are `base`'s; a step
/// that leaves the camera or the window out keeps the previous step's.
pub fn story_shots(
    story: &Story,
    data: &Data,
    base: &ViewState,
    map_size: [f32; 2],
    hold: Duration,
    glide_frames: usize,
) -> Vec<Shot> {
    let proj = Projection::at(data.region.reference_lat);
    let mut pose = Pose {
        camera: base.camera,
        window: base.time.window,
        cursor: base.time.cursor,
    };
    let glide_hold = Duration::from_secs_f64(EASE_SECONDS / glide_frames.max(1) as f64);
    let n = story.steps.len();
    let mut shots = Vec::new();
    for (i, step) in story.steps.iter().enumerate() {
        let to = step_pose(step, &data.events, &proj, map_size, &pose);
        let mut view = base.clone();
        view.selection = step_target(step, &data.events).map(|(id, _)| id);
        view.reveal = None;
        view.time.playing = false;
        let caption = Caption {
            heading: format!("{} · step {} of {n}", story.title, i + 1),
            text: step.caption.clone(),
        };
        if i > 0 && to.camera != pose.camera {
            let ease = Ease::new(pose, to, 0.0, EASE_SECONDS);
            for k in 1..glide_frames {
                // The camera glides; the time window is the step's at once,
                // so that every frame's stamp states a plain window.
                let at = Pose {
                    camera: ease
                        .at(EASE_SECONDS * k as f64 / glide_frames as f64)
                        .camera,
                    ..to
                };
                shots.push(Shot {
                    view: posed(&view, &at),
                    hold: glide_hold,
                    caption: Some(caption.clone()),
                });
            }
        }
        shots.push(Shot {
            view: posed(&view, &to),
            hold,
            caption: Some(caption),
        });
        pose = to;
    }
    shots
}

/// `view` with the camera, window and cursor of `pose`.
fn posed(view: &ViewState, pose: &Pose) -> ViewState {
    let mut view = view.clone();
    view.camera = pose.camera;
    view.time.window = pose.window;
    view.time.cursor = pose.cursor;
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::view_defaults::initial_view;

    #[test]
    fn every_step_is_held_with_its_caption_and_glided_to() {
        let data = Data::bundled().unwrap();
        let story = crate::story::bundled::story().unwrap();
        let base = initial_view(&data);
        let hold = Duration::from_secs(4);
        let stills = story_shots(&story, &data, &base, [1280.0, 800.0], hold, 0);
        assert_eq!(stills.len(), story.steps.len());
        for (shot, step) in stills.iter().zip(&story.steps) {
            assert_eq!(shot.hold, hold);
            assert_eq!(shot.caption.as_ref().unwrap().text, step.caption);
            assert!(step.events.contains(shot.view.selection.as_ref().unwrap()));
        }
        assert!(
            stills[0]
                .caption
                .as_ref()
                .unwrap()
                .heading
                .ends_with(&format!("step 1 of {}", story.steps.len()))
        );
        let glided = story_shots(&story, &data, &base, [1280.0, 800.0], hold, GLIDE_FRAMES);
        let held: Vec<_> = glided.iter().filter(|s| s.hold == hold).collect();
        assert_eq!(held.len(), story.steps.len());
        assert!(glided.len() > held.len(), "frames glide between steps");
        let total: Duration = glided.iter().map(|s| s.hold).sum();
        assert!(total > hold * story.steps.len() as u32);
    }
}
