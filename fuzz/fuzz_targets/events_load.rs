//! Feeds arbitrary bytes to the events reader as the app runs it: one
//! positioned pass of the GeoJSON check, then the events schema, with the
//! bundled article as the text of a source that names a `text_file`.
//! It must never panic, and what it accepts must hold its promises.
#![no_main]

use border_incidents::data::events::{BundledTexts, read};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = read("fuzz", data, &BundledTexts, &[]);
    let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
    for d in &loaded.diagnostics {
        if let Some(line) = d.line {
            assert!(line >= 1 && line <= lines, "line {line} outside the input");
        }
    }
    let Some(collection) = loaded.collection else {
        assert!(
            loaded.diagnostics.iter().any(|d| d.is_error()),
            "rejected without a reason"
        );
        return;
    };
    assert!(std::str::from_utf8(data).is_ok(), "invalid UTF-8 was accepted");
    for event in &collection.events {
        assert!(
            event.start.first_second() <= event.end.first_second(),
            "{}: end before start",
            event.id
        );
        let text = collection.sources[event.source].text_or_empty();
        for quote in &event.quotes {
            assert_eq!(
                text.get(quote.start..quote.end),
                Some(quote.text.as_str()),
                "{}: quote is not its source's span",
                event.id
            );
        }
    }
});
