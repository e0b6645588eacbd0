//! The discrete-event simulator: scenario format, seeded random streams, arrivals, the event loop, test models.

pub mod arrivals;
pub mod assignment;
pub mod duration;
pub mod fingerprint;
pub mod limits;
pub mod model;
pub mod policy_model;
pub mod prepared;
pub mod queueing;
pub mod random;
pub mod reference_models;
pub mod replay;
pub mod report;
pub mod scenario;
pub mod simulator;

pub use model::{
    Assignment, Checkpoint, CheckpointKind, Escalation, PolicyModel, TeamCalendar, TeamId, TeamInfo,
};
pub use policy_model::{
    resolve_policy, run_context, run_scenario, run_scenario_with_progress, EnginePolicyModel,
    ModelError, ScenarioResult,
};
pub use scenario::{PolicyOverride, PolicySource, Scenario, ScenarioError};
pub use simulator::{
    run_replication, simulate, simulate_replications, Progress, Simulation, SimulationRun,
};
