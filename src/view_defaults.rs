//! The view a first run starts with.

use crate::data::Data;
use crate::map::camera::Camera;
use crate::view::{Filters, LayerToggles, Theme, TimeView, ViewState};

/// A camera that shows the Fergana Valley and the whole Kyrgyz–Tajik border.
pub fn fit_camera() -> Camera {
    Camera::default()
}

/// The view of a first run: the whole region, all of the data's time span.
pub fn initial_view(data: &Data) -> ViewState {
    let first = data.events.iter().map(|e| e.start.first_second()).min();
    let last = data.events.iter().map(|e| e.end.end_exclusive()).max();
    let window = match (first, last) {
        (Some(a), Some(b)) => (a, b),
        _ => (0, 0),
    };
    ViewState {
        camera: fit_camera(),
        selection: None,
        time: TimeView {
            cursor: window.1,
            window,
            show_outside: false,
            playing: false,
            speed: crate::view::PlaySpeed::default(),
            looping: false,
            cumulative: false,
        },
        filters: Filters::default(),
        layers: LayerToggles::default(),
        theme: Theme::Light,
        reveal: None,
    }
}
