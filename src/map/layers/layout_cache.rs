//! The marker layout kept between frames. It is made over the map and a
//! margin of half its size on every side, like the base layers' mesh, so
//! that while the map is panned within the margin the markers are only
//! moved, not grouped again; it is made anew when the events shown, the
//! zoom or the map's size change, or the view leaves the margin.
//!
//! A layout of many events is made by a [`LayoutRunner`] (a thread) while
//! the map keeps drawing the last one, moved or seen at the new zoom, so
//! that a scrub over a million events never waits for it; clicks are
//! answered from the layout drawn. A small one is made within the frame.

use std::sync::Arc;

use egui::Rect;

use crate::map::layers::layout_job::{
    Items, LaidOut, LayoutJob, LayoutKey, LayoutRunner, LayoutThread,
};
use crate::map::layers::marker_layout::{Layout, in_view};
use crate::map::tessellated::Tessellated;
use crate::model::camera::{Camera, Projection, ScreenTransform};

/// The map a layout is wanted for: its projection, camera and rectangle.
#[derive(Clone, Copy)]
pub struct MapArea<'a> {
    /// The region's projection.
    pub projection: &'a Projection,
    /// The camera.
    pub camera: &'a Camera,
    /// The map's rectangle on screen.
    pub rect: Rect,
}

/// A layout being made elsewhere: its request number, key, transform and
/// the area it will cover.
struct Pending {
    request: u64,
    key: LayoutKey,
    made_with: ScreenTransform,
    reach: Rect,
}

/// The last layout made, the one being made, and the last one handed out.
pub struct LayoutCache {
    laid_out: Option<LaidOut>,
    pending: Option<Pending>,
    /// The number of the last request.
    requests: u64,
    /// The camera and map rectangle of the layout last handed out.
    shown: Option<(Camera, Rect, Arc<Layout>)>,
    runner: Box<dyn LayoutRunner>,
}

impl Default for LayoutCache {
    fn default() -> Self {
        Self::with_runner(Box::new(LayoutThread::default()))
    }
}

/// Whether a layout made for `key` with `made_with` over `reach` serves a
/// map of `want` seen through `t` in `rect`.
fn covers(
    (key, made_with, reach): (&LayoutKey, &ScreenTransform, &Rect),
    want: &LayoutKey,
    t: &ScreenTransform,
    rect: Rect,
) -> bool {
    key == want && reach.contains_rect(rect.translate(-t.moved_since(made_with)))
}

impl LayoutCache {
    /// A cache whose large layouts are made by `runner`.
    pub fn with_runner(runner: Box<dyn LayoutRunner>) -> Self {
        Self {
            laid_out: None,
            pending: None,
            requests: 0,
            shown: None,
            runner,
        }
    }

    /// Whether a layout is being made that the map will show once ready.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// The markers of `items` in `map`, inside the map and a cell around
    /// it: the layout made for them, or while it is being made, the last
    /// one. The events are listed only when a layout is made.
    pub fn get(&mut self, ctx: &egui::Context, items: Items, map: MapArea<'_>) -> Arc<Layout> {
        let MapArea {
            projection,
            camera,
            rect,
        } = map;
        self.take_finished();
        let key = LayoutKey {
            generation: items.positions.generation(),
            points_per_km: camera.points_per_km,
            size: rect.size(),
            items: items.key(),
        };
        let t = camera.transform(projection, rect);
        let done = self
            .laid_out
            .as_ref()
            .is_some_and(|d| covers((&d.key, &d.made_with, &d.reach), &key, &t, rect));
        let coming = self
            .pending
            .as_ref()
            .is_some_and(|p| covers((&p.key, &p.made_with, &p.reach), &key, &t, rect));
        if done {
            self.pending = None;
        } else if !coming {
            self.request(ctx, key, items, t, rect);
        }
        self.shown_for(camera, rect, &t)
    }

    /// Makes a layout for `key`: here when it is small or nothing of these
    /// positions can be shown meanwhile, else by the runner.
    fn request(
        &mut self,
        ctx: &egui::Context,
        key: LayoutKey,
        items: Items,
        t: ScreenTransform,
        rect: Rect,
    ) {
        self.requests += 1;
        let job = LayoutJob {
            request: self.requests,
            key,
            items,
            transform: t,
            reach: Tessellated::reach_for(rect),
        };
        let nothing_to_show = self
            .laid_out
            .as_ref()
            .is_none_or(|d| d.key.generation != key.generation);
        if nothing_to_show || job.items.estimate() <= self.runner.in_frame_up_to() {
            self.pending = None;
            self.install(job.run());
        } else {
            self.pending = Some(Pending {
                request: job.request,
                key,
                made_with: t,
                reach: job.reach,
            });
            self.runner.start(job, ctx);
        }
    }

