//! Keeps docs/policy-format.md honest: every ```json block in it is a complete policy that reads, compiles
//! and lints clean.

use escalator::engine::lint::lint;
use escalator::engine::policy::Policy;

fn json_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (number, line) in markdown.lines().enumerate() {
        match (&mut current, line.trim_end()) {
            (None, "```json") => current = Some((number + 1, String::new())),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "unclosed ```json block");
    blocks
}

#[test]
fn every_json_example_in_the_format_doc_is_a_clean_policy() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/policy-format.md"
    ))
    .expect("doc present");
    let blocks = json_blocks(&doc);
    assert_eq!(blocks.len(), 2, "the minimal and the complete example");
    for (line, text) in blocks {
        let policy = Policy::from_json(&text)
            .unwrap_or_else(|error| panic!("block at line {line}: {error}"));
        policy
            .compile()
            .unwrap_or_else(|errors| panic!("block at line {line}: {errors}"));
        let diagnostics = lint(&policy);
        assert!(
            diagnostics.is_empty(),
            "block at line {line}: {diagnostics:#?}"
        );
        let again = Policy::from_json(&policy.to_json()).expect("the policy round-trips");
        assert_eq!(
            again, policy,
            "block at line {line} round-trips through to_json"
        );
    }
}
