//! Reading a help desk's ticket log for JS callers (the playground's worker): the import summary, its row
//! problems (the first `MAX_LISTED_PROBLEMS`; the summary counts them all) and every metric, as JSON.

use serde::{Deserialize, Serialize};

use super::engine::to_json;
use super::error::ApiError;
use super::simulation::{read_run, RunInput};
use super::zone::read_zone;
use crate::engine::time::Instant;
use crate::import::{
    monday_after, read_log_with_progress, replay_log, scenario_from_log, DateOrder, HandlingSource,
    ImportSummary, ImportedLog, LogFormat, Mapping, Reader, RowProblem, ScenarioShape,
};
use crate::json::from_json;
use crate::metrics::Metrics;
use crate::sim::limits::MAX_HORIZON_DAYS;
use crate::sim::report::SimulationReport;
use crate::sim::{Scenario, ScenarioResult};

/// Problems listed one by one in the answer; the summary's groups count every one.
pub const MAX_LISTED_PROBLEMS: usize = 500;

/// How to read the log: everything optional, detected when left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ImportOptions {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    mapping: Option<Mapping>,
    #[serde(default)]
    date_order: Option<String>,
    /// Seconds since 1970: timestamps after it are refused as in the future.
    #[serde(default)]
    now: Option<i64>,
    /// The zone of times written without an offset, and of the log's days: `Europe/London`, `+02:00`, `UTC`.
    #[serde(default)]
    zone: Option<String>,
}

#[derive(Serialize)]
struct ImportAnswer<'a> {
    summary: &'a ImportSummary,
    problems: &'a [RowProblem],
    metrics: Metrics,
    /// The log as the results views show a run (ticket rows, flows, samples), when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<SimulationReport>,
}

/// What a replay answers: the simulated runs as a report, the observed tickets measured with the same
/// policy's SLA clocks, and where each team's handling came from.
#[derive(Serialize)]
struct ReplayAnswer<'a> {
    /// Observed in the log; SLA compliance against the policy's targets.
    observed: &'a Metrics,
    /// Simulated: the log's tickets through the policy, one metrics entry per replication.
    replay: SimulationReport,
    handling: &'a [HandlingSource],
    /// The scenario the replay ran (the log's arrivals, the workspace's scenario for the rest).
    scenario: &'a Scenario,
}

/// The shape of a scenario drawn from a log: `{"start"?, "days"?, "growth"?}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShapeOptions {
    #[serde(default)]
    start: Option<Instant>,
    #[serde(default)]
    days: Option<u32>,
    #[serde(default)]
    growth: Option<f64>,
    /// Ids of the policy's teams, which get the log's handling of a team of the same name.
    #[serde(default)]
    teams: Vec<String>,
}

/// A ticket log read once and kept, so its journeys can be opened, replayed and turned into a scenario.
pub struct OpenedLog {
    log: ImportedLog,
}

impl OpenedLog {
    /// Reads `bytes` as a ticket log with `options_json` (`{}` for all defaults), reporting the share read.
    pub fn open(
        bytes: &[u8],
        options_json: &str,
        on_progress: &mut dyn FnMut(f64),
    ) -> Result<OpenedLog, ApiError> {
        let reader = read_options(options_json)?;
        let log = read_log_with_progress(bytes, &reader, on_progress)
            .map_err(|error| log_error(&error))?;
        Ok(OpenedLog { log })
    }

    pub fn log(&self) -> &ImportedLog {
        &self.log
    }

    /// The summary, the first `MAX_LISTED_PROBLEMS` row problems and every metric; with `with_report`, also
    /// a row per ticket, the flows between teams and the response-time samples.
    pub fn answer_json(&self, with_report: bool) -> String {
        let log = &self.log;
        let listed = &log.problems[..log.problems.len().min(MAX_LISTED_PROBLEMS)];
        let answer = ImportAnswer {
            summary: &log.summary,
            problems: listed,
            metrics: log.metrics(),
            report: with_report.then(|| log.report()),
        };
        to_json(&answer)
    }

    /// Ticket `index`'s journey (JSON), in the log's ticket order.
    pub fn journey_json(&self, index: usize) -> Result<String, ApiError> {
        let journey = self.log.journeys.get(index).ok_or_else(|| {
            ApiError::new(
                "journey",
                "index",
                format!(
                    "no ticket {index} in this log ({} tickets)",
                    self.log.journeys.len()
                ),
                "pick an index from the report's tickets",
            )
        })?;
        Ok(to_json(journey))
    }

