//! Keeps docs/conditions.md honest: every example in it must parse and type-check against the documented catalog.

use escalator::engine::condition::{Condition, FieldCatalog, FieldType};

const DOC: &str = include_str!("../../docs/conditions.md");

fn catalog() -> FieldCatalog {
    FieldCatalog::ticket()
        .with("age", FieldType::Duration)
        .with("team", FieldType::Text)
}

/// The bodies of the fenced blocks tagged `tag`.
fn blocks(tag: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for line in DOC.lines() {
        match (&mut current, line.trim_end()) {
            (None, fence) if fence == format!("```{tag}") => current = Some(String::new()),
            (Some(body), "```") => {
                found.push(std::mem::take(body));
                current = None;
            }
            (Some(body), text) => {
                body.push_str(text);
                body.push('\n');
            }
            (None, _) => {}
        }
    }
    found
}

#[test]
fn every_text_example_parses_and_round_trips() {
    let examples: Vec<String> = blocks("condition")
        .iter()
        .flat_map(|block| block.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|line| !line.trim().is_empty())
        .collect();
    assert!(examples.len() >= 25, "found {} examples", examples.len());
    for example in examples {
        let condition = Condition::parse_checked(&example, &catalog())
            .unwrap_or_else(|err| panic!("{example}: {err}"));
        let again = Condition::parse_checked(&condition.to_text(), &catalog()).unwrap();
        assert_eq!(again, condition, "{example}");
    }
}

#[test]
fn every_json_example_reads_and_matches_its_text() {
    let examples = blocks("condition-json");
    assert_eq!(examples.len(), 2);
    for example in examples {
        let json: serde_json::Value = serde_json::from_str(&example).expect("doc JSON is valid");
        let mut condition =
            Condition::from_json(&json).unwrap_or_else(|err| panic!("{example}: {err}"));
        condition
            .bind(&catalog())
            .unwrap_or_else(|err| panic!("{example}: {err}"));
        assert_eq!(
            Condition::parse_checked(&condition.to_text(), &catalog()).unwrap(),
            condition
        );
    }
}

#[test]
fn the_error_examples_are_what_the_parser_says() {
    let inputs = [
        "amount => 500",
        "category == \"billing\"\n  and amount > 5\n  and sigals.abusive",
        "priority >= urgent",
        "category < \"b\"",
        "age > 4x",
        "category in [\"billing\", \"refund\"",
    ];
    let documented = DOC.split("## Errors").nth(1).expect("errors section");
    for input in inputs {
        let error = Condition::parse_checked(input, &catalog()).unwrap_err();
        assert!(
            documented.contains(&error.to_string()),
            "docs lack: {error}"
        );
    }
}
