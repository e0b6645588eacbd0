//! The Simulate view: workload, mix and staffing controls beside the results of the always-on simulation —
//! progress and cancel, metric cards against the baseline or previous run, charts, tickets and journeys.

use yew::prelude::*;

use crate::format;
use crate::view::csv;
use crate::web::browser;
use crate::web::results::cards::MetricCards;
use crate::web::results::charts_panel::ChartsPanel;
use crate::web::results::journey_view::JourneyView;
use crate::web::results::run_state::{RunAction, RunStatus};
use crate::web::results::scenario_controls::ScenarioControls;
use crate::web::results::sla_table::SlaTable;
use crate::web::results::ticket_table::TicketTable;
use crate::web::simulation::SimulationHandle;
use crate::web::state::{Action, PlaygroundState};

#[derive(Properties, PartialEq)]
pub struct SimulateTabProps {
    pub state: UseReducerHandle<PlaygroundState>,
    pub sim: SimulationHandle,
}

#[component]
pub fn SimulateTab(props: &SimulateTabProps) -> Html {
    let sim = &props.sim;
    let run = &sim.run;
    let workspace = props.state.workspace.clone();
    let running = matches!(run.status, RunStatus::Running { .. });

    let on_cancel = {
        let cancel = sim.cancel.clone();
        Callback::from(move |_: MouseEvent| cancel.emit(()))
    };
    let on_run = {
        let run_now = sim.run_now.clone();
        Callback::from(move |_: MouseEvent| run_now.emit(()))
    };
    let on_pin = {
        let d = run.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(RunAction::PinBaseline))
    };
    let on_clear = {
        let d = run.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(RunAction::ClearBaseline))
    };
    let on_close_journey = {
        let journey = sim.journey.clone();
        Callback::from(move |()| journey.set(None))
    };
    let on_export_csv = {
        let report = run.report.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(report) = &report {
                browser::download("escalator-tickets.csv", "text/csv", &csv::tickets(report));
                browser::download(
                    "escalator-daily-metrics.csv",
                    "text/csv",
                    &csv::daily_metrics(report),
                );
                browser::download(
                    "escalator-sla-by-cohort.csv",
                    "text/csv",
                    &csv::sla_by_cohort(report),
                );
            }
        })
    };
    let dispatch = {
        let dispatcher = props.state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };

    let status = match &run.status {
        RunStatus::Running { fraction, .. } => html! {
            <div class="run-status running" role="status" data-testid="run-status" data-state="running">
                <progress max="1" value={fraction.to_string()} aria-label="Simulation progress" />
                <span>{ format!("Simulating… {:.0}%", fraction * 100.0) }</span>
                if let Some(partial) = run.partial {
                    <span class="hint" data-testid="partial-note">{ format!("showing {} of {} replications while the rest refine them",
                        partial.done, partial.of) }</span>
                }
                <button onclick={on_cancel} data-testid="cancel-run">{ "Cancel" }</button>
            </div>
        },
        RunStatus::AwaitingConfirmation { tickets } => html! {
            <div class="run-status waiting" role="status" data-testid="run-status" data-state="awaiting-confirmation">
                <span>{ format!("This run creates about {} tickets over all replications, so it waits for you instead of starting at every edit. The results below are from the last run.",
                    format::count(*tickets)) }</span>
                <button onclick={on_run.clone()} data-testid="confirm-run">{ "Run it" }</button>
            </div>
        },
        RunStatus::Failed(message) => html! {
            <div class="run-status failed" role="alert" data-testid="run-status" data-state="failed">
                <span>{ format!("The simulation failed: {message}") }</span>
                <button onclick={on_run.clone()} data-testid="retry-run">{ "Retry" }</button>
            </div>
        },
        RunStatus::Idle => html! {
            <div class="run-status" role="status" data-testid="run-status" data-state="idle">
                if let (Some(report), Some(partial)) = (&run.report, run.partial) {
                    <span>{ format!("{} tickets × {} of {} replications: the run stopped before the rest",
                        report.tickets.len(), partial.done, partial.of) }</span>
                } else if let Some(report) = &run.report {
                    <span>{ format!("{} tickets × {} replications, {} events · computed in {:.0} ms, on screen {:.0} ms after the run started",
                        report.tickets.len(), report.replications, report.events_processed,
                        run.last_run_ms.unwrap_or(0.0), sim.rendered_ms.unwrap_or(0.0)) }</span>
                } else {
                    <span>{ "Not run yet." }</span>
                }
            </div>
        },
    };
    let reference = run.reference();
    let results = match &run.report {
        None => {
            html! { <section class="panel"><p class="empty">{ if running { "The first results appear when the run finishes." } else { "Results appear here after a run." } }</p></section> }
        }
        Some(report) => html! {
            <>
                <MetricCards metrics={report.metrics.clone()}
                    reference={reference.map(|(r, label)| (r.metrics.clone(), label.to_owned()))} />
                <ChartsPanel report={report.clone()} baseline={reference.map(|(r, _)| r.clone())} />
                <SlaTable report={report.clone()} baseline={reference.map(|(r, _)| r.metrics.clone())}
                    baseline_name={reference.map_or(AttrValue::from("baseline"), |(_, label)| AttrValue::from(label.to_owned()))} />
                if let Some((index, journey)) = &*sim.journey {
                    <JourneyView journey={journey.clone()} on_close={on_close_journey} key={*index} />
                }
                <TicketTable report={report.clone()} on_open={sim.open_journey.clone()} selected={sim.journey.as_ref().map(|(i, _)| *i)} />
            </>
        },
    };
    html! {
        <main class="page simulate-page" data-generation={run.generation.to_string()} data-shown={run.shown.to_string()}
            data-compute-ms={run.last_run_ms.map(|ms| format!("{ms:.1}")).unwrap_or_default()}
            data-run-to-screen-ms={sim.rendered_ms.map(|ms| format!("{ms:.1}")).unwrap_or_default()}>
            <div class="column">
                <ScenarioControls scenario={workspace.scenario.clone()} policy={workspace.policy.clone()} {dispatch} />
            </div>
            <div class="column results" data-testid="results">
                <div class="results-bar">
                    { status }
                    <span class="spacer" />
                    <button onclick={on_run} data-testid="run">{ "Run again" }</button>
                    <button onclick={on_pin} disabled={run.report.is_none()} data-testid="pin-baseline">{ "Pin as baseline" }</button>
                    <button onclick={on_clear} disabled={run.baseline.is_none()} data-testid="clear-baseline">{ "Clear baseline" }</button>
                    <button onclick={on_export_csv} disabled={run.report.is_none()} data-testid="export-csv">{ "Export CSV" }</button>
                </div>
                if let Some((_, label)) = reference {
                    <p class="baseline-note" data-testid="baseline-note" data-reference={label}>
                        { format!("Changes are against the {label} (95% confidence intervals across replications — hover a change).") }
                    </p>
                }
                { results }
            </div>
        </main>
    }
}
