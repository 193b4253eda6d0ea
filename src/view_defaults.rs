//! The view a first run starts with.

use crate::data::Data;
use crate::data::geodata::GeoData;
use crate::model::camera::Camera;
use crate::view::{Filters, LayerToggles, Theme, TimeView, ViewState};

/// The map's size in the default window, before the map is first drawn.
pub const DEFAULT_MAP_SIZE: egui::Vec2 = egui::vec2(870.0, 760.0);

/// A camera that shows the Fergana Valley and the whole Kyrgyz–Tajik border
/// in a map of the default size (the map refits to its real size when first drawn).
pub fn fit_camera(geo: &GeoData) -> Camera {
    Camera::fit(
        &crate::map::layers::focus_box(geo),
        DEFAULT_MAP_SIZE,
        crate::map::FIT_MARGIN,
    )
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
        camera: fit_camera(&data.geo),
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
        reading: None,
        reveal: None,
    }
}
