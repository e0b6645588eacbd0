//! The Data view: an imported ticket log — what was rebuilt, the rows that could not be used (by column and
//! reason, then row by row), and the metrics observed in it, on the same cards as a simulation's.

use yew::prelude::*;

use crate::format;
use crate::web::log_import::{ImportReport, LogStatus};
use crate::web::results::cards::MetricCards;

/// Rows listed one by one; the groups above them count them all.
const LISTED_PROBLEMS: usize = 50;

#[derive(Properties, PartialEq)]
pub struct DataTabProps {
    pub status: LogStatus,
}

#[component]
pub fn DataTab(props: &DataTabProps) -> Html {
    let body = match &props.status {
        LogStatus::Idle => html! {
            <section class="panel"><div class="panel-body">
                <p>{ "Import a ticket log with Import… above: a ServiceNow incident audit log, a Volvo VINST (BPI 2013) log, or a Zendesk, Freshdesk or Jira Service Management CSV export. It is read in a worker; your workspace is not changed." }</p>
                <p class="hint">{ "docs/import.md lists the columns each format needs and how each figure is derived." }</p>
            </div></section>
        },
        LogStatus::Reading { file } => html! {
            <div class="run-status running" role="status" data-testid="import-status" data-state="reading">
                { format!("Reading {file}…") }
            </div>
        },
        LogStatus::Failed { file, message } => html! {
            <div class="error-box" role="alert" data-testid="import-error">
                { format!("{file} could not be read as a ticket log: {message}. Your workspace is unchanged.") }
            </div>
        },
        LogStatus::Done { file, report } => report_view(file, report),
    };
    html! { <main class="page single" data-testid="data-view">{ body }</main> }
}

fn number(summary: &serde_json::Value, field: &str) -> f64 {
    summary
        .get(field)
        .and_then(serde_json::Value::as_f64)
        .unwrap_or(0.0)
}

fn report_view(file: &str, report: &ImportReport) -> Html {
    let summary = &report.summary;
    let count = |field: &str| format::count(number(summary, field));
    let format_name = summary
        .get("format_name")
        .and_then(|v| v.as_str())
        .unwrap_or("ticket log");
    let groups = summary
        .get("problems")
        .and_then(|v| v.as_array())
        .cloned()
        .unwrap_or_default();
    html! {
        <>
            <section class="panel" data-testid="import-report" data-tickets={number(summary, "tickets").to_string()}>
                <div class="panel-head"><h2>{ format!("Observed: {file}") }</h2><p>{ format_name.to_owned() }</p></div>
                <div class="panel-body">
                    <p data-testid="import-summary">{ format!(
                        "{} rows ({} used, {} skipped) rebuilt into {} tickets and {} events. {} reassignments over {} tickets; {} moves up a level; {} ping-pong moves back down ({} tickets).",
                        count("rows"), count("rows_used"), count("rows_skipped"), count("tickets"), count("events"),
                        count("reassignments"), count("tickets_reassigned"), count("moves_up"),
                        count("ping_pong_moves"), count("tickets_with_ping_pong")) }</p>
                    <p class="hint">{ "These figures are observed in the log, not simulated." }</p>
                    if !groups.is_empty() {
                        <table class="editor-table" data-testid="import-problems">
                            <caption>{ "Rows the importer could not use, or used with an assumption" }</caption>
                            <thead><tr><th>{ "Rows" }</th><th>{ "Column" }</th><th>{ "Reason" }</th><th>{ "Then" }</th><th>{ "First at row" }</th></tr></thead>
                            <tbody>{ for groups.iter().map(|group| html! {
                                <tr>
                                    <td class="num">{ format::count(group.get("rows").and_then(|v| v.as_f64()).unwrap_or(0.0)) }</td>
                                    <td class="mono">{ group.get("column").and_then(|v| v.as_str()).unwrap_or("").to_owned() }</td>
                                    <td>{ group.get("reason").and_then(|v| v.as_str()).unwrap_or("").to_owned() }</td>
                                    <td>{ if group.get("skipped").and_then(|v| v.as_bool()).unwrap_or(false) { "left out" } else { "used" } }</td>
                                    <td class="num">{ group.get("first_row").and_then(|v| v.as_u64()).unwrap_or(0) }</td>
                                </tr>
                            }) }</tbody>
                        </table>
                        <ul class="import-rows" data-testid="import-problem-rows">
                            { for report.problems.iter().take(LISTED_PROBLEMS).map(|problem| html! {
                                <li>{ format!("Row {}, column {}: {} ({})", problem.row, problem.column, problem.reason,
                                    if problem.skipped { "left out" } else { "used" }) }</li>
                            }) }
                        </ul>
                    }
                </div>
            </section>
            <MetricCards metrics={vec![report.metrics.clone()]} reference={None::<(Vec<crate::metrics::Metrics>, String)>} />
        </>
    }
}
