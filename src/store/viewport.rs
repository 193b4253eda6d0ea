//! What a view of the map needs from the store, and nothing more: the
//! events in its box and window when there are few enough to draw one by
//! one, else counts per grid cell fit to its zoom; and the time histogram
//! over the timeline's bins. The app asks on a worker thread and draws the answer
//! only if the view has not moved on (see `request`'s serial).

use std::collections::HashMap;

use postgres::Client;

use super::cells::{self, CellQuery, Cells};
use super::error::StoreError;
use super::histogram;
use super::narrow::Narrowing;
use super::pull::{self, Scope};
use crate::data::counts::{TimeBins, TimeCounts};
use crate::data::time::Seconds;

/// Above this many events a store is asked per view rather than loaded
/// whole (the app's default; a link may be given another).
pub const VIEW_ABOVE: u64 = 50_000;

/// The most events a view is answered with one by one.
pub const MAX_EVENTS: u64 = 5_000;

/// What a view asks: its box, window, filters and how finely it is
/// counted.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewQuestion {
    /// West, south, east, north in degrees.
    pub bbox: [f64; 4],
    /// The time window, civil seconds.
    pub window: (Seconds, Seconds),
    /// Only these kinds, if given.
    pub kinds: Option<Vec<String>>,
    /// Only these categories (`""`: none), if given.
    pub categories: Option<Vec<String>>,
    /// What the filters hide besides kinds and categories.
    pub narrowing: Narrowing,
    /// About how many cells across the map, when counts are drawn.
    pub across: u32,
    /// The time histogram's bins.
    pub histogram: TimeBins,
}

/// A view's question with the serial its answer carries back.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewRequest {
    /// Increases with every new view.
    pub serial: u64,
    /// The question.
    pub question: ViewQuestion,
}

/// What the map shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// The events themselves, as the text of an events file.
    Events {
        /// The events file.
        text: String,
        /// How many events the box and window hold.
        count: u64,
        /// The version each event is at (what an edit of it is made on).
        versions: HashMap<String, i32>,
    },
    /// Counts per cell.
    Cells(Cells),
}

/// The answer to a [`ViewRequest`].
#[derive(Clone, Debug, PartialEq)]
pub struct ViewAnswer {
    /// The request's serial.
    pub serial: u64,
    /// Events or counts for the map.
    pub shown: Shown,
    /// Events per bin of the question's bins (placed or not, in any box).
    pub histogram: TimeCounts,
    /// With counts: an events file of no events with every source of the
    /// store and the vocabularies, for the filters to offer (events sent
    /// carry them in their own file).
    pub catalogue: Option<String>,
}

/// Answers `request`.
pub fn ask(client: &mut Client, asked: &ViewRequest) -> Result<ViewAnswer, StoreError> {
    let request = &asked.question;
    // A view's queries run in milliseconds once planned; compiling them
    // (which the planner chooses from row estimates that the recursive
    // pull overstates by a thousand times) would take longer than that.
    client
        .batch_execute("SET jit = off")
        .map_err(|e| StoreError::from_query(e, "setting up the view's queries"))?;
    let query = CellQuery {
        bbox: request.bbox,
        window: Some(request.window),
        kinds: request.kinds.clone(),
        categories: request.categories.clone(),
        narrowing: request.narrowing.clone(),
        across: request.across,
    };
    // A window of a few days, at a zoom whose days are not summarised per
    // cell, would be counted from the events. The coarser daily summary
    // answers first: when it holds few, the events are sent without
    // counting them first; when many, its cells are drawn (coarser than
    // the zoom's, counted from summaries alone).
    let counted = match cells::coarser_days(client, &query)? {
        Some(coarser) if coarser.total <= MAX_EVENTS => None,
        Some(coarser) => Some(coarser),
        None => Some(cells::count(client, &query)?),
    };
    let shown = match counted {
        Some(counted) if counted.total > MAX_EVENTS => Shown::Cells(counted),
        _ => {
            // The cells' box, a little larger than the view's: the events
            // counted are the events sent.
            let scope = Scope {
                bbox: Some(cells::snapped_box(&query)),
                window: Some(request.window),
                kinds: request.kinds.clone(),
                categories: request.categories.clone(),
                narrowing: request.narrowing.clone(),
                every_source: true,
            };
            let pulled = pull::pull_with_versions(client, &scope)?;
            Shown::Events {
                text: pulled.text,
                count: pulled.in_scope,
                versions: pulled.versions,
            }
        }
    };
    let bins = request.histogram;
    let histogram = TimeCounts {
        bins,
        counts: histogram::count(
            client,
            bins.span(),
            bins.count,
            request.kinds.as_deref(),
            request.categories.as_deref(),
            &request.narrowing,
        )?,
    };
    let catalogue = match shown {
        Shown::Cells(_) => Some(pull::catalogue(client)?),
        Shown::Events { .. } => None,
    };
    Ok(ViewAnswer {
        serial: asked.serial,
        shown,
        histogram,
        catalogue,
    })
}
