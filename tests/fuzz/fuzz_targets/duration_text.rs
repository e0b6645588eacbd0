//! Fuzz target: any text as a duration; what parses must print back to the same duration.
#![no_main]

use escalator::engine::duration::Duration;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(duration) = text.parse::<Duration>() {
        let printed = duration.to_string();
        assert_eq!(
            printed.parse::<Duration>().ok(),
            Some(duration),
            "{printed}"
        );
    }
});
