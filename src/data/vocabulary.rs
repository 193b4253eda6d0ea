//! Vocabularies: the sides (or actors) and categories a collection of
//! events uses, each with a label, a colour and a map symbol.
//!
//! A collection declares its vocabularies in its file; ids its events use
//! but it does not declare get deterministic defaults (a label made from
//! the id, a colour from a colour-blind-safe palette in order of first use,
//! a plain circle). Nothing here knows any country: the bundled collection
//! declares the Kyrgyz, Tajik, third-party and neutral sides itself.

use serde::{Deserialize, Serialize};

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// The symbol an incident of a category is drawn with on the map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Symbol {
    /// A diamond (fighting, in the bundled vocabulary).
    Diamond,
    /// A triangle (shelling).
    Triangle,
    /// A filled circle (movements of people), and the default.
    #[default]
    Circle,
    /// A square (agreements, acts).
    Square,
    /// A ring (background).
    Ring,
    /// A speech bubble (what statements are drawn with).
    Bubble,
}

impl Symbol {
    /// Every symbol, in the order a legend lists them.
    pub const ALL: [Symbol; 6] = [
        Symbol::Diamond,
        Symbol::Triangle,
        Symbol::Circle,
        Symbol::Square,
        Symbol::Ring,
        Symbol::Bubble,
    ];
}

/// One entry of a vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// The id events use.
    pub id: String,
    /// The label shown for it.
    pub label: String,
    /// Its colour (sides) or accent (categories).
    pub colour: Rgb,
    /// Its map symbol (categories).
    pub symbol: Symbol,
    /// Whether the collection declared the colour (else it is a default,
    /// which may change when vocabularies are merged).
    pub declared_colour: bool,
}

impl Term {
    /// A term with the default label, colour and symbol for `id`.
    pub fn undeclared(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            label: default_label(id),
            colour: NEUTRAL,
            symbol: Symbol::default(),
            declared_colour: false,
        }
    }
}

/// The colour of events no side is given for.
pub const NEUTRAL: Rgb = [128, 128, 128];

/// The default colours, in the order they are handed out: the Okabe–Ito
/// colours (distinguishable with the common colour-vision deficiencies),
/// then Paul Tol's muted scheme for collections with more sides.
pub const DEFAULT_COLOURS: [Rgb; 15] = [
    [0, 114, 178],
    [230, 159, 0],
    [0, 158, 115],
    [204, 121, 167],
    [213, 94, 0],
    [86, 180, 233],
    [240, 228, 66],
    [51, 34, 136],
    [136, 204, 238],
    [68, 170, 153],
    [17, 119, 51],
    [153, 153, 51],
    [221, 204, 119],
    [204, 102, 119],
    [136, 34, 85],
];

