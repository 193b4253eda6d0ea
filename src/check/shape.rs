//! Checks a summarised `coordinates` value against its geometry type
//! (RFC 7946 §3.1) and, when asked, builds the `geo` geometry. Parts are
//! checked in the order they were written, whether they were checked while
//! being read (the type came first) or after.

use geo::{Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};

use super::context::{Ctx, Path, Step};
use super::node::{Node, Position, Run};
use super::ranges::num;

/// The geometry types that have `coordinates`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Simple {
    /// A single position.
    Point,
    /// An array of positions.
    MultiPoint,
    /// An array of two or more positions.
    LineString,
    /// An array of line strings.
    MultiLineString,
    /// An array of closed rings.
    Polygon,
    /// An array of polygons.
    MultiPolygon,
}

impl Simple {
    /// The type's name as GeoJSON spells it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Point => "Point",
            Self::MultiPoint => "MultiPoint",
            Self::LineString => "LineString",
            Self::MultiLineString => "MultiLineString",
            Self::Polygon => "Polygon",
            Self::MultiPolygon => "MultiPolygon",
        }
    }

    /// The type named `name`, if it is one of these.
    pub fn from_name(name: &str) -> Option<Self> {
        [
            Self::Point,
            Self::MultiPoint,
            Self::LineString,
            Self::MultiLineString,
            Self::Polygon,
            Self::MultiPolygon,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }

    /// How deeply its coordinates nest arrays (0 for a single position).
    pub fn depth(self) -> usize {
        match self {
            Self::Point => 0,
            Self::MultiPoint | Self::LineString => 1,
            Self::MultiLineString | Self::Polygon => 2,
            Self::MultiPolygon => 3,
        }
    }

    fn wants(self) -> &'static str {
        match self {
            Self::Point => "a single position [longitude, latitude]",
            Self::MultiPoint | Self::LineString => "an array of positions",
            Self::MultiLineString => "an array of line strings (arrays of positions)",
            Self::Polygon => "an array of linear rings (arrays of positions)",
            Self::MultiPolygon => "an array of polygons (arrays of linear rings)",
        }
    }
}

/// Checks `node` as the coordinates of a `kind` geometry at `path`; returns
/// the geometry when it is kept and no error was found since `errors_before`
/// (parts read after the type were checked as they were read). Empty
/// coordinates give `None` with a warning, as RFC 7946 lets readers treat
/// them as null.
pub fn check(
    ctx: &Ctx<'_>,
    kind: Simple,
    node: Node,
    path: &Path<'_>,
    errors_before: usize,
) -> Option<Geometry<f64>> {
    if let Node::Empty(at) = node {
        let message = format!(
            "{} has empty coordinates; it is treated as null",
            kind.name()
        );
        ctx.warn(at, path, message);
        return None;
    }
    check_part(ctx, kind, kind.depth(), &node, path);
    if !ctx.keep || ctx.error_count() != errors_before {
        return None;
    }
    build(kind, node)
}

/// Checks part of a `kind` geometry's coordinates that must nest `depth`
/// arrays deep (0 for a position, 1 for a line or a ring, 2 for a polygon's
/// rings), part by part in the order they were written.
pub fn check_part(ctx: &Ctx<'_>, kind: Simple, depth: usize, node: &Node, path: &Path<'_>) {
    match (depth, node) {
        (_, Node::Bad) | (0, Node::Position(..)) | (2.., Node::Streamed(..)) => {}
        (1, Node::Run(run)) => check_run(ctx, kind, run, path),
        (2.., Node::Nested(_, children)) => {
            for (i, child) in children.iter().enumerate() {
                check_part(ctx, kind, depth - 1, child, &path.join(Step::Index(i)));
            }
        }
        _ => wrong_depth(ctx, depth, node, path, kind),
    }
}

/// Reports a part nested to the wrong depth.
fn wrong_depth(ctx: &Ctx<'_>, depth: usize, node: &Node, path: &Path<'_>, kind: Simple) {
    let (at, found) = match node {
        Node::Position(at, _) => (*at, "a single position"),
        Node::Run(run) => (run.at, "an array of positions"),
        Node::Empty(at) => (*at, "an empty array"),
        Node::Nested(at, _) | Node::Streamed(at, _) => (*at, "arrays nested too deeply"),
        Node::Bad => return,
    };
    let message = if matches!(path.last(), Some(Step::Key("coordinates"))) {
        format!(
            "{} coordinates must be {}, found {found}",
            kind.name(),
            kind.wants()
        )
    } else {
        let wants = match depth {
            0 => "a position",
            1 => "an array of positions",
            2 => "an array of arrays of positions",
            _ => "arrays of positions nested three deep",
        };
        format!("expected {wants}, found {found}")
    };
    ctx.error(at, path, message);
}

/// Checks an array of positions as a line or a ring, as `kind` needs.
fn check_run(ctx: &Ctx<'_>, kind: Simple, run: &Run, path: &Path<'_>) {
    match kind {
        Simple::LineString | Simple::MultiLineString if run.count < 2 => {
            ctx.error(
                run.at,
                path,
                "a LineString needs at least 2 positions, found 1",
            );
        }
        Simple::Polygon | Simple::MultiPolygon if run.count < 4 => {
            let message = format!(
                "a linear ring needs at least 4 positions (the last repeating the first), found {}",
                run.count
            );
            ctx.error(run.at, path, message);
        }
        Simple::Polygon | Simple::MultiPolygon if run.first != run.last => {
            let message = format!(
                "linear ring is not closed: first position {} differs from last {}",
                show(run.first),
                show(run.last)
            );
            ctx.error(run.at, path, message);
        }
        _ => {}
    }
}

/// Builds the geometry of checked, sound coordinates.
fn build(kind: Simple, node: Node) -> Option<Geometry<f64>> {
    Some(match (kind, node) {
        (Simple::Point, Node::Position(_, p)) => Point(p.xy).into(),
        (Simple::MultiPoint, Node::Run(run)) => {
            MultiPoint(run.coords.into_iter().map(Point).collect()).into()
        }
        (Simple::LineString, Node::Run(run)) => LineString(run.coords).into(),
        (Simple::MultiLineString, node) => MultiLineString(lines(node)?).into(),
        (Simple::Polygon, node) => polygon(node)?.into(),
        (Simple::MultiPolygon, node) => {
            let polygons = children(node)?.into_iter().map(polygon);
            MultiPolygon(polygons.collect::<Option<_>>()?).into()
        }
        _ => return None,
    })
}

/// The parts of an array of arrays.
fn children(node: Node) -> Option<Vec<Node>> {
    match node {
        Node::Nested(_, children) | Node::Streamed(_, children) => Some(children),
        _ => None,
    }
}

/// The lines of an array of arrays of positions.
fn lines(node: Node) -> Option<Vec<LineString<f64>>> {
    children(node)?
        .into_iter()
        .map(|child| match child {
            Node::Run(run) => Some(LineString(run.coords)),
            _ => None,
        })
        .collect()
}

/// A polygon from its rings, the first being the exterior.
fn polygon(node: Node) -> Option<Polygon<f64>> {
    let mut rings = lines(node)?.into_iter();
    let exterior = rings.next()?;
    Some(Polygon::new(exterior, rings.collect()))
}

fn show(p: Position) -> String {
    match p.z {
        Some(z) => format!("[{}, {}, {}]", num(p.xy.x), num(p.xy.y), num(z)),
        None => format!("[{}, {}]", num(p.xy.x), num(p.xy.y)),
    }
}
