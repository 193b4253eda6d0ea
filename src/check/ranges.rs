//! Positions outside the longitude/latitude range: noted while coordinates
//! stream past and reported once per geometry, saying whether they look
//! projected or swapped.

use std::cell::{Cell, RefCell};

use super::context::{Ctx, Path};
use super::node::Position;
use super::reader::Pos;

/// Positions outside longitude/latitude range in one geometry: the first is
/// reported, the others only counted.
#[derive(Default)]
pub struct RangeNotes {
    first: RefCell<Option<(Pos, String, Position)>>,
    count: Cell<usize>,
}

impl RangeNotes {
    /// Notes position `p`, found at `at` under `path`, as out of range.
    pub fn note(&self, at: Pos, path: &Path<'_>, p: Position) {
        self.count.set(self.count.get() + 1);
        let mut first = self.first.borrow_mut();
        if first.is_none() {
            *first = Some((at, path.to_string(), p));
        }
    }

    /// Reports what was noted, once for the whole geometry.
    pub fn flush(&self, ctx: &Ctx<'_>) {
        let Some((at, path, p)) = self.first.borrow_mut().take() else {
            return;
        };
        let (x, y) = (p.xy.x, p.xy.y);
        let mut message = if x.abs().max(y.abs()) >= 1000.0 {
            format!(
                "position [{}, {}] looks projected (metres?), GeoJSON needs WGS84 longitude/latitude",
                num(x),
                num(y)
            )
        } else if x.abs() <= 90.0 && y.abs() <= 180.0 {
            format!(
                "latitude {} is out of range (-90 to 90); are longitude and latitude swapped? \
                 GeoJSON order is [longitude, latitude]",
                num(y)
            )
        } else if x.abs() > 180.0 {
            format!("longitude {} is out of range (-180 to 180)", num(x))
        } else {
            format!("latitude {} is out of range (-90 to 90)", num(y))
        };
        let more = self.count.replace(0) - 1;
        if more > 0 {
            let s = if more == 1 { "" } else { "s" };
            message.push_str(&format!(" (and {more} more position{s} in this geometry)"));
        }
        let path = if path.is_empty() {
            message
        } else {
            format!("{path}: {message}")
        };
        ctx.error(at, &Path::ROOT, path);
    }
}

/// A number for messages: plain when short, scientific when huge.
pub fn num(x: f64) -> String {
    if x != 0.0 && !(1e-6..1e15).contains(&x.abs()) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}
