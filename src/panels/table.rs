//! The events table: the events the filters show, one row each, with their
//! date, kind, title, place, source, claimant, fatalities and verdict.
//! Clicking a header sorts by that column (again: the other way); clicking
//! a row selects and reveals the event everywhere, Ctrl-click and
//! Shift-click select several; Ctrl+C or the Copy button puts the selected
//! rows on the clipboard as CSV. Only the rows scrolled into view are
//! built, and many rows are sorted on a thread, so a million stay smooth.

use std::collections::BTreeSet;
use std::sync::Arc;

use egui_extras::{Column as Width, TableBuilder};

use super::table_rows::{Column, PendingSort, SORT_ON_THREAD_FROM, SortBy, sorted, to_csv};
use crate::data::Data;
use crate::model::action::Action;
use crate::panels::panel::Frame;

/// The table's state: the sort, the sorted rows, the selected rows.
#[derive(Default)]
pub struct TablePanel {
    /// The data shown, for sorting on a thread.
    data: Option<Arc<Data>>,
    /// The column and direction asked for.
    by: SortBy,
    /// The rows the filters show, as last seen (indices into the events).
    rows: Arc<Vec<usize>>,
    /// Those rows sorted, and by what.
    order: Option<(SortBy, Arc<Vec<usize>>)>,
    pending: Option<PendingSort>,
    /// Selected events (indices into the events).
    selected: BTreeSet<usize>,
    /// The row a Shift-click selects from (a position in the order).
    anchor: Option<usize>,
    /// The app's selection as last seen.
    last_selection: Option<String>,
    /// The last reveal request scrolled to.
    last_reveal: Option<u64>,
}

impl TablePanel {
    /// Tells the table the data it shows (sorting on a thread needs its
    /// own handle to it); a new data forgets the selection.
    pub fn set_data(&mut self, data: &Arc<Data>) {
        if !self.data.as_ref().is_some_and(|d| Arc::ptr_eq(d, data)) {
            self.data = Some(data.clone());
            self.selected.clear();
            self.order = None;
            self.pending = None;
        }
    }

    /// The rows in the order shown: sorted, or as the filters give them
    /// while a sort runs on a thread.
    fn ordered(&mut self, data: &Data, shown: &[usize]) -> (Arc<Vec<usize>>, bool) {
        if self.rows.as_slice() != shown {
            self.rows = Arc::new(shown.to_vec());
            self.order = None;
        }
        if let Some((by, order)) = &self.order
            && *by == self.by
        {
            return (order.clone(), false);
        }
        let asked = |p: &PendingSort| p.by == self.by && Arc::ptr_eq(&p.rows, &self.rows);
        if let Some(p) = self.pending.as_ref().filter(|p| asked(p))
            && let Some(done) = p.poll()
        {
            self.pending = None;
            let order = Arc::new(done);
            self.order = Some((self.by, order.clone()));
            return (order, false);
        }
        match &self.data {
            Some(shared) if self.rows.len() >= SORT_ON_THREAD_FROM => {
                if !self.pending.as_ref().is_some_and(asked) {
                    self.pending = Some(PendingSort::start(
                        shared.clone(),
                        self.rows.clone(),
                        self.by,
                    ));
                }
                (self.rows.clone(), true)
            }
            _ => {
                let order = Arc::new(sorted(data, &self.rows, self.by));
                self.order = Some((self.by, order.clone()));
                (order, false)
            }
        }
    }

    /// Follows a selection made elsewhere (map, list, timeline).
    fn follow_selection(&mut self, frame: &Frame<'_>) {
        if frame.view.selection == self.last_selection {
            return;
        }
        self.last_selection = frame.view.selection.clone();
        let index = frame
            .view
            .selection
            .as_deref()
            .and_then(|id| frame.derived.index.event_with_id(id));
        match index {
            Some(i) if self.selected.contains(&i) => {}
            Some(i) => self.selected = BTreeSet::from([i]),
            None => self.selected.clear(),
        }
    }

    /// A click on the row at `position` of `order`, with the keys held.
    /// Returns whether it selected that row alone (to reveal it).
    fn click(&mut self, order: &[usize], position: usize, mods: egui::Modifiers) -> bool {
        let Some(&event) = order.get(position) else {
            return false;
        };
        if mods.shift
            && let Some(anchor) = self.anchor
        {
            let (a, b) = (anchor.min(position), anchor.max(position));
            self.selected = order
                .get(a..=b)
                .unwrap_or_default()
                .iter()
                .copied()
                .collect();
            return false;
        }
        self.anchor = Some(position);
        if mods.command {
            if !self.selected.remove(&event) {
                self.selected.insert(event);
            }
            return false;
        }
        self.selected = BTreeSet::from([event]);
        true
    }
}

/// Row height, in points.
const ROW_HEIGHT: f32 = 20.0;

/// What the user did to the table this frame.
#[derive(Default)]
struct TableInput {
    /// A row clicked (its position in the order) and the keys held.
    clicked: Option<(usize, egui::Modifiers)>,
    /// A header clicked.
    header: Option<Column>,
}

impl crate::panels::panel::Panel for TablePanel {
    fn show(&mut self, ui: &mut egui::Ui, frame: &Frame<'_>) -> Vec<Action> {
        let data = frame.data;
        self.follow_selection(frame);
        let (order, sorting) = self.ordered(data, &frame.visible.shown);
        let mut copy = self.toolbar(ui, order.len(), sorting);
        let reveal_row = self.reveal_row(frame, &order);
        let table_rect = ui.available_rect_before_wrap();
        let input = self.table(ui, data, &order, reveal_row);
        let action = self.answer(data, &order, input);
        let hovered = ui.rect_contains_pointer(table_rect);
        let nothing_focused = ui.memory(|m| m.focused().is_none());
        copy |= hovered
            && nothing_focused
            && ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)));
        if copy && !self.selected.is_empty() {
            let rows: Vec<usize> = order
                .iter()
                .copied()
                .filter(|i| self.selected.contains(i))
                .collect();
            ui.ctx().copy_text(to_csv(data, &rows));
        }
        action.into_iter().collect()
    }
}

