//! The review panel: the article being coded, its proposals (status,
//! title, date, confidence; surest first, those below
//! [`WEAK_BELOW`](crate::extract::WEAK_BELOW) folded under "Weak
//! proposals") and, for the selected one, the editor
//! (`edit.rs`). The article's text with the proposals' quotes
//! highlighted is drawn in place of the article panel
//! (`text.rs`); the coding windows (paste, publication date,
//! progress, recovery, closing) are in `windows.rs`. Each draws from the
//! [`Workspace`] (read only) and the panel's own state ([`Review`],
//! `state.rs`), and returns every change as an [`Action::Coding`].

mod edit;
mod form;
mod state;
mod text;
mod windows;

use egui::RichText;

use crate::coding::{Command, Session, Workspace, is_kept};
use crate::extract::{Proposal, Status};
use crate::model::action::Action;
use crate::panels::panel::Frame;
use crate::ui_kit::{colors, format};

pub use crate::panels::review::state::Review;

impl Review {
    /// Draws the review panel at the window's right edge while an article
    /// is being coded.
    pub fn panel(&mut self, ui: &mut egui::Ui, frame: &Frame<'_>, ws: &Workspace) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(session) = ws.session() else {
            return actions;
        };
        egui::Panel::right("review")
            .resizable(true)
            .default_size(390.0)
            .show(ui, |ui| {
                header(ui, session, ws.notice(), &mut actions);
                ui.separator();
                let height = (ui.available_height() * 0.4).max(120.0);
                egui::ScrollArea::vertical()
                    .id_salt("review_list")
                    .max_height(height)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        list(ui, ws, self.scrolled_to.as_deref(), &mut actions)
                    });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("review_editor")
                    .auto_shrink([false, false])
                    .show(ui, |ui| match ws.selected_proposal() {
                        Some(p) => {
                            actions.extend(edit::show(ui, frame, session, p, &mut self.form))
                        }
                        None => {
                            ui.label(
                                "Select a proposal to review it, or select words in the \
                                 article to start a new event from them.",
                            );
                        }
                    });
            });
        actions
    }

    /// Draws the article's text with the proposals' quotes in place of the
    /// article panel, when the panel would show the article under review;
    /// `None` when it would not (the article panel draws then).
    pub fn article(
        &mut self,
        ui: &mut egui::Ui,
        frame: &Frame<'_>,
        ws: &Workspace,
    ) -> Option<Vec<Action>> {
        let session = ws.session()?;
        let selected = frame
            .view
            .selection
            .as_deref()
            .and_then(|id| frame.derived.index.event_with_id(id));
        let shown = crate::panels::article::shown_source(frame.data, frame.view, selected);
        let ours = shown
            .and_then(|i| frame.data.sources.get(i))
            .is_some_and(|s| s.id == session.source().id);
        ours.then(|| text::show(ui, session, ws.selected(), self))
    }

    /// Draws whichever coding windows are open; returns what the user asked.
    pub fn windows(&mut self, ctx: &egui::Context, ws: &Workspace) -> Vec<Action> {
        windows::show(ctx, ws, self)
    }
}

/// The article's title, the counts, undo, redo and save.
fn header(ui: &mut egui::Ui, session: &Session, notice: Option<&str>, actions: &mut Vec<Action>) {
    ui.heading("Review");
    ui.label(RichText::new(session.source().short_name()).strong());
    if let Some(d) = session.source().published {
        ui.label(RichText::new(format!("published {d}")).small().weak());
    }
    let count = |f: fn(Status) -> bool| session.proposals().iter().filter(|p| f(p.status)).count();
    ui.label(format!(
        "{} proposals: {} kept, {} to review, {} rejected",
        session.proposals().len(),
        count(is_kept),
        count(|s| s == Status::Proposed),
        count(|s| s == Status::Rejected),
    ));
    for note in session.notes() {
        ui.label(RichText::new(format!("Note: {}", note.message)).small());
    }
    ui.horizontal(|ui| {
        let undo = ui.add_enabled(session.can_undo(), egui::Button::new("Undo"));
        if undo.on_hover_text("Ctrl+Z").clicked() {
            actions.push(Action::Coding(Command::Undo));
        }
        let redo = ui.add_enabled(session.can_redo(), egui::Button::new("Redo"));
        if redo.on_hover_text("Ctrl+Shift+Z").clicked() {
            actions.push(Action::Coding(Command::Redo));
        }
        if ui
            .button("Save")
            .on_hover_text("File > Save events")
            .clicked()
        {
            actions.push(Action::Coding(Command::Save));
        }
        let state = match (session.is_dirty(), session.target()) {
            (false, Some(_)) => "saved",
            (true, _) => "unsaved changes",
            (false, None) => "",
        };
        ui.label(RichText::new(state).small().weak());
    });
    if let Some(notice) = notice {
        ui.colored_label(ui.visuals().error_fg_color, notice);
    }
}

