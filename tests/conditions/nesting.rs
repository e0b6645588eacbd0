//! Nesting is bounded in both forms, and every text condition within the bound survives being saved in the
//! structured form inside a policy (it used to fail to reload with "recursion limit exceeded").

use escalator::engine::condition::{Condition, ErrorKind, MAX_NESTING};
use escalator::engine::policy::Policy;
use serde_json::json;

fn nots(count: usize) -> String {
    format!("{}signals.abusive", "not ".repeat(count))
}

#[test]
fn text_nesting_past_the_limit_is_an_error_at_the_first_level_too_deep() {
    let error = Condition::parse(&nots(MAX_NESTING + 1)).expect_err("too deep");
    assert_eq!(error.kind, ErrorKind::InvalidStructure);
    assert_eq!(error.column(), Some(4 * MAX_NESTING + 1));
    assert!(error.message.contains("16 levels"), "{}", error.message);
    let parens = format!(
        "{}amount > 1{}",
        "(".repeat(MAX_NESTING + 1),
        ")".repeat(MAX_NESTING + 1)
    );
    assert_eq!(
        Condition::parse(&parens).expect_err("too deep").kind,
        ErrorKind::InvalidStructure
    );
}

#[test]
fn a_megabyte_of_open_parentheses_is_refused_without_recursing() {
    let error = Condition::parse(&"(".repeat(1 << 20)).expect_err("refused");
    assert_eq!(error.kind, ErrorKind::InvalidStructure);
}

#[test]
fn the_deepest_text_condition_reloads_from_its_structured_form_inside_a_policy() {
    // One `not`, then `not (` pairs, then the innermost `(`: exactly MAX_NESTING levels.
    let pairs = (MAX_NESTING - 2) / 2;
    let deepest = format!(
        "not {}category == \"billing\" and (amount > 5 or segment == \"vip\"){}",
        "not (".repeat(pairs),
        ")".repeat(pairs)
    );
    let condition = Condition::parse(&deepest).expect("within the limit");
    let policy = json!({
        "schema_version": 1, "name": "Deep",
        "tiers": [{"id": "l1", "name": "L1", "level": 1}],
        "teams": [{"id": "desk", "name": "Desk", "tier": "l1", "agents": 1}],
        "routing": {"default": "desk", "rules": [{"id": "deep", "when": condition.to_json(), "to": "desk"}]}
    });
    let policy = Policy::from_json(&policy.to_string()).expect("the structured form reloads");
    assert_eq!(policy.routing.rules[0].when.to_text(), condition.to_text());
}

#[test]
fn structured_nesting_past_the_limit_is_an_error_with_its_path() {
    let mut node = json!({"field": "signals.abusive", "op": "==", "value": true});
    for _ in 0..40 {
        node = json!({ "not": node });
    }
    let error = Condition::from_json(&node).expect_err("too deep");
    assert_eq!(error.kind, ErrorKind::InvalidStructure);
    let path = error.json_path().expect("a JSON path");
    assert!(path.starts_with("not.not.not"), "{path}");
}
