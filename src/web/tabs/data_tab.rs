//! The Data view: an imported ticket log — what was rebuilt and the rows that could not be used, the metrics
//! and charts observed in it, its tickets with their journeys — then a replay of its own tickets through the
//! workspace's draft policy against what was observed, and its traffic as the workspace's scenario.

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::import::Mapping;
use crate::web::editor::inputs::NumberInput;
use crate::web::log_import::{
    ImportReport, LogImportHandle, LogStatus, ReplayReport, ReplayStatus, Unmapped,
};
use crate::web::results::cards::MetricCards;
use crate::web::results::charts_panel::ChartsPanel;
use crate::web::results::journey_view::JourneyView;
use crate::web::results::sla_table::SlaTable;
use crate::web::results::ticket_table::TicketTable;
use crate::web::simulation::input_json;
use crate::workspace::Workspace;

/// Rows listed one by one; the groups above them count them all.
const LISTED_PROBLEMS: usize = 50;

#[derive(Properties, PartialEq)]
pub struct DataTabProps {
    pub log: LogImportHandle,
    pub workspace: Rc<Workspace>,
    /// A column mapping chosen for a CSV no format reads: saved with the workspace, and the file read with it.
    pub on_mapping: Callback<Mapping>,
    /// A file dropped on the view: opened as Import… opens it.
    pub on_file: Callback<web_sys::File>,
}

#[component]
pub fn DataTab(props: &DataTabProps) -> Html {
    let log = &props.log;
    let body = match &*log.status {
        LogStatus::Idle => html! {
            <section class="panel"><div class="panel-body">
                <p>{ "Drop a ticket log here, or pick one with Import… above: a ServiceNow incident audit log, a Volvo VINST (BPI 2013) log, a Zendesk, Freshdesk or Jira Service Management CSV export, or any CSV with one row per ticket change (you then say which column is which). It is read in a worker; your workspace is not changed." }</p>
                <p class="hint">{ "docs/import.md lists the columns each format needs and how each figure is derived." }</p>
            </div></section>
        },
        LogStatus::Reading { file, fraction } => {
            let cancel = log.cancel.clone();
            html! {
                <div class="run-status running" role="status" data-testid="import-status" data-state="reading">
                    <progress max="1" value={fraction.to_string()} aria-label="Import progress" />
                    <span>{ format!("Reading {file}… {:.0}%", fraction * 100.0) }</span>
                    <button onclick={Callback::from(move |_: MouseEvent| cancel.emit(()))} data-testid="cancel-import">{ "Cancel" }</button>
                </div>
            }
        }
        LogStatus::Unmapped { file, unmapped } => html! {
            <MappingForm file={file.clone()} unmapped={unmapped.clone()} on_read={props.on_mapping.clone()} />
        },
        LogStatus::Cancelled { file } => html! {
            <div class="run-status" role="status" data-testid="import-status" data-state="cancelled">
                { format!("Reading {file} was cancelled. Your workspace is unchanged.") }
            </div>
        },
        LogStatus::Failed { file, message } => html! {
            <div class="error-box" role="alert" data-testid="import-error">
                { format!("{file} could not be read as a ticket log: {message}. Your workspace is unchanged.") }
            </div>
        },
        LogStatus::Done { file, report } => {
            let journey = log.journey.clone();
            let on_close_journey = Callback::from(move |()| journey.set(None));
            let (charted, baseline, observed, names) = match &*log.replay {
                ReplayStatus::Done(replay) => (
                    replay.replay.clone(),
                    Some(report.report.clone()),
                    Some(vec![replay.observed.clone()]),
                    ("Simulated under the policy", "Observed"),
                ),
                _ => (report.report.clone(), None, None, ("Observed", "Baseline")),
            };
            html! {
                <>
                    <ObservedView file={file.clone()} report={report.clone()} />
                    <ReplayPanel log={log.clone()} workspace={props.workspace.clone()} />
                    <DrawScenarioPanel log={log.clone()} workspace={props.workspace.clone()} />
                    <p class="hint" data-testid="charts-source">{ if baseline.is_some() {
                        "Charts: the replay under the draft policy, with what was observed as the dashed baseline."
                    } else {
                        "Charts: what was observed in the log."
                    } }</p>
                    <ChartsPanel report={charted.clone()} baseline={baseline.clone()} names={Some((AttrValue::from(names.0), AttrValue::from(names.1)))} />
                    <SlaTable report={charted} baseline={observed} baseline_name="observed, against this policy's targets" />
                    if let Some((index, journey)) = &*log.journey {
                        <JourneyView journey={journey.clone()} on_close={on_close_journey} key={*index} />
                    }
                    <TicketTable report={report.report.clone()} on_open={log.open_journey.clone()}
                        selected={log.journey.as_ref().map(|(index, _)| *index)} source="observed in the log" />
                </>
            }
        }
    };
    let ondragover = Callback::from(|event: DragEvent| event.prevent_default());
    let ondrop = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            let file = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };
    html! { <main class="page single" data-testid="data-view" {ondragover} {ondrop}>{ body }</main> }
}

