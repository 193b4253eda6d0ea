//! The export windows: the events shown (File → Export events…), a picture
//! (File → Export image…) and the playback as an animation (File → Export
//! animation…), and the strip that shows an export running, with Cancel,
//! or how it ended.

use crate::data::time::{EventTime, Seconds};
use crate::formats::Format;
use crate::model::action::Action;
use crate::model::view::ViewState;
use crate::output::job::Job;
use crate::output::requests::{AnimationFormat, ExportRequest, PictureKind, PictureSize};

/// What the export windows hold while open.
#[derive(Clone, Debug, Default)]
pub struct ExportForms {
    /// The events format chosen.
    pub events: Format,
    /// The picture chosen.
    pub image: ImageForm,
    /// The animation chosen.
    pub animation: AnimationForm,
}

/// The image window's fields.
#[derive(Clone, Debug, Default)]
pub struct ImageForm {
    /// Map or window.
    pub kind: PictureKind,
    /// Width and height in points (0: the window's own).
    pub size: [u32; 2],
    /// Pixels per point.
    pub scale: u8,
}

/// The animation window's fields.
#[derive(Clone, Debug, Default)]
pub struct AnimationForm {
    /// The first moment, as typed.
    pub from: String,
    /// The last day or moment, as typed.
    pub to: String,
    /// Timeline time per frame.
    pub step: Seconds,
    /// Each frame shows everything from the start.
    pub cumulative: bool,
    /// Milliseconds per frame.
    pub hold_ms: u64,
    /// Width and height in points.
    pub size: [u32; 2],
    /// The file kind.
    pub format: AnimationFormat,
}

/// The steps the animation window offers.
const STEPS: [(Seconds, &str); 6] = [
    (3600, "1 hour"),
    (6 * 3600, "6 hours"),
    (12 * 3600, "12 hours"),
    (86_400, "1 day"),
    (7 * 86_400, "1 week"),
    (30 * 86_400, "30 days"),
];

/// About as many frames as a default animation has, at most.
const DEFAULT_FRAMES: Seconds = 120;

/// The shortest offered step that plays `span` in at most
/// [`DEFAULT_FRAMES`] frames (the longest step when none does).
fn default_step(span: Seconds) -> Seconds {
    STEPS
        .iter()
        .map(|&(step, _)| step)
        .find(|step| (span + step - 1) / step <= DEFAULT_FRAMES)
        .unwrap_or(STEPS[STEPS.len() - 1].0)
}

/// File → Export events…: the format and how many events will be written.
pub fn events_window(
    ctx: &egui::Context,
    open: &mut bool,
    format: &mut Format,
    shown: usize,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut close = false;
    egui::Window::new("Export events")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label(format!(
                "Writes the {shown} events the filters and the time window show, with their \
                 sources and the vocabulary terms they use."
            ));
            for f in Format::all() {
                ui.radio_value(format, f, f.label());
            }
            if ui.button("Export events…").clicked() {
                actions.push(Action::Export(ExportRequest::Events(*format)));
                close = true;
            }
        });
    *open &= !close;
    actions
}

/// File → Export image…: map or window, size and scale.
pub fn image_window(
    ctx: &egui::Context,
    open: &mut bool,
    form: &mut ImageForm,
    window_size: egui::Vec2,
    map_size: egui::Vec2,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut close = false;
    if form.scale == 0 {
        form.scale = 1;
    }
    egui::Window::new("Export image")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            for kind in [PictureKind::Map, PictureKind::Window] {
                if ui.radio_value(&mut form.kind, kind, kind.label()).changed() {
                    form.size = [0, 0];
                }
            }
            let own = match form.kind {
                PictureKind::Map => map_size,
                PictureKind::Window => window_size,
            };
            if form.size == [0, 0] {
                form.size = [own.x.round() as u32, own.y.round() as u32];
            }
            size_fields(ui, &mut form.size);
            ui.horizontal(|ui| {
                ui.label("Scale");
                for s in [1, 2, 3] {
                    ui.selectable_value(&mut form.scale, s, format!("{s}×"));
                }
            });
            let [w, h] = form.size;
            ui.label(format!(
                "{} × {} pixels, with the legend, scale bar, time window and credits",
                w * u32::from(form.scale),
                h * u32::from(form.scale)
            ));
            if ui.button("Export image…").clicked() {
                actions.push(Action::Export(ExportRequest::Image {
                    kind: form.kind,
                    size: PictureSize {
                        points: [w as f32, h as f32],
                        scale: f32::from(form.scale),
                    },
                }));
                close = true;
            }
        });
    *open &= !close;
    actions
}

/// Width and height fields, 200 to 4,096 points.
fn size_fields(ui: &mut egui::Ui, size: &mut [u32; 2]) {
    ui.horizontal(|ui| {
        let label = ui.label("Width");
        ui.add(
            egui::DragValue::new(&mut size[0])
                .range(200..=4096)
                .suffix(" pt"),
        )
        .labelled_by(label.id);
        let label = ui.label("Height");
        ui.add(
            egui::DragValue::new(&mut size[1])
                .range(200..=4096)
                .suffix(" pt"),
        )
        .labelled_by(label.id);
    });
}

/// File → Export animation…: from, to, step, frame time, size and format.
pub fn animation_window(
    ctx: &egui::Context,
    open: &mut bool,
    form: &mut AnimationForm,
    view: &ViewState,
    map_size: egui::Vec2,
) -> Vec<Action> {
    let mut actions = Vec::new();
    if !*open {
        // Opened again, the window starts from the view of that moment.
        form.from.clear();
        form.to.clear();
        return actions;
    }
    if form.from.is_empty() && form.to.is_empty() {
        *form = animation_defaults(form, view, map_size);
    }
    egui::Window::new("Export animation")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            animation_fields(ui, form);
            actions.extend(animation_export(ui, form).map(Action::Export));
        });
    *open &= actions.is_empty();
    actions
}

