//! The view a first run starts with.

use crate::data::Data;
use crate::model::camera::fit_region;
use crate::model::view::{Filters, LayerToggles, Theme, TimeView, ViewState};

/// The map's size in the default window, before the map is first drawn.
pub const DEFAULT_MAP_SIZE: egui::Vec2 = egui::vec2(870.0, 760.0);

/// The view of a first run: the region's focus, and the window its profile
/// names or else all of the data's time span (a day from now when there
/// are no events).
pub fn initial_view(data: &Data) -> ViewState {
    let first = data.events.iter().map(|e| e.start.first_second()).min();
    let last = data.events.iter().map(|e| e.end.end_exclusive()).max();
    let window = match (data.region.first_window, first, last) {
        (Some(w), _, _) => w,
        (None, Some(a), Some(b)) => (a, b),
        _ => {
            let today = jiff::Zoned::now().date();
            let day = crate::data::time::EventTime::Date(today);
            (day.first_second(), day.end_exclusive())
        }
    };
    ViewState {
        camera: fit_region(&data.region, DEFAULT_MAP_SIZE),
        selection: None,
        time: TimeView {
            cursor: window.1,
            window,
            show_outside: false,
            playing: false,
            speed: crate::model::view::PlaySpeed::default(),
            looping: false,
            cumulative: false,
            skip_gaps: true,
        },
        filters: Filters::default(),
        layers: LayerToggles::default(),
        theme: Theme::Light,
        names: crate::model::view::PlaceNames::Latin,
        reading: None,
        reveal: None,
        time_focus: None,
        picking_place: false,
    }
}
