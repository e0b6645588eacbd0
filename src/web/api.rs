//! Functions the page's JavaScript calls: the simulation worker's entry points.

use std::cell::RefCell;

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::engine::journey::Journey;
use crate::engine::policy::Policy;
use crate::json::from_json;
use crate::sim::report::SimulationReport;
use crate::sim::{run_scenario_with_progress, Scenario};

thread_local! {
    /// The first replication's journeys of the last run, so the page can ask for one ticket's journey.
    static LAST_JOURNEYS: RefCell<Vec<Journey>> = const { RefCell::new(Vec::new()) };
}

/// What the page sends to simulate: the edited policy and scenario.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SimulationInput {
    policy: Policy,
    scenario: Scenario,
}

/// Runs every replication of `{"policy": …, "scenario": …}` and returns the report as JSON; `on_progress` is
/// called with the share done (0 to 1). Errors are messages with the JSON path of the problem.
#[wasm_bindgen]
pub fn simulate_json(input: &str, on_progress: &js_sys::Function) -> Result<String, JsValue> {
    let input: SimulationInput =
        from_json(input).map_err(|err| JsValue::from_str(&err.to_string()))?;
    let mut report_progress = |fraction: f64| {
        let _progress_is_best_effort =
            on_progress.call1(&JsValue::NULL, &JsValue::from_f64(fraction));
    };
    let result = run_scenario_with_progress(&input.scenario, &input.policy, &mut report_progress)
        .map_err(|err| JsValue::from_str(&err.to_string()))?;
    let report = SimulationReport::new(&input.policy, &result);
    if let Some(first) = result.runs.into_iter().next() {
        LAST_JOURNEYS.with(|journeys| *journeys.borrow_mut() = first.journeys);
    }
    serde_json::to_string(&report).map_err(|err| JsValue::from_str(&err.to_string()))
}

/// The journey of ticket `index` of the last run, as JSON.
#[wasm_bindgen]
pub fn journey_json(index: usize) -> Result<String, JsValue> {
    LAST_JOURNEYS.with(|journeys| {
        let journeys = journeys.borrow();
        let journey = journeys.get(index).ok_or_else(|| {
            JsValue::from_str(&format!(
                "no ticket {index} in the last run ({} tickets)",
                journeys.len()
            ))
        })?;
        serde_json::to_string(journey).map_err(|err| JsValue::from_str(&err.to_string()))
    })
}
