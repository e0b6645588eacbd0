//! The Simulate view: workload, mix and staffing controls; runs in a Web Worker that re-run (debounced) as the
//! policy or scenario changes, with progress and cancel; results with a pinnable baseline.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use serde::Serialize;
use yew::prelude::*;

use crate::engine::journey::Journey;
use crate::engine::policy::Policy;
use crate::json::from_json;
use crate::sim::report::SimulationReport;
use crate::sim::scenario::Scenario;
use crate::web::browser;
use crate::web::policy_handle::PolicyHandle;
use crate::web::results::cards::MetricCards;
use crate::web::results::charts_panel::ChartsPanel;
use crate::web::results::csv;
use crate::web::results::journey_view::JourneyView;
use crate::web::results::run_state::{RunAction, RunState, RunStatus};
use crate::web::results::scenario_controls::ScenarioControls;
use crate::web::results::ticket_table::TicketTable;
use crate::web::state::{Action, PlaygroundState, Workspace};
use crate::web::worker_client::{SimulationWorker, WorkerReply};

/// Quiet time after an edit before the scenario re-runs.
const DEBOUNCE_MS: u32 = 120;

#[derive(Properties, PartialEq)]
pub struct SimulateTabProps {
    pub policy: PolicyHandle,
    pub state: UseReducerHandle<PlaygroundState>,
}

/// The worker and the bookkeeping of the run it is doing.
#[derive(Default)]
struct Runner {
    worker: Option<SimulationWorker>,
    next_id: u32,
    started_ms: f64,
    debounce: Option<Timeout>,
    /// The ticket whose journey was asked for last.
    journey_index: usize,
}

type SharedRunner = Rc<RefCell<Runner>>;

/// What the worker reads (`api::simulate_json`): the edited policy and scenario.
#[derive(Serialize)]
struct SimulationInput<'a> {
    policy: &'a Policy,
    scenario: &'a Scenario,
}

fn input_json(workspace: &Workspace) -> String {
    let input = SimulationInput {
        policy: &workspace.policy,
        scenario: &workspace.scenario,
    };
    serde_json::to_string(&input).unwrap_or_default()
}

