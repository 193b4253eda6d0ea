//! The map camera: where the map looks and how close, and the transform
//! from the map plane to the screen for one frame. Every conversion between
//! longitude/latitude and the plane goes through the region's
//! [`Projection`].

use serde::{Deserialize, Serialize};

pub use super::projection::{KmBox, Projection};
use crate::data::region::RegionProfile;

/// Space kept around the region when the map fits it, in points.
pub const FIT_MARGIN: f32 = 40.0;

/// The region's projection and its focus box on the map plane.
pub fn region_focus(region: &RegionProfile) -> (Projection, KmBox) {
    let proj = Projection::at(region.reference_lat);
    let f = region.focus;
    let focus = proj.project_box(f.west, f.south, f.east, f.north);
    (proj, focus)
}

/// A camera fitting the region's focus into a map of `size` points.
pub fn fit_region(region: &RegionProfile, size: egui::Vec2) -> Camera {
    let (proj, focus) = region_focus(region);
    Camera::fit(&proj, &focus, size, FIT_MARGIN)
}

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

impl Camera {
    /// Screen position of a longitude/latitude, for a view centred in `rect`.
    pub fn to_screen(&self, proj: &Projection, rect: egui::Rect, lon: f64, lat: f64) -> egui::Pos2 {
        let [x, y] = proj.project(lon, lat);
        let [cx, cy] = proj.project(self.center_lon, self.center_lat);
        let c = rect.center();
        egui::pos2(
            c.x + ((x - cx) * self.points_per_km) as f32,
            c.y - ((y - cy) * self.points_per_km) as f32,
        )
    }

    /// Longitude/latitude under a screen position.
    pub fn to_lonlat(&self, proj: &Projection, rect: egui::Rect, pos: egui::Pos2) -> [f64; 2] {
        let [cx, cy] = proj.project(self.center_lon, self.center_lat);
        let c = rect.center();
        let x = cx + f64::from(pos.x - c.x) / self.points_per_km;
        let y = cy - f64::from(pos.y - c.y) / self.points_per_km;
        proj.unproject(x, y)
    }
}

/// The closest the camera may zoom in, in screen points per kilometre.
pub const MAX_POINTS_PER_KM: f64 = 200.0;
/// The farthest the camera may zoom out, in screen points per kilometre.
pub const MIN_POINTS_PER_KM: f64 = 0.05;

/// Map-plane to screen transform for one frame.
#[derive(Clone, Copy, Debug)]
pub struct ScreenTransform {
    projection: Projection,
    center_km: [f64; 2],
    points_per_km: f64,
    center: egui::Pos2,
}

impl ScreenTransform {
    /// Screen position of a longitude and latitude.
    pub fn lonlat(&self, lon: f64, lat: f64) -> egui::Pos2 {
        self.apply(self.projection.project(lon, lat))
    }

    /// Screen points per kilometre.
    pub fn points_per_km(&self) -> f64 {
        self.points_per_km
    }

    /// The projection the transform's plane is in.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// Screen position of a projected point.
    pub fn apply(&self, p: [f64; 2]) -> egui::Pos2 {
        egui::pos2(
            self.center.x + ((p[0] - self.center_km[0]) * self.points_per_km) as f32,
            self.center.y - ((p[1] - self.center_km[1]) * self.points_per_km) as f32,
        )
    }

    /// How far every point of the map plane has moved on screen since
    /// `earlier`, a transform at the same zoom; computed in `f64`, so that
    /// far from the plane's origin the move is as exact as the points.
    pub fn moved_since(&self, earlier: &ScreenTransform) -> egui::Vec2 {
        let dx = f64::from(self.center.x - earlier.center.x)
            + (earlier.center_km[0] - self.center_km[0]) * self.points_per_km;
        let dy = f64::from(self.center.y - earlier.center.y)
            + (self.center_km[1] - earlier.center_km[1]) * self.points_per_km;
        egui::vec2(dx as f32, dy as f32)
    }

    /// The part of the map plane a screen rectangle shows.
    pub fn visible_box(&self, rect: egui::Rect) -> KmBox {
        let mut b = KmBox::EMPTY;
        for corner in [rect.left_top(), rect.right_bottom()] {
            b.add([
                self.center_km[0] + f64::from(corner.x - self.center.x) / self.points_per_km,
                self.center_km[1] - f64::from(corner.y - self.center.y) / self.points_per_km,
            ]);
        }
        b
    }
}

impl Camera {
    /// The transform from the map plane to a view centred in `rect`.
    pub fn transform(&self, proj: &Projection, rect: egui::Rect) -> ScreenTransform {
        ScreenTransform {
            projection: *proj,
            center_km: proj.project(self.center_lon, self.center_lat),
            points_per_km: self.points_per_km,
            center: rect.center(),
        }
    }

    /// The camera moved so that the map follows a screen drag by `delta`.
    pub fn panned(&self, proj: &Projection, delta: egui::Vec2) -> Self {
        let [cx, cy] = proj.project(self.center_lon, self.center_lat);
        let [lon, lat] = proj.unproject(
            cx - f64::from(delta.x) / self.points_per_km,
            cy + f64::from(delta.y) / self.points_per_km,
        );
        Self {
            center_lon: lon,
            center_lat: lat.clamp(-85.0, 85.0),
            ..*self
        }
    }