fn number(summary: &serde_json::Value, field: &str) -> f64 {
    summary
        .get(field)
        .and_then(serde_json::Value::as_f64)
        .unwrap_or(0.0)
}

#[derive(Properties, PartialEq)]
struct ObservedProps {
    file: String,
    report: Rc<ImportReport>,
}

/// The import report and the observed metrics.
#[component]
fn ObservedView(props: &ObservedProps) -> Html {
    let report = &props.report;
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
                <div class="panel-head"><h2>{ format!("Observed: {}", props.file) }</h2><p>{ format_name.to_owned() }</p></div>
                <div class="panel-body">
                    <p data-testid="import-summary">{ format!(
                        "{} rows ({} used, {} skipped) rebuilt into {} tickets and {} events. {} reassignments over {} tickets; {} moves up a level; {} ping-pong moves back down ({} tickets, a ping-pong rate of {}).",
                        count("rows"), count("rows_used"), count("rows_skipped"), count("tickets"), count("events"),
                        count("reassignments"), count("tickets_reassigned"), count("moves_up"),
                        count("ping_pong_moves"), count("tickets_with_ping_pong"),
                        format::percent(number(summary, "tickets_with_ping_pong") / number(summary, "tickets").max(1.0))) }</p>
                    <p class="hint" data-testid="import-zone">{ format!(
                        "Times the log writes without an offset are read as {zone} time (the policy's zone), and its days run from midnight there.",
                        zone = summary.get("zone").and_then(|v| v.as_str()).unwrap_or("UTC")) }</p>
                    <p class="hint">{ "These figures are observed in the log, not simulated. SLA compliance here is the log's own verdict where it has one." }</p>
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
            <div data-testid="observed-cards">
                <MetricCards metrics={vec![report.metrics.clone()]} reference={None::<(Vec<crate::metrics::Metrics>, String)>} />
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ReplayProps {
    log: LogImportHandle,
    workspace: Rc<Workspace>,
}

/// The log's own tickets through the workspace's draft policy, against what was observed.
#[component]
fn ReplayPanel(props: &ReplayProps) -> Html {
    let on_replay = {
        let start = props.log.start_replay.clone();
        let workspace = props.workspace.clone();
        Callback::from(move |_: MouseEvent| start.emit(input_json(&workspace)))
    };
    let running = matches!(*props.log.replay, ReplayStatus::Running { .. });
    let status = match &*props.log.replay {
        ReplayStatus::Idle => html! {
            <p class="hint">{ "Replay pushes this log's own tickets (their arrival instants, categories, priorities and channels) through the workspace's policy in the simulator, with the scenario's staffing and replications. Run it again after editing the policy." }</p>
        },
        ReplayStatus::Running { fraction } => html! {
            <div class="run-status running" role="status" data-testid="replay-status" data-state="running">
                <progress max="1" value={fraction.to_string()} aria-label="Replay progress" />
                <span>{ format!("Replaying… {:.0}%", fraction * 100.0) }</span>
            </div>
        },
        ReplayStatus::Failed(message) => html! {
            <div class="error-box" role="alert" data-testid="replay-status" data-state="failed">
                { format!("The replay could not run: {message}") }
            </div>
        },
        ReplayStatus::Done(_) => Html::default(),
    };
    html! {
        <>
            <section class="panel" data-testid="replay-panel">
                <div class="panel-head"><h2>{ "What if: this log under the draft policy" }</h2>
                    <button onclick={on_replay} disabled={running} data-testid="replay-run">
                        { if matches!(*props.log.replay, ReplayStatus::Done(_)) { "Replay again" } else { "Replay through the draft policy" } }
                    </button>
                </div>
                <div class="panel-body">{ status }
                    if let ReplayStatus::Done(replay) = &*props.log.replay {
                        { replay_explanation(replay, &props.workspace) }
                    }
                </div>
            </section>
            if let ReplayStatus::Done(replay) = &*props.log.replay {
                <div data-testid="replay-cards">
                    <MetricCards metrics={replay.replay.metrics.clone()} observed_reference=true
                        reference={Some((vec![replay.observed.clone()], "observed".to_owned()))} />
                </div>
            }
        </>
    }
}

fn replay_explanation(replay: &ReplayReport, workspace: &Workspace) -> Html {
    let from_log: Vec<&str> = replay
        .handling
        .iter()
        .filter(|source| source.time_from_log)
        .map(|source| source.team.as_str())
        .collect();
    let handling = if from_log.is_empty() {
        "Handling times and resolve probabilities all come from the scenario: the log names none of the policy's teams.".to_owned()
    } else {
        format!(
            "Handling times and resolve probabilities come from the log for {} (the time its tickets stayed there and the share resolved), and from the scenario for the other teams.",
            from_log.join(", ")
        )
    };
    html! {
        <>
            <p data-testid="replay-note">{ format!(
                "Simulated: the log's {} tickets through “{}” in {} replications. Observed: the log as it happened, with SLA compliance measured against this policy's targets (pauses while waiting are not taken off). Each change is simulated minus observed, with a 95% interval across replications.",
                replay.replay.tickets.len(), workspace.policy.name, replay.replay.replications) }</p>
            <p data-testid="replay-observed-sla">{ observed_sla(&replay.observed) }</p>
            <p class="hint" data-testid="replay-handling">{ handling }</p>
        </>
    }
}

/// The observed SLA compliance against the policy's targets, which the replay's SLA changes are measured from.
fn observed_sla(observed: &crate::metrics::Metrics) -> String {
    let parts: Vec<String> = observed
        .sla
        .iter()
        .filter_map(|sla| {
            let compliance = sla.compliance?;
            Some(format!(
                "{} {} ({} of {} decided tickets met it)",
                sla.target.as_str().replace('_', " "),
                format::percent(compliance),
                format::count(sla.met as f64),
                format::count((sla.met + sla.breached) as f64)
            ))
        })
        .collect();
    if parts.is_empty() {
        "Observed against this policy's targets: no ticket of the log had a decided target."
            .to_owned()
    } else {
        format!(
            "Observed against this policy's targets: {}.",
            parts.join("; ")
        )
    }
}

#[derive(Properties, PartialEq)]
struct DrawScenarioProps {
    log: LogImportHandle,
    workspace: Rc<Workspace>,
}

/// "The same traffic, next quarter, +20 %": the log's arrivals, mix and handling as the workspace's scenario.
#[component]
fn DrawScenarioPanel(props: &DrawScenarioProps) -> Html {
    let growth_percent = use_state(|| 0.0_f64);
    let days = use_state(|| 28.0_f64);
    let on_growth = {
        let growth_percent = growth_percent.clone();
        Callback::from(move |value: f64| growth_percent.set(value))
    };
    let on_days = {
        let days = days.clone();
        Callback::from(move |value: f64| days.set(value))
    };
    let on_use = {
        let draw = props.log.draw_scenario.clone();
        let workspace = props.workspace.clone();
        let (growth_percent, days) = (*growth_percent, *days);
        Callback::from(move |_: MouseEvent| {
            let teams: Vec<&str> = workspace
                .policy
                .teams
                .iter()
                .map(|team| team.id.as_str())
                .collect();
            let shape = serde_json::json!({
                "days": days.round().clamp(1.0, 3_660.0) as u32,
                "growth": 1.0 + growth_percent / 100.0,
                "teams": teams,
            });
            draw.emit(shape.to_string());
        })
    };
    html! {
        <section class="panel" data-testid="draw-scenario">
            <div class="panel-head"><h2>{ "Simulate this traffic" }</h2><p>{ "Arrivals by hour of week, the category, priority and channel mix, and handling per team, drawn from the log." }</p></div>
            <div class="panel-body draw-form">
                <label>{ "Growth (%) " }<NumberInput value={*growth_percent} on_change={on_growth} min={-99.0} step={5.0} label="Traffic growth in percent" testid="draw-growth" /></label>
                <label>{ "Days " }<NumberInput value={*days} on_change={on_days} min={1.0} label="Days to simulate" testid="draw-days" /></label>
                <button onclick={on_use} data-testid="draw-use">{ "Use as the workspace's scenario" }</button>
                <p class="hint">{ "Replaces the scenario (Undo brings it back); the Simulate view then runs it through the draft policy." }</p>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MappingFormProps {
    file: String,
    unmapped: Rc<Unmapped>,
    on_read: Callback<Mapping>,
}

/// The fields of a column mapping, as the form lists them: (field, label, required).
const MAPPED_FIELDS: [(&str, &str, bool); 8] = [
    ("id", "Ticket id", true),
    ("timestamp", "Timestamp of the change", true),
    ("team", "Team (assignment group)", false),
    ("tier", "Tier or support level", false),
    ("status", "Status", false),
    ("priority", "Priority", false),
    ("category", "Category", false),
    ("channel", "Channel", false),
];

fn mapped(mapping: &Mapping, field: &str) -> Option<String> {
    match field {
        "id" => Some(mapping.id.clone()),
        "timestamp" => Some(mapping.timestamp.clone()),
        "team" => mapping.team.clone(),
        "tier" => mapping.tier.clone(),
        "status" => mapping.status.clone(),
        "priority" => mapping.priority.clone(),
        "category" => mapping.category.clone(),
        _ => mapping.channel.clone(),
    }
}

fn set_mapped(mapping: &mut Mapping, field: &str, column: Option<String>) {
    match field {
        "id" => mapping.id = column.unwrap_or_default(),
        "timestamp" => mapping.timestamp = column.unwrap_or_default(),
        "team" => mapping.team = column,
        "tier" => mapping.tier = column,
        "status" => mapping.status = column,
        "priority" => mapping.priority = column,
        "category" => mapping.category = column,
        _ => mapping.channel = column,
    }
}

/// Which column holds what, for a CSV no built-in format reads; saved with the workspace once used.
#[component]
fn MappingForm(props: &MappingFormProps) -> Html {
    let mapping = use_state(|| props.unmapped.suggestion.clone());
    let on_read = {
        let on_read = props.on_read.clone();
        let mapping = mapping.clone();
        Callback::from(move |_: MouseEvent| on_read.emit((*mapping).clone()))
    };
    let complete = !mapping.id.is_empty() && !mapping.timestamp.is_empty();
    html! {
        <section class="panel" data-testid="mapping-form">
            <div class="panel-head"><h2>{ format!("Map the columns of {}", props.file) }</h2></div>
            <div class="panel-body">
                <p role="alert" data-testid="mapping-reason">{ format!("{}.", props.unmapped.message) }</p>
                <p class="hint">{ "Say which column holds what: one row per change of a ticket (docs/import.md, “Any event log”). The mapping is saved with the workspace, so the next export of the same help desk reads by itself, and share links carry it." }</p>
                <table class="editor-table mapping-table">
                    <thead><tr><th>{ "Field" }</th><th>{ "Column of the file" }</th></tr></thead>
                    <tbody>{ for MAPPED_FIELDS.iter().map(|(field, label, required)| {
                        let current = mapped(&mapping, field).unwrap_or_default();
                        let onchange = {
                            let mapping = mapping.clone();
                            let field = *field;
                            Callback::from(move |event: Event| {
                                let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                                let value = select.value();
                                let mut next = (*mapping).clone();
                                set_mapped(&mut next, field, (!value.is_empty()).then_some(value));
                                mapping.set(next);
                            })
                        };
                        html! {
                            <tr>
                                <td>{ *label }{ if *required { " *" } else { "" } }</td>
                                <td><select {onchange} aria-label={*label} data-testid={format!("mapping-{field}")}>
                                    <option value="" selected={current.is_empty()}>{ if *required { "— choose a column —" } else { "— not in this file —" } }</option>
                                    { for props.unmapped.columns.iter().map(|column| html! {
                                        <option value={column.clone()} selected={*column == current}>{ column.clone() }</option>
                                    }) }
                                </select></td>
                            </tr>
                        }
                    }) }</tbody>
                </table>
                <button onclick={on_read} disabled={!complete} data-testid="mapping-read">{ "Read with this mapping" }</button>
            </div>
        </section>
    }
}
