//! The article under review, in place of the article panel: its
//! paragraphs with every proposal's quotes highlighted (kept ones in their
//! kind's colour, proposed ones in yellow, the selected one strong).
//! Clicking a highlight selects its proposal; selecting words offers to
//! add them as a quote of the selected proposal or to start a new event
//! from them. A very long text is shown a window of paragraphs at a time.

use egui::Color32;
use egui::text::{LayoutJob, TextFormat};

use crate::coding::{Command, Edit, Session};
use crate::extract::Status;
use crate::model::action::Action;
use crate::ui_kit::colors;

use crate::panels::review::state::ReviewUi;

/// Paragraphs drawn at once; a longer text is paged.
const WINDOW: usize = 300;

/// A proposal's quote: its span and the proposal's index.
#[derive(Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    proposal: usize,
}

/// Draws the text and the selection's buttons; returns what the user asked.
pub fn show(ui: &mut egui::Ui, session: &Session, state: &mut ReviewUi) -> Vec<Action> {
    let mut actions = Vec::new();
    state.paragraph_focus = false;
    let text = session.text();
    let id = &session.source().id;
    if state
        .paragraphs
        .as_ref()
        .is_none_or(|(for_id, _)| for_id != id)
    {
        state.paragraphs = Some((id.clone(), paragraphs(text)));
        state.text_from = 0;
    }
    // Taken out while drawing (the paragraphs draw into `state`), put back after.
    let kept = state.paragraphs.take();
    let paragraphs = kept.as_ref().map_or(&[][..], |(_, p)| p.as_slice());
    ui.heading("Article");
    selection_bar(ui, session, state, &mut actions);
    let selected = state
        .selected
        .as_deref()
        .and_then(|id| session.proposals().iter().position(|p| p.event.id == id));
    let target = selected
        .and_then(|i| session.proposals()[i].event.quotes.first())
        .map(|q| q.start);
    let scroll = state.scrolled_to != state.selected;
    if scroll && let Some(at) = target {
        let k = paragraphs.partition_point(|p| p.1 <= at);
        if k < state.text_from || k >= state.text_from + WINDOW {
            state.text_from = k.saturating_sub(WINDOW / 4);
        }
    }
    let mut marks: Vec<Mark> = Vec::new();
    for (i, p) in session.proposals().iter().enumerate() {
        if p.status == Status::Rejected && Some(i) != selected {
            continue;
        }
        marks.extend(p.event.quotes.iter().map(|q| Mark {
            start: q.start,
            end: q.end,
            proposal: i,
        }));
    }
    let from = state.text_from.min(paragraphs.len());
    let to = (from + WINDOW).min(paragraphs.len());
    if paragraphs.len() > WINDOW {
        ui.horizontal(|ui| {
            ui.label(format!(
                "Paragraphs {}–{} of {}",
                from + 1,
                to,
                paragraphs.len()
            ));
            if ui
                .add_enabled(from > 0, egui::Button::new("Earlier"))
                .clicked()
            {
                state.text_from = from.saturating_sub(WINDOW);
            }
            if ui
                .add_enabled(to < paragraphs.len(), egui::Button::new("Later"))
                .clicked()
            {
                state.text_from = to;
            }
        });
    }
    egui::ScrollArea::vertical()
        .id_salt(("review_text", id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (k, &(start, end)) in paragraphs.iter().enumerate().take(to).skip(from) {
                let here: Vec<Mark> = marks
                    .iter()
                    .filter(|m| m.start < end && m.end > start)
                    .copied()
                    .collect();
                let para = Paragraph {
                    text,
                    start,
                    end,
                    number: k + 1,
                };
                let response = paragraph(ui, session, &para, &here, selected, state, &mut actions);
                if scroll && target.is_some_and(|t| (start..end.max(start + 1)).contains(&t)) {
                    response.scroll_to_me(Some(egui::Align::Center));
                    state.scrolled_to.clone_from(&state.selected);
                }
                ui.add_space(6.0);
            }
        });
    if scroll && target.is_none() {
        state.scrolled_to.clone_from(&state.selected);
    }
    state.paragraphs = kept;
    actions
}

/// The byte spans of the text's non-blank lines.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            out.push((offset, offset + body.len()));
        }
        offset += line.len();
    }
    out
}

