//! Links between a statement's bar and the bars of the incidents it speaks
//! about, drawn only for the selected and the hovered event (drawn for all,
//! they cross the bars as noise).

use egui::{Color32, Painter, Pos2, Stroke};

use crate::model::event_index::TimeIndex;

/// What a link means, for the timeline's legend.
pub const MEANING: &str = "Line between bars: a statement and an incident it speaks about, \
     drawn for the selected or hovered event";

/// Draws the links of each event in `focus` (selected, hovered) between the
/// bars whose centres are in `centres` (event index, centre; sorted here).
pub fn paint(
    painter: &Painter,
    index: &TimeIndex,
    centres: &mut [(usize, Pos2)],
    focus: &[Option<usize>],
    ink: Color32,
) {
    if focus.iter().all(Option::is_none) {
        return;
    }
    centres.sort_unstable_by_key(|c| c.0);
    let find = |i: usize| {
        centres
            .binary_search_by_key(&i, |c| c.0)
            .ok()
            .map(|k| centres[k].1)
    };
    let stroke = Stroke::new(1.5, ink.gamma_multiply(0.7));
    let mut drawn: Vec<(usize, usize)> = Vec::new();
    for f in focus.iter().flatten().copied() {
        // What it speaks about, and what speaks about it.
        let outgoing = index.refers(f).iter().map(|&t| (f, t));
        let incoming = centres
            .iter()
            .filter(|(j, _)| index.refers(*j).contains(&f))
            .map(|&(j, _)| (j, f));
        for (a, b) in outgoing.chain(incoming).collect::<Vec<_>>() {
            if drawn.contains(&(a, b)) {
                continue;
            }
            if let (Some(from), Some(to)) = (find(a), find(b)) {
                painter.line_segment([from, to], stroke);
                painter.circle_filled(to, 2.5, stroke.color);
                drawn.push((a, b));
            }
        }
    }
}
