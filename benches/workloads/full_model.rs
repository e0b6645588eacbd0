//! The "full model" the simulation benchmarks run: the real default policy as the simulator's `PolicyModel`
//! (`EnginePolicyModel`) on the normal-week preset, for one week or stretched to four.

use escalator::sim::{resolve_policy, EnginePolicyModel, Scenario};

pub type FullModel = EnginePolicyModel;

pub const WEEK_DESCRIPTION: &str =
    "full model: real default policy, normal-week preset (one week), 8 replications per run";
pub const FOUR_WEEKS_DESCRIPTION: &str =
    "full model: real default policy, normal-week preset stretched to four weeks, 2 replications per run";

const NORMAL_WEEK: &str = include_str!("../../www/presets/normal-week.json");

/// The normal-week preset with its horizon set to `days`.
pub fn scenario(days: u32) -> Result<Scenario, String> {
    let mut document: serde_json::Value = serde_json::from_str(NORMAL_WEEK)
        .map_err(|error| format!("normal-week preset: {error}"))?;
    document["workload"]["horizon"] = days.into();
    Scenario::from_json(&document.to_string())
        .map_err(|error| format!("normal-week preset over {days} days: {error}"))
}

/// The compiled policy the scenario names (the default preset), as the simulator's model.
pub fn model(scenario: &Scenario) -> Result<FullModel, String> {
    let policy = resolve_policy(scenario, |name| {
        (name == "default").then(|| super::DEFAULT_PRESET.to_owned())
    })
    .map_err(|error| format!("full model policy: {error}"))?;
    let compiled = policy
        .compile()
        .map_err(|error| format!("full model policy: {error}"))?;
    EnginePolicyModel::new(compiled).map_err(|error| format!("full model: {error}"))
}
