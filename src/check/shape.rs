//! Checks a summarised `coordinates` value against its geometry type
//! (RFC 7946 §3.1) and, when asked, builds the `geo` geometry.

use geo::{Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon};

use super::context::{Ctx, Path, Step};
use super::coords::{Node, Position, Run, num};

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

    fn depth(self) -> usize {
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
/// the geometry when it is kept and sound. Empty coordinates give `None`
/// with a warning, as RFC 7946 lets readers treat them as null.
pub fn check(ctx: &Ctx, kind: Simple, node: Node, path: &Path<'_>) -> Option<Geometry<f64>> {
    if let Node::Empty(at) = node {
        let message = format!(
            "{} has empty coordinates; it is treated as null",
            kind.name()
        );
        ctx.warn(at, path, message);
        return None;
    }
    let errors = ctx.error_count();
    if !fits(ctx, kind.depth(), &node, path, kind) {
        return None;
    }
    let geometry = match (kind, node) {
        (Simple::Point, Node::Position(_, p)) => Geometry::Point(Point(p.xy)),
        (Simple::MultiPoint, Node::Run(run)) => {
            Geometry::MultiPoint(MultiPoint(run.coords.into_iter().map(Point).collect()))
        }
        (Simple::LineString, Node::Run(run)) => line(ctx, run, path)?.into(),
        (Simple::MultiLineString, Node::Nested(_, lines)) => {
            let lines = each(lines, path, |run, path| line(ctx, run, path))?;
            MultiLineString(lines).into()
        }
        (Simple::Polygon, Node::Nested(_, rings)) => polygon(ctx, rings, path)?.into(),
        (Simple::MultiPolygon, Node::Nested(_, polygons)) => {
            let mut out = Vec::with_capacity(polygons.len());
            for (i, node) in polygons.into_iter().enumerate() {
                if let Node::Nested(_, rings) = node {
                    out.push(polygon(ctx, rings, &path.join(Step::Index(i))));
                }
            }
            MultiPolygon(out.into_iter().collect::<Option<_>>()?).into()
        }
        _ => return None,
    };
    (ctx.keep && ctx.error_count() == errors).then_some(geometry)
}

/// Checks the nesting depth; reports the first place it is wrong.
fn fits(ctx: &Ctx, depth: usize, node: &Node, path: &Path<'_>, kind: Simple) -> bool {
    let found = match (depth, node) {
        (_, Node::Bad) => return false,
        (0, Node::Position(..)) | (1, Node::Run(_)) => return true,
        (2.., Node::Nested(_, children)) => {
            let mut ok = true;
            for (i, child) in children.iter().enumerate() {
                ok &= fits(ctx, depth - 1, child, &path.join(Step::Index(i)), kind);
            }
            return ok;
        }
        (_, Node::Position(..)) => "a single position",
        (_, Node::Run(_)) => "an array of positions",
        (_, Node::Empty(_)) => "an empty array",
        (_, Node::Nested(..)) => "arrays nested too deeply",
    };
    let at = match node {
        Node::Run(run) => run.at,
        Node::Nested(at, _) | Node::Empty(at) | Node::Position(at, _) => *at,
        Node::Bad => return false,
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
    false
}

fn each<T>(
    nodes: Vec<Node>,
    path: &Path<'_>,
    mut f: impl FnMut(Run, &Path<'_>) -> Option<T>,
) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(nodes.len());
    for (i, node) in nodes.into_iter().enumerate() {
        if let Node::Run(run) = node {
            out.push(f(run, &path.join(Step::Index(i))));
        }
    }
    out.into_iter().collect()
}

fn line(ctx: &Ctx, run: Run, path: &Path<'_>) -> Option<LineString<f64>> {
    if run.count < 2 {
        ctx.error(
            run.at,
            path,
            "a LineString needs at least 2 positions, found 1",
        );
        return None;
    }
    Some(LineString(run.coords))
}

fn polygon(ctx: &Ctx, rings: Vec<Node>, path: &Path<'_>) -> Option<Polygon<f64>> {
    let mut rings = each(rings, path, |run, path| ring(ctx, run, path))?.into_iter();
    let exterior = rings.next()?;
    Some(Polygon::new(exterior, rings.collect()))
}

fn ring(ctx: &Ctx, run: Run, path: &Path<'_>) -> Option<LineString<f64>> {
    if run.count < 4 {
        let message = format!(
            "a linear ring needs at least 4 positions (the last repeating the first), found {}",
            run.count
        );
        ctx.error(run.at, path, message);
        return None;
    }
    if run.first != run.last {
        let message = format!(
            "linear ring is not closed: first position {} differs from last {}",
            show(run.first),
            show(run.last)
        );
        ctx.error(run.at, path, message);
        return None;
    }
    Some(LineString(run.coords))
}

fn show(p: Position) -> String {
    match p.z {
        Some(z) => format!("[{}, {}, {}]", num(p.xy.x), num(p.xy.y), num(z)),
        None => format!("[{}, {}]", num(p.xy.x), num(p.xy.y)),
    }
}