/// "armed_clash" → "Armed clash".
pub fn default_label(id: &str) -> String {
    let spaced = id.replace(['_', '-'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A collection's sides and categories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// Sides or actors: whose account an event is, or who took part.
    pub sides: Vec<Term>,
    /// Categories of incidents and statements.
    pub categories: Vec<Term>,
}

/// Which of the two lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    /// [`Vocabulary::sides`].
    Sides,
    /// [`Vocabulary::categories`].
    Categories,
}

impl Vocabulary {
    /// The list named.
    pub fn list(&self, list: List) -> &[Term] {
        match list {
            List::Sides => &self.sides,
            List::Categories => &self.categories,
        }
    }

    fn list_mut(&mut self, list: List) -> &mut Vec<Term> {
        match list {
            List::Sides => &mut self.sides,
            List::Categories => &mut self.categories,
        }
    }

    /// The side with this id.
    pub fn side(&self, id: &str) -> Option<&Term> {
        self.sides.iter().find(|t| t.id == id)
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Term> {
        self.categories.iter().find(|t| t.id == id)
    }

    /// The colour of a side, or the neutral grey for none or an unknown id.
    pub fn side_colour(&self, id: Option<&str>) -> Rgb {
        id.and_then(|id| self.side(id))
            .map_or(NEUTRAL, |t| t.colour)
    }

    /// The label of a side; "Not attributed" for none.
    pub fn side_label<'a>(&'a self, id: Option<&'a str>) -> &'a str {
        match id {
            None => "Not attributed",
            Some(id) => self.side(id).map_or(id, |t| t.label.as_str()),
        }
    }

    /// The label of a category (its id when unknown).
    pub fn category_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.category(id).map_or(id, |t| t.label.as_str())
    }

    /// The symbol of a category (the default for none or an unknown id).
    pub fn category_symbol(&self, id: Option<&str>) -> Symbol {
        id.and_then(|id| self.category(id))
            .map_or(Symbol::default(), |t| t.symbol)
    }

    /// Adds a term for `id` to `list` unless there is one.
    pub fn ensure(&mut self, list: List, id: &str) {
        let terms = self.list_mut(list);
        if !terms.iter().any(|t| t.id == id) {
            terms.push(Term::undeclared(id));
        }
    }

    /// Adds the terms of `other` whose ids are not here yet (a term already
    /// here wins), then gives out default colours again.
    pub fn merge(&mut self, other: &Vocabulary) {
        for list in [List::Sides, List::Categories] {
            for term in other.list(list) {
                let terms = self.list_mut(list);
                match terms.iter_mut().find(|t| t.id == term.id) {
                    Some(here) if !here.declared_colour && term.declared_colour => {
                        *here = term.clone();
                    }
                    Some(_) => {}
                    None => terms.push(term.clone()),
                }
            }
        }
        self.settle_colours();
    }

    /// Gives every term without a declared colour the next default colour
    /// that no declared term of its list uses, in list order, so that the
    /// same vocabulary always gets the same colours.
    pub fn settle_colours(&mut self) {
        for list in [List::Sides, List::Categories] {
            let terms = self.list_mut(list);
            let taken: Vec<Rgb> = terms
                .iter()
                .filter(|t| t.declared_colour)
                .map(|t| t.colour)
                .collect();
            let mut free = DEFAULT_COLOURS
                .iter()
                .filter(|c| !taken.contains(c))
                .copied()
                .cycle();
            for term in terms.iter_mut().filter(|t| !t.declared_colour) {
                term.colour = free.next().unwrap_or(NEUTRAL);
            }
        }
    }
}

/// Parses `#RRGGBB`.
pub fn parse_hex(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `#RRGGBB` of a colour.
pub fn to_hex(c: Rgb) -> String {
    format!("#{:02X}{:02X}{:02X}", c[0], c[1], c[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_deterministic_and_skip_declared_colours() {
        let mut v = Vocabulary::default();
        v.sides.push(Term {
            declared_colour: true,
            colour: DEFAULT_COLOURS[0],
            ..Term::undeclared("a")
        });
        v.ensure(List::Sides, "b");
        v.ensure(List::Sides, "c");
        v.settle_colours();
        assert_eq!(v.sides[1].colour, DEFAULT_COLOURS[1]);
        assert_eq!(v.sides[2].colour, DEFAULT_COLOURS[2]);
        assert_eq!(v.side("b").map(|t| t.label.as_str()), Some("B"));
    }

    #[test]
    fn merge_keeps_the_first_term_and_adopts_declared_colours() {
        let mut a = Vocabulary::default();
        a.ensure(List::Sides, "x");
        let mut b = Vocabulary::default();
        b.sides.push(Term {
            label: "Side X".into(),
            colour: [1, 2, 3],
            declared_colour: true,
            ..Term::undeclared("x")
        });
        b.ensure(List::Sides, "y");
        a.merge(&b);
        assert_eq!(a.sides.len(), 2);
        assert_eq!(a.side_colour(Some("x")), [1, 2, 3]);
        assert_eq!(a.side_label(Some("x")), "Side X");
        assert_eq!(a.side_label(None), "Not attributed");
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(parse_hex("#D55E00"), Some([213, 94, 0]));
        assert_eq!(to_hex([213, 94, 0]), "#D55E00");
        assert_eq!(parse_hex("D55E00"), None);
        assert_eq!(parse_hex("#é5E00a"), None);
        assert_eq!(default_label("armed_clash"), "Armed clash");
    }
}