    /// Replays the log's tickets through `policy_json` with `scenario_json` for what the log does not say.
    pub fn replay_json(
        &self,
        policy_json: Option<&str>,
        scenario_json: &str,
        on_progress: &mut dyn FnMut(f64),
    ) -> Result<String, ApiError> {
        let RunInput {
            policy,
            model,
            scenario,
        } = read_run(policy_json, scenario_json)?;
        let replay = replay_log(&self.log, &scenario, &model, on_progress)
            .map_err(|error| ApiError::from_scenario(&error))?;
        let result = ScenarioResult {
            runs: replay.runs,
            metrics: replay.metrics,
        };
        let answer = ReplayAnswer {
            observed: &replay.observed,
            replay: SimulationReport::new(&policy, &result),
            handling: &replay.handling,
            scenario: &replay.scenario,
        };
        Ok(to_json(&answer))
    }

    /// A scenario document drawn from the log (`shape_json`: `{"start"?, "days"?, "growth"?, "teams"?}`).
    pub fn scenario_json(&self, shape_json: &str) -> Result<String, ApiError> {
        let shape: ShapeOptions = from_json(shape_json).map_err(|error| {
            ApiError::from_json(
                "scenario-shape",
                "shape",
                &error,
                "pass {\"days\": 28, \"growth\": 1.2}",
            )
        })?;
        let growth = shape.growth.unwrap_or(1.0);
        if !(growth.is_finite() && growth > 0.0 && growth <= 100.0) {
            return Err(ApiError::new(
                "scenario-shape",
                "shape",
                format!("a growth of {growth} is not a traffic multiplier"),
                "use a number above 0 and at most 100, e.g. 1.2 for 20 % more tickets",
            )
            .at_path("growth"));
        }
        let days = shape.days.unwrap_or(28);
        if days == 0 || i64::from(days) > MAX_HORIZON_DAYS {
            return Err(ApiError::new(
                "scenario-shape",
                "shape",
                format!("{days} days is not a horizon a scenario can have"),
                format!("use 1 to {MAX_HORIZON_DAYS} days"),
            )
            .at_path("days"));
        }
        let start = shape.start.unwrap_or_else(|| monday_after(&self.log));
        let teams: Vec<&str> = shape.teams.iter().map(String::as_str).collect();
        let scenario = scenario_from_log(
            &self.log,
            ScenarioShape {
                start,
                days,
                growth,
            },
            &teams,
        );
        Ok(to_json(&scenario))
    }
}

fn read_options(options_json: &str) -> Result<Reader, ApiError> {
    let options: ImportOptions = if options_json.trim().is_empty() {
        ImportOptions::default()
    } else {
        from_json(options_json).map_err(|error| {
            ApiError::from_json(
                "import-options",
                "options",
                &error,
                "pass {} or {\"format\": \"servicenow\", \"date_order\": \"day_first\", \"zone\": \"Europe/London\", \"mapping\": {...}}",
            )
        })?
    };
    let format = match options.format.as_deref() {
        None => None,
        Some(key) => Some(LogFormat::from_key(key).ok_or_else(|| {
            ApiError::new(
                "import-options",
                "options",
                format!("{key:?} is not a known ticket-log format"),
                "use servicenow, volvo, zendesk, freshdesk or jira, or leave it out to detect it",
            )
            .at_path("format")
        })?),
    };
    let date_order = match options.date_order.as_deref() {
        None => None,
        Some("day_first") => Some(DateOrder::DayFirst),
        Some("month_first") => Some(DateOrder::MonthFirst),
        Some(other) => {
            return Err(ApiError::new(
                "import-options",
                "options",
                format!("{other:?} is not a date order"),
                "use day_first or month_first, or leave it out to detect it",
            )
            .at_path("date_order"))
        }
    };
    let zone = read_zone(options.zone.as_deref(), "import-options", "options")?;
    Ok(Reader {
        format,
        mapping: options.mapping,
        date_order,
        now: options.now.map(Instant),
        zone,
    })
}

/// The columns of a file's header and a first guess at their mapping, for a person to choose the mapping
/// of a CSV no built-in format knows: `{"columns": [...], "suggestion": {"id": …, "timestamp": …}}`.
pub fn log_columns(bytes: &[u8]) -> Result<String, ApiError> {
    let columns = crate::import::log_columns(bytes).map_err(|error| log_error(&error))?;
    let suggestion = Mapping::suggest(&columns);
    Ok(to_json(&serde_json::json!({
        "columns": columns,
        "suggestion": suggestion,
    })))
}

fn log_error(error: &crate::import::ImportError) -> ApiError {
    ApiError::new(
        error.code(),
        "log",
        error.to_string(),
        "export the ticket log as CSV with its header row; docs/import.md lists the formats",
    )
}

/// Reads `bytes` as a ticket log with `options_json` (`{}` for all defaults): the summary, problems and
/// metrics as JSON.
pub fn import_log(bytes: &[u8], options_json: &str) -> Result<String, ApiError> {
    Ok(OpenedLog::open(bytes, options_json, &mut |_| {})?.answer_json(false))
}
