//! Compile and lint of generated policies at the size limits: `rules` routing rules, half as many triggers
//! and twice as many matrix rows over 900 extra categories, to show that the cost grows about linearly.

use escalator::engine::lint::lint_compiled;
use escalator::engine::policy::Policy;
use serde_json::{json, Value};

use super::Work;

const PRIORITIES: [&str; 5] = ["low", "medium", "high", "critical", "*"];

/// The default preset grown to `rules` routing rules, `rules / 2` triggers and `2 × rules` matrix rows.
pub fn policy(preset: &str, rules: usize) -> Result<Policy, String> {
    let mut document: Value =
        serde_json::from_str(preset).map_err(|error| format!("default preset: {error}"))?;
    let categories =
        (0..900).map(|i| json!({"id": format!("c{i}"), "name": format!("Category {i}")}));
    document["categories"]
        .as_array_mut()
        .ok_or("the preset has categories")?
        .extend(categories);
    document["routing"]["rules"] = (0..rules)
        .map(|i| {
            json!({"id": format!("rule_{i}"), "to": "billing",
                   "when": format!("category == \"billing\" and amount > {i}")})
        })
        .collect();
    document["triggers"] = (0..rules / 2)
        .map(|i| {
            json!({"id": format!("trigger_{i}"), "to": "supervisors", "reason": "generated",
                   "when": format!("segment == \"segment_{i}\"")})
        })
        .collect();
    document["escalation_matrix"] = (0..2 * rules)
        .map(|i| {
            json!({"category": format!("c{}", i % 900), "priority": PRIORITIES[i % 5],
                   "levels": [{"to": "billing", "after": "1h", "time": "business", "kind": "functional"}]})
        })
        .collect();
    Policy::from_json(&document.to_string()).map_err(|error| format!("generated policy: {error}"))
}

/// Compiles the policy once and lints the compiled form, as the playground does at every edit.
pub fn compile_and_lint(policy: &Policy) -> Work {
    let compiled = policy.compile();
    let findings = lint_compiled(policy, &compiled);
    Work {
        tickets: policy.routing.rules.len() as u64,
        events: findings.len() as u64,
        checksum: u64::from(compiled.is_ok()) + findings.len() as u64,
    }
}
