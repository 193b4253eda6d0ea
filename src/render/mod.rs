//! Pictures of the app off screen: rendering egui without a window
//! (`offscreen.rs`), the stamp drawn on exported pictures (`stamp.rs`), and
//! the animation exporter: a sequence of views drawn into frames
//! (`sequence.rs`) and written as GIF, APNG or PNG files (`encode.rs`);
//! a story's steps as such a sequence (`story_shots.rs`).

pub mod encode;
pub mod offscreen;
pub mod sequence;
pub mod stamp;
pub mod story_shots;
