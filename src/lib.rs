//! Escalator: escalation-matrix engine, ticket simulator and metrics, with a JSON front door (`api`) that the
//! JS package, the widget and the CLI share, and a yew playground on wasm32.

pub mod api;
pub mod engine;
pub mod format;
pub mod import;
pub mod json;
mod json_path;
pub mod metrics;
pub mod sim;
pub mod view;
pub mod workspace;

#[cfg(all(
    target_arch = "wasm32",
    any(feature = "js-engine", feature = "js-tools", feature = "js-simulator")
))]
mod bindings;
#[cfg(all(target_arch = "wasm32", feature = "playground"))]
pub mod web;
