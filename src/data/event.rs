//! The event schema: one incident or statement taken from a source text.
//!
//! These types are what the rest of the app sees; `events.rs` turns GeoJSON
//! features into them and validates them.

use serde::{Deserialize, Serialize};

use super::time::EventTime;

/// Whether a feature is something that happened, something somebody said,
/// or background the source gives for the conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Something that happened in the conflict (fighting, an evacuation, a
    /// meeting…).
    Incident,
    /// A claim made by a named claimant at a known time.
    Statement,
    /// Background the source dates but that is not an incident of the
    /// conflict (a revolution, old maps, the end of the Soviet Union): drawn
    /// on a timeline row of its own, and off the map unless asked for.
    Context,
}

impl EventKind {
    /// Every kind, in the order lists and rows show them.
    pub const ALL: [EventKind; 3] = [Self::Incident, Self::Statement, Self::Context];

    /// The kind as the events file writes it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Incident => "incident",
            Self::Statement => "statement",
            Self::Context => "context",
        }
    }
}

/// How exactly the source dates an item (see `assets/README.md` for the
/// mapping to ACLED `time_precision` and UCDP `date_prec`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A time of day is known.
    Time,
    /// The exact day is known.
    Day,
    /// Known to within a few days (a weekend, "late last week").
    Days,
    /// Known to within a week.
    Week,
    /// Known to within a month.
    Month,
    /// Known to within a year.
    Year,
    /// Spans or is known only to several years.
    Years,
}

/// How exactly the source places an item (see `assets/README.md` for the
/// mapping to UCDP `where_prec` and ACLED `geo_precision`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocationPrecision {
    /// A named village or town, the exact spot.
    Exact,
    /// Near a named place (within about 25 km).
    Near,
    /// A district.
    District,
    /// A region (province).
    Region,
    /// Along a border or other linear feature, or a fuzzy area.
    Border,
    /// Only the country is known.
    Country,
    /// Not on the ground of the region (a capital abroad, an online statement).
    Elsewhere,
}

/// A verbatim span of the event's source text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The exact text of the span.
    pub text: String,
    /// UTF-8 byte offset into the source's text where the span starts.
    pub start: usize,
    /// UTF-8 byte offset one past the span's end.
    pub end: usize,
}

/// A figure as the source states it, with the numbers it allows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The source's own words ("nearly 100").
    pub as_stated: String,
    /// The lowest number the words allow.
    pub low: Option<f64>,
    /// The highest number the words allow.
    pub high: Option<f64>,
}

/// The tolls and counts attached to an item. Each is boxed: most items
/// state one figure or none, and the four would otherwise take their room
/// in every event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// People killed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<Box<Figure>>,
    /// People injured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Box<Figure>>,
    /// People evacuated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evacuated: Option<Box<Figure>>,
    /// People who fled or were displaced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub displaced: Option<Box<Figure>>,
}

impl Figures {
    /// Each figure with its name, in the order the card shows them.
    pub fn named(&self) -> [(&'static str, Option<&Figure>); 4] {
        let Self {
            killed,
            injured,
            evacuated,
            displaced,
        } = self;
        [
            ("killed", killed.as_deref()),
            ("injured", injured.as_deref()),
            ("evacuated", evacuated.as_deref()),
            ("displaced", displaced.as_deref()),
        ]
    }
}

/// What other reports say about a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Other reports agree.
    Consistent,
    /// Independent reports document part of the claim; the rest rests on
    /// the claimant's word.
    PartlyDocumented,
    /// Other reports agree in substance but differ in dates or figures.
    Imprecise,
    /// No other report confirms or refutes it.
    Unverified,
    /// Other reports say otherwise.
    Contradicted,
}

impl Verdict {
    /// Every verdict, from the best supported to the contradicted.
    pub const ALL: [Verdict; 5] = [
        Self::Consistent,
        Self::PartlyDocumented,
        Self::Imprecise,
        Self::Unverified,
        Self::Contradicted,
    ];
}

/// The verification of a claim against other reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// The verdict.
    pub verdict: Verdict,
    /// What the other reports say, in the project's words.
    pub note: String,
    /// The outlets or documents relied on.
    pub sources: Vec<String>,
}

/// How an event was proposed by the article extractor (`crate::extract`):
/// how sure the rules were and which rules produced it, so that a reviewer
/// sees why. Events coded by hand have none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extraction {
    /// From 0 (a guess to review) to 1 (every rule agreed).
    pub confidence: f64,
    /// The names of the rules that produced it (`incident:shelling`,
    /// `date:weekday`, `place:unknown`…), in the order they fired.
    pub rules: Vec<String>,
}

/// One incident, statement or piece of context, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Unique, stable slug.
    pub id: String,
    /// Incident, statement or context.
    pub kind: EventKind,
    /// Index of its source in the loaded sources (`Data::sources`).
    pub source: usize,
    /// Short title.
    pub title: String,
    /// First moment (inclusive). For a statement, when it was said.
    pub start: EventTime,
    /// Last moment (inclusive).
    pub end: EventTime,
    /// The source's own words for the time.
    pub date_text: Option<String>,
    /// How exactly the source dates it.
    pub date_precision: Option<DatePrecision>,
    /// The place as the source names it.
    pub place: Option<String>,
    /// The gazetteer name (GeoNames `name`) whose point is the geometry.
    pub place_ref: Option<String>,
    /// The GeoNames id of `place_ref`, for traceability.
    pub geonameid: Option<u64>,
    /// How exactly the source places it.
    pub location_precision: Option<LocationPrecision>,
    /// Radius of the place's uncertainty, in kilometres.
    pub uncertainty_km: Option<f64>,
    /// Category: an id of the collection's category vocabulary.
    pub category: Option<String>,
    /// A summary in the project's words.
    pub summary: Option<String>,
    /// The actors involved.
    pub actors: Vec<String>,
    /// Verbatim spans of its source's text supporting it.
    pub quotes: Vec<Quote>,
    /// Who made the statement (statements only).
    pub claimant: Option<String>,
    /// Whose account it is: an id of the collection's side vocabulary.
    pub side: Option<String>,
    /// Ids of the incidents a statement speaks about.
    pub refers_to: Vec<String>,
    /// For an incident given as one side's account of what happened: the id
    /// of the incident it is an account of.
    pub account_of: Option<String>,
    /// Tolls and counts.
    pub figures: Figures,
    /// What other reports say (boxed: a dataset row has none, and every
    /// event would otherwise carry its room).
    pub verification: Option<Box<Verification>>,
    /// Where it happened, if it can be placed.
    pub geometry: Option<geo::Geometry<f64>>,
    /// Why there is no geometry, or how it was chosen.
    pub geometry_note: Option<String>,
    /// Fields of the original record the schema has no place for (an ACLED
    /// row's `source_scale` or `tags`), kept to show and to export back.
    pub fields: super::fields::Fields,
    /// How the extractor proposed it, for events it proposed (boxed, like
    /// `verification`).
    pub extraction: Option<Box<Extraction>>,
}
