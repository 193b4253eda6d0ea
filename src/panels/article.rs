//! The article panel: the full text of one source with every quoted span
//! highlighted; clicking a highlight selects its event, and a reveal request
//! scrolls the text to the requested quote. A chooser switches between the
//! sources that have a text; selecting an event shows its source.

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, Rect, Sense};

use crate::data::Data;
use crate::data::event::EventKind;
use crate::data::source::Source;
use crate::model::action::Action;
use crate::model::spans::{SourceSpans, Span};
use crate::model::view::ViewState;
use crate::ui_kit::{colors, format};

/// The span to pick at a byte offset: the selected event's if it covers the
/// offset, else the shortest covering span.
fn pick(spans: &[Span], at: usize, selected: Option<usize>) -> Option<Span> {
    let covering = spans.iter().filter(|s| s.start <= at && at < s.end);
    let mut best: Option<Span> = None;
    for s in covering {
        if Some(s.event) == selected {
            return Some(*s);
        }
        if best.is_none_or(|b| s.end - s.start < b.end - b.start) {
            best = Some(*s);
        }
    }
    best
}

/// The article panel.
pub struct ArticlePanel;

impl crate::panels::panel::Panel for ArticlePanel {
    fn show(&mut self, ui: &mut egui::Ui, frame: &crate::panels::panel::Frame<'_>) -> Vec<Action> {
        let selected = frame
            .view
            .selection
            .as_deref()
            .and_then(|id| frame.derived.index.event_with_id(id));
        show(ui, frame.data, &frame.derived.spans, selected, frame.view)
    }
}

/// The index of the source the panel shows: the one the user chose, else
/// the selected event's, else the first with a text.
pub fn shown_source(data: &Data, view: &ViewState, selected: Option<usize>) -> Option<usize> {
    let chosen = view
        .reading
        .as_deref()
        .and_then(|id| data.sources.iter().position(|s| s.id == id));
    chosen
        .or_else(|| selected.and_then(|i| data.events.get(i)).map(|e| e.source))
        .or_else(|| data.sources.iter().position(|s| s.text.is_some()))
}

/// Draws the shown source's text with its quoted spans (from
/// [`SourceSpans`], made once per data) highlighted; `selected` is the
/// selected event's index. Returns what the user asked for.
pub fn show(
    ui: &mut egui::Ui,
    data: &Data,
    spans: &SourceSpans,
    selected: Option<usize>,
    view: &ViewState,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let shown = shown_source(data, view, selected);
    heading(ui, data, shown, &mut actions);
    let Some(source) = shown.and_then(|i| data.sources.get(i)) else {
        ui.label("No source is loaded.");
        return actions;
    };
    let Some(text) = source.text.as_deref() else {
        ui.label(
            "This source is a dataset, with no text to read: its rows' notes show on the \
             detail card.",
        );
        return actions;
    };
    let spans = spans.of(shown.unwrap_or_default());
    let serial_id = ui.scope_id().with("article_reveal_serial");
    let last_serial: Option<u64> = ui.data(|d| d.get_temp(serial_id));
    let pending = view
        .reveal
        .as_ref()
        .filter(|r| Some(r.serial) != last_serial)
        .and_then(|r| {
            let e = data.events.iter().find(|e| e.id == r.event_id)?;
            let q = e.quotes.get(r.quote).or(e.quotes.first())?;
            (Some(e.source) == shown).then_some((r.serial, q.start))
        });
    egui::ScrollArea::vertical()
        .id_salt(("article_scroll", &source.id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                let text = line.trim_end_matches(['\n', '\r']);
                if !text.trim().is_empty() {
                    let ctx = Paragraph {
                        text,
                        offset,
                        spans,
                        selected,
                        scroll_to: pending.map(|p| p.1),
                    };
                    paragraph(ui, data, &ctx, &mut actions);
                    ui.add_space(6.0);
                }
                offset += line.len();
            }
        });
    if let Some((serial, _)) = pending {
        ui.data_mut(|d| d.insert_temp(serial_id, serial));
    }
    actions
}

