//! The JSON paths `json::from_json` names, found from a serde_json error's position, against those
//! `serde_path_to_error` names by wrapping the deserializer: the same on the default policy with each member's
//! value replaced by a list, an object, numbers, text, a boolean or null, and cut short at every byte.

use escalator::engine::policy::Policy;
use escalator::json::from_json;

const DEFAULT: &str = include_str!("../www/presets/default.json");

fn path_by_wrapping(text: &str) -> Option<String> {
    let deserializer = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Policy>(deserializer)
        .err()
        .map(|error| error.path().to_string())
}

/// The one place the two differ: an object where a choice (an enum) is expected is read as `{"variant": …}`,
/// and the position names the unknown variant as a member (`high.zz` where wrapping says `high`).
fn variant_named(text: &str, wrapped: Option<&str>, found: Option<&str>) -> bool {
    let unknown_variant = from_json::<Policy>(text)
        .err()
        .is_some_and(|error| error.inner.to_string().starts_with("unknown variant"));
    match (wrapped, found) {
        (Some(wrapped), Some(found)) => {
            unknown_variant
                && found
                    .strip_prefix(wrapped)
                    .is_some_and(|rest| rest.starts_with('.'))
        }
        _ => false,
    }
}

fn path_from_position(text: &str) -> Option<String> {
    from_json::<Policy>(text).err().map(|error| error.path)
}

/// The byte ranges of every member value that is a string, number or boolean.
fn scalar_values(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut index = 0;
    let mut in_string = false;
    while index < bytes.len() {
        let byte = bytes[index];
        if in_string {
            match byte {
                b'\\' => index += 1,
                b'"' => in_string = false,
                _ => {}
            }
        } else if byte == b'"' {
            in_string = true;
        } else if byte == b':' {
            let start = index
                + 1
                + bytes[index + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace())
                    .count();
            let end = if bytes[start] == b'"' {
                let mut end = start + 1;
                while bytes[end] != b'"' {
                    end += if bytes[end] == b'\\' { 2 } else { 1 };
                }
                end + 1
            } else {
                start
                    + bytes[start..]
                        .iter()
                        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'.' || **b == b'-')
                        .count()
            };
            if end > start && !matches!(bytes[start], b'{' | b'[') {
                ranges.push((start, end));
            }
        }
        index += 1;
    }
    ranges
}

#[test]
fn a_wrong_value_anywhere_is_named_by_the_same_path() {
    let values = scalar_values(DEFAULT);
    assert!(
        values.len() > 200,
        "the default policy has many members: {}",
        values.len()
    );
    for replacement in ["[[1]]", "{\"zz\": 1}", "7", "-1.5", "\"x\"", "true", "null"] {
        let mut compared = 0;
        for &(start, end) in &values {
            let broken = format!("{}{replacement}{}", &DEFAULT[..start], &DEFAULT[end..]);
            let (wrapped, found) = (path_by_wrapping(&broken), path_from_position(&broken));
            if variant_named(&broken, wrapped.as_deref(), found.as_deref()) {
                continue;
            }
            assert_eq!(
                found,
                wrapped,
                "{replacement} in place of {:?}",
                &DEFAULT[start..end]
            );
            compared += usize::from(found.is_some());
        }
        assert!(
            compared > 50,
            "{replacement}: most of them are errors ({compared})"
        );
    }
}

#[test]
fn a_policy_cut_short_at_any_byte_is_named_by_the_same_path() {
    for end in 1..DEFAULT.len() {
        let cut = &DEFAULT[..end];
        assert_eq!(
            path_from_position(cut),
            path_by_wrapping(cut),
            "cut after {end} bytes"
        );
    }
}

#[test]
fn wrong_values_at_the_very_end_and_missing_commas_are_named_by_the_same_path() {
    let documents = [
        r#"{"teams": [{"id": "a", "name": 5"#,
        r#"{"teams": [{"id": "a", "name": "A", "tier": ["#,
        r#"{"teams": [5]}"#,
        r#"{"teams": {}}"#,
        r#"{"tiers": [{"id": "l1", "level": [1]}]}"#,
        r#"{"teams": [{"id": "a" "name": "A"}]}"#,
    ];
    for document in documents {
        assert_eq!(
            path_from_position(document),
            path_by_wrapping(document),
            "{document}"
        );
    }
    // The one known difference: a team written as a list (serde accepts a record's fields in order) whose
    // first field is a list is named by the team, where wrapping names the field.
    let record_as_list = r#"{"teams": [[[]]]}"#;
    assert_eq!(
        path_by_wrapping(record_as_list).as_deref(),
        Some("teams[0][0]")
    );
    assert_eq!(
        path_from_position(record_as_list).as_deref(),
        Some("teams[0]")
    );
}
