//! Reading an imported file: a whole workspace, a policy or a scenario, recognised by its fields.

use crate::engine::policy::Policy;
use crate::json::from_json;
use crate::sim::scenario::Scenario;
use crate::workspace::Workspace;

/// The workspace after importing `text`, and a sentence saying what was imported.
pub fn import(text: &str, current: &Workspace) -> Result<(Workspace, String), String> {
    let value: serde_json::Value = from_json(text).map_err(|err| {
        format!(
            "not JSON: {} (line {}, column {})",
            err.inner,
            err.inner.line(),
            err.inner.column()
        )
    })?;
    let has = |field: &str| value.get(field).is_some();
    if has("policy") && has("scenario") && has("draft") {
        let workspace =
            Workspace::from_json(text).map_err(|err| format!("not a valid workspace: {err}"))?;
        return Ok((workspace, "Imported the whole workspace.".to_owned()));
    }
    if has("schema_version") {
        let policy = Policy::from_json(text).map_err(|err| format!("not a valid policy: {err}"))?;
        let mut next = current.clone();
        next.policy = policy;
        next.condition_drafts.clear();
        next.policy_json_draft = None;
        let message = format!("Imported the policy “{}”.", next.policy.name);
        return Ok((next, message));
    }
    if has("workload") {
        let scenario =
            Scenario::from_json(text).map_err(|err| format!("not a valid scenario: {err}"))?;
        let mut next = current.clone();
        next.scenario = scenario;
        return Ok((next, "Imported the scenario.".to_owned()));
    }
    Err("this file is not a policy (no schema_version), a scenario (no workload) or an Escalator workspace".to_owned())
}

/// File name for an export: the policy's name in lower case with dashes.
pub fn file_stem(workspace: &Workspace) -> String {
    let stem: String = workspace
        .policy
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "escalator".to_owned()
    } else {
        stem
    }
}
