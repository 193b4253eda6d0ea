//! A layout's columns in a table, and one row read cell by cell by column
//! name with every problem kept, for the formats' row functions.

use super::layout::Layout;
use super::{Row, Table};
use crate::diagnostic::Diagnostic;

/// Where a layout's columns are in a table.
pub struct Columns {
    /// Each column of the layout the file has, with its index. A layout
    /// names a couple of dozen columns, read a dozen times a row: a scan
    /// comparing lengths first finds one faster than hashing its name.
    index: Vec<(&'static str, usize)>,
}

impl Columns {
    /// The columns of `layout` that `table` has.
    pub fn of(table: &Table<'_>, layout: &Layout) -> Self {
        let mut index: Vec<(&'static str, usize)> = Vec::new();
        let names = layout.mapped.iter().chain(layout.required);
        for &c in names.chain(layout.also_read) {
            if let Some(i) = table.column(c)
                && index.iter().all(|(n, _)| *n != c)
            {
                index.push((c, i));
            }
        }
        Self { index }
    }

    /// The index of column `name`, when the file has it.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.index
            .iter()
            .find(|(n, _)| n.len() == name.len() && *n == name)
            .map(|&(_, i)| i)
    }

    /// The trimmed text of column `name` in `row` ("" when the file has
    /// no such column).
    pub fn text<'a>(&self, row: &'a Row<'_, '_>, name: &str) -> Result<&'a str, Diagnostic> {
        match self.get(name) {
            Some(col) => row.text(col).map(str::trim),
            None => Ok(""),
        }
    }

    /// An error at column `name` of `row`.
    pub fn problem(&self, row: &Row<'_, '_>, name: &str, message: impl Into<String>) -> Diagnostic {
        match self.get(name) {
            Some(col) => row.problem(col, message),
            None => row.row_problem(message).with_path(name),
        }
    }
}

/// One row read by column name: the cells' texts and values, and every
/// problem met on the way, so that a row function reads all its columns
/// and reports all that is wrong with the row at once.
pub struct RowCells<'a, 't, 'r> {
    row: &'a Row<'t, 'r>,
    columns: &'a Columns,
    problems: Vec<Diagnostic>,
}

impl<'a, 't, 'r> RowCells<'a, 't, 'r> {
    /// Starts reading `row`, whose columns are `columns`.
    pub fn new(row: &'a Row<'t, 'r>, columns: &'a Columns) -> Self {
        Self {
            row,
            columns,
            problems: Vec::new(),
        }
    }

    /// The row being read.
    pub fn row(&self) -> &'a Row<'t, 'r> {
        self.row
    }

    /// The trimmed text of column `name` ("" when the file has no such
    /// column, or when the cell is not UTF-8, which is a problem).
    pub fn text(&mut self, name: &str) -> &'a str {
        match self.columns.text(self.row, name) {
            Ok(text) => text,
            Err(d) => {
                self.problems.push(d);
                ""
            }
        }
    }

    /// `text`, the cell of column `name`, read by `read`; `None` when it
    /// cannot be, with the reason kept as a problem at the column.
    pub fn value<T>(
        &mut self,
        name: &str,
        text: &str,
        read: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        read(text).map_err(|m| self.fail(name, m)).ok()
    }

    /// As [`Self::value`], for a cell that may be empty (then `Some(None)`).
    pub fn optional<T>(
        &mut self,
        name: &str,
        text: &str,
        read: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<Option<T>> {
        if text.is_empty() {
            return Some(None);
        }
        self.value(name, text, read).map(Some)
    }

    /// Keeps a problem at column `name`.
    pub fn fail(&mut self, name: &str, message: impl Into<String>) {
        let d = self.columns.problem(self.row, name, message);
        self.problems.push(d);
    }

    /// `value` when the row has no problem, else every problem.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Diagnostic>> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            Some(_) => Err(self.problems),
            None if self.problems.is_empty() => {
                Err(vec![self.row.row_problem("the row cannot be read")])
            }
            None => Err(self.problems),
        }
    }
}
