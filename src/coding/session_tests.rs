//! The review session on the bundled article: edits, undo and redo, the
//! recovery file and the saved events file read back.

use std::sync::OnceLock;

use jiff::civil::date;

use super::recovery::Recovery;
use super::{Edit, Session, is_kept, save};
use crate::data::events::{self, BUNDLED_ARTICLE, TextsBeside};
use crate::data::geodata::GeoData;
use crate::data::source::{Source, sha256_hex};
use crate::extract::{self, Options, PlaceIndex, Proposal, Status};

/// A session on the bundled article with the extractor's proposals.
pub(super) fn session() -> Session {
    static PLACES: OnceLock<PlaceIndex> = OnceLock::new();
    let places = PLACES.get_or_init(|| PlaceIndex::new(&GeoData::bundled().unwrap().places));
    let published = date(2022, 9, 19);
    let found = extract::extract(
        BUNDLED_ARTICLE,
        &Options {
            published,
            source: 0,
            id_prefix: "test",
            places,
            progress: None,
            cancel: None,
        },
    );
    let source = Source {
        id: "test".into(),
        title: Some("Test".into()),
        published: Some(published),
        sha256: Some(sha256_hex(BUNDLED_ARTICLE)),
        text: Some(BUNDLED_ARTICLE.into()),
        ..Source::default()
    };
    Session::new(source, found.vocabulary, found.proposals, found.diagnostics)
}

fn id(s: &Session, k: usize) -> String {
    s.proposals()[k].event.id.clone()
}

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("coding-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn accepting_undo_and_redo() {
    let mut s = session();
    assert!(s.is_dirty() && !s.can_undo());
    let a = id(&s, 0);
    s.apply(Edit::SetStatus {
        id: a.clone(),
        status: Status::Accepted,
    })
    .unwrap();
    assert_eq!(s.kept_events(3).len(), 1);
    assert_eq!(s.kept_events(3)[0].source, 3);
    assert!(s.undo());
    assert_eq!(s.proposal(&a).unwrap().status, Status::Proposed);
    assert!(s.redo());
    assert_eq!(s.proposal(&a).unwrap().status, Status::Accepted);
    assert!(!s.redo());
}

#[test]
fn merge_split_and_new_events_undo_to_the_same_proposals() {
    let mut s = session();
    let before = s.proposals().to_vec();
    let (a, b) = (id(&s, 0), id(&s, 1));
    let quotes =
        s.proposal(&a).unwrap().event.quotes.len() + s.proposal(&b).unwrap().event.quotes.len();
    s.apply(Edit::Merge {
        into: a.clone(),
        from: b.clone(),
    })
    .unwrap();
    assert!(s.proposal(&b).is_none());
    let merged = &s.proposal(&a).unwrap().event;
    assert_eq!(merged.quotes.len(), quotes);
    assert!(
        s.proposals()
            .iter()
            .all(|p| !p.event.refers_to.contains(&b))
    );
    let created = s
        .apply(Edit::Split {
            id: a.clone(),
            quote: 1,
        })
        .unwrap()
        .unwrap();
    assert_eq!(s.proposal(&created).unwrap().event.quotes.len(), quotes - 1);
    let start = BUNDLED_ARTICLE.find("Bakten").unwrap();
    let end = start + "Bakten".len();
    let new = s
        .apply(Edit::NewEvent {
            start: start - 1,
            end: end + 1,
        })
        .unwrap()
        .unwrap();
    let e = &s.proposal(&new).unwrap().event;
    assert_eq!(
        e.quotes[0].text, "Bakten",
        "the selection is trimmed of white space"
    );
    assert!(
        s.apply(Edit::AddQuote {
            id: new.clone(),
            start,
            end: start
        })
        .is_err()
    );
    while s.undo() {}
    assert_eq!(s.proposals(), &before[..]);
}

#[test]
fn an_edit_that_would_not_read_back_is_refused() {
    let mut s = session();
    let mut e = s.proposals()[0].event.clone();
    e.end = crate::data::time::EventTime::Date(date(2000, 1, 1));
    e.date_text = None;
    let err = s.apply(Edit::Replace(Box::new(e))).unwrap_err();
    assert!(err.contains("after end"), "{err}");
    assert!(!s.can_undo());
}

#[test]
fn the_recovery_file_gives_the_session_back() {
    let mut s = session();
    let a = id(&s, 0);
    let r = id(&s, 1);
    s.apply(Edit::SetStatus {
        id: a.clone(),
        status: Status::Accepted,
    })
    .unwrap();
    s.apply(Edit::SetStatus {
        id: r.clone(),
        status: Status::Rejected,
    })
    .unwrap();
    let recovery = Recovery::in_dir(temp("recovery"));
    recovery.write(&s).unwrap();
    let back = recovery.read().unwrap().unwrap();
    // JSON keeps distances to about fifteen digits.
    let rounded = |s: &Session| -> Vec<Proposal> {
        let mut all = s.proposals().to_vec();
        for p in &mut all {
            p.event.uncertainty_km = p.event.uncertainty_km.map(|k| (k * 1e6).round() / 1e6);
        }
        all
    };
    assert_eq!(rounded(&back), rounded(&s));
    assert_eq!(back.text(), s.text());
    assert!(back.is_dirty());
    recovery.clear().unwrap();
    assert!(recovery.read().is_none());
    std::fs::write(recovery.path(), "{ not json").unwrap();
    assert!(recovery.read().unwrap().is_err());
}

#[test]
fn saved_events_read_back_with_their_text_beside() {
    let mut s = session();
    let incident = s
        .proposals()
        .iter()
        .position(|p| p.event.kind == crate::data::event::EventKind::Incident)
        .unwrap();
    let a = id(&s, incident);
    s.apply(Edit::SetStatus {
        id: a,
        status: Status::Accepted,
    })
    .unwrap();
    let folder = temp("save");
    let target = folder.join("test.events.geojson");
    let text_file = save::save(&s, &target).unwrap();
    s.saved(target.clone(), text_file);
    assert!(!s.is_dirty());
    // The events and the text, and no temporary left beside them.
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["test.article.txt", "test.events.geojson"]);
    let written = std::fs::read_to_string(&target).unwrap();
    let back = events::parse("t", &written, &TextsBeside::file(&target), &[])
        .into_result()
        .unwrap();
    let kept: Vec<_> = s.proposals().iter().filter(|p| is_kept(p.status)).collect();
    assert_eq!(back.events.len(), kept.len());
    assert_eq!(back.events[0].extraction, kept[0].event.extraction);
    assert_eq!(back.sources[0].text.as_deref(), Some(BUNDLED_ARTICLE));
}

#[test]
fn a_save_that_cannot_be_written_says_where_and_writes_nothing() {
    let s = session();
    let folder = temp("save-missing");
    let target = folder.join("missing").join("x.events.geojson");
    let problems = save::save(&s, &target).unwrap_err();
    assert!(problems[0].message.contains("cannot write"), "{problems:?}");
    assert!(problems[0].message.contains("missing"), "{problems:?}");
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}
