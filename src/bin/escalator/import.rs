//! `escalator import FILE`: reads a help desk's ticket log and prints what was rebuilt (tickets, events,
//! reassignments, ping-pong), every row that could not be used, and the headline metrics; `--json` prints
//! the summary, the problems and the full metrics.

use std::path::Path;

use escalator::engine::time::Instant;
use escalator::import::{read_log, DateOrder, LogFormat, Mapping, Reader};
use escalator::metrics::headline_values;
use serde_json::json;

use crate::input::inline_or_file;
use crate::table;
use crate::Failure;

/// At most this many problems are printed as text; `--json` lists them all.
const SHOWN_PROBLEMS: usize = 20;

pub fn run(
    file: &Path,
    format: Option<&str>,
    mapping: Option<&str>,
    date_order: Option<DateOrder>,
    json: bool,
) -> Result<(), Failure> {
    let bytes = std::fs::read(file)
        .map_err(|error| Failure::Input(format!("{}: cannot read: {error}", file.display())))?;
    let format = match format {
        None => None,
        Some(key) => Some(LogFormat::from_key(key).ok_or_else(|| {
            let known: Vec<&str> = LogFormat::ALL.iter().map(|f| f.key()).collect();
            Failure::Input(format!(
                "--format {key:?} is not a known export; use one of: {}",
                known.join(", ")
            ))
        })?),
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| Instant(elapsed.as_secs() as i64))
        .ok();
    let mapping = match mapping {
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
    let reader = Reader {
        format,
        mapping,
        date_order,
        now,
    };
    let log = read_log(&bytes, &reader).map_err(|error| {
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
    })?;
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
    println!(
        "{} tickets, {} events; {} reassignments over {} tickets; {} moves up a level; {} ping-pong moves back down ({} tickets)",
        summary.tickets,
        summary.events,
        summary.reassignments,
        summary.tickets_reassigned,
        summary.moves_up,
        summary.ping_pong_moves,
        summary.tickets_with_ping_pong
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
