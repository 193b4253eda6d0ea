//! The push's window: a file's events going into the database, how many
//! are sent, a Cancel that leaves the table as it was, and how it ended.

use crate::model::action::Action;
use crate::store::live::Command;
use crate::store::live::push_job::{PushJob, PushOutcome};

/// Shows the window of `job`; returns Cancel or OK pressed.
pub fn show(ctx: &egui::Context, job: &PushJob) -> Vec<Action> {
    let mut actions = Vec::new();
    egui::Window::new("Push into the database")
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.set_max_width(440.0);
            match job.outcome() {
                None => running(ui, job, &mut actions),
                Some(outcome) => {
                    ui.label(ended(job.name(), outcome));
                    if ui.button("OK").clicked() {
                        actions.push(Action::Store(Command::DismissPush));
                    }
                }
            }
        });
    if job.outcome().is_none() {
        ctx.request_repaint_after(std::time::Duration::from_millis(200));
    }
    actions
}

/// The progress of a push still running, and its Cancel.
fn running(ui: &mut egui::Ui, job: &PushJob, actions: &mut Vec<Action>) {
    let (sent, total) = (job.sent(), job.total());
    let doing = if job.cancelling() {
        "Cancelling: nothing will be written…".to_owned()
    } else if sent >= total {
        format!("Writing {total} events into the table…")
    } else {
        format!("Sending {}: {sent} of {total} events", job.name())
    };
    ui.label(doing);
    let share = if total == 0 {
        1.0
    } else {
        sent as f32 / total as f32
    };
    ui.add(egui::ProgressBar::new(share).show_percentage());
    let cancel = ui.add_enabled(!job.cancelling(), egui::Button::new("Cancel"));
    if cancel
        .on_hover_text("Stop the push: the table stays as it was")
        .clicked()
    {
        actions.push(Action::Store(Command::CancelPush));
    }
}

/// What a push that ended did.
fn ended(name: &str, outcome: &PushOutcome) -> String {
    match outcome {
        PushOutcome::Pushed(r) => format!(
            "Pushed {name}: {} events added, {} changed, {} unchanged.",
            r.inserted, r.updated, r.unchanged
        ),
        PushOutcome::Cancelled => {
            format!("The push of {name} was cancelled: the table is as it was.")
        }
        PushOutcome::Failed(why) => {
            format!("{name} was not pushed ({why}); the table is as it was.")
        }
    }
}