    /// Takes in a layout the runner finished, if newer than the one held.
    fn take_finished(&mut self) {
        let Some(done) = self.runner.finished() else {
            return;
        };
        if self
            .laid_out
            .as_ref()
            .is_some_and(|d| d.request > done.request)
        {
            return;
        }
        if self
            .pending
            .as_ref()
            .is_some_and(|p| p.request <= done.request)
        {
            self.pending = None;
        }
        self.install(done);
    }

    fn install(&mut self, laid_out: LaidOut) {
        self.laid_out = Some(laid_out);
        self.shown = None;
    }

    /// The layout held, as seen through `t` (`camera` in `rect`): moved when
    /// only the centre differs, else each marker and cluster placed anew
    /// from its event's position.
    fn shown_for(&mut self, camera: &Camera, rect: Rect, t: &ScreenTransform) -> Arc<Layout> {
        if let Some((c, r, layout)) = &self.shown
            && c == camera
            && *r == rect
        {
            return layout.clone();
        }
        let Some(done) = &self.laid_out else {
            return Arc::default();
        };
        let area = in_view(rect);
        let seen = if done.key.points_per_km == camera.points_per_km {
            done.layout.moved(t.moved_since(&done.made_with), area)
        } else {
            done.layout.reprojected(&done.positions, t, area)
        };
        let seen = Arc::new(seen);
        self.shown = Some((*camera, rect, seen.clone()));
        seen
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::data::Data;
    use crate::map::layers::layout_job::OnMap;
    use crate::map::layers::marker_layout::{self, EventPositions};
    use crate::model::visibility::Visible;
    use egui::{Pos2, vec2};

    /// The bundled region's projection.
    fn proj() -> Projection {
        Projection::at(40.5)
    }

    /// A pan by `dx` points of the camera `cam`.
    fn panned(cam: &Camera, dx: f32) -> Camera {
        cam.panned(&proj(), vec2(dx, 0.0))
    }

    const ALL_ON: OnMap = OnMap {
        events: true,
        context: true,
    };

    /// The events `shown` of `positions`, as a result of the filters with
    /// this serial.
    fn items(positions: &EventPositions, shown: Vec<usize>, serial: u64) -> Items {
        let visible = Visible {
            passing: Arc::new(shown.clone()),
            shown: Arc::new(shown),
            serial,
            ..Visible::default()
        };
        Items::new(positions, &visible, ALL_ON, false)
    }

    fn area<'a>(proj: &'a Projection, camera: &'a Camera, rect: Rect) -> MapArea<'a> {
        MapArea {
            projection: proj,
            camera,
            rect,
        }
    }

    /// Markers as (event, x, y) rounded, in order.
    fn places(layout: &Layout) -> Vec<(usize, i32, i32)> {
        let mut all: Vec<_> = layout
            .markers
            .iter()
            .map(|m| (m.index, m.pos.x.round() as i32, m.pos.y.round() as i32))
            .collect();
        all.sort_unstable();
        all
    }

    #[test]
    fn panning_within_the_margin_moves_the_markers_without_grouping_again() {
        let data = Data::bundled().expect("bundled data");
        let positions = EventPositions::new(&data.events, &proj());
        let every: Vec<usize> = (0..data.events.len()).collect();
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 700.0));
        let cam = Camera {
            center_lon: 71.5,
            center_lat: 40.3,
            points_per_km: 3.0,
        };
        let ctx = egui::Context::default();
        let p = proj();
        let all = || items(&positions, every.clone(), 1);
        let mut cache = LayoutCache::default();
        let first = cache.get(&ctx, all(), area(&p, &cam, rect));
        assert!(!first.markers.is_empty());
        let made_with = |cache: &LayoutCache| {
            cache
                .laid_out
                .as_ref()
                .map(|d| d.made_with.apply([0.0, 0.0]))
        };
        let origin = made_with(&cache);
        let moved_cam = panned(&cam, 40.0);
        let moved = cache.get(&ctx, all(), area(&p, &moved_cam, rect));
        assert_eq!(made_with(&cache), origin, "laid out again while panning");
        // The same markers as a layout made for the new view, in the same places.
        let fresh = marker_layout::layout(
            &positions,
            every.iter().map(|&i| (i, false)),
            &moved_cam.transform(&p, rect),
            Tessellated::reach_for(rect),
        )
        .moved(vec2(0.0, 0.0), in_view(rect));
        assert_eq!(places(&moved), places(&fresh));
        // Far beyond the margin, or at another zoom, it is laid out again.
        cache.get(&ctx, all(), area(&p, &panned(&cam, 900.0), rect));
        assert_ne!(made_with(&cache), origin);
        let origin = made_with(&cache);
        let zoomed = Camera {
            points_per_km: 6.0,
            ..cam
        };
        cache.get(&ctx, all(), area(&p, &zoomed, rect));
        assert_ne!(made_with(&cache), origin);
        // Other events (another serial) are laid out again: here none.
        let laid = cache.get(
            &ctx,
            items(&positions, Vec::new(), 2),
            area(&p, &zoomed, rect),
        );
        assert!(laid.markers.is_empty() && laid.clusters.is_empty());
        let back = cache.get(&ctx, all(), area(&p, &zoomed, rect));
        assert!(!back.markers.is_empty());
    }

    /// A runner that makes layouts only when told to, and makes every
    /// layout with it (none within the frame).
    #[derive(Clone, Default)]
    struct Held {
        jobs: Arc<Mutex<Vec<LayoutJob>>>,
        done: Arc<Mutex<Vec<LaidOut>>>,
    }

    impl Held {
        fn release(&self) {
            let jobs: Vec<LayoutJob> = self.jobs.lock().expect("jobs").drain(..).collect();
            let mut done = self.done.lock().expect("done");
            done.extend(jobs.into_iter().map(LayoutJob::run));
        }
    }

    impl LayoutRunner for Held {
        fn start(&mut self, job: LayoutJob, _repaint: &egui::Context) {
            self.jobs.lock().expect("jobs").push(job);
        }

        fn finished(&mut self) -> Option<LaidOut> {
            self.done.lock().expect("done").pop()
        }

        fn in_frame_up_to(&self) -> usize {
            0
        }
    }

    #[test]
    fn the_last_layout_is_shown_while_the_next_is_made() {
        let data = Data::bundled().expect("bundled data");
        let positions = EventPositions::new(&data.events, &proj());
        let every: Vec<usize> = (0..data.events.len()).collect();
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 700.0));
        let cam = Camera {
            center_lon: 71.0,
            center_lat: 40.0,
            points_per_km: 2.0,
        };
        let (ctx, p) = (egui::Context::default(), proj());
        let held = Held::default();
        let mut cache = LayoutCache::with_runner(Box::new(held.clone()));
        // Nothing to show yet: the first layout is made within the frame.
        let first = cache.get(
            &ctx,
            items(&positions, every.clone(), 1),
            area(&p, &cam, rect),
        );
        assert!(!cache.is_pending() && !first.markers.is_empty());
        // Fewer events: the layout is asked for and the last one stays.
        let fewer = items(&positions, every[..3].to_vec(), 2);
        let meanwhile = cache.get(&ctx, fewer.clone(), area(&p, &cam, rect));
        assert!(cache.is_pending());
        assert_eq!(places(&meanwhile), places(&first));
        // A click meanwhile hits what is drawn.
        let m = &meanwhile.markers[meanwhile.markers.len() - 1];
        assert_eq!(
            meanwhile.hit(m.pos),
            Some(marker_layout::Hit::Marker(m.index))
        );
        // Asked again in the next frames, it is not asked for twice.
        cache.get(&ctx, fewer.clone(), area(&p, &cam, rect));
        assert_eq!(held.jobs.lock().expect("jobs").len(), 1);
        held.release();
        let after = cache.get(&ctx, fewer, area(&p, &cam, rect));
        assert!(!cache.is_pending());
        assert!(after.markers.iter().all(|m| m.index < 3));
        assert!(!after.markers.is_empty());
    }

    #[test]
    fn zoomed_meanwhile_the_last_layout_is_seen_at_the_new_zoom() {
        let data = Data::bundled().expect("bundled data");
        let positions = EventPositions::new(&data.events, &proj());
        let every: Vec<usize> = (0..data.events.len()).collect();
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 700.0));
        let cam = Camera {
            center_lon: 71.0,
            center_lat: 40.0,
            points_per_km: 4.0,
        };
        let (ctx, p) = (egui::Context::default(), proj());
        let held = Held::default();
        let mut cache = LayoutCache::with_runner(Box::new(held.clone()));
        let first = cache.get(
            &ctx,
            items(&positions, every.clone(), 1),
            area(&p, &cam, rect),
        );
        let closer = Camera {
            points_per_km: 6.0,
            ..cam
        };
        let seen = cache.get(&ctx, items(&positions, every, 1), area(&p, &closer, rect));
        assert!(cache.is_pending());
        let t = closer.transform(&p, rect);
        let mut moved = 0;
        for m in &seen.markers {
            let was = first.markers.iter().find(|f| f.index == m.index);
            let was = was.expect("a marker of the last layout");
            let anchor = t.apply(positions.get(m.index).expect("placed"));
            assert!((m.anchor - anchor).length() < 0.01);
            assert!(((m.pos - m.anchor) - (was.pos - was.anchor)).length() < 0.01);
            moved += usize::from((m.anchor - was.anchor).length() > 1.0);
        }
        assert!(moved > 0, "nothing was seen at the new zoom");
    }
}
