//! `SimulationJob`: a scenario run through a policy one replication at a time, so a caller can report
//! progress and stop between replications; and `summarize`, the metrics of journeys from anywhere.

use serde::Deserialize;

use super::engine::{read_policy, to_json};
use super::error::ApiError;
use super::zone::read_zone;
use crate::engine::journey::Journey;
use crate::engine::policy::Policy;
use crate::engine::time::Instant;
use crate::json::from_json;
use crate::metrics::{self, Metrics, RunContext};
use crate::sim::prepared::PreparedScenario;
use crate::sim::report::SimulationReport;
use crate::sim::{
    resolve_policy, run_context, run_replication, EnginePolicyModel, PolicySource, Scenario,
    ScenarioResult, SimulationRun,
};

/// A simulation in progress.
pub struct SimulationJob {
    policy: Policy,
    model: EnginePolicyModel,
    prepared: PreparedScenario,
    replications: u32,
    runs: Vec<SimulationRun>,
    /// Each run's metrics, summarised as soon as it has run, so a partial report and the final one share them.
    metrics: Vec<Metrics>,
}

impl SimulationJob {
    /// Reads the scenario and the policy it runs through (see `read_run`).
    pub fn new(policy_json: Option<&str>, scenario_json: &str) -> Result<SimulationJob, ApiError> {
        let RunInput {
            policy,
            model,
            scenario,
        } = read_run(policy_json, scenario_json)?;
        let prepared = PreparedScenario::new(&scenario, &model)
            .map_err(|error| ApiError::from_scenario(&error))?;
        let replications = scenario.replications.max(1);
        Ok(SimulationJob {
            policy,
            model,
            prepared,
            replications,
            runs: Vec::new(),
            metrics: Vec::new(),
        })
    }

    pub fn replications(&self) -> u32 {
        self.replications
    }

    /// Tickets the whole run is expected to create, over every replication.
    pub fn expected_tickets(&self) -> f64 {
        self.prepared.expected_tickets() * f64::from(self.replications)
    }

    /// Replications run so far.
    pub fn done(&self) -> u32 {
        self.runs.len() as u32
    }

    /// Runs the next replication, reporting the share of the whole job done; `false` once all have run.
    pub fn run_next(&mut self, on_progress: &mut dyn FnMut(f64)) -> bool {
        let next = self.done();
        if next >= self.replications {
            return false;
        }
        let run = run_replication(
            &self.prepared,
            &self.model,
            next,
            self.replications,
            on_progress,
        );
        self.metrics.push(metrics::summarize(
            &run.journeys,
            &run_context(&self.model, &run),
        ));
        self.runs.push(run);
        true
    }

    /// The report (JSON) over the replications run so far, to show before the rest refine it; `None` before
    /// the first has run.
    pub fn partial_report(&mut self) -> Option<String> {
        if self.runs.is_empty() {
            return None;
        }
        let result = ScenarioResult {
            runs: std::mem::take(&mut self.runs),
            metrics: std::mem::take(&mut self.metrics),
        };
        let report = to_json(&SimulationReport::new(&self.policy, &result));
        self.runs = result.runs;
        self.metrics = result.metrics;
        Some(report)
    }

    /// The first replication's journeys, once it has run (`None` before).
    pub fn first_journeys(&self) -> Option<&[Journey]> {
        self.runs.first().map(|run| &run.journeys[..])
    }

    /// Runs whatever is left and returns every replication with its metrics.
    pub fn finish(mut self) -> (Policy, ScenarioResult) {
        while self.run_next(&mut |_| {}) {}
        let result = ScenarioResult {
            runs: self.runs,
            metrics: self.metrics,
        };
        (self.policy, result)
    }

    /// Runs whatever is left; the report as JSON and the first replication's journeys.
    pub fn finish_report(self) -> (String, Vec<Journey>) {
        let (policy, mut result) = self.finish();
        let report = SimulationReport::new(&policy, &result);
        let journeys = result
            .runs
            .first_mut()
            .map(|run| std::mem::take(&mut run.journeys))
            .unwrap_or_default();
        (to_json(&report), journeys)
    }
}

