//! The `coordinates` member: nested arrays of positions, checked while they
//! stream past. Only a summary of each array of positions is kept (count,
//! first and last position), plus the coordinates themselves when asked.
//! When the type came first, each nested array is checked against it as soon
//! as it ends and, unless geometry is kept, dropped; when it comes later and
//! geometry is not kept, each is checked against every type it could belong
//! to (`guesses`). So checking alone needs memory bounded however many
//! arrays a file holds, whatever the order of its members.

use geo::Coord;
use serde::de::SeqAccess;

use super::context::{Ctx, Path, Step};
use super::guesses::Guesses;
use super::handler::{Handler, Value};
use super::node::{Node, Position, Run};
use super::ranges::RangeNotes;
use super::reader::Pos;
use super::shape::{self, Simple};

/// How a coordinates value is checked while it is read.
#[derive(Clone, Copy)]
pub enum Expected<'a> {
    /// The type came first: each nested array is checked against it as soon
    /// as it ends.
    Known {
        /// The geometry's type.
        kind: Simple,
        /// How deeply this value must nest arrays (0 for a position).
        depth: usize,
    },
    /// The type is not known yet and no geometry is kept: each nested array
    /// is checked against every type that could hold it, then dropped.
    Guessing {
        /// How many arrays deep into `coordinates` this value is.
        level: usize,
        /// The problems found for each type.
        guesses: &'a Guesses,
    },
}

impl<'a> Expected<'a> {
    /// What `kind` asks of its whole `coordinates` value.
    pub fn known(kind: Simple) -> Self {
        Self::Known {
            kind,
            depth: kind.depth(),
        }
    }

    /// What it asks of each element of the value (numbers inside a
    /// position count as depth 0 too).
    fn element(self) -> Self {
        match self {
            Self::Known { kind, depth } => Self::Known {
                kind,
                depth: depth.saturating_sub(1),
            },
            Self::Guessing { level, guesses } => Self::Guessing {
                level: level + 1,
                guesses,
            },
        }
    }
}

/// Handles a `coordinates` value or one of its elements.
pub struct Coords<'a> {
    /// Shared state.
    pub ctx: &'a Ctx<'a>,
    /// Where this value sits.
    pub path: Path<'a>,
    /// Range problems of the enclosing geometry.
    pub notes: &'a RangeNotes,
    /// How nested arrays are checked as they end; `None` keeps them all
    /// to be checked once the type is known.
    pub expected: Option<Expected<'a>>,
}

/// An element of a coordinates array.
enum Elem {
    Number(f64),
    Node(Node),
    Bad,
}

/// What an array has turned out to be so far.
enum Acc {
    Start,
    Numbers {
        count: usize,
        values: [f64; 3],
    },
    Positions(Run),
    Arrays(Vec<Node>),
    /// Arrays already checked against the type (kept only when geometry is).
    Streamed(Vec<Node>),
    Bad,
}

impl<'a> Coords<'a> {
    fn finish_position(&self, at: Pos, count: usize, v: [f64; 3]) -> Node {
        if count < 2 {
            let found = if count == 1 { "1 number" } else { "none" };
            self.ctx.error(
                at,
                &self.path,
                format!("a position needs 2 or 3 numbers (longitude, latitude[, altitude]), found {found}"),
            );
            return Node::Bad;
        }
        if count > 3 {
            self.ctx.warn(
                at,
                &self.path,
                format!(
                    "position has {count} numbers; only longitude, latitude and altitude are used"
                ),
            );
        }
        let p = Position {
            xy: Coord { x: v[0], y: v[1] },
            z: (count >= 3).then_some(v[2]),
        };
        if !(p.xy.x.abs() <= 180.0 && p.xy.y.abs() <= 90.0) {
            self.notes.note(at, &self.path, p);
        }
        Node::Position(at, p)
    }

    /// Checks an array element against what the type asks at once; keeps it
    /// only when geometry is kept.
    fn stream(
        &self,
        expected: Expected<'_>,
        mut kept: Vec<Node>,
        node: Node,
        start: Pos,
        index: usize,
    ) -> Acc {
        let path = self.path.join(Step::Index(index));
        let (kind, depth) = match expected {
            Expected::Known { kind, depth } => (kind, depth),
            Expected::Guessing { level, guesses } => {
                guesses.check(self.ctx, level, &node, &path);
                return Acc::Streamed(kept);
            }
        };
        match depth {
            0 => {
                // A position holding arrays: reported for the position itself.
                let nested = Node::Nested(start, Vec::new());
                shape::check_part(self.ctx, kind, 0, &nested, &self.path);
                Acc::Bad
            }
            1 => {
                shape::check_part(self.ctx, kind, 0, &node, &path);
                Acc::Bad
            }
            depth => {
                shape::check_part(self.ctx, kind, depth - 1, &node, &path);
                if self.ctx.keep {
                    kept.push(node);
                }
                Acc::Streamed(kept)
            }
        }
    }

