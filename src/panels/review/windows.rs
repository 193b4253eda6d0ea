//! The coding windows: pasting an article, the progress of reading one
//! (with Cancel), asking for a publication date the text does not give,
//! a file that cannot be read, the work a recovery file holds, and the
//! question before closing with unsaved changes.

use egui::RichText;

use crate::coding::{CloseAnswer, Command, Workspace};
use crate::model::action::Action;

use crate::panels::review::state::{Paste, Review};

/// A small centred window that cannot be collapsed.
fn window(title: &str) -> egui::Window<'_> {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
}

/// Draws whichever coding windows are open; returns what the user asked.
pub(super) fn show(ctx: &egui::Context, ws: &Workspace, review: &mut Review) -> Vec<Action> {
    let mut actions = Vec::new();
    progress(ctx, ws, &mut actions);
    publication_date(ctx, ws, &mut review.date, &mut actions);
    failure(ctx, ws, &mut actions);
    notice(ctx, ws, &mut actions);
    paste(ctx, &mut review.paste, &mut actions);
    actions.extend(undo_keys(ctx, ws, review.paragraph_focus));
    offer(ctx, ws, &mut actions);
    closing(ctx, ws, &mut actions);
    actions
}

/// The progress of reading an article, with Cancel.
fn progress(ctx: &egui::Context, ws: &Workspace, actions: &mut Vec<Action>) {
    let Some(job) = ws.job() else { return };
    ctx.request_repaint_after(std::time::Duration::from_millis(50));
    window("Coding an article").show(ctx, |ui| {
        ui.label(format!("Reading {} and proposing its events…", job.name));
        ui.horizontal(|ui| {
            ui.add(egui::Spinner::new());
            ui.add(egui::ProgressBar::new(job.progress()).show_percentage());
        });
        if ui.button("Cancel").clicked() {
            actions.push(Action::Coding(Command::CancelJob));
        }
    });
}

/// Asking for the publication date an article does not give.
fn publication_date(
    ctx: &egui::Context,
    ws: &Workspace,
    date: &mut String,
    actions: &mut Vec<Action>,
) {
    let Some(article) = ws.asking() else { return };
    window("Publication date").show(ctx, |ui| {
        ui.label(format!(
            "{} gives no publication date (no dateline, \"Published …\" line or date under \
             its title). Its date phrases are read against it.",
            article.name
        ));
        ui.horizontal(|ui| {
            let l = ui.label("Published (YYYY-MM-DD)");
            ui.text_edit_singleline(date).labelled_by(l.id);
        });
        if let Some(notice) = ws.notice() {
            ui.colored_label(ui.visuals().error_fg_color, notice);
        }
        ui.horizontal(|ui| {
            if ui.button("Propose events").clicked() {
                actions.push(Action::Coding(Command::Published(date.clone())));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::Coding(Command::Dismiss));
            }
        });
    });
}

/// An article that cannot be coded, and why.
fn failure(ctx: &egui::Context, ws: &Workspace, actions: &mut Vec<Action>) {
    let Some(failure) = ws.failure() else { return };
    window("Cannot code this article").show(ctx, |ui| {
        ui.label(RichText::new(&failure.name).strong());
        for d in &failure.problems {
            ui.label(d.describe());
        }
        ui.label("Nothing of the work already open was changed.");
        if ui.button("OK").clicked() {
            actions.push(Action::Coding(Command::Dismiss));
        }
    });
}

/// A notice, in a window of its own when there is no review panel to
/// show it in and no other coding window is open.
fn notice(ctx: &egui::Context, ws: &Workspace, actions: &mut Vec<Action>) {
    let quiet = ws.job().is_none() && ws.asking().is_none() && ws.failure().is_none();
    let Some(notice) = ws.notice().filter(|_| quiet && ws.session().is_none()) else {
        return;
    };
    window("Coding").show(ctx, |ui| {
        ui.label(notice);
        if ui.button("OK").clicked() {
            actions.push(Action::Coding(Command::Dismiss));
        }
    });
}

