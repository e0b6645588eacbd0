//! The simulator and the metrics calculator for JS: one replication per call, so the package can report
//! progress, yield to the event loop and honour an `AbortSignal` between replications.

use wasm_bindgen::prelude::*;

use super::thrown;
use crate::api::{self, ApiError, OpenedLog, SimulationJob};
use crate::engine::journey::Journey;

/// A simulation being run from JS.
#[wasm_bindgen]
pub struct SimulationHandle {
    job: Option<SimulationJob>,
    replications: u32,
    /// The first replication's journeys, once finished.
    journeys: Vec<Journey>,
}

#[wasm_bindgen]
impl SimulationHandle {
    /// Reads the scenario (JSON) and the policy (JSON, or `undefined` for the scenario's inline policy).
    #[wasm_bindgen(constructor)]
    pub fn new(
        policy_json: Option<String>,
        scenario_json: &str,
    ) -> Result<SimulationHandle, JsValue> {
        let job = SimulationJob::new(policy_json.as_deref(), scenario_json).map_err(thrown)?;
        Ok(SimulationHandle {
            replications: job.replications(),
            job: Some(job),
            journeys: Vec::new(),
        })
    }

    pub fn replications(&self) -> u32 {
        self.replications
    }

    /// Runs the next replication, calling `on_progress(fraction)` as it goes; `false` when none was left.
    #[wasm_bindgen(js_name = runNext)]
    pub fn run_next(&mut self, on_progress: &js_sys::Function) -> bool {
        let mut report = |fraction: f64| {
            let _progress_is_best_effort =
                on_progress.call1(&JsValue::NULL, &JsValue::from_f64(fraction));
        };
        self.job
            .as_mut()
            .is_some_and(|job| job.run_next(&mut report))
    }

    /// The report (JSON) over the replications run so far, or `undefined` before the first.
    pub fn partial(&mut self) -> Option<String> {
        self.job.as_mut()?.partial_report()
    }

    /// Runs what is left and returns the report (JSON); the first replication's journeys stay for `journey`.
    pub fn finish(&mut self) -> Result<String, JsValue> {
        let job = self.job.take().ok_or_else(|| {
            thrown(ApiError::new(
                "finished",
                "simulation",
                "this simulation has already been finished",
                "start a new simulation",
            ))
        })?;
        let (report, journeys) = job.finish_report();
        self.journeys = journeys;
        Ok(report)
    }

    /// Ticket `index`'s journey (JSON) from the first replication (which a partial report shows too).
    pub fn journey(&self, index: usize) -> Result<String, JsValue> {
        let journeys = self
            .job
            .as_ref()
            .and_then(SimulationJob::first_journeys)
            .unwrap_or(&self.journeys);
        let journey = journeys.get(index).ok_or_else(|| {
            thrown(ApiError::new(
                "journey",
                "index",
                format!("no ticket {index} in this run ({} tickets)", journeys.len()),
                "pick an index from the report's tickets",
            ))
        })?;
        Ok(serde_json::to_string(journey).unwrap_or_default())
    }
}

/// A ticket log read once and kept in the module: its report, journeys, replays and scenario.
#[wasm_bindgen]
pub struct LogHandle {
    log: OpenedLog,
}

fn progress_reporter(on_progress: &js_sys::Function) -> impl FnMut(f64) + '_ {
    move |fraction: f64| {
        let _progress_is_best_effort =
            on_progress.call1(&JsValue::NULL, &JsValue::from_f64(fraction));
    }
}

#[wasm_bindgen]
impl LogHandle {
    /// Reads `bytes` with `options_json`, calling `on_progress(fraction)` as it goes.
    #[wasm_bindgen(constructor)]
    pub fn new(
        bytes: &[u8],
        options_json: &str,
        on_progress: &js_sys::Function,
    ) -> Result<LogHandle, JsValue> {
        let log = OpenedLog::open(bytes, options_json, &mut progress_reporter(on_progress))
            .map_err(thrown)?;
        Ok(LogHandle { log })
    }

    /// The import report (JSON), with a row per ticket, flows and samples.
    pub fn report(&self) -> String {
        self.log.answer_json(true)
    }

    /// Ticket `index`'s journey (JSON).
    pub fn journey(&self, index: usize) -> Result<String, JsValue> {
        self.log.journey_json(index).map_err(thrown)
    }

    /// The log's tickets through `policy_json` (or the scenario's inline policy) with `scenario_json`.
    pub fn replay(
        &self,
        policy_json: Option<String>,
        scenario_json: &str,
        on_progress: &js_sys::Function,
    ) -> Result<String, JsValue> {
        self.log
            .replay_json(
                policy_json.as_deref(),
                scenario_json,
                &mut progress_reporter(on_progress),
            )
            .map_err(thrown)
    }

    /// A scenario drawn from the log (`shape_json`: `{"start"?, "days"?, "growth"?, "teams"?}`).
    pub fn scenario(&self, shape_json: &str) -> Result<String, JsValue> {
        self.log.scenario_json(shape_json).map_err(thrown)
    }
}

/// A help desk's ticket log (CSV bytes) read with `options` (JSON): its summary, row problems and metrics.
#[wasm_bindgen(js_name = importLog)]
pub fn import_log(bytes: &[u8], options_json: &str) -> Result<String, JsValue> {
    api::import_log(bytes, options_json).map_err(thrown)
}

/// A file's header columns and a suggested column mapping (JSON).
#[wasm_bindgen(js_name = logColumns)]
pub fn log_columns(bytes: &[u8]) -> Result<String, JsValue> {
    api::log_columns(bytes).map_err(thrown)
}

/// The metrics of `{"journeys": [...], "start"?, "end"?}` as JSON.
#[wasm_bindgen]
pub fn summarize(input_json: &str) -> Result<String, JsValue> {
    api::summarize(input_json).map_err(thrown)
}