    /// Folds one element (starting at `at`) into the accumulated shape of
    /// the array that starts at `start`.
    fn fold(&self, acc: Acc, elem: Elem, at: Pos, start: Pos, index: usize) -> Acc {
        let mixed = |what: &str| {
            let path = self.path.join(Step::Index(index));
            self.ctx
                .error(at, &path, format!("{what} mixed with arrays in one array"));
            Acc::Bad
        };
        match (acc, elem) {
            (Acc::Bad, _) | (_, Elem::Bad) | (_, Elem::Node(Node::Bad)) => Acc::Bad,
            (Acc::Start, Elem::Number(x)) => Acc::Numbers {
                count: 1,
                values: [x, 0.0, 0.0],
            },
            (Acc::Numbers { count, mut values }, Elem::Number(x)) => {
                if let Some(slot) = values.get_mut(count) {
                    *slot = x;
                }
                Acc::Numbers {
                    count: count + 1,
                    values,
                }
            }
            (Acc::Numbers { .. }, Elem::Node(_)) => mixed("numbers"),
            (Acc::Start, Elem::Node(Node::Position(_, p))) => {
                let coords = if self.ctx.keep {
                    vec![p.xy]
                } else {
                    Vec::new()
                };
                Acc::Positions(Run {
                    at: Pos::default(),
                    count: 1,
                    first: p,
                    last: p,
                    coords,
                })
            }
            (Acc::Positions(mut run), Elem::Node(Node::Position(_, p))) => {
                run.count += 1;
                run.last = p;
                if self.ctx.keep {
                    run.coords.push(p.xy);
                }
                Acc::Positions(run)
            }
            (Acc::Positions(_), Elem::Node(Node::Empty(_))) => {
                let path = self.path.join(Step::Index(index));
                self.ctx.error(
                    at,
                    &path,
                    "a position needs 2 or 3 numbers, found an empty array",
                );
                Acc::Bad
            }
            (Acc::Positions(_), _) => mixed("positions"),
            (Acc::Arrays(_) | Acc::Streamed(_), Elem::Number(_)) => mixed("a number"),
            (Acc::Arrays(_) | Acc::Streamed(_), Elem::Node(Node::Position(..))) => {
                mixed("a position")
            }
            (Acc::Start, Elem::Node(node)) if self.expected.is_some() => self
                .expected
                .map_or(Acc::Bad, |e| self.stream(e, Vec::new(), node, start, index)),
            (Acc::Streamed(kept), Elem::Node(node)) => self
                .expected
                .map_or(Acc::Bad, |e| self.stream(e, kept, node, start, index)),
            (Acc::Start, Elem::Node(node)) => Acc::Arrays(vec![node]),
            (Acc::Arrays(mut nodes), Elem::Node(node)) => {
                nodes.push(node);
                Acc::Arrays(nodes)
            }
        }
    }
}

impl<'de> Handler<'de> for Coords<'_> {
    type Out = Node;

    fn ctx(&self) -> &Ctx<'_> {
        self.ctx
    }

    fn other(self, at: Pos, found: &'static str) -> Node {
        self.ctx
            .error(at, &self.path, format!("expected an array, found {found}"));
        Node::Bad
    }

    fn seq<A: SeqAccess<'de>>(self, at: Pos, mut seq: A) -> Result<Node, A::Error> {
        let mut acc = Acc::Start;
        let mut index = 0;
        loop {
            let path = self.path.join(Step::Index(index));
            let element = Element(Coords {
                ctx: self.ctx,
                path,
                notes: self.notes,
                expected: self.expected.map(Expected::element),
            });
            let Some((elem_at, elem)) = seq.next_element_seed(Value(element))? else {
                break;
            };
            acc = self.fold(acc, elem, elem_at, at, index);
            index += 1;
        }
        Ok(match acc {
            Acc::Start => Node::Empty(at),
            Acc::Numbers { count, values } => self.finish_position(at, count, values),
            Acc::Positions(mut run) => {
                run.at = at;
                Node::Run(run)
            }
            Acc::Arrays(nodes) => Node::Nested(at, nodes),
            Acc::Streamed(kept) => Node::Streamed(at, kept),
            Acc::Bad => Node::Bad,
        })
    }
}

/// Handles one element of a coordinates array: a number or a nested array.
struct Element<'a>(Coords<'a>);

impl<'de> Handler<'de> for Element<'_> {
    type Out = (Pos, Elem);

    fn ctx(&self) -> &Ctx<'_> {
        self.0.ctx
    }

    fn other(self, at: Pos, found: &'static str) -> (Pos, Elem) {
        let message = format!("expected a number or an array, found {found}");
        self.0.ctx.error(at, &self.0.path, message);
        (at, Elem::Bad)
    }

    fn number(self, at: Pos, value: f64) -> (Pos, Elem) {
        (at, Elem::Number(value))
    }

    fn seq<A: SeqAccess<'de>>(self, at: Pos, seq: A) -> Result<(Pos, Elem), A::Error> {
        self.0.seq(at, seq).map(|node| (at, Elem::Node(node)))
    }
}
