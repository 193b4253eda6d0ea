//! An events file's features made events a batch at a time while the
//! file is read, when its `sources` and `vocabularies` come before its
//! `features` (as this app and the store write them): only one batch of
//! features is held as JSON values at once, not the whole file. A file
//! whose header members all follow its features (or whose first feature
//! has no `kind`) is read whole first, then converted; one whose header is
//! split around its features is refused with the member to move.

use std::cell::RefCell;

use crate::check::{FeatureTaker, ForeignMember, OverlayFeature, Report};
use crate::data::event::Event;
use crate::data::fields::SharedNames;
use crate::diagnostic::Diagnostic;

use super::feature::{self, FeatureContext};
use super::header::{self, Header, SourceTexts};
use super::problem::Problem;

/// Features converted at a time.
const BATCH: usize = 4096;

/// The top-level members that make an events file's header.
const HEADER_MEMBERS: [&str; 3] = ["sources", "source", "vocabularies"];

/// Where a feature is in the file.
#[derive(Clone, Copy, Debug)]
pub(super) struct FeatureAt {
    /// Its index in `features`.
    pub index: usize,
    /// The line its object starts on.
    pub line: usize,
    /// The column (in characters) it starts at.
    pub column: usize,
}

/// Events made of features, each with where its feature is, and the
/// problems of the features that made none.
#[derive(Default)]
pub(super) struct Converted {
    /// The events, in file order.
    pub events: Vec<Event>,
    /// Where each event's feature is.
    pub at: Vec<FeatureAt>,
    /// The problems of features that made no event.
    pub diagnostics: Vec<Diagnostic>,
    /// One table of field names for the events that name the same fields.
    field_names: SharedNames,
}

impl Converted {
    /// Makes events of `features` (each with its index in the file).
    pub fn add(
        &mut self,
        features: impl IntoIterator<Item = (usize, OverlayFeature)>,
        ctx: &FeatureContext<'_>,
    ) {
        for (index, f) in features {
            let at = FeatureAt {
                index,
                line: f.line,
                column: f.column,
            };
            match feature::to_event(&f.properties, f.geometry, ctx) {
                Ok(mut event) => {
                    self.field_names.share(&mut event.fields);
                    self.events.push(event);
                    self.at.push(at);
                }
                Err(problems) => {
                    let id = feature::feature_id(&f.properties);
                    self.diagnostics.extend(
                        problems
                            .into_iter()
                            .map(|p| at_feature(p, at, id.as_deref())),
                    );
                }
            }
        }
    }
}

/// A feature's problem as a diagnostic at the feature's start.
pub(super) fn at_feature(problem: Problem, at: FeatureAt, id: Option<&str>) -> Diagnostic {
    let index = at.index;
    let path = match problem.member() {
        Some(member) => format!("features[{index}].{member}"),
        None => format!("features[{index}]"),
    };
    let message = match id {
        Some(id) if !id.is_empty() => format!("event {id:?}: {problem}"),
        _ => problem.to_string(),
    };
    Diagnostic::error(message)
        .at(at.line, at.column)
        .with_path(path)
}

/// The header and the problems found in it.
pub(super) type ReadHeader = (Header, Vec<Diagnostic>);

/// What the taker has decided, and made so far.
#[derive(Default)]
enum Taking {
    /// No feature read yet.
    #[default]
    Undecided,
    /// The header follows the features: every feature is kept.
    Keeping,
    /// The header came first: features are made events in batches.
    Converting(Box<Converting>),
}

/// A file's header, and its features made events so far.
struct Converting {
    header: ReadHeader,
    /// How many header members came before the features.
    header_members: usize,
    /// Features read and not yet made events.
    batch: Vec<(usize, OverlayFeature)>,
    converted: Converted,
}

/// Makes an events file's features events while the file is read.
pub struct EventTaker<'t> {
    name: &'t str,
    texts: &'t dyn SourceTexts,
    taking: RefCell<Taking>,
}

impl<'t> EventTaker<'t> {
    /// A taker for the file `name`, whose article sources' texts `texts`
    /// reads.
    pub fn new(name: &'t str, texts: &'t dyn SourceTexts) -> Self {
        Self {
            name,
            texts,
            taking: RefCell::default(),
        }
    }

    /// What was made of the file: the header and events when the features
    /// were converted as they came (the report then keeps none), or
    /// nothing when they were kept in the report.
    pub(super) fn finish(self, report: &Report) -> Option<(ReadHeader, Converted)> {
        match self.taking.into_inner() {
            Taking::Undecided | Taking::Keeping => None,
            Taking::Converting(c) => {
                let Converting {
                    mut header,
                    header_members,
                    batch,
                    mut converted,
                } = *c;
                converted.add(batch, &context(&header.0));
                let late = report
                    .foreign
                    .iter()
                    .filter(|m| HEADER_MEMBERS.contains(&m.name.as_str()))
                    .skip(header_members);
                for m in late {
                    header.1.push(
                        Diagnostic::error(format!(
                            "{:?} comes after \"features\" while other sources or vocabularies \
                             come before it: put all of them before \"features\"",
                            m.name
                        ))
                        .at(m.line, m.column)
                        .with_path(m.name.clone()),
                    );
                }
                Some((header, converted))
            }
        }
    }
}

/// The context features of a file with `header` are read in.
pub(super) fn context(header: &Header) -> FeatureContext<'_> {
    FeatureContext::new(
        &header.sources,
        &header.vocabulary,
        header.sides_declared,
        header.categories_declared,
    )
}

impl FeatureTaker for EventTaker<'_> {
    fn take(
        &self,
        index: usize,
        feature: OverlayFeature,
        foreign: &[ForeignMember],
    ) -> Option<OverlayFeature> {
        let mut taking = self.taking.borrow_mut();
        if matches!(*taking, Taking::Undecided) {
            let header_members = foreign
                .iter()
                .filter(|m| HEADER_MEMBERS.contains(&m.name.as_str()))
                .count();
            let has_kind = feature.properties.get("kind").is_some();
            *taking = if header_members == 0 || !has_kind {
                Taking::Keeping
            } else {
                Taking::Converting(Box::new(Converting {
                    header: header::read(foreign, self.name, self.texts),
                    header_members,
                    batch: Vec::with_capacity(BATCH),
                    converted: Converted::default(),
                }))
            };
        }
        match &mut *taking {
            Taking::Converting(c) => {
                c.batch.push((index, feature));
                if c.batch.len() >= BATCH {
                    c.converted.add(c.batch.drain(..), &context(&c.header.0));
                }
                None
            }
            _ => Some(feature),
        }
    }
}
