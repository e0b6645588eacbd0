//! Fuzz target: any text through the condition parser. What parses and checks against the ticket's fields
//! (plus the context fields `age` and `team`) must mean the same after both round trips: text → text, and
//! text → JSON → text, each checked against the same fields.
#![no_main]

use escalator::api::parse_condition;
use escalator::engine::condition::{Condition, FieldCatalog, FieldType};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_condition(text);
    let catalog = FieldCatalog::ticket()
        .with("age", FieldType::Duration)
        .with("team", FieldType::Text);
    let Ok(condition) = Condition::parse_checked(text, &catalog) else {
        return;
    };
    let canonical = condition.to_text();
    let again = Condition::parse_checked(&canonical, &catalog).expect("the canonical text parses");
    assert_eq!(again.to_text(), canonical, "text round trip");
    let mut from_json = Condition::from_json(&condition.to_json()).expect("the JSON form reads");
    from_json.bind(&catalog).expect("the JSON form checks");
    assert_eq!(from_json.to_text(), canonical, "JSON round trip");
});
