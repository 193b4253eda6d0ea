//! The coding windows: pasting an article, the progress of reading one
//! (with Cancel), asking for a publication date the text does not give,
//! a file that cannot be read, the work a recovery file holds, and the
//! question before closing with unsaved changes.

use egui::RichText;

use crate::coding::{CloseAnswer, Command};
use crate::model::action::Action;

use crate::panels::review::{Paste, Review};

/// A small centred window that cannot be collapsed.
fn window(title: &str) -> egui::Window<'_> {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
}

/// Draws whichever coding windows are open; returns what the user asked.
pub fn show(ctx: &egui::Context, review: &mut Review) -> Vec<Action> {
    let mut actions = Vec::new();
    let coding = |c: Command| Action::Coding(c);
    if let Some(job) = &review.job {
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
        window("Coding an article").show(ctx, |ui| {
            ui.label(format!("Reading {} and proposing its events…", job.name));
            ui.horizontal(|ui| {
                ui.add(egui::Spinner::new());
                ui.add(egui::ProgressBar::new(job.progress()).show_percentage());
            });
            if ui.button("Cancel").clicked() {
                actions.push(coding(Command::CancelJob));
            }
        });
    }
    if let Some(article) = &review.asking {
        window("Publication date").show(ctx, |ui| {
            ui.label(format!(
                "{} gives no publication date (no dateline, \"Published …\" line or date under \
                 its title). Its date phrases are read against it.",
                article.name
            ));
            ui.horizontal(|ui| {
                let l = ui.label("Published (YYYY-MM-DD)");
                ui.text_edit_singleline(&mut review.ui.date)
                    .labelled_by(l.id);
            });
            if let Some(notice) = &review.notice {
                ui.colored_label(ui.visuals().error_fg_color, notice);
            }
            ui.horizontal(|ui| {
                if ui.button("Propose events").clicked() {
                    actions.push(coding(Command::Published(review.ui.date.clone())));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(coding(Command::Dismiss));
                }
            });
        });
    }
    if let Some((name, problems)) = &review.failure {
        window("Cannot code this article").show(ctx, |ui| {
            ui.label(RichText::new(name).strong());
            for d in problems {
                ui.label(d.describe());
            }
            ui.label("Nothing of the work already open was changed.");
            if ui.button("OK").clicked() {
                actions.push(coding(Command::Dismiss));
            }
        });
    }
    // Without a review panel to show it in, a notice gets a window.
    let quiet = review.job.is_none() && review.asking.is_none() && review.failure.is_none();
    if let Some(notice) = review
        .notice
        .as_ref()
        .filter(|_| quiet && review.session.is_none())
    {
        window("Coding").show(ctx, |ui| {
            ui.label(notice);
            if ui.button("OK").clicked() {
                actions.push(coding(Command::Dismiss));
            }
        });
    }
    paste(ctx, &mut review.ui.paste, &mut actions);
    actions.extend(undo_keys(ctx, review));
    offer(ctx, review, &mut actions);
    if review.closing {
        window("Unsaved changes").show(ctx, |ui| {
            ui.label("The coded events have changes that are not saved.");
            ui.horizontal(|ui| {
                for (text, answer) in [
                    ("Save and close", CloseAnswer::Save),
                    ("Close without saving", CloseAnswer::Discard),
                    ("Cancel", CloseAnswer::Stay),
                ] {
                    if ui.button(text).clicked() {
                        actions.push(coding(Command::Closing(answer)));
                    }
                }
            });
        });
    }
    actions
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
fn offer(ctx: &egui::Context, review: &Review, actions: &mut Vec<Action>) {
    let Some(offer) = &review.offer else { return };
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
            if let Some(r) = &review.recovery {
                ui.label(format!("It is kept at {}.", r.path().display()));
            }
            if ui.button("OK").clicked() {
                actions.push(Action::Coding(Command::Dismiss));
            }
        }
    });
}

/// Ctrl+Z and Ctrl+Shift+Z (Cmd on a Mac) undo and redo the review's
/// edits, unless a text field being typed in has the keys.
fn undo_keys(ctx: &egui::Context, review: &Review) -> Option<Action> {
    let typing = ctx.memory(|m| m.focused().is_some()) && !review.ui.paragraph_focus;
    if review.session.is_none() || typing {
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
