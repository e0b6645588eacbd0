//! The real policy in the simulator: the compiled engine policy as a `PolicyModel`, its calendars as team hours,
//! resolving a scenario's `policy` (a preset name or an inline document, plus overrides), and running a scenario
//! to journeys and metrics in one call.

mod calendar;
mod chain;
mod model;
mod run;
mod sla_tables;
mod source;

pub use chain::{unresolved_chain, ChainStep};
pub use model::{EnginePolicyModel, ModelError};
pub use run::{
    policy_sla_targets, run_context, run_scenario, run_scenario_with_progress, ScenarioResult,
};
pub use source::resolve_policy;
