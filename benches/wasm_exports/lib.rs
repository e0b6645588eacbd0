//! The benchmark workloads as a Wasm module for Node (`cargo xtask bench`): the driver
//! `xtask/bench/run-wasm.mjs` times `Bench::run` with `performance.now()`. Never part of the app's Wasm.
#![cfg(target_arch = "wasm32")]

#[path = "../workloads/mod.rs"]
mod workloads;

use wasm_bindgen::prelude::*;

/// The prepared workloads; JS calls `run(name)` once per timed repetition.
#[wasm_bindgen]
pub struct Bench {
    workloads: workloads::Workloads,
}

#[wasm_bindgen]
impl Bench {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Bench, JsError> {
        let workloads = workloads::Workloads::new().map_err(|message| JsError::new(&message))?;
        Ok(Bench { workloads })
    }

    /// The benchmark names, in the order the native harness runs them.
    pub fn names() -> Vec<String> {
        workloads::BENCHMARKS
            .iter()
            .map(|benchmark| benchmark.name.to_owned())
            .collect()
    }

    /// What each benchmark measures, in the order of `names`.
    pub fn descriptions() -> Vec<String> {
        workloads::BENCHMARKS
            .iter()
            .map(|benchmark| benchmark.description.to_owned())
            .collect()
    }

    /// Runs one benchmark once: `[tickets, events]` and the checksum as 16 hex digits.
    pub fn run(&self, name: &str) -> Result<Vec<String>, JsError> {
        let work = self
            .workloads
            .run(name)
            .map_err(|message| JsError::new(&message))?;
        Ok(vec![
            work.tickets.to_string(),
            work.events.to_string(),
            format!("{:016x}", work.checksum),
        ])
    }
}
