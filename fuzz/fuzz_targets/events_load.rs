//! Feeds arbitrary bytes to the events loader as the app runs it: the
//! GeoJSON check first, then the events schema against the bundled article.
//! It must never panic, and what it accepts must hold its promises.
#![no_main]

use border_incidents::check::{Keep, check_reader};
use border_incidents::data::events::{BUNDLED_ARTICLE, parse_collection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = check_reader("fuzz", data, Keep::Nothing);
    let Ok(text) = std::str::from_utf8(data) else {
        assert!(!report.is_valid(), "invalid UTF-8 passed the check");
        return;
    };
    if !report.is_valid() {
        return;
    }
    match parse_collection(text, Some(BUNDLED_ARTICLE)) {
        Ok(collection) => {
            for event in &collection.events {
                assert!(
                    event.start.first_second() <= event.end.first_second(),
                    "{}: end before start",
                    event.id
                );
                for quote in &event.quotes {
                    assert_eq!(
                        BUNDLED_ARTICLE.get(quote.start..quote.end),
                        Some(quote.text.as_str()),
                        "{}: quote is not the article's span",
                        event.id
                    );
                }
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "rejected without a reason");
            let lines = text.lines().count() + 1;
            for error in &errors {
                if let Some(at) = error.position {
                    assert!(at.line >= 1 && at.line <= lines, "line {} outside the file", at.line);
                }
                let _ = error.describe();
            }
        }
    }
});