/// The question before closing with unsaved changes.
fn closing(ctx: &egui::Context, ws: &Workspace, actions: &mut Vec<Action>) {
    if !ws.asking_to_close() {
        return;
    }
    window("Unsaved changes").show(ctx, |ui| {
        ui.label("The coded events have changes that are not saved.");
        ui.horizontal(|ui| {
            for (text, answer) in [
                ("Save and close", CloseAnswer::Save),
                ("Close without saving", CloseAnswer::Discard),
                ("Cancel", CloseAnswer::Stay),
            ] {
                if ui.button(text).clicked() {
                    actions.push(Action::Coding(Command::Closing(answer)));
                }
            }
        });
    });
}

/// The paste window.
fn paste(ctx: &egui::Context, fields: &mut Option<Paste>, actions: &mut Vec<Action>) {
    let Some(p) = fields else { return };
    let mut close = false;
    window("Code pasted text").show(ctx, |ui| {
        egui::Grid::new("paste_fields")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label("Title");
                ui.text_edit_singleline(&mut p.title).labelled_by(l.id);
                ui.end_row();
                let l = ui.label("Published (YYYY-MM-DD)");
                ui.text_edit_singleline(&mut p.published).labelled_by(l.id);
                ui.end_row();
            });
        let l = ui.label("Article text");
        egui::ScrollArea::vertical()
            .max_height(300.0)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(&mut p.text)
                        .desired_width(480.0)
                        .desired_rows(12),
                )
                .labelled_by(l.id);
            });
        ui.horizontal(|ui| {
            if ui.button("Propose events").clicked() {
                actions.push(Action::Coding(Command::CodePasted {
                    text: p.text.clone(),
                    title: p.title.clone(),
                    published: p.published.clone(),
                }));
                close = true;
            }
            if ui.button("Cancel").clicked() {
                close = true;
            }
        });
    });
    if close {
        *fields = None;
    }
}

/// The work found in the recovery file, offered back.
fn offer(ctx: &egui::Context, ws: &Workspace, actions: &mut Vec<Action>) {
    let Some(offer) = ws.offer() else { return };
    window("Recover unsaved work").show(ctx, |ui| match offer {
        Ok(session) => {
            let kept = session
                .proposals()
                .iter()
                .filter(|p| crate::coding::is_kept(p.status))
                .count();
            ui.label(format!(
                "The last session ended without saving the coding of “{}” ({} proposals, {} kept).",
                session.source().short_name(),
                session.proposals().len(),
                kept
            ));
            ui.horizontal(|ui| {
                if ui.button("Recover").clicked() {
                    actions.push(Action::Coding(Command::Recover));
                }
                if ui.button("Discard").clicked() {
                    actions.push(Action::Coding(Command::DiscardRecovery));
                }
            });
        }
        Err(problems) => {
            ui.label("A recovery file was found but cannot be read:");
            for d in problems {
                ui.label(d.describe());
            }
            if let Some(path) = ws.recovery_path() {
                ui.label(format!("It is kept at {}.", path.display()));
            }
            if ui.button("OK").clicked() {
                actions.push(Action::Coding(Command::Dismiss));
            }
        }
    });
}

/// Ctrl+Z and Ctrl+Shift+Z (Cmd on a Mac) undo and redo the review's
/// edits, unless a text field being typed in has the keys.
fn undo_keys(ctx: &egui::Context, ws: &Workspace, paragraph_focus: bool) -> Option<Action> {
    let typing = ctx.memory(|m| m.focused().is_some()) && !paragraph_focus;
    if ws.session().is_none() || typing {
        return None;
    }
    let redo = egui::KeyboardShortcut::new(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    let undo = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::Z);
    ctx.input_mut(|i| {
        if i.consume_shortcut(&redo) {
            Some(Action::Coding(Command::Redo))
        } else if i.consume_shortcut(&undo) {
            Some(Action::Coding(Command::Undo))
        } else {
            None
        }
    })
}
