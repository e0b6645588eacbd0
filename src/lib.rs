//! Escalator: escalation-matrix engine, ticket simulator and metrics, with a yew playground on wasm32.

pub mod engine;
pub mod json;
pub mod metrics;
pub mod sim;

#[cfg(target_arch = "wasm32")]
pub mod web;
