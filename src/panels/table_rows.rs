//! The events table's columns: each one's text for a cell and its sort
//! order, sorting a million rows (on a thread when there are many), and
//! rows as CSV for the clipboard.

use std::cmp::Ordering;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::data::Data;
use crate::data::event::{Event, Figure};
use crate::ui_kit::format;

/// The table's columns, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// When it happened.
    Date,
    /// Incident, statement or context.
    Kind,
    /// The event's title.
    Title,
    /// The place as the source names it.
    Place,
    /// The article or dataset it comes from.
    Source,
    /// Who makes the claim.
    Claimant,
    /// People killed, as the source states it.
    Fatalities,
    /// What other reports say of the claim.
    Verdict,
}

impl Column {
    /// Every column, left to right.
    pub const ALL: [Self; 8] = [
        Self::Date,
        Self::Kind,
        Self::Title,
        Self::Place,
        Self::Source,
        Self::Claimant,
        Self::Fatalities,
        Self::Verdict,
    ];

    /// The column's header.
    pub fn name(self) -> &'static str {
        match self {
            Self::Date => "Date",
            Self::Kind => "Kind",
            Self::Title => "Title",
            Self::Place => "Place",
            Self::Source => "Source",
            Self::Claimant => "Claimant",
            Self::Fatalities => "Fatalities",
            Self::Verdict => "Verdict",
        }
    }

    /// The cell's text for `event` of `data`.
    pub fn text(self, data: &Data, event: &Event) -> String {
        match self {
            Self::Date => format::short_date(event),
            Self::Kind => format::kind(event.kind).to_owned(),
            Self::Title => event.title.clone(),
            Self::Place => event.place.clone().unwrap_or_default(),
            Self::Source => source_name(data, event.source),
            Self::Claimant => event.claimant.clone().unwrap_or_default(),
            Self::Fatalities => event
                .figures
                .killed
                .as_deref()
                .map(format::figure)
                .unwrap_or_default(),
            Self::Verdict => {
                format::verdict(event.verification.as_ref().map(|v| v.verdict)).to_owned()
            }
        }
    }

    /// Whether `event` has nothing in this column (such rows sort last,
    /// whichever the direction).
    fn is_empty(self, event: &Event) -> bool {
        match self {
            Self::Date | Self::Kind | Self::Title | Self::Source => false,
            Self::Place => event.place.is_none(),
            Self::Claimant => event.claimant.is_none(),
            Self::Fatalities => killed(event.figures.killed.as_deref()).is_infinite(),
            Self::Verdict => event.verification.is_none(),
        }
    }

    /// How two events compare in this column (ascending).
    fn compare(self, a: &Event, b: &Event, source_rank: &[usize]) -> Ordering {
        match self {
            Self::Date => (a.start.first_second(), a.end.end_exclusive())
                .cmp(&(b.start.first_second(), b.end.end_exclusive())),
            Self::Kind => (a.kind as u8).cmp(&(b.kind as u8)),
            Self::Title => folded(&a.title, &b.title),
            Self::Place => optional(a.place.as_deref(), b.place.as_deref()),
            Self::Source => source_rank.get(a.source).cmp(&source_rank.get(b.source)),
            Self::Claimant => optional(a.claimant.as_deref(), b.claimant.as_deref()),
            Self::Fatalities => {
                killed(a.figures.killed.as_deref()).total_cmp(&killed(b.figures.killed.as_deref()))
            }
            Self::Verdict => verdict_rank(a).cmp(&verdict_rank(b)),
        }
    }
}

/// A source as a column shows it: its outlet, else its title, else its id.
fn source_name(data: &Data, source: usize) -> String {
    data.sources
        .get(source)
        .map(|s| {
            s.outlet
                .clone()
                .or_else(|| s.title.clone())
                .unwrap_or_else(|| s.id.clone())
        })
        .unwrap_or_default()
}