/// A scenario and the policy it runs through, read and compiled.
pub struct RunInput {
    pub policy: Policy,
    pub model: EnginePolicyModel,
    pub scenario: Scenario,
}

/// Reads the scenario and the policy it runs through. The scenario's `policy_overrides` are applied to
/// `policy_json`; without one (`None`), the scenario must hold its policy inline.
pub fn read_run(policy_json: Option<&str>, scenario_json: &str) -> Result<RunInput, ApiError> {
    ApiError::check_size("scenario", scenario_json)?;
    let mut scenario =
        Scenario::from_json(scenario_json).map_err(|error| ApiError::from_scenario(&error))?;
    if let Some(policy_json) = policy_json {
        let document: serde_json::Value =
            serde_json::to_value(read_policy(policy_json)?).map_err(|error| {
                ApiError::new(
                    "policy-shape",
                    "policy",
                    error.to_string(),
                    "check the policy",
                )
            })?;
        scenario.policy = PolicySource::Inline(document);
    }
    if let PolicySource::Named(name) = &scenario.policy {
        return Err(ApiError::new(
            "scenario",
            "scenario",
            format!("the scenario names the policy preset {name:?}, and no policy was given"),
            "pass the policy document, or put it inline in the scenario's `policy`",
        )
        .at_path("policy"));
    }
    let policy =
        resolve_policy(&scenario, |_| None).map_err(|error| ApiError::from_scenario(&error))?;
    let compiled = policy
        .compile()
        .map_err(|errors| ApiError::from_compile(&errors))?;
    let model = EnginePolicyModel::new(compiled).map_err(|error| {
        ApiError::new(
            "policy-compile",
            "policy",
            error.to_string(),
            "check the teams",
        )
        .at_path("teams")
    })?;
    Ok(RunInput {
        policy,
        model,
        scenario,
    })
}

/// What `summarize` reads: journeys, and optionally the period they are counted over.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SummaryInput {
    journeys: Vec<Journey>,
    #[serde(default)]
    start: Option<Instant>,
    #[serde(default)]
    end: Option<Instant>,
    /// The zone whose local midnights cut the day, week and month series (UTC when left out).
    #[serde(default)]
    zone: Option<String>,
}

/// The metrics of journeys (simulated or imported) over `[start, end)`, by default from the first ticket's
/// creation to one second after the last event. Teams are those the journeys name; times are calendar time;
/// series are cut at midnight in `zone`.
pub fn summarize(input_json: &str) -> Result<String, ApiError> {
    ApiError::check_size("journeys", input_json)?;
    let input: SummaryInput = from_json(input_json).map_err(|error| {
        ApiError::from_json(
            "journeys",
            "journeys",
            &error,
            "pass {\"journeys\": [...]} as the simulator writes them; see docs/metrics.md",
        )
    })?;
    let first = input
        .journeys
        .iter()
        .map(|journey| journey.created_at)
        .min();
    let last = input
        .journeys
        .iter()
        .flat_map(|journey| journey.events.iter().map(|event| event.at))
        .chain(input.journeys.iter().map(|journey| journey.created_at))
        .max();
    let start = input.start.or(first).unwrap_or_default();
    let end = input
        .end
        .or(last.map(|at| at.plus(1)))
        .unwrap_or(start.plus(1));
    if end <= start {
        return Err(ApiError::new(
            "journeys",
            "journeys",
            format!("the period ends ({end}) before it starts ({start})"),
            "give an `end` after `start`",
        )
        .at_path("end"));
    }
    let zone = read_zone(input.zone.as_deref(), "journeys", "journeys")?;
    let context = RunContext::new(start, end).with_zone(zone);
    Ok(to_json(&metrics::summarize(&input.journeys, &context)))
}