    /// The camera zoomed by `factor`, keeping the point under `anchor` fixed
    /// on screen. The zoom stays within the limits.
    pub fn zoomed_about(
        &self,
        proj: &Projection,
        rect: egui::Rect,
        anchor: egui::Pos2,
        factor: f64,
    ) -> Self {
        let ppk = (self.points_per_km * factor).clamp(MIN_POINTS_PER_KM, MAX_POINTS_PER_KM);
        let [alon, alat] = self.to_lonlat(proj, rect, anchor);
        let [ax, ay] = proj.project(alon, alat);
        let c = rect.center();
        let [lon, lat] = proj.unproject(
            ax - f64::from(anchor.x - c.x) / ppk,
            ay + f64::from(anchor.y - c.y) / ppk,
        );
        Self {
            center_lon: lon,
            center_lat: lat,
            points_per_km: ppk,
        }
    }

    /// The camera moved as little as needed for `area` to cover at least
    /// `keep` points of a view of `size` across and down (the whole view at
    /// most; all of the area, when it is smaller), so that panning cannot
    /// lose the map in the blank plane around the data.
    pub fn kept_over(&self, proj: &Projection, area: &KmBox, size: egui::Vec2, keep: f32) -> Self {
        if area.is_empty() {
            return *self;
        }
        let [cx, cy] = proj.project(self.center_lon, self.center_lat);
        let clamp_axis = |c: f64, min: f64, max: f64, view_points: f32| {
            let half = f64::from(view_points) / 2.0 / self.points_per_km;
            let keep = (f64::from(keep.min(view_points)) / self.points_per_km).min(max - min);
            let (low, high) = (min - half + keep, max + half - keep);
            if low <= high {
                c.clamp(low, high)
            } else {
                (min + max) / 2.0
            }
        };
        let x = clamp_axis(cx, area.min[0], area.max[0], size.x);
        let y = clamp_axis(cy, area.min[1], area.max[1], size.y);
        if (x, y) == (cx, cy) {
            return *self;
        }
        let [lon, lat] = proj.unproject(x, y);
        Self {
            center_lon: lon,
            center_lat: lat,
            ..*self
        }
    }

    /// A camera showing the box `bbox` within a view of `size` points, with
    /// a margin of `margin` points on every side.
    pub fn fit(proj: &Projection, bbox: &KmBox, size: egui::Vec2, margin: f32) -> Self {
        if bbox.is_empty() {
            return Self::default();
        }
        let w = f64::from((size.x - 2.0 * margin).max(10.0));
        let h = f64::from((size.y - 2.0 * margin).max(10.0));
        let bw = (bbox.max[0] - bbox.min[0]).max(1.0);
        let bh = (bbox.max[1] - bbox.min[1]).max(1.0);
        let [lon, lat] = proj.unproject(
            (bbox.min[0] + bbox.max[0]) / 2.0,
            (bbox.min[1] + bbox.max[1]) / 2.0,
        );
        Self {
            center_lon: lon,
            center_lat: lat,
            points_per_km: (w / bw)
                .min(h / bh)
                .clamp(MIN_POINTS_PER_KM, MAX_POINTS_PER_KM),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proj() -> Projection {
        Projection::at(40.5)
    }

    #[test]
    fn kept_over_leaves_a_camera_over_the_area_alone_and_pulls_others_back() {
        let p = proj();
        let mut area = KmBox::EMPTY;
        area.add(p.project(66.5, 36.5));
        area.add(p.project(80.5, 43.5));
        let size = egui::vec2(800.0, 600.0);
        let inside = Camera {
            center_lon: 72.0,
            center_lat: 40.0,
            points_per_km: 1.0,
        };
        assert_eq!(inside.kept_over(&p, &area, size, 150.0), inside);
        let far = Camera {
            center_lon: 120.0,
            center_lat: 60.0,
            ..inside
        };
        let kept = far.kept_over(&p, &area, size, 150.0);
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
        let corner = kept.transform(&p, rect).apply(area.max);
        assert!((corner.x - 150.0).abs() < 0.5, "{corner:?}");
        assert!((corner.y - (600.0 - 150.0)).abs() < 0.5, "{corner:?}");
    }

    #[test]
    fn screen_positions_round_trip() {
        let proj = proj();
        let cam = Camera::default();
        let rect = egui::Rect::from_min_size(egui::pos2(10.0, 20.0), egui::vec2(800.0, 600.0));
        let p = cam.to_screen(&proj, rect, 70.8, 40.06);
        let [lon, lat] = cam.to_lonlat(&proj, rect, p);
        assert!((lon - 70.8).abs() < 1e-3 && (lat - 40.06).abs() < 1e-3);
        assert_eq!(cam.transform(&proj, rect).lonlat(70.8, 40.06), p);
    }

    #[test]
    fn zoom_keeps_the_anchor_and_limits() {
        let p = proj();
        let cam = Camera::default();
        let rect = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(800.0, 600.0));
        let anchor = egui::pos2(100.0, 450.0);
        let before = cam.to_lonlat(&p, rect, anchor);
        let z = cam.zoomed_about(&p, rect, anchor, 3.0);
        let after = z.to_lonlat(&p, rect, anchor);
        assert!((before[0] - after[0]).abs() < 1e-6 && (before[1] - after[1]).abs() < 1e-6);
        assert!((z.points_per_km - 4.5).abs() < 1e-9);
        let far = cam.zoomed_about(&p, rect, anchor, 1e9);
        assert_eq!(far.points_per_km, MAX_POINTS_PER_KM);
    }
}
