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

use crate::panels::review::state::Review;

/// Paragraphs drawn at once; a longer text is paged.
const WINDOW: usize = 300;

/// A proposal's quote: its span and the proposal's index.
#[derive(Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    proposal: usize,
}

/// Draws the text and the selection's buttons; returns what the user
/// asked. `chosen` is the selected proposal's id.
pub(super) fn show(
    ui: &mut egui::Ui,
    session: &Session,
    chosen: Option<&str>,
    state: &mut Review,
) -> Vec<Action> {
    let mut actions = Vec::new();
    state.paragraph_focus = false;
    let id = &session.source().id;
    if state
        .paragraphs
        .as_ref()
        .is_none_or(|(for_id, _)| for_id != id)
    {
        state.paragraphs = Some((id.clone(), paragraphs(session.text())));
        state.text_from = 0;
    }
    // Taken out while drawing (the paragraphs draw into `state`), put back after.
    let kept = state.paragraphs.take();
    let paragraphs = kept.as_ref().map_or(&[][..], |(_, p)| p.as_slice());
    ui.heading("Article");
    selection_bar(ui, session, chosen, state.text_selection, &mut actions);
    let selected = chosen.and_then(|id| session.proposals().iter().position(|p| p.event.id == id));
    let target = selected
        .and_then(|i| session.proposals()[i].event.quotes.first())
        .map(|q| q.start);
    // Scrolled to once each time another proposal is selected.
    let scroll = (state.scrolled_to.as_deref() != chosen).then_some(target);
    if let Some(Some(at)) = scroll {
        let k = paragraphs.partition_point(|p| p.1 <= at);
        if k < state.text_from || k >= state.text_from + WINDOW {
            state.text_from = k.saturating_sub(WINDOW / 4);
        }
    }
    let shown = pager(ui, paragraphs.len(), &mut state.text_from);
    let text = Text {
        session,
        paragraphs,
        marks: marks(session, selected),
        selected,
    };
    let scrolled = egui::ScrollArea::vertical()
        .id_salt(("review_text", id))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            text.draw(ui, shown, scroll.flatten(), state, &mut actions)
        })
        .inner;
    if scroll.is_some() && (scrolled || target.is_none()) {
        state.scrolled_to = chosen.map(str::to_owned);
    }
    state.paragraphs = kept;
    actions
}

/// Every proposal's quotes but those of rejected ones not selected.
fn marks(session: &Session, selected: Option<usize>) -> Vec<Mark> {
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
    marks
}

/// For a text of more than [`WINDOW`] paragraphs, which are shown and
/// buttons to page earlier and later; returns the range shown.
fn pager(ui: &mut egui::Ui, count: usize, text_from: &mut usize) -> std::ops::Range<usize> {
    let from = (*text_from).min(count);
    let to = (from + WINDOW).min(count);
    if count > WINDOW {
        ui.horizontal(|ui| {
            ui.label(format!("Paragraphs {}–{} of {}", from + 1, to, count));
            if ui
                .add_enabled(from > 0, egui::Button::new("Earlier"))
                .clicked()
            {
                *text_from = from.saturating_sub(WINDOW);
            }
            if ui
                .add_enabled(to < count, egui::Button::new("Later"))
                .clicked()
            {
                *text_from = to;
            }
        });
    }
    from..to
}

/// The article's paragraphs with the proposals' marks.
struct Text<'a> {
    session: &'a Session,
    paragraphs: &'a [(usize, usize)],
    marks: Vec<Mark>,
    selected: Option<usize>,
}

impl Text<'_> {
    /// Draws the paragraphs in `shown`, scrolling to the one holding the
    /// byte `target` when given; returns whether it did.
    fn draw(
        &self,
        ui: &mut egui::Ui,
        shown: std::ops::Range<usize>,
        target: Option<usize>,
        state: &mut Review,
        actions: &mut Vec<Action>,
    ) -> bool {
        let mut scrolled = false;
        for (k, &(start, end)) in self
            .paragraphs
            .iter()
            .enumerate()
            .take(shown.end)
            .skip(shown.start)
        {
            let here: Vec<Mark> = (self.marks.iter())
                .filter(|m| m.start < end && m.end > start)
                .copied()
                .collect();
            let para = Paragraph {
                text: self.session.text(),
                start,
                end,
                number: k + 1,
            };
            let response = paragraph(
                ui,
                self.session,
                &para,
                &here,
                self.selected,
                state,
                actions,
            );
            if target.is_some_and(|t| (start..end.max(start + 1)).contains(&t)) {
                response.scroll_to_me(Some(egui::Align::Center));
                scrolled = true;
            }
            ui.add_space(6.0);
        }
        scrolled
    }
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
    chosen: Option<&str>,
    text_selection: Option<(usize, usize)>,
    actions: &mut Vec<Action>,
) {
    let Some((start, end)) = text_selection else {
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
        if let Some(id) = chosen
            && ui.button("Add quote to selected").clicked()
        {
            actions.push(Action::Coding(Command::Edit(Edit::AddQuote {
                id: id.to_owned(),
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
    state: &mut Review,
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
