//! Sources: the articles and datasets events are taken from.
//!
//! Every event names its source. An article source carries its text, and an
//! event's quotes are byte spans of that text; a dataset source (an ACLED or
//! UCDP export) has no text. The bundled article is one source among others.

use std::sync::Arc;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// What a source is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A news report or other text, quoted by byte spans.
    #[default]
    Article,
    /// A table of coded events (ACLED, UCDP GED, a project's own CSV).
    Dataset,
}

/// One article or dataset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// Stable slug, unique among the loaded sources.
    pub id: String,
    /// Article or dataset.
    pub kind: SourceKind,
    /// Headline or dataset name.
    pub title: Option<String>,
    /// The outlet or publisher.
    pub outlet: Option<String>,
    /// Author or compiler.
    pub author: Option<String>,
    /// Publication date; an article's date phrases are resolved against it.
    pub published: Option<Date>,
    /// Where it was published.
    pub url: Option<String>,
    /// Terms under which it is used.
    pub licence: Option<String>,
    /// File name of the text, relative to the events file, when it is kept
    /// beside it.
    pub text_file: Option<String>,
    /// The full text of an article (quotes are byte spans into it).
    pub text: Option<Arc<str>>,
    /// SHA-256 of the text, as lowercase hex, when the text is known.
    pub sha256: Option<String>,
}

impl Source {
    /// A short name for lists and menus: the title, else the outlet, else the id.
    pub fn short_name(&self) -> &str {
        self.title
            .as_deref()
            .or(self.outlet.as_deref())
            .unwrap_or(&self.id)
    }

    /// The text, or an empty one when the source has none.
    pub fn text_or_empty(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    /// Whether two records describe the same source: the same id and, when
    /// both know their text, the same text.
    pub fn same_as(&self, other: &Source) -> bool {
        self.id == other.id
            && match (&self.sha256, &other.sha256) {
                (Some(a), Some(b)) => a == b,
                _ => self.title == other.title && self.published == other.published,
            }
    }
}

/// The SHA-256 of `text` as lowercase hex: the content hash an events file
/// records so that its quotes are checked against the very text they were
/// taken from.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_hex() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn short_name_falls_back_to_the_id() {
        let mut s = Source {
            id: "acled-2022".into(),
            ..Source::default()
        };
        assert_eq!(s.short_name(), "acled-2022");
        s.outlet = Some("ACLED".into());
        assert_eq!(s.short_name(), "ACLED");
        s.title = Some("Central Asia 2022".into());
        assert_eq!(s.short_name(), "Central Asia 2022");
    }
}