/// The panel's heading: the source's title, and a chooser when several
/// sources have a text.
fn heading(ui: &mut egui::Ui, data: &Data, shown: Option<usize>, actions: &mut Vec<Action>) {
    let readable: Vec<(usize, &Source)> = data
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.text.is_some())
        .collect();
    ui.horizontal(|ui| {
        ui.heading("Article");
        if readable.len() < 2 {
            return;
        }
        let current = shown
            .and_then(|i| data.sources.get(i))
            .map_or("", Source::short_name);
        let label = ui.label("Article source");
        egui::ComboBox::from_id_salt("article_source")
            .selected_text(current)
            .width(ui.available_width().min(260.0))
            .show_ui(ui, |ui| {
                for (i, s) in &readable {
                    if ui
                        .selectable_label(shown == Some(*i), s.short_name())
                        .clicked()
                    {
                        actions.push(Action::ShowSource(Some(s.id.clone())));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    // With one text, the text's own head says what it is.
    if let Some(s) = shown
        .and_then(|i| data.sources.get(i))
        .filter(|_| readable.len() > 1)
    {
        let byline = format::byline(s);
        if !byline.is_empty() {
            ui.label(egui::RichText::new(byline).small().weak());
        }
    }
}

/// What one paragraph needs to be drawn.
struct Paragraph<'a> {
    /// The paragraph's text, without its line break.
    text: &'a str,
    /// Byte offset of the paragraph in the source's text.
    offset: usize,
    /// All quoted spans.
    spans: &'a [Span],
    /// The selected event's index.
    selected: Option<usize>,
    /// Byte offset to scroll to, if a reveal is pending.
    scroll_to: Option<usize>,
}

/// Lays out, draws and hit-tests one paragraph.
fn paragraph(ui: &mut egui::Ui, data: &Data, p: &Paragraph<'_>, actions: &mut Vec<Action>) {
    let (start, end) = (p.offset, p.offset + p.text.len());
    let here: Vec<Span> = p
        .spans
        .iter()
        .filter(|s| s.start < end && s.end > start)
        .copied()
        .collect();
    let job = layout_job(ui, data, p, &here);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click());
    let char_at = |byte: usize| p.text[..byte.clamp(start, end) - start].chars().count();
    if let Some(target) = p.scroll_to
        && (start..end).contains(&target)
    {
        let r = galley.pos_from_cursor(CCursor::new(char_at(target)));
        ui.scroll_to_rect(r.translate(rect.min.to_vec2()), Some(Align::Center));
    }
    let mut clicked: Option<Span> = None;
    let hit = |pos: egui::Pos2| -> Option<Span> {
        let c = galley.cursor_from_pos(pos - rect.min);
        let byte = p.text.char_indices().nth(c.index.0).map(|(b, _)| b)?;
        pick(&here, start + byte, p.selected)
    };
    for span in &here {
        let a = galley.pos_from_cursor(CCursor::new(char_at(span.start)));
        let b = galley.pos_from_cursor(CCursor::new(char_at(span.end)));
        let local = if (a.min.y - b.min.y).abs() < 1.0 {
            Rect::from_min_max(a.min, b.max)
        } else {
            Rect::from_x_y_ranges(0.0..=galley.size().x, a.min.y..=b.max.y)
        };
        let event = &data.events[span.event];
        let label = if event.quotes.len() == 1 {
            format!("Quote of {}", event.title)
        } else {
            format!(
                "Quote of {} ({} of {})",
                event.title,
                span.quote + 1,
                event.quotes.len()
            )
        };
        let id = ui.scope_id().with(("quote", span.event, span.quote));
        let r = ui.interact(local.translate(rect.min.to_vec2()), id, Sense::click());
        r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
        if r.hovered() {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if r.clicked() {
            clicked = r.interact_pointer_pos().and_then(hit).or(Some(*span));
        }
    }
    if response.clicked() {
        clicked = response.interact_pointer_pos().and_then(hit);
    }
    ui.painter()
        .galley(rect.min, galley, ui.visuals().text_color());
    if let Some(span) = clicked {
        actions.push(Action::Reveal {
            event_id: data.events[span.event].id.clone(),
            quote: span.quote,
        });
    }
}

/// The paragraph as text sections, each quoted stretch with its background.
fn layout_job(ui: &egui::Ui, data: &Data, p: &Paragraph<'_>, here: &[Span]) -> LayoutJob {
    let (start, end) = (p.offset, p.offset + p.text.len());
    let dark = ui.visuals().dark_mode;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let mut cuts: Vec<usize> = vec![start, end];
    for s in here {
        cuts.push(s.start.clamp(start, end));
        cuts.push(s.end.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(ui.available_width()),
        ..Default::default()
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = p.text.get(a - start..b - start) else {
            continue;
        };
        let background = pick(here, a, p.selected).map_or(Color32::TRANSPARENT, |s| {
            let kind = data
                .events
                .get(s.event)
                .map_or(EventKind::Incident, |e| e.kind);
            colors::quote_background(kind, Some(s.event) == p.selected, dark)
        });
        let format = TextFormat {
            font_id: font.clone(),
            color,
            background,
            ..Default::default()
        };
        job.append(piece, 0.0, format);
    }
    job
}
