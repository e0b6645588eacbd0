//! Resolving a scenario's `policy`: a preset name looked up by the caller, or an inline document; then the
//! scenario's `policy_overrides` are applied and the result is read as a `Policy`. Errors name the JSON path.

use serde_json::Value;

use crate::engine::policy::Policy;
use crate::json::from_json;
use crate::sim::scenario::{PolicySource, Scenario, ScenarioError};

/// The policy a scenario simulates. `lookup` returns the JSON text of a named preset (e.g. `"default"` →
/// `www/presets/default.json`), or `None` when there is no such preset.
pub fn resolve_policy(
    scenario: &Scenario,
    lookup: impl FnOnce(&str) -> Option<String>,
) -> Result<Policy, ScenarioError> {
    let mut document = match &scenario.policy {
        PolicySource::Named(name) => {
            let text = lookup(name).ok_or_else(|| {
                ScenarioError::new("policy", format!("unknown policy preset {name:?}"))
            })?;
            from_json::<Value>(&text).map_err(|err| {
                ScenarioError::new(
                    "policy",
                    format!("preset {name:?} is not valid JSON: {}", err.inner),
                )
            })?
        }
        PolicySource::Inline(document) => document.clone(),
    };
    for (index, change) in scenario.policy_overrides.iter().enumerate() {
        let slot = document.pointer_mut(&change.pointer).ok_or_else(|| {
            ScenarioError::new(
                format!("policy_overrides[{index}].pointer"),
                format!("the policy has no value at {:?}", change.pointer),
            )
        })?;
        *slot = change.value.clone();
    }
    let text = document.to_string();
    Policy::from_json(&text).map_err(|err| {
        let path = match err.path() {
            "." => "policy".to_owned(),
            inner => format!("policy.{inner}"),
        };
        ScenarioError::new(path, err.message())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCENARIO: &str = r#"{
        "policy": "tiny",
        "workload": {"start": "2026-03-02T00:00:00Z", "horizon": 7, "arrivals": {"constant": {"per_hour": 1}}},
        "mix": {"categories": {"general": 1}},
        "handling": {"default": {"time": {"fixed": "10m"}}}
    }"#;

    const TINY: &str = r#"{"schema_version": 1, "name": "Tiny",
        "tiers": [{"id": "l1", "name": "L1", "level": 1}],
        "teams": [{"id": "desk", "name": "Desk", "tier": "l1", "agents": 2}],
        "routing": {"default": "desk"}}"#;

    fn presets(name: &str) -> Option<String> {
        (name == "tiny").then(|| TINY.to_owned())
    }

    #[test]
    fn named_preset_is_looked_up_and_overridden() {
        let mut value: Value = serde_json::from_str(SCENARIO).unwrap();
        value["policy_overrides"] = serde_json::json!([{"pointer": "/teams/0/agents", "value": 7}]);
        let scenario = Scenario::from_json(&value.to_string()).unwrap();
        let policy = resolve_policy(&scenario, presets).unwrap();
        assert_eq!(policy.teams[0].agents, 7);
    }

    #[test]
    fn unknown_preset_is_an_error_at_policy() {
        let text = SCENARIO.replace("\"tiny\"", "\"huge\"");
        let scenario = Scenario::from_json(&text).unwrap();
        let err = resolve_policy(&scenario, presets).unwrap_err();
        assert_eq!(err.to_string(), "policy: unknown policy preset \"huge\"");
    }

    #[test]
    fn missing_override_target_names_the_override() {
        let mut value: Value = serde_json::from_str(SCENARIO).unwrap();
        value["policy_overrides"] = serde_json::json!([
            {"pointer": "/teams/0/agents", "value": 3},
            {"pointer": "/teams/4/agents", "value": 3}
        ]);
        let scenario = Scenario::from_json(&value.to_string()).unwrap();
        let err = resolve_policy(&scenario, presets).unwrap_err();
        assert_eq!(err.path, "policy_overrides[1].pointer");
        assert_eq!(
            err.message,
            "the policy has no value at \"/teams/4/agents\""
        );
    }

    #[test]
    fn bad_inline_policy_names_the_path_inside_policy() {
        let inline = TINY.replace("\"agents\": 2", "\"agents\": \"two\"");
        let text = SCENARIO.replace("\"tiny\"", &inline);
        let scenario = Scenario::from_json(&text).unwrap();
        let err = resolve_policy(&scenario, presets).unwrap_err();
        assert_eq!(err.path, "policy.teams[0].agents");
        assert!(err.message.contains("invalid type"), "{err}");
    }
}
