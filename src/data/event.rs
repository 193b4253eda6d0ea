//! The event schema: one incident or statement taken from a source text.
//!
//! These types are what the rest of the app sees; `events.rs` turns GeoJSON
//! features into them and validates them.

use serde::{Deserialize, Serialize};

use super::time::EventTime;

/// Whether a feature is something that happened or something somebody said.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Something that happened (fighting, an evacuation, a meeting…).
    Incident,
    /// A claim made by a named claimant at a known time.
    Statement,
}

/// Whose account an item is, used to colour it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Claimed by Kyrgyz officials or media.
    Kyrgyz,
    /// Claimed by Tajik officials or media.
    Tajik,
    /// Claimed by a third party (Russia, the UN, …).
    ThirdParty,
    /// Reported by the source itself, attributed to no side.
    Neutral,
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

/// A verbatim span of the source article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The exact text of the span.
    pub text: String,
    /// UTF-8 byte offset where the span starts.
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

/// The tolls and counts attached to an item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    /// People killed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub killed: Option<Figure>,
    /// People injured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Figure>,
    /// People evacuated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evacuated: Option<Figure>,
}

/// What other reports say about a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Other reports agree.
    Consistent,
    /// Other reports agree in substance but differ in dates or figures.
    Imprecise,
    /// No other report confirms or refutes it.
    Unverified,
    /// Other reports say otherwise.
    Contradicted,
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

/// The documented `category` vocabulary (see `assets/README.md`).
pub const CATEGORIES: &[&str] = &[
    "armed_clash",
    "shelling",
    "incursion",
    "evacuation",
    "displacement",
    "return",
    "ceasefire",
    "diplomacy",
    "legal",
    "context",
    "history",
    "account",
    "accusation",
    "appeal",
    "declaration",
    "remarks",
    "footage",
];

/// One incident or statement, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Unique, stable slug.
    pub id: String,
    /// Incident or statement.
    pub kind: EventKind,
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
    /// Category from the documented vocabulary.
    pub category: Option<String>,
    /// A summary in the project's words.
    pub summary: Option<String>,
    /// The actors involved.
    pub actors: Vec<String>,
    /// Verbatim spans of the article supporting it.
    pub quotes: Vec<Quote>,
    /// Who made the statement (statements only).
    pub claimant: Option<String>,
    /// Whose account it is.
    pub side: Option<Side>,
    /// Ids of the incidents a statement speaks about.
    pub refers_to: Vec<String>,
    /// For an incident given as one side's account of what happened: the id
    /// of the incident it is an account of.
    pub account_of: Option<String>,
    /// Tolls and counts.
    pub figures: Figures,
    /// What other reports say.
    pub verification: Option<Verification>,
    /// Where it happened, if it can be placed.
    pub geometry: Option<geo::Geometry<f64>>,
    /// Why there is no geometry, or how it was chosen.
    pub geometry_note: Option<String>,
}
