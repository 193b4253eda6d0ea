//! Asking a large store for the view: once a frame, the map's box in
//! degrees, the time window and the filters become the question the link
//! sends when the view changed (`store::live::viewing`), with the
//! timeline's histogram bins, which the store counts events in.

use super::App;
use crate::data::counts::TimeBins;
use crate::data::event::EventKind;
use crate::store::live::viewing::ViewQuestion;

/// About how wide a cell of the counts is drawn, in points.
const CELL_POINTS: f32 = 48.0;
/// How many bars the view's time histogram is asked with before the
/// timeline has been drawn (after, the timeline's own bins).
const HISTOGRAM_BINS: u32 = 120;
/// Points sampled along each edge of the map to find its box in degrees
/// (the projection bends the edges).
const EDGE_SAMPLES: usize = 8;

impl App {
    /// Asks the store for what the view shows, when it is asked per view.
    pub(super) fn ask_for_the_view(&mut self) {
        if !self.home.live().is_some_and(|l| l.is_viewing()) {
            return;
        }
        let question = self.view_question();
        if let (Some(live), Some(question)) = (self.home.live_mut(), question) {
            live.ask_view(question);
        }
    }

    /// What the view shows, as a question for the store (none before the
    /// map has been laid out).
    fn view_question(&self) -> Option<ViewQuestion> {
        let rect = self.results.map_rect;
        if !rect.is_positive() || !rect.is_finite() {
            return None;
        }
        let camera = &self.view.camera;
        let projection = self.map.projection();
        let mut bbox = [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ];
        for i in 0..=EDGE_SAMPLES {
            let t = i as f32 / EDGE_SAMPLES as f32;
            let along = [
                rect.lerp_inside(egui::vec2(t, 0.0)),
                rect.lerp_inside(egui::vec2(t, 1.0)),
                rect.lerp_inside(egui::vec2(0.0, t)),
                rect.lerp_inside(egui::vec2(1.0, t)),
            ];
            for pos in along {
                let [lon, lat] = camera.to_lonlat(projection, rect, pos);
                bbox = [
                    bbox[0].min(lon),
                    bbox[1].min(lat),
                    bbox[2].max(lon),
                    bbox[3].max(lat),
                ];
            }
        }
        let bbox = [
            bbox[0].max(-180.0),
            bbox[1].max(-90.0),
            bbox[2].min(180.0),
            bbox[3].min(90.0),
        ];
        if !bbox.iter().all(|v| v.is_finite()) || bbox[0] >= bbox[2] || bbox[1] >= bbox[3] {
            return None;
        }
        Some(ViewQuestion {
            bbox,
            window: self.view.time.window,
            kinds: self.shown_kinds(),
            categories: self.shown_categories(),
            narrowing: self.view.filters.narrowing(),
            across: (rect.width() / CELL_POINTS).round().max(1.0) as u32,
            histogram: (self.store.context.get())
                .and_then(crate::timeline::shown_bins)
                .unwrap_or_else(|| TimeBins::over(self.view.time.window, HISTOGRAM_BINS)),
        })
    }

    /// The kinds the filters show (none: all of them).
    fn shown_kinds(&self) -> Option<Vec<String>> {
        let hidden = &self.view.filters.hidden_kinds;
        (!hidden.is_empty()).then(|| {
            (EventKind::ALL.iter())
                .map(|k| k.key().to_owned())
                .filter(|k| !hidden.contains(k))
                .collect()
        })
    }

    /// The categories the filters show (none: all of them): those the
    /// events and counts shown name, and events without one.
    fn shown_categories(&self) -> Option<Vec<String>> {
        let hidden = &self.view.filters.hidden_categories;
        if hidden.is_empty() {
            return None;
        }
        let mut known: Vec<String> = (self.data.vocabulary.categories.iter())
            .map(|t| t.id.clone())
            .collect();
        if let Some(counts) = &self.data.counts {
            for cell in &counts.cells {
                known.extend(cell.by_category.iter().map(|(c, _)| c.clone()));
            }
        }
        known.push(String::new());
        known.sort();
        known.dedup();
        known.retain(|c| !hidden.contains(c));
        Some(known)
    }
}
