//! How a dataset's tables are written and which of their columns it
//! reads: what a format gives the delimited reader.

/// How a table is written.
#[derive(Clone, Copy, Debug)]
pub struct Dialect {
    /// The byte between fields (`b','`, `b'\t'`).
    pub delimiter: u8,
    /// Whether fields may be quoted (RFC 4180); without quoting a `"` is
    /// an ordinary character.
    pub quoting: bool,
    /// Where the column names come from.
    pub header: Header,
}

/// Where a table's column names come from.
#[derive(Clone, Copy, Debug)]
pub enum Header {
    /// The first row names the columns, in any order.
    Row,
    /// There is no header row: every row has these columns, in this order.
    Fixed(&'static [&'static str]),
}

impl Dialect {
    /// Comma-separated values with a header row (RFC 4180).
    pub const CSV: Self = Self {
        delimiter: b',',
        quoting: true,
        header: Header::Row,
    };
}

/// The columns of one dataset layout.
pub struct Layout {
    /// The dataset's name ("ACLED").
    pub dataset: &'static str,
    /// How its files are written.
    pub dialect: Dialect,
    /// Columns a file must have; the first is the event's id.
    pub required: &'static [&'static str],
    /// Columns read into the event's own members (the others are kept in
    /// its `fields`).
    pub mapped: &'static [&'static str],
    /// Columns also read, though kept in `fields` as well.
    pub also_read: &'static [&'static str],
    /// Mapped columns an importer may also keep in `fields`, after the
    /// others (the coordinates of a place it does not draw).
    pub spare: &'static [&'static str],
}
