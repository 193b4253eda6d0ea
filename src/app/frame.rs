//! One frame's input, built in one place: the [`Frame`] every panel draws
//! from (the data, what is derived from it, the view, the visible events,
//! the overlays), with the state the app keeps for its widgets lent beside
//! it. The window (`layout.rs`) and the map picture (`picture.rs`) both
//! draw from it.

use std::sync::Arc;

use super::App;
use super::files::OpenFiles;
use super::results::Results;
use crate::coding::Workspace;
use crate::data::Data;
use crate::map::MapView;
use crate::menu::Windows;
use crate::model::visibility::Visible;
use crate::panels::panel::{Frame, Proposed};
use crate::panels::review::Review;
use crate::story::StepPanels;

/// What one frame is drawn from: read-only input, and the widgets' own
/// state they may change while drawing.
pub(super) struct Drawing<'a> {
    /// What every panel draws from.
    pub frame: Frame<'a>,
    /// The data, shared (the table keeps it while it sorts).
    pub data: &'a Arc<Data>,
    /// The files opened: their loading, overlays and problems.
    pub opened: &'a OpenFiles,
    /// The coding workspace, read by the review panel.
    pub workspace: &'a Workspace,
    /// The story state, read by the menu and the story bar.
    pub story: &'a crate::story::session::Session,
    /// Which panels the shown story step opens.
    pub panels: StepPanels,
    /// The map widget.
    pub map: &'a mut MapView,
    /// Which windows are open.
    pub windows: &'a mut Windows,
    /// The table and the exports.
    pub results: &'a mut Results,
    /// The review panel's own state.
    pub review: &'a mut Review,
    /// The map's size as last drawn.
    pub map_size: &'a mut egui::Vec2,
    /// The app's own file dialog.
    pub fallback: &'a mut crate::panels::fallback_dialog::FallbackDialog,
    /// The store's windows.
    pub store_panels: &'a mut crate::panels::store::StorePanels,
}

impl App {
    /// This frame's input, drawing the events `visible` (from
    /// [`App::visible_events`]).
    pub(super) fn drawing<'a>(&'a mut self, visible: &'a Visible) -> Drawing<'a> {
        let panels = self.story_panels();
        Drawing {
            frame: Frame {
                data: &self.data,
                derived: &self.derived,
                view: &self.view,
                visible,
                overlays: &self.opened.overlays,
                proposed: Proposed {
                    proposals: (self.workspace.session()).map_or(&[], |s| s.proposals()),
                    selected: self.workspace.selected(),
                },
                home: &self.home,
            },
            data: &self.data,
            opened: &self.opened,
            workspace: &self.workspace,
            story: &self.story,
            panels,
            map: &mut self.map,
            windows: &mut self.windows,
            results: &mut self.results,
            review: &mut self.review,
            map_size: &mut self.map_size,
            fallback: &mut self.fallback,
            store_panels: &mut self.store_panels,
        }
    }
}
