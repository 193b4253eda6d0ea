//! Feeds arbitrary bytes to the GeoJSON checker: it must never panic.
#![no_main]

use border_incidents::check::{Keep, check_geojson, check_reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let kept = check_geojson("fuzz", data);
    let checked = check_reader("fuzz", data, Keep::Nothing);
    // Keeping features must not change what is found.
    assert_eq!(kept.problems, checked.problems);
    assert_eq!((kept.errors, kept.warnings), (checked.errors, checked.warnings));
    for problem in &kept.problems {
        let _ = problem.in_file("fuzz").to_string();
    }
});
