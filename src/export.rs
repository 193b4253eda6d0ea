//! Writing a collection of events out: the [`Exporter`] trait every format
//! that can be written implements. The formats themselves and the list the
//! Export dialog, `convert --to` and the exports offer live in
//! [`crate::formats`].

use std::io::{self, Write};

use crate::data::events::Collection;

/// Writes one format.
pub trait Exporter: Send + Sync {
    /// Its name on the command line (`convert --to acled`), lowercase.
    fn name(&self) -> &'static str;

    /// Its name in the Export dialog ("CSV, ACLED columns").
    fn label(&self) -> &'static str;

    /// The file name endings it writes, lowercase and without the dot; the
    /// first is given to the files it writes.
    fn extensions(&self) -> &'static [&'static str];

    /// What the events it leaves out lack, as an export's note says after
    /// their count ("without a point left out: a CSV row needs one").
    fn left_out(&self) -> &'static str;

    /// Writes `collection` to `out`. Returns a note for each event the
    /// format cannot hold and left out (a CSV row needs a point).
    fn write(&self, collection: &Collection, out: &mut dyn Write) -> io::Result<Vec<String>>;
}
