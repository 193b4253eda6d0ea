//! The map camera and its projection.
//!
//! Projection: equirectangular (plate carrée) scaled to true distances at the
//! reference latitude 40.5°N, the middle of the Fergana Valley. Within the
//! view box (66.5–80.5°E, 36.5–43.5°N) east–west distances err by under 6 %
//! away from the reference latitude, north–south distances are true.

use serde::{Deserialize, Serialize};

/// Kilometres per degree of latitude.
pub const KM_PER_DEG_LAT: f64 = 110.574;
/// Kilometres per degree of longitude at the equator.
pub const KM_PER_DEG_LON_EQUATOR: f64 = 111.320;
/// The latitude at which east–west distances are true.
pub const REFERENCE_LAT: f64 = 40.5;

/// Where the map looks and how close.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Camera {
    /// Longitude at the centre of the view.
    pub center_lon: f64,
    /// Latitude at the centre of the view.
    pub center_lat: f64,
    /// Screen points per kilometre.
    pub points_per_km: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            center_lon: 71.0,
            center_lat: 40.4,
            points_per_km: 1.5,
        }
    }
}

/// Projected kilometres east and north of (0°E, 0°N) on the map plane.
pub fn project(lon: f64, lat: f64) -> [f64; 2] {
    let kx = KM_PER_DEG_LON_EQUATOR * REFERENCE_LAT.to_radians().cos();
    [lon * kx, lat * KM_PER_DEG_LAT]
}

/// Longitude and latitude of a point on the map plane.
pub fn unproject(x_km: f64, y_km: f64) -> [f64; 2] {
    let kx = KM_PER_DEG_LON_EQUATOR * REFERENCE_LAT.to_radians().cos();
    [x_km / kx, y_km / KM_PER_DEG_LAT]
}

impl Camera {
    /// Screen position of a longitude/latitude, for a view centred in `rect`.
    pub fn to_screen(&self, rect: egui::Rect, lon: f64, lat: f64) -> egui::Pos2 {
        let [x, y] = project(lon, lat);
        let [cx, cy] = project(self.center_lon, self.center_lat);
        let c = rect.center();
        egui::pos2(
            c.x + ((x - cx) * self.points_per_km) as f32,
            c.y - ((y - cy) * self.points_per_km) as f32,
        )
    }

    /// Longitude/latitude under a screen position.
    pub fn to_lonlat(&self, rect: egui::Rect, pos: egui::Pos2) -> [f64; 2] {
        let [cx, cy] = project(self.center_lon, self.center_lat);
        let c = rect.center();
        let x = cx + f64::from(pos.x - c.x) / self.points_per_km;
        let y = cy - f64::from(pos.y - c.y) / self.points_per_km;
        unproject(x, y)
    }
}
