//! The discrete-event simulator: scenario format, seeded random streams, arrivals, the event loop, test models.

pub mod arrivals;
pub mod duration;
pub mod fingerprint;
pub mod model;
pub mod prepared;
pub mod queueing;
pub mod random;
pub mod reference_models;
pub mod scenario;
pub mod simulator;

pub use model::{
    Assignment, Checkpoint, CheckpointKind, Escalation, PolicyModel, TeamCalendar, TeamId, TeamInfo,
};
pub use scenario::{PolicySource, Scenario, ScenarioError};
pub use simulator::{simulate, simulate_replications, Progress, Simulation, SimulationRun};
