//! The proposals of the article under review that are not yet reviewed,
//! drawn on the map before they are kept: a hollow, dashed ring at each
//! proposal's place, thicker for the one selected in the review panel. A
//! kept proposal is an event like any other (the events layer draws it);
//! a rejected one is not drawn. A click on a ring selects its proposal in
//! the review panel.

use egui::{Pos2, Rect, Sense, Shape, Stroke, pos2};

use crate::coding::Command;
use crate::data::Data;
use crate::data::geodata::overlay::Overlay;
use crate::extract::Proposal;
use crate::map::layer::{LayerFrame, MapLayer, Toggle};
use crate::map::legend::swatch;
use crate::model::action::Action;
use crate::model::positions::event_lonlat;

/// Radius of a proposal's ring, in points.
const RING: f32 = 9.0;
/// How far outside its ring a click still selects a proposal.
const REACH: f32 = 3.0;

/// The proposals not yet reviewed.
pub struct ProposalsLayer;

impl MapLayer for ProposalsLayer {
    fn toggles(&self, _data: &Data, _overlays: &[Overlay]) -> Vec<Toggle> {
        Vec::new()
    }

    fn paint(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        frame: &LayerFrame<'_>,
        obstacles: &mut Vec<Rect>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        for (proposal, at) in on_screen(frame) {
            let selected = frame.proposed.is_selected(proposal);
            let width = if selected { 2.5 } else { 1.5 };
            painter.circle_filled(at, RING, frame.palette.text_halo.gamma_multiply(0.6));
            painter.extend(dashed_ring(at, RING, Stroke::new(width, frame.palette.ink)));
            let rect = Rect::from_center_size(at, egui::Vec2::splat(2.0 * RING));
            obstacles.push(rect.expand(2.0));
            let id = egui::Id::unique(("map_proposal", &proposal.event.id));
            let response = ui.interact(rect, id, Sense::hover());
            let event = &proposal.event;
            response.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, proposal_label(proposal))
            });
            ui.ctx().accesskit_node_builder(id, |node| {
                node.add_action(egui::accesskit::Action::Click);
            });
            if ui.input(|i| i.has_accesskit_action_request(id, egui::accesskit::Action::Click)) {
                actions.push(select(proposal));
            }
            response.on_hover_ui(|ui| {
                ui.strong(format!("Proposed: {}", event.title));
                ui.label(crate::ui_kit::format::when(event));
                if let Some(place) = &event.place {
                    ui.label(place);
                }
                ui.weak("Not yet reviewed: accept or reject it in the Review panel");
            });
        }
        actions
    }

    fn hit(&self, pos: Pos2, frame: &LayerFrame<'_>) -> Option<Action> {
        let near = on_screen(frame)
            .map(|(p, at)| (p, at.distance(pos)))
            .filter(|(_, d)| *d <= RING + REACH)
            .min_by(|a, b| a.1.total_cmp(&b.1))?;
        Some(select(near.0))
    }

    fn legend(&self, ui: &mut egui::Ui, frame: &LayerFrame<'_>) {
        if frame.proposed.pending().next().is_none() {
            return;
        }
        let ink = frame.palette.ink;
        swatch(ui, "Proposed, not yet reviewed", |p, r| {
            p.extend(dashed_ring(r.center(), 6.0, Stroke::new(1.5, ink)));
        });
    }
}

/// The accessible label of a proposal's ring.
pub fn proposal_label(proposal: &Proposal) -> String {
    let event = &proposal.event;
    let dates = crate::ui_kit::format::date_range(&event.start, &event.end);
    format!("Proposed: {}, {dates}", event.title)
}

/// Selecting a proposal in the review panel.
fn select(proposal: &Proposal) -> Action {
    Action::Coding(Command::Select(Some(proposal.event.id.clone())))
}

/// The proposals not yet reviewed that have a place, with where it is on
/// screen, for those on the map.
fn on_screen<'a>(frame: &'a LayerFrame<'_>) -> impl Iterator<Item = (&'a Proposal, Pos2)> + 'a {
    let shown = frame.rect.expand(RING);
    (frame.proposed.pending())
        .filter_map(|p| {
            event_lonlat(&p.event).map(|[lon, lat]| (p, frame.transform.lonlat(lon, lat)))
        })
        .filter(move |(_, at)| shown.contains(*at))
}

/// A circle of `radius` about `centre` drawn in dashes.
fn dashed_ring(centre: Pos2, radius: f32, stroke: Stroke) -> Vec<Shape> {
    let points: Vec<Pos2> = (0..=36)
        .map(|k| {
            let a = k as f32 / 36.0 * std::f32::consts::TAU;
            pos2(centre.x + radius * a.cos(), centre.y + radius * a.sin())
        })
        .collect();
    Shape::dashed_line(&points, stroke, 3.0, 2.5)
}
