//! The engine's one programmable front door: JSON text in, JSON text out. The JS package (and through it the
//! widget and the playground's worker) and the CLI call these functions; nothing here knows about the web.

// An `ApiError` is built once per failed call and carries everything a message needs (path, line, column,
// help, every problem); boxing it would add an allocation without making any call faster.
#![allow(clippy::result_large_err)]

mod answer;
mod engine;
mod error;
mod import;
mod simulation;
mod zone;

pub use answer::RouteAnswer;
pub use engine::{
    lint, parse_condition, read_instant, read_policy, read_ticket, Engine, ParsedCondition,
    Receiver,
};
pub use error::{ApiError, Problem, MAX_INPUT_BYTES};
pub use import::{import_log, log_columns, OpenedLog, MAX_LISTED_PROBLEMS};
pub use simulation::{read_run, summarize, RunInput, SimulationJob};