#[component]
pub fn SimulateTab(props: &SimulateTabProps) -> Html {
    let run = use_reducer(RunState::default);
    let runner: SharedRunner = use_mut_ref(Runner::default);
    let journey = use_state(|| None::<(usize, Journey)>);
    let rendered_ms = use_state(|| None::<f64>);
    let workspace = props.state.workspace.clone();

    let on_reply = {
        let dispatcher = run.dispatcher();
        let journey = journey.clone();
        let runner = runner.clone();
        Callback::from(move |reply: WorkerReply| match reply {
            WorkerReply::Progress { id, fraction } => {
                dispatcher.dispatch(RunAction::Progress { id, fraction })
            }
            WorkerReply::Report { id, json } => match from_json::<SimulationReport>(&json) {
                Ok(report) => dispatcher.dispatch(RunAction::Finished {
                    id,
                    report: Rc::new(report),
                    elapsed_ms: browser::now_ms() - runner.borrow().started_ms,
                }),
                Err(error) => dispatcher.dispatch(RunAction::Failed {
                    id,
                    message: format!("unreadable report: {error}"),
                }),
            },
            WorkerReply::Journey { json, .. } => {
                if let Ok(found) = from_json::<Journey>(&json) {
                    journey.set(Some((runner.borrow().journey_index, found)));
                }
            }
            WorkerReply::Failed { id, message } => {
                dispatcher.dispatch(RunAction::Failed { id, message })
            }
        })
    };
    let start_run = {
        let runner = runner.clone();
        let dispatcher = run.dispatcher();
        let on_reply = on_reply.clone();
        Rc::new(move |input: String| {
            let mut state = runner.borrow_mut();
            if state.worker.is_none() {
                match SimulationWorker::spawn(on_reply.clone()) {
                    Ok(worker) => state.worker = Some(worker),
                    Err(message) => {
                        dispatcher.dispatch(RunAction::Failed {
                            id: state.next_id,
                            message,
                        });
                        return;
                    }
                }
            }
            state.next_id += 1;
            state.started_ms = browser::now_ms();
            let id = state.next_id;
            if let Some(worker) = &state.worker {
                worker.run(id, &input);
            }
            dispatcher.dispatch(RunAction::Started(id));
        })
    };
    let running = matches!(run.status, RunStatus::Running { .. });
    {
        let runner = runner.clone();
        let start_run = start_run.clone();
        use_effect_with(input_json(&workspace), move |input| {
            let input = input.clone();
            let mut state = runner.borrow_mut();
            state.debounce = Some(Timeout::new(DEBOUNCE_MS, move || start_run(input)));
        });
    }
    {
        let rendered_ms = rendered_ms.clone();
        let runner = runner.clone();
        use_effect_with(run.generation, move |generation| {
            if *generation > 0 {
                rendered_ms.set(Some(browser::now_ms() - runner.borrow().started_ms));
            }
        });
    }
    {
        let runner = runner.clone();
        use_effect_with((), move |_| {
            move || {
                let mut state = runner.borrow_mut();
                state.debounce = None;
                state.worker = None;
            }
        });
    }

    let on_cancel = {
        let runner = runner.clone();
        let dispatcher = run.dispatcher();
        Callback::from(move |_: MouseEvent| {
            runner.borrow_mut().worker = None;
            dispatcher.dispatch(RunAction::Cancelled);
        })
    };
    let on_run = {
        let start_run = start_run.clone();
        let workspace = workspace.clone();
        let runner = runner.clone();
        Callback::from(move |_: MouseEvent| {
            runner.borrow_mut().worker = None;
            start_run(input_json(&workspace));
        })
    };
    let on_pin = {
        let d = run.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(RunAction::PinBaseline))
    };
    let on_clear = {
        let d = run.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(RunAction::ClearBaseline))
    };
    let on_open = {
        let runner = runner.clone();
        Callback::from(move |index: usize| {
            runner.borrow_mut().journey_index = index;
            let state = runner.borrow();
            if let Some(worker) = &state.worker {
                worker.journey(state.next_id, index);
            }
        })
    };
    let on_close_journey = {
        let journey = journey.clone();
        Callback::from(move |()| journey.set(None))
    };
    let on_export_csv = {
        let report = run.report.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(report) = &report {
                browser::download("escalator-tickets.csv", "text/csv", &csv::tickets(report));
                browser::download(
                    "escalator-metrics.csv",
                    "text/csv",
                    &csv::daily_metrics(report),
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
                <button onclick={on_cancel} data-testid="cancel-run">{ "Cancel" }</button>
            </div>
        },
        RunStatus::Failed(message) => html! {
            <div class="run-status failed" role="alert" data-testid="run-status" data-state="failed">
                <span>{ format!("The simulation failed: {message}") }</span>
            </div>
        },
        RunStatus::Idle => html! {
            <div class="run-status" role="status" data-testid="run-status" data-state="idle">
                if let Some(report) = &run.report {
                    <span>{ format!("{} tickets × {} replications, {} events · computed in {:.0} ms, shown {:.0} ms after the run started",
                        report.tickets.len(), report.replications, report.events_processed,
                        run.last_run_ms.unwrap_or(0.0), rendered_ms.unwrap_or(0.0)) }</span>
                } else {
                    <span>{ "Not run yet." }</span>
                }
            </div>
        },
    };
    let results = match &run.report {
        None => {
            html! { <section class="panel"><p class="empty">{ if running { "The first results appear when the run finishes." } else { "Results appear here after a run." } }</p></section> }
        }
        Some(report) => html! {
            <>
                <MetricCards metrics={report.metrics.clone()} baseline={run.baseline.as_ref().map(|b| b.metrics.clone())} />
                <ChartsPanel report={report.clone()} baseline={run.baseline.clone()} />
                if let Some((index, journey)) = &*journey {
                    <JourneyView journey={journey.clone()} on_close={on_close_journey} key={*index} />
                }
                <TicketTable report={report.clone()} {on_open} selected={journey.as_ref().map(|(i, _)| *i)} />
            </>
        },
    };
    html! {
        <main class="page simulate-page" data-generation={run.generation.to_string()}
            data-edit-to-render-ms={rendered_ms.map(|ms| format!("{ms:.1}")).unwrap_or_default()}
            data-compute-ms={run.last_run_ms.map(|ms| format!("{ms:.1}")).unwrap_or_default()}>
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
                if run.baseline.is_some() {
                    <p class="baseline-note" data-testid="baseline-note">{ "Deltas compare this run with the pinned baseline (95% confidence intervals across replications; hover a delta)." }</p>
                }
                { results }
            </div>
        </main>
    }
}
