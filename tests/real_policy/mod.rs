//! The presets in `www/presets/` with the real default policy, and a one-day golden run whose journeys must be
//! identical natively and in wasm32.

use escalator::engine::duration::Duration;
use escalator::engine::policy::Policy;
use escalator::engine::time::DAY;
use escalator::sim::duration::Horizon;
use escalator::sim::{resolve_policy, Scenario};

pub const DEFAULT_POLICY: &str = include_str!("../../www/presets/default.json");

/// Every scenario preset: (file stem, JSON text).
pub const PRESETS: [(&str, &str); 4] = [
    (
        "normal-week",
        include_str!("../../www/presets/normal-week.json"),
    ),
    (
        "billing-outage",
        include_str!("../../www/presets/billing-outage.json"),
    ),
    (
        "new-first-line",
        include_str!("../../www/presets/new-first-line.json"),
    ),
    (
        "sla-tightened",
        include_str!("../../www/presets/sla-tightened.json"),
    ),
];

/// The named policy presets a scenario may refer to.
pub fn policy_preset(name: &str) -> Option<String> {
    (name == "default").then(|| DEFAULT_POLICY.to_owned())
}

pub fn preset(stem: &str) -> Scenario {
    let (_, text) = PRESETS
        .iter()
        .find(|(name, _)| *name == stem)
        .expect("a preset of that name");
    Scenario::from_json(text).expect("the preset parses")
}

pub fn policy_of(scenario: &Scenario) -> Policy {
    resolve_policy(scenario, policy_preset).expect("the policy resolves")
}

/// Tickets in the golden real-policy run.
pub const GOLDEN_TICKETS: usize = 501;
/// `journeys_fingerprint` of the golden real-policy run, recorded from the native build (again when the
/// simulator began to update customers and time next updates).
pub const GOLDEN_FINGERPRINT: u64 = 9_166_979_612_045_368_635;

/// The normal-week preset cut to its first day (Monday) and one replication.
pub fn golden_scenario() -> Scenario {
    let mut scenario = preset("normal-week");
    scenario.workload.horizon = Horizon(Duration::from_seconds(DAY));
    scenario.replications = 1;
    scenario
}
