//! The map's projection and boxes on its plane.
//!
//! Equirectangular (plate carrée), scaled to true distances at the region's
//! reference latitude (40.5°N, the middle of the Fergana Valley, in the
//! bundled profile): north–south distances are true everywhere, east–west
//! ones err by the ratio of the cosines of the latitude and the reference
//! one (under 6 % over 36.5–43.5°N for the bundled region).

/// Kilometres per degree of latitude.
pub const KM_PER_DEG_LAT: f64 = 110.574;
/// Kilometres per degree of longitude at the equator.
pub const KM_PER_DEG_LON_EQUATOR: f64 = 111.320;

/// From longitude and latitude to kilometres east and north of (0°E, 0°N)
/// on the map plane, and back.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// The latitude at which east–west distances are true.
    reference_lat: f64,
    /// Kilometres per degree of longitude on the plane.
    km_per_deg_lon: f64,
}

impl Projection {
    /// The projection true to scale at `reference_lat`.
    pub fn at(reference_lat: f64) -> Self {
        Self {
            reference_lat,
            km_per_deg_lon: KM_PER_DEG_LON_EQUATOR * reference_lat.to_radians().cos(),
        }
    }

    /// The latitude at which east–west distances are true.
    pub fn reference_lat(&self) -> f64 {
        self.reference_lat
    }

    /// Projected kilometres east and north of (0°E, 0°N).
    pub fn project(&self, lon: f64, lat: f64) -> [f64; 2] {
        [lon * self.km_per_deg_lon, lat * KM_PER_DEG_LAT]
    }

    /// Longitude and latitude of a point on the plane.
    pub fn unproject(&self, x_km: f64, y_km: f64) -> [f64; 2] {
        [x_km / self.km_per_deg_lon, y_km / KM_PER_DEG_LAT]
    }

    /// The box on the plane a longitude/latitude box covers.
    pub fn project_box(&self, west: f64, south: f64, east: f64, north: f64) -> KmBox {
        let mut b = KmBox::EMPTY;
        b.add(self.project(west, south));
        b.add(self.project(east, north));
        b
    }
}

/// An axis-aligned box on the map plane, in projected kilometres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KmBox {
    /// Western and southern edges.
    pub min: [f64; 2],
    /// Eastern and northern edges.
    pub max: [f64; 2],
}

impl KmBox {
    /// The empty box (grows to the first point added).
    pub const EMPTY: Self = Self {
        min: [f64::INFINITY, f64::INFINITY],
        max: [f64::NEG_INFINITY, f64::NEG_INFINITY],
    };

    /// Grows the box to contain `p`.
    pub fn add(&mut self, p: [f64; 2]) {
        self.min = [self.min[0].min(p[0]), self.min[1].min(p[1])];
        self.max = [self.max[0].max(p[0]), self.max[1].max(p[1])];
    }

    /// Grows the box to contain `other`.
    pub fn union(&mut self, other: &Self) {
        self.add(other.min);
        self.add(other.max);
    }

    /// Whether the two boxes overlap.
    pub fn intersects(&self, other: &Self) -> bool {
        self.min[0] <= other.max[0]
            && other.min[0] <= self.max[0]
            && self.min[1] <= other.max[1]
            && other.min[1] <= self.max[1]
    }

    /// Whether the box contains any point.
    pub fn is_empty(&self) -> bool {
        self.min[0] > self.max[0] || self.min[1] > self.max[1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_round_trips_and_is_true_at_its_latitude() {
        let p = Projection::at(40.5);
        for (lon, lat) in [(70.8, 40.06), (66.5, 36.5), (80.5, 43.5), (-10.0, 5.0)] {
            let [x, y] = p.project(lon, lat);
            let [lon2, lat2] = p.unproject(x, y);
            assert!((lon - lon2).abs() < 1e-9 && (lat - lat2).abs() < 1e-9);
        }
        let [x0, _] = p.project(70.0, 40.5);
        let [x1, _] = p.project(71.0, 40.5);
        assert!(((x1 - x0) - 84.65).abs() < 0.1, "{}", x1 - x0);
        let other = Projection::at(0.0);
        assert!(other.project(1.0, 0.0)[0] > p.project(1.0, 0.0)[0]);
    }
}
