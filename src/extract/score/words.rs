//! The words the scorer reads claimants with (see [`super::body`]).

/// International organisations, as written (matched as whole words).
pub const ORGANISATIONS: &[(&str, &str)] = &[
    ("United Nations", "un"),
    ("UN", "un"),
    ("U.N", "un"),
    ("Security Council", "un security council"),
    ("European Union", "eu"),
    ("EU", "eu"),
    ("African Union", "au"),
    ("AU", "au"),
    ("OSCE", "osce"),
    ("NATO", "nato"),
    ("CSTO", "csto"),
    ("ASEAN", "asean"),
    ("IGAD", "igad"),
    ("ICRC", "icrc"),
    ("Red Cross", "icrc"),
    ("UNHCR", "unhcr"),
    ("SCO", "sco"),
    ("Shanghai Cooperation Organisation", "sco"),
    ("Shanghai Cooperation Organization", "sco"),
    ("Human Rights Watch", "hrw"),
    ("Amnesty International", "amnesty"),
    ("Arab League", "arab league"),
    ("Kremlin", "kremlin"),
    ("Pentagon", "pentagon"),
    ("White House", "white house"),
];

/// Words that stand for a government as a whole.
pub const GOVERNMENT: &[&str] = &[
    "government",
    "governments",
    "authorities",
    "authority",
    "officials",
    "official",
    "administration",
    "leadership",
    "side",
    "state",
    "country",
    "cabinet",
];

/// Words for the armed forces as a whole.
pub const MILITARY: &[&str] = &["army", "military", "forces", "troops", "force"];

/// Words for one who speaks for a body: dropped.
pub const SPEAKERS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "representative",
    "source",
    "sources",
    "press",
    "secretary",
];

/// Titles before a person's name: not part of the name, not a head.
pub const TITLES: &[&str] = &[
    "president",
    "prime",
    "minister",
    "secretary-general",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "lieutenant",
    "captain",
    "commander",
    "chief",
    "mr",
    "mrs",
    "ms",
    "dr",
    "deputy",
    "governor",
    "ambassador",
    "envoy",
    "king",
    "premier",
    "chairman",
    "leader",
    "foreign",
    "defence",
    "defense",
    "interior",
];

/// Words that carry no meaning for the comparison: determiners,
/// conjunctions, prepositions, time words.
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "and", "or", "of", "in", "on", "at",
    "for", "to", "by", "with", "from", "both", "each", "other", "two", "late", "early", "later",
    "earlier", "then", "also", "on", "said", "told", "according", "new", "that", "this", "these",
];

/// Words that end the part of a phrase that holds its head noun.
pub const HEAD_END: &[&str] = &["of", "in", "for", "to", "at", "on", "from", "with"];