/// Case-insensitive (for ASCII letters) order, without allocating.
fn folded(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Text order with empty cells last.
fn optional(a: Option<&str>, b: Option<&str>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => folded(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The count of dead a row sorts by: the lowest the words allow, else the
/// highest; no figure sorts after every figure.
fn killed(f: Option<&Figure>) -> f64 {
    f.and_then(|f| f.low.or(f.high)).unwrap_or(f64::INFINITY)
}

/// Verdicts from best to worst supported, unchecked last.
fn verdict_rank(e: &Event) -> u8 {
    e.verification.as_ref().map_or(u8::MAX, |v| v.verdict as u8)
}

/// How the rows are sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SortBy {
    /// The column.
    pub column: Column,
    /// Whether descending.
    pub descending: bool,
}

impl Default for SortBy {
    fn default() -> Self {
        Self {
            column: Column::Date,
            descending: false,
        }
    }
}

/// `rows` (indices into `data.events`) sorted by `by`; rows that compare
/// equal keep their order.
pub fn sorted(data: &Data, rows: &[usize], by: SortBy) -> Vec<usize> {
    let source_rank = source_ranks(data);
    let mut out: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|&i| i < data.events.len())
        .collect();
    if by.column == Column::Date {
        // The common case, keyed by numbers: sorted without chasing events.
        let mut keyed: Vec<((i64, i64), usize)> = out
            .iter()
            .map(|&i| {
                let e = &data.events[i];
                ((e.start.first_second(), e.end.end_exclusive()), i)
            })
            .collect();
        keyed.sort_by_key(|&(k, _)| k);
        out = keyed.into_iter().map(|(_, i)| i).collect();
    } else {
        out.sort_by(|&a, &b| {
            by.column
                .compare(&data.events[a], &data.events[b], &source_rank)
        });
    }
    if by.descending {
        // Reversed, but empty cells stay last, in the same order.
        let filled = out.partition_point(|&i| !by.column.is_empty(&data.events[i]));
        out[..filled].reverse();
    }
    out
}

/// Each source's place when sources are sorted by name.
fn source_ranks(data: &Data) -> Vec<usize> {
    let mut names: Vec<(String, usize)> = (0..data.sources.len())
        .map(|i| (source_name(data, i).to_lowercase(), i))
        .collect();
    names.sort();
    let mut rank = vec![0; names.len()];
    for (r, (_, i)) in names.iter().enumerate() {
        rank[*i] = r;
    }
    rank
}

/// Rows at or above this count are sorted on a thread.
pub const SORT_ON_THREAD_FROM: usize = 20_000;

/// A sort running on a thread.
pub struct PendingSort {
    /// What is being sorted.
    pub rows: Arc<Vec<usize>>,
    /// By what.
    pub by: SortBy,
    receive: Receiver<Vec<usize>>,
}

impl PendingSort {
    /// Starts sorting `rows` of `data` by `by` on a thread.
    pub fn start(data: Arc<Data>, rows: Arc<Vec<usize>>, by: SortBy) -> Self {
        let (send, receive) = channel();
        let shared = rows.clone();
        let started = std::thread::Builder::new()
            .name("table sort".to_owned())
            .spawn(move || {
                let _ = send.send(sorted(&data, &shared, by));
            });
        if started.is_err() {
            // No thread: the rows stay in their order rather than freeze the window.
            let (send, again) = channel();
            let _ = send.send(rows.to_vec());
            return Self {
                rows,
                by,
                receive: again,
            };
        }
        Self { rows, by, receive }
    }

    /// The sorted rows, once ready.
    pub fn poll(&self) -> Option<Vec<usize>> {
        self.receive.try_recv().ok()
    }
}

/// The id and every column of `rows`, with a header row, as CSV.
pub fn to_csv(data: &Data, rows: &[usize]) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header = vec!["id", "start", "end"];
    header.extend(Column::ALL.iter().map(|c| c.name()));
    // Writing to memory cannot fail.
    let _ = out.write_record(&header);
    for event in rows.iter().filter_map(|&i| data.events.get(i)) {
        let mut record = vec![
            event.id.clone(),
            event.start.to_string(),
            event.end.to_string(),
        ];
        record.extend(Column::ALL.iter().map(|c| c.text(data, event)));
        let _ = out.write_record(&record);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_sorts_both_ways() {
        let data = Data::bundled().unwrap();
        let rows: Vec<usize> = (0..data.events.len()).collect();
        for column in Column::ALL {
            let up = sorted(
                &data,
                &rows,
                SortBy {
                    column,
                    descending: false,
                },
            );
            let down = sorted(
                &data,
                &rows,
                SortBy {
                    column,
                    descending: true,
                },
            );
            assert_eq!(up.len(), rows.len());
            let filled = up.partition_point(|&i| !column.is_empty(&data.events[i]));
            assert!(
                up[filled..]
                    .iter()
                    .all(|&i| column.is_empty(&data.events[i]))
            );
            assert_eq!(
                down[filled..],
                up[filled..],
                "{column:?}: empty cells last both ways"
            );
            let mut back = down[..filled].to_vec();
            back.reverse();
            let ranks = source_ranks(&data);
            for pair in up.windows(2) {
                let (a, b) = (&data.events[pair[0]], &data.events[pair[1]]);
                assert_ne!(
                    column.compare(a, b, &ranks),
                    Ordering::Greater,
                    "{column:?}"
                );
            }
            for (a, b) in up.iter().zip(&back) {
                let (a, b) = (&data.events[*a], &data.events[*b]);
                assert_eq!(column.compare(a, b, &ranks), Ordering::Equal, "{column:?}");
            }
        }
    }

    #[test]
    fn csv_has_a_header_and_a_row_per_event_quoted_as_needed() {
        let data = Data::bundled().unwrap();
        let text = to_csv(&data, &[0, 1]);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().unwrap().clone();
        assert_eq!(&header[0], "id");
        assert_eq!(&header[5], "Title");
        let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][0], data.events[0].id.as_str());
        assert_eq!(&rows[1][5], data.events[1].title.as_str());
    }
}
