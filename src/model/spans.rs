//! The quoted spans of each source's text, made once per data, so that the
//! article panel highlights them without visiting every event each frame.

use crate::data::Data;

/// One quoted span: which event and quote, and its byte range in the text
/// of the event's source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Index of the event in `Data::events`.
    pub event: usize,
    /// Index of the quote in the event's quotes.
    pub quote: usize,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// Every source's quoted spans: `spans[s]` holds those of `Data::sources[s]`,
/// sorted by start.
#[derive(Clone, Debug, Default)]
pub struct SourceSpans {
    by_source: Vec<Vec<Span>>,
}

impl SourceSpans {
    /// The spans of every quote of every event, grouped by source.
    pub fn new(data: &Data) -> Self {
        let mut by_source: Vec<Vec<Span>> = vec![Vec::new(); data.sources.len()];
        for (ei, e) in data.events.iter().enumerate() {
            let Some(list) = by_source.get_mut(e.source) else {
                continue;
            };
            let len = data.sources[e.source].text_or_empty().len();
            list.extend(
                e.quotes
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.start < q.end && q.end <= len)
                    .map(|(qi, q)| Span {
                        event: ei,
                        quote: qi,
                        start: q.start,
                        end: q.end,
                    }),
            );
        }
        for list in &mut by_source {
            list.sort_by_key(|s| (s.start, s.end));
        }
        Self { by_source }
    }

    /// The spans of the source with this index (none for an unknown one).
    pub fn of(&self, source: usize) -> &[Span] {
        self.by_source.get(source).map_or(&[], Vec::as_slice)
    }
}