/// The animation form for the view's time window: its days, a step that
/// keeps the animation short, half a second a frame, the map's size.
fn animation_defaults(
    form: &AnimationForm,
    view: &ViewState,
    map_size: egui::Vec2,
) -> AnimationForm {
    let (from, to) = view.time.window;
    AnimationForm {
        from: day_text(from),
        to: day_text(to - 1),
        step: default_step(to - from),
        hold_ms: 500,
        size: [map_size.x.round() as u32, map_size.y.round() as u32],
        ..form.clone()
    }
}

/// The animation window's fields: from, to, step, frame time, growing
/// window, size and file kind.
fn animation_fields(ui: &mut egui::Ui, form: &mut AnimationForm) {
    egui::Grid::new("animation_form")
        .num_columns(2)
        .show(ui, |ui| {
            text_field(ui, "From", &mut form.from);
            text_field(ui, "To", &mut form.to);
            ui.label("Step");
            egui::ComboBox::from_id_salt("animation_step")
                .selected_text(step_label(form.step))
                .show_ui(ui, |ui| {
                    for (s, name) in STEPS {
                        ui.selectable_value(&mut form.step, s, name);
                    }
                });
            ui.end_row();
            let label = ui.label("Each frame");
            ui.add(
                egui::DragValue::new(&mut form.hold_ms)
                    .range(50..=10_000)
                    .suffix(" ms"),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    ui.checkbox(&mut form.cumulative, "Keep earlier events (growing window)");
    size_fields(ui, &mut form.size);
    for f in AnimationFormat::ALL {
        ui.radio_value(&mut form.format, f, f.label());
    }
}

/// How many frames the form makes (or why its dates do not read), and the
/// export button; the request when it is clicked.
fn animation_export(ui: &mut egui::Ui, form: &AnimationForm) -> Option<ExportRequest> {
    let span = parse_span(&form.from, &form.to);
    match &span {
        Ok((a, b)) => {
            let frames = (b - a + form.step - 1) / form.step.max(1);
            ui.label(format!("{frames} frames, each showing its date"));
        }
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
    }
    let clicked = ui
        .add_enabled(span.is_ok(), egui::Button::new("Export animation…"))
        .clicked();
    let span = span.ok().filter(|_| clicked)?;
    Some(ExportRequest::Animation {
        span,
        step: form.step,
        cumulative: form.cumulative,
        hold_ms: form.hold_ms,
        size: PictureSize {
            points: [form.size[0] as f32, form.size[1] as f32],
            scale: 1.0,
        },
        format: form.format,
    })
}

/// A labelled one-line field in a grid.
fn text_field(ui: &mut egui::Ui, name: &str, text: &mut String) {
    let label = ui.label(name);
    ui.add(egui::TextEdit::singleline(text).desired_width(160.0))
        .labelled_by(label.id);
    ui.end_row();
}

fn step_label(step: Seconds) -> &'static str {
    STEPS
        .iter()
        .find(|(s, _)| *s == step)
        .map_or("1 day", |(_, name)| name)
}

/// A second as the fields show it: "2022-09-14", or with a time of day.
fn day_text(s: Seconds) -> String {
    let t = crate::data::time::from_seconds(s);
    if t.hour() == 0 && t.minute() == 0 {
        t.date().to_string()
    } else {
        t.strftime("%Y-%m-%dT%H:%M").to_string()
    }
}

/// The span from the first moment of `from` to the end of `to`.
pub fn parse_span(from: &str, to: &str) -> Result<(Seconds, Seconds), String> {
    let a = EventTime::parse(from.trim())
        .map_err(|_| format!("From: {from:?} is not a date like 2022-09-14"))?;
    let b = EventTime::parse(to.trim())
        .map_err(|_| format!("To: {to:?} is not a date like 2022-09-19"))?;
    let (a, b) = (a.first_second(), b.end_exclusive());
    if b <= a {
        return Err("To comes before From".to_owned());
    }
    Ok((a, b))
}

/// The strip along the bottom while an export runs (progress and Cancel),
/// or with how it ended (and Close).
pub fn status(
    ui: &mut egui::Ui,
    job: Option<&Job>,
    notice: Option<&Result<String, String>>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal(|ui| {
        if let Some(job) = job {
            ui.spinner();
            ui.label(&job.label);
            let (done, total) = job.progress().counts();
            let bar = egui::ProgressBar::new(job.progress().fraction()).desired_width(200.0);
            ui.add(if total > 1 {
                bar.text(format!("{done} of {total}"))
            } else {
                bar
            });
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelExport);
            }
        } else if let Some(outcome) = notice {
            match outcome {
                Ok(text) => ui.label(text),
                Err(text) => ui.colored_label(ui.visuals().error_fg_color, text),
            };
            if ui.button("Close").clicked() {
                actions.push(Action::DismissExport);
            }
        }
    });
    actions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_whole_days_and_refuse_backwards() {
        let (a, b) = parse_span("2022-09-14", "2022-09-19").unwrap();
        assert_eq!(b - a, 6 * 86_400);
        assert!(parse_span("2022-09-19", "2022-09-14").is_err());
        assert!(parse_span("soon", "2022-09-14").is_err());
        assert_eq!(day_text(a), "2022-09-14");
    }

    #[test]
    fn the_default_step_keeps_a_default_animation_short() {
        assert_eq!(default_step(5 * 86_400), 3600);
        assert_eq!(default_step(6 * 86_400), 6 * 3600);
        assert_eq!(default_step(60 * 86_400), 12 * 3600);
        assert_eq!(default_step(100 * 365 * 86_400), 30 * 86_400);
    }
}