impl TablePanel {
    /// The line over the table: how many rows, how many selected, whether
    /// a sort runs, and the Copy button; returns whether it was clicked.
    fn toolbar(&self, ui: &mut egui::Ui, rows: usize, sorting: bool) -> bool {
        ui.horizontal(|ui| {
            ui.label(format!("{rows} events · {} selected", self.selected.len()));
            if sorting {
                ui.spinner();
                ui.label("Sorting…");
            }
            let button = ui.add_enabled(
                !self.selected.is_empty(),
                egui::Button::new("Copy rows as CSV"),
            );
            button.on_hover_text("Ctrl+C").clicked()
        })
        .inner
    }

    /// The row of an event revealed since the last frame, to scroll to.
    fn reveal_row(&mut self, frame: &Frame<'_>, order: &[usize]) -> Option<usize> {
        let r = frame.view.reveal.as_ref()?;
        if self.last_reveal == Some(r.serial) {
            return None;
        }
        self.last_reveal = Some(r.serial);
        let index = frame.derived.index.event_with_id(&r.event_id)?;
        order.iter().position(|&i| i == index)
    }

    /// The table itself: a header of sort buttons and the rows in view,
    /// scrolled to `reveal_row` if given.
    fn table(
        &self,
        ui: &mut egui::Ui,
        data: &Data,
        order: &[usize],
        reveal_row: Option<usize>,
    ) -> TableInput {
        let mut input = TableInput::default();
        let mut table = TableBuilder::new(ui)
            .id_salt("events_table")
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .auto_shrink([false, false])
            .column(Width::initial(150.0).at_least(60.0).clip(true))
            .column(Width::initial(80.0).at_least(50.0).clip(true))
            .column(Width::initial(320.0).at_least(80.0).clip(true))
            .columns(Width::initial(140.0).at_least(50.0).clip(true), 3)
            .column(Width::initial(120.0).at_least(50.0).clip(true))
            .column(Width::remainder().at_least(80.0).clip(true));
        if let Some(row) = reveal_row {
            table = table.scroll_to_row(row, Some(egui::Align::Center));
        }
        let by = self.by;
        table
            .header(ROW_HEIGHT + 4.0, |mut header| {
                for column in Column::ALL {
                    header.col(|ui| {
                        if header_button(ui, column, by).clicked() {
                            input.header = Some(column);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(ROW_HEIGHT, order.len(), |row| {
                    if let Some(click) = self.row(row, data, order) {
                        input.clicked = Some(click);
                    }
                });
            });
        input
    }

    /// One row of the table: the event's cells, selected or not; returns
    /// its position and the keys held if it was clicked.
    fn row(
        &self,
        mut row: egui_extras::TableRow<'_, '_>,
        data: &Data,
        order: &[usize],
    ) -> Option<(usize, egui::Modifiers)> {
        let position = row.index();
        let (index, event) = order
            .get(position)
            .and_then(|&i| data.events.get(i).map(|e| (i, e)))?;
        let selected = self.selected.contains(&index);
        row.set_selected(selected);
        for column in Column::ALL {
            row.col(|ui| {
                ui.add(
                    egui::Label::new(column.text(data, event))
                        .truncate()
                        .selectable(false),
                );
            });
        }
        let response = row.response();
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Row, true, selected, &event.title)
        });
        response
            .clicked()
            .then(|| (position, ui_modifiers(&response)))
    }

    /// Sorts by a header clicked and selects a row clicked; a row selected
    /// alone is revealed everywhere.
    fn answer(&mut self, data: &Data, order: &[usize], input: TableInput) -> Option<Action> {
        if let Some(column) = input.header {
            let by = self.by;
            self.by = SortBy {
                column,
                descending: by.column == column && !by.descending,
            };
            self.anchor = None;
        }
        let (position, mods) = input.clicked?;
        if !self.click(order, position, mods) {
            return None;
        }
        let event = order.get(position).and_then(|&i| data.events.get(i))?;
        self.last_selection = Some(event.id.clone());
        Some(Action::Reveal {
            event_id: event.id.clone(),
            quote: 0,
        })
    }
}

/// The keys held during a click.
fn ui_modifiers(response: &egui::Response) -> egui::Modifiers {
    response.ctx.input(|i| i.modifiers)
}

/// A header: the column's name, with an arrow (up: ascending, down:
/// descending) when the rows are sorted by it.
fn header_button(ui: &mut egui::Ui, column: Column, by: SortBy) -> egui::Response {
    let sorted = by.column == column;
    let name = egui::RichText::new(column.name()).strong();
    let response = ui.add(egui::Button::selectable(sorted, name));
    if sorted {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        let c = rect.center();
        let (tip, base) = if by.descending {
            (4.0, -4.0)
        } else {
            (-4.0, 4.0)
        };
        let points = vec![
            c + egui::vec2(0.0, tip),
            c + egui::vec2(-4.0, base),
            c + egui::vec2(4.0, base),
        ];
        let colour = ui.visuals().strong_text_color();
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            colour,
            egui::Stroke::NONE,
        ));
    }
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::ColumnHeader, true, sorted, column.name())
    });
    response.on_hover_text("Sort by this column; click again for the other way")
}
