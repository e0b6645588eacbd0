//! Reading a help desk's ticket log for JS callers (the playground's worker): the import summary, its row
//! problems (the first `MAX_LISTED_PROBLEMS`; the summary counts them all) and every metric, as JSON.

use serde::{Deserialize, Serialize};

use super::error::ApiError;
use crate::import::{read_log, DateOrder, ImportSummary, LogFormat, Mapping, Reader, RowProblem};
use crate::json::from_json;
use crate::metrics::Metrics;

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
}

#[derive(Serialize)]
struct ImportAnswer<'a> {
    summary: &'a ImportSummary,
    problems: &'a [RowProblem],
    metrics: Metrics,
}

/// Reads `bytes` as a ticket log with `options_json` (`{}` for all defaults).
pub fn import_log(bytes: &[u8], options_json: &str) -> Result<String, ApiError> {
    let options: ImportOptions = if options_json.trim().is_empty() {
        ImportOptions::default()
    } else {
        from_json(options_json).map_err(|error| {
            ApiError::from_json(
                "import-options",
                "options",
                &error,
                "pass {} or {\"format\": \"servicenow\", \"date_order\": \"day_first\", \"mapping\": {...}}",
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
    let reader = Reader {
        format,
        mapping: options.mapping,
        date_order,
        now: options.now.map(crate::engine::time::Instant),
    };
    let log = read_log(bytes, &reader).map_err(|error| {
        ApiError::new(
            error.code(),
            "log",
            error.to_string(),
            "export the ticket log as CSV with its header row; docs/import.md lists the formats",
        )
    })?;
    let listed = &log.problems[..log.problems.len().min(MAX_LISTED_PROBLEMS)];
    let answer = ImportAnswer {
        summary: &log.summary,
        problems: listed,
        metrics: log.metrics(),
    };
    Ok(serde_json::to_string(&answer).unwrap_or_default())
}
