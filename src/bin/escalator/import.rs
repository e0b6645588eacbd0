//! `escalator import FILE`: reads a help desk's ticket log and prints what was rebuilt (tickets, events,
//! reassignments, ping-pong), every row that could not be used, and the headline metrics; `--json` prints
//! the summary, the problems and the full metrics.

use std::path::{Path, PathBuf};

use escalator::engine::calendar::NamedZone;
use escalator::engine::policy::Policy;
use escalator::engine::time::Instant;
use escalator::import::{
    monday_after, read_log, scenario_from_log, ImportedLog, LogFormat, Mapping, Reader,
    ScenarioShape,
};
use escalator::metrics::headline_values;
use serde_json::json;

use crate::input::inline_or_file;
use crate::table;
use crate::{DateOrderArg, Failure};

/// At most this many problems are printed as text; `--json` lists them all.
const SHOWN_PROBLEMS: usize = 20;

/// `--scenario OUT` and what shapes it.
pub struct ScenarioOut {
    pub out: PathBuf,
    pub growth: f64,
    pub days: u32,
    pub policy: Option<PathBuf>,
}

/// How to read the log: `--log-format`, `--mapping`, `--date-order`, `--zone`.
#[derive(clap::Args)]
pub struct LogArgs {
    /// The export's format (servicenow, volvo, zendesk, freshdesk, jira); detected from the header when
    /// left out.
    #[arg(long = "log-format", alias = "format")]
    pub format: Option<String>,
    /// Reads any event-style CSV: JSON text or a file naming its columns, e.g.
    /// `{"id": "Case", "timestamp": "When", "team": "Queue", "tier": "Level", "status": "State"}`.
    #[arg(long)]
    pub mapping: Option<String>,
    /// How `01/02/2016` reads; detected from the values when left out.
    #[arg(long, value_enum)]
    pub date_order: Option<DateOrderArg>,
    /// The zone of times written without an offset, in which the log's days are also counted:
    /// `Europe/London`, `+02:00` or `UTC` (the default).
    #[arg(long)]
    pub zone: Option<String>,
}

pub struct Options {
    pub log: LogArgs,
    pub json: bool,
    pub scenario: Option<ScenarioOut>,
}

/// Reads `file` as a ticket log; with `json`, a failure is printed as a JSON error object.
pub fn read_ticket_log(file: &Path, args: &LogArgs, json: bool) -> Result<ImportedLog, Failure> {
    let bytes = std::fs::read(file)
        .map_err(|error| Failure::Input(format!("{}: cannot read: {error}", file.display())))?;
    let format = match args.format.as_deref() {
        None => None,
        Some(key) => Some(LogFormat::from_key(key).ok_or_else(|| {
            let known: Vec<&str> = LogFormat::ALL.iter().map(|f| f.key()).collect();
            Failure::Input(format!(
                "--log-format {key:?} is not a known export; use one of: {}",
                known.join(", ")
            ))
        })?),
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| Instant(elapsed.as_secs() as i64))
        .ok();
    let mapping = match args.mapping.as_deref() {
        None => None,
        Some(argument) => {
            let document = inline_or_file(argument, "mapping")?;
            Some(serde_json::from_str::<Mapping>(&document.text).map_err(|error| {
                Failure::Input(format!(
                    "{}:{}:{}: error[mapping]: {error}\n  help: a mapping names columns: {{\"id\": …, \"timestamp\": …}} and optionally team, tier, status, priority, category, channel",
                    document.name,
                    error.line(),
                    error.column()
                ))
            })?)
        }
    };
    let zone = match args.zone.as_deref() {
        None => NamedZone::utc(),
        Some(name) => NamedZone::parse(name).map_err(|error| {
            Failure::Input(format!(
                "--zone {name:?} is not a time zone: {error}; use an IANA name such as Europe/London, an offset such as +02:00, or UTC"
            ))
        })?,
    };
    let reader = Reader {
        format,
        mapping,
        date_order: args.date_order.map(DateOrderArg::order),
        now,
        zone,
    };
    read_log(&bytes, &reader).map_err(|error| {
        if json {
            println!(
                "{}",
                json!({"error": {"code": error.code(), "message": error.to_string()}})
            );
            Failure::InputReported
        } else {
            Failure::Input(format!(
                "{}: error[{}]: {error}",
                file.display(),
                error.code()
            ))
        }
    })
}

