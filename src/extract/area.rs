//! The article's area: where an incident happened that its own sentence
//! does not place. A coder reads such an incident of violence or flight
//! as somewhere in the area the article is about; so does this rule. The area is the place
//! the article's incidents name most often (the first of them on a tie),
//! with a radius that takes in every other place its incidents name
//! within [`AREA_MAX_KM`] of it (at least the 25 km of `near`).

use geo::{Distance as _, Haversine};

use crate::data::event::{EventKind, LocationPrecision};

use super::draft::{Draft, Where};
use super::gazetteer_index::PlaceIndex;
use super::incidents::VIOLENT;
use super::places::{NEAR_KM, PlaceMention};

/// Whether incidents of a category happen on the ground of the conflict:
/// violence and people leaving; talks, truces, closures and rulings
/// happen where the article says or nowhere it says.
fn on_the_ground(category: &str) -> bool {
    VIOLENT.contains(&category) || matches!(category, "evacuation" | "displacement")
}

/// Places farther than this from the area's centre are not in it.
pub const AREA_MAX_KM: f64 = 300.0;

/// Places every incident without a point at the article's area, keeping
/// its own words for the place (a border, an unknown name) when it has
/// them.
pub fn fill(drafts: &mut [Draft], index: &PlaceIndex) {
    let placed: Vec<(usize, f64)> = drafts
        .iter()
        .filter(|d| d.kind == EventKind::Incident)
        .filter_map(|d| match &d.place {
            Some(Where::Mention(m)) => m.place.map(|p| (p, m.uncertainty_km.unwrap_or(0.0))),
            _ => None,
        })
        .collect();
    let count = |p: usize| placed.iter().filter(|(q, _)| *q == p).count();
    let Some(&(centre, _)) = placed
        .iter()
        .enumerate()
        .max_by_key(|(i, (p, _))| (count(*p), std::cmp::Reverse(*i)))
        .map(|(_, x)| x)
    else {
        return;
    };
    let Some(at) = index.place(centre) else {
        return;
    };
    let radius = placed
        .iter()
        .filter_map(|(p, u)| {
            let d = Haversine.distance(at.point, index.place(*p)?.point) / 1000.0;
            (d <= AREA_MAX_KM).then_some(d + u)
        })
        .fold(NEAR_KM, f64::max);
    let name = at.name.clone();
    for d in drafts
        .iter_mut()
        .filter(|d| d.kind == EventKind::Incident && on_the_ground(d.category))
    {
        let (words, precision) = match &d.place {
            Some(Where::Mention(m)) if m.place.is_some() => continue,
            Some(Where::Mention(m)) => (m.text.clone(), m.precision),
            Some(Where::Border(w)) => (w.clone(), LocationPrecision::Border),
            None => (name.clone(), LocationPrecision::Region),
        };
        d.place = Some(Where::Mention(PlaceMention {
            tokens: (0, 0),
            text: words,
            place: Some(centre),
            precision,
            uncertainty_km: Some(radius),
            rule: "place:article-area",
            capital: false,
        }));
        d.rule("place:article-area", -0.05);
    }
}