/// The word a status gets in the list.
pub fn status_word(status: Status) -> &'static str {
    match status {
        Status::Proposed => "new",
        Status::Accepted => "kept",
        Status::Edited => "edited",
        Status::Rejected => "rejected",
    }
}

/// The proposals, one selectable row each; the selected one is scrolled
/// to when the text view has not yet followed it.
fn list(ui: &mut egui::Ui, ws: &Workspace, scrolled_to: Option<&str>, actions: &mut Vec<Action>) {
    let proposals = ws.session().map_or(&[][..], Session::proposals);
    // Surest first; the text's order among equals.
    let mut order: Vec<&Proposal> = proposals.iter().collect();
    order.sort_by(|a, b| confidence(b).total_cmp(&confidence(a)));
    let (sure, weak): (Vec<&Proposal>, Vec<&Proposal>) = order
        .into_iter()
        .partition(|p| confidence(p) >= crate::extract::WEAK_BELOW);
    for p in sure {
        row(ui, ws, p, scrolled_to, actions);
    }
    if weak.is_empty() {
        return;
    }
    // Folded until the reviewer opens it; a weak proposal selected in the
    // article still shows in the editor.
    egui::CollapsingHeader::new(format!("Weak proposals ({})", weak.len()))
        .id_salt("review_weak")
        .default_open(false)
        .show(ui, |ui| {
            for p in weak {
                row(ui, ws, p, scrolled_to, actions);
            }
        });
}

/// A proposal's confidence (a reviewer's own event, none: sure).
fn confidence(p: &Proposal) -> f64 {
    p.event.extraction.as_ref().map_or(1.0, |x| x.confidence)
}

/// One selectable row of the list.
fn row(
    ui: &mut egui::Ui,
    ws: &Workspace,
    p: &Proposal,
    scrolled_to: Option<&str>,
    actions: &mut Vec<Action>,
) {
    let selected = ws.selected() == Some(p.event.id.as_str());
    let response = ui.selectable_label(selected, row_text(ui, p));
    if response.clicked() {
        actions.push(Action::Coding(Command::Select(Some(p.event.id.clone()))));
    }
    if selected && scrolled_to != Some(p.event.id.as_str()) {
        response.scroll_to_me(None);
    }
}

/// A row: the status, the title, the date and the confidence.
fn row_text(ui: &egui::Ui, p: &Proposal) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let weak = ui.visuals().weak_text_color();
    let strong = ui.visuals().text_color();
    let mark_colour = match p.status {
        Status::Rejected => weak,
        _ => colors::kind_accent(p.event.kind),
    };
    let text = |font: &egui::FontId, color| egui::TextFormat::simple(font.clone(), color);
    job.append(status_word(p.status), 0.0, text(&small, mark_colour));
    let title_colour = if p.status == Status::Rejected {
        weak
    } else {
        strong
    };
    job.append(&p.event.title, 6.0, text(&body, title_colour));
    let confidence = p
        .event
        .extraction
        .as_ref()
        .map(|x| format!(" · {:.0} %", x.confidence * 100.0))
        .unwrap_or_default();
    job.append(
        &format!("  {}{confidence}", format::short_date(&p.event)),
        0.0,
        text(&small, weak),
    );
    job
}