/// The selected words and what can be done with them.
fn selection_bar(
    ui: &mut egui::Ui,
    session: &Session,
    state: &ReviewUi,
    actions: &mut Vec<Action>,
) {
    let Some((start, end)) = state.text_selection else {
        ui.label(
            egui::RichText::new("Select words to add a quote or start an event.")
                .small()
                .weak(),
        );
        return;
    };
    let words: String = session
        .text()
        .get(start..end)
        .unwrap_or("")
        .chars()
        .take(80)
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(format!("“{}”", words.trim())).italics());
        if let Some(id) = &state.selected
            && ui.button("Add quote to selected").clicked()
        {
            actions.push(Action::Coding(Command::Edit(Edit::AddQuote {
                id: id.clone(),
                start,
                end,
            })));
        }
        if ui.button("New event from selection").clicked() {
            actions.push(Action::Coding(Command::Edit(Edit::NewEvent { start, end })));
        }
    });
}

/// One paragraph.
struct Paragraph<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    number: usize,
}

/// Draws a paragraph as selectable, read-only text with its marks.
fn paragraph(
    ui: &mut egui::Ui,
    session: &Session,
    p: &Paragraph<'_>,
    marks: &[Mark],
    selected: Option<usize>,
    state: &mut ReviewUi,
    actions: &mut Vec<Action>,
) -> egui::Response {
    let body = p.text.get(p.start..p.end).unwrap_or("");
    let marking = Marking {
        session,
        offset: p.start,
        marks,
        selected,
    };
    let mut layouter = |ui: &egui::Ui, buffer: &dyn egui::TextBuffer, width: f32| {
        let job = layout(ui, &marking, buffer.as_str(), width);
        ui.fonts_mut(|f| f.layout_job(job))
    };
    let mut shown: &str = body;
    let output = egui::TextEdit::multiline(&mut shown)
        .id_salt(("review_paragraph", p.number))
        .frame(egui::Frame::NONE)
        .desired_width(f32::INFINITY)
        .desired_rows(1)
        .layouter(&mut layouter)
        .show(ui);
    let response = output
        .response
        .response
        .accessible_name(format!("Article paragraph {}", p.number));
    let byte_at = |c: usize| p.start + body.char_indices().nth(c).map_or(body.len(), |(b, _)| b);
    state.paragraph_focus |= response.has_focus();
    if response.has_focus()
        && let Some(range) = output.cursor_range
    {
        let chars = range.as_sorted_char_range();
        let (a, b) = (byte_at(chars.start.0), byte_at(chars.end.0));
        state.text_selection = (a < b).then_some((a, b));
        if response.clicked() && a == b {
            let hit = marks
                .iter()
                .filter(|m| m.start <= a && a < m.end)
                .min_by_key(|m| (Some(m.proposal) != selected, m.end - m.start));
            if let Some(m) = hit {
                let id = session.proposals()[m.proposal].event.id.clone();
                actions.push(Action::Coding(Command::Select(Some(id))));
            }
        }
    }
    response
}

/// How a paragraph is marked.
struct Marking<'a> {
    session: &'a Session,
    offset: usize,
    marks: &'a [Mark],
    selected: Option<usize>,
}

/// The paragraph's text in sections, each marked stretch with its colour.
fn layout(ui: &egui::Ui, m: &Marking<'_>, body: &str, width: f32) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    let end = m.offset + body.len();
    let mut cuts = vec![m.offset, end];
    for mark in m.marks {
        cuts.push(mark.start.clamp(m.offset, end));
        cuts.push(mark.end.clamp(m.offset, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::wrap_at_width(width),
        ..Default::default()
    };
    for w in cuts.windows(2) {
        let Some(piece) = body.get(w[0] - m.offset..w[1] - m.offset) else {
            continue;
        };
        let covering = m.marks.iter().filter(|k| k.start <= w[0] && w[0] < k.end);
        let best = covering.min_by_key(|k| (Some(k.proposal) != m.selected, k.end - k.start));
        let background = best.map_or(Color32::TRANSPARENT, |k| {
            let p = &m.session.proposals()[k.proposal];
            let strong = Some(k.proposal) == m.selected;
            match p.status {
                Status::Proposed if strong => Color32::from_rgba_unmultiplied(235, 200, 40, 150),
                Status::Proposed => Color32::from_rgba_unmultiplied(235, 215, 60, 60),
                Status::Rejected => Color32::from_rgba_unmultiplied(150, 150, 150, 60),
                _ => colors::quote_background(p.event.kind, strong, dark),
            }
        });
        job.append(
            piece,
            0.0,
            TextFormat {
                font_id: font.clone(),
                color,
                background,
                ..Default::default()
            },
        );
    }
    job
}
