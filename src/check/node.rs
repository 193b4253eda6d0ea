//! What a `coordinates` value reads as, summarised: a position, an array
//! of positions, nested arrays. The checkers of shapes, ranges and guesses
//! all work on these.

use geo::Coord;

use super::reader::Pos;

/// One position: longitude, latitude and maybe altitude.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Position {
    /// Longitude and latitude.
    pub xy: Coord<f64>,
    /// Altitude, when given.
    pub z: Option<f64>,
}

/// An array of positions (a line or a ring), summarised.
#[derive(Debug)]
pub struct Run {
    /// Where the array starts.
    pub at: Pos,
    /// How many positions it holds.
    pub count: usize,
    /// Its first position.
    pub first: Position,
    /// Its last position.
    pub last: Position,
    /// All its coordinates, only when geometry is kept.
    pub coords: Vec<Coord<f64>>,
}

/// The shape of a `coordinates` value.
#[derive(Debug)]
pub enum Node {
    /// A single position, and where it starts.
    Position(Pos, Position),
    /// An array of positions.
    Run(Run),
    /// An array of arrays.
    Nested(Pos, Vec<Node>),
    /// An empty array.
    Empty(Pos),
    /// An array of arrays whose elements were checked against the type as
    /// they arrived; they are kept only when geometry is kept.
    Streamed(Pos, Vec<Node>),
    /// Something already reported as wrong.
    Bad,
}
