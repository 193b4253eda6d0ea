//! Writing the kept events: the events file and the article's text beside
//! it (its `text_file`), each written whole or not at all
//! ([`crate::atomic`]), so that a crash mid-save never leaves a
//! half-written file. The events are checked to read back before anything
//! is written. For the shared store, [`coded`] is what a save writes
//! there: the proposals with their review state and the kept events.

use std::path::{Path, PathBuf};

use crate::data::events;
use crate::data::events::write::to_geojson;
use crate::diagnostic::Diagnostic;

use super::edit::OneText;
use super::{Session, is_kept, status_key};
use crate::data::events::write::feature;
use crate::store::coded::{Coded, ProposalRow};

/// The file name of the text kept beside an events file:
/// `clash.events.geojson` → `clash.article.txt`.
pub fn text_file_for(target: &Path) -> String {
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let stem = name
        .strip_suffix(".events.geojson")
        .or_else(|| name.strip_suffix(".geojson"))
        .or_else(|| name.strip_suffix(".json"))
        .unwrap_or(&name);
    format!("{stem}.article.txt")
}

/// Writes the session's kept events to `target` and the article's text
/// beside it; returns the text's file name. Nothing is written when the
/// events would not read back (the errors say why) or a write fails.
pub fn save(session: &Session, target: &Path) -> Result<String, Vec<Diagnostic>> {
    let text_file = text_file_for(target);
    let mut collection = session.kept_collection();
    for s in &mut collection.sources {
        s.text_file = Some(text_file.clone());
    }
    let written = to_geojson(&collection);
    let name = target.display().to_string();
    let loaded = events::parse(&name, &written, &OneText(session.text()), &[]);
    if loaded.collection.is_none() {
        return Err(loaded
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect());
    }
    let fail = |what: &Path, e: std::io::Error| {
        vec![Diagnostic::error(format!(
            "cannot write {}: {e}",
            what.display()
        ))]
    };
    let text_path: PathBuf = target.with_file_name(&text_file);
    let same = std::fs::read(&text_path).is_ok_and(|b| b == session.text().as_bytes());
    if !same {
        crate::atomic::write_bytes(&text_path, session.text().as_bytes())
            .map_err(|e| fail(&text_path, e))?;
    }
    crate::atomic::write_bytes(target, written.as_bytes()).map_err(|e| fail(target, e))?;
    Ok(text_file)
}

/// What saving the session writes into the shared store: every proposal
/// with its review state, the kept events with the article, and the ids
/// of the proposals not kept.
pub fn coded(session: &Session) -> Coded {
    let source = session.source();
    let proposals = (session.proposals().iter())
        .map(|p| ProposalRow {
            id: p.event.id.clone(),
            status: status_key(p.status).to_owned(),
            confidence: p.event.extraction.as_ref().map(|x| x.confidence),
            feature: feature(&p.event, Some(source)),
        })
        .collect();
    let dropped = (session.proposals().iter())
        .filter(|p| !is_kept(p.status))
        .map(|p| p.event.id.clone())
        .collect();
    Coded {
        kept: session.kept_collection(),
        proposals,
        dropped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_file_is_named_after_the_events_file() {
        assert_eq!(
            text_file_for(Path::new("/a/clash.events.geojson")),
            "clash.article.txt"
        );
        assert_eq!(text_file_for(Path::new("b.geojson")), "b.article.txt");
    }
}