pub fn run(file: &Path, options: &Options) -> Result<(), Failure> {
    let json = options.json;
    let log = read_ticket_log(file, &options.log, json)?;
    if let Some(wanted) = &options.scenario {
        write_scenario(&log, wanted)?;
    }
    let metrics = log.metrics();
    if json {
        let output = json!({
            "summary": log.summary,
            "problems": log.problems,
            "metrics": metrics,
        });
        println!("{output:#}");
        return Ok(());
    }
    let summary = &log.summary;
    println!(
        "{}: {} ({} rows; {} used, {} skipped)",
        file.display(),
        summary.format_name,
        summary.rows,
        summary.rows_used,
        summary.rows_skipped
    );
    println!("times without an offset read in {}", summary.zone);
    println!(
        "{} tickets, {} events; {} reassignments over {} tickets; {} moves up a level; {} ping-pong moves back down ({} tickets, a ping-pong rate of {})",
        summary.tickets,
        summary.events,
        summary.reassignments,
        summary.tickets_reassigned,
        summary.moves_up,
        summary.ping_pong_moves,
        summary.tickets_with_ping_pong,
        escalator::format::percent(
            summary.tickets_with_ping_pong as f64 / summary.tickets.max(1) as f64
        )
    );
    for group in &summary.problems {
        println!(
            "  {} row(s), column {}: {} ({}; first at row {})",
            group.rows,
            group.column,
            group.reason,
            if group.skipped { "skipped" } else { "used" },
            group.first_row
        );
    }
    for problem in log.problems.iter().take(SHOWN_PROBLEMS) {
        println!(
            "{}:{}: column {}: {} ({})",
            file.display(),
            problem.row,
            problem.column,
            problem.reason,
            if problem.skipped { "skipped" } else { "used" }
        );
    }
    if log.problems.len() > SHOWN_PROBLEMS {
        println!(
            "… and {} more (--json lists them all)",
            log.problems.len() - SHOWN_PROBLEMS
        );
    }
    let mut rows = vec![vec!["metric".to_owned(), "observed".to_owned()]];
    rows.extend(
        headline_values(&metrics)
            .into_iter()
            .map(|value| vec![value.label.clone(), table::value(value.unit, value.value)]),
    );
    table::print(&rows);
    Ok(())
}

/// Writes the scenario drawn from `log` to `wanted.out`, starting the Monday after its last ticket.
fn write_scenario(log: &ImportedLog, wanted: &ScenarioOut) -> Result<(), Failure> {
    if !(wanted.growth.is_finite() && wanted.growth > 0.0) {
        return Err(Failure::Input(format!(
            "--growth {}: give a factor above 0, e.g. 1.2 for 20 % more tickets",
            wanted.growth
        )));
    }
    let policy_teams: Vec<String> = match &wanted.policy {
        None => Vec::new(),
        Some(path) => {
            let document = crate::input::read(path)?;
            let policy = Policy::from_json(&document.text).map_err(|error| {
                Failure::Input(format!("{}: error[policy]: {error}", document.name))
            })?;
            policy.teams.into_iter().map(|team| team.id).collect()
        }
    };
    let teams: Vec<&str> = policy_teams.iter().map(String::as_str).collect();
    let start = monday_after(log);
    let shape = ScenarioShape {
        start,
        days: wanted.days,
        growth: wanted.growth,
    };
    let scenario = scenario_from_log(log, shape, &teams);
    let text = serde_json::to_string_pretty(&scenario).unwrap_or_default();
    std::fs::write(&wanted.out, text).map_err(|error| {
        Failure::Input(format!("{}: cannot write: {error}", wanted.out.display()))
    })?;
    eprintln!(
        "wrote {} (simulate it with: escalator simulate POLICY {})",
        wanted.out.display(),
        wanted.out.display()
    );
    Ok(())
}
