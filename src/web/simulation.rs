//! The playground's simulation, always on: re-runs the workspace's scenario in the Web Worker at once after every
//! edit, whichever view is open (a run still going is cancelled at its next replication), shows its first
//! replication while the rest refine it, and keeps the last report, the previous one and a pinned baseline.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::engine::journey::Journey;
use crate::engine::policy::Policy;
use crate::json::from_json;
use crate::sim::limits::{estimated_tickets, CONFIRM_ABOVE_TICKETS};
use crate::sim::report::SimulationReport;
use crate::sim::scenario::Scenario;
use crate::web::browser;
use crate::web::results::run_state::{PartialRun, RunAction, RunState};
use crate::web::worker_client::{SimulationWorker, WorkerReply};
use crate::workspace::Workspace;

/// The worker's report on a run's first replications (`www/worker.js`, "partial").
#[derive(Deserialize)]
struct PartialReport {
    done: u32,
    of: u32,
    report: SimulationReport,
}

/// The worker and the bookkeeping of the run it is doing.
#[derive(Default)]
struct Runner {
    worker: Option<SimulationWorker>,
    next_id: u32,
    started_ms: f64,
    /// The ticket whose journey was asked for last.
    journey_index: usize,
}

/// What views need of the simulation.
#[derive(Clone, PartialEq)]
pub struct SimulationHandle {
    pub run: UseReducerHandle<RunState>,
    /// The journey opened from the ticket table, with its ticket index.
    pub journey: UseStateHandle<Option<(usize, Journey)>>,
    /// Milliseconds from starting the last run to its results being on screen.
    pub rendered_ms: UseStateHandle<Option<f64>>,
    pub run_now: Callback<()>,
    pub cancel: Callback<()>,
    pub open_journey: Callback<usize>,
}

/// What the worker reads (`api::simulate_json`): the edited policy and scenario.
#[derive(Serialize)]
struct SimulationInput<'a> {
    policy: &'a Policy,
    scenario: &'a Scenario,
}

pub fn input_json(workspace: &Workspace) -> String {
    serde_json::to_string(&SimulationInput {
        policy: &workspace.policy,
        scenario: &workspace.scenario,
    })
    .unwrap_or_default()
}

/// The workspace, equal only to the very same workspace: an edit always makes a new one.
#[derive(Clone)]
struct SameWorkspace(Rc<Workspace>);

impl PartialEq for SameWorkspace {
    fn eq(&self, other: &SameWorkspace) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[hook]
pub fn use_simulation(workspace: Rc<Workspace>) -> SimulationHandle {
    let run = use_reducer(RunState::default);
    let runner = use_mut_ref(Runner::default);
    let journey = use_state(|| None::<(usize, Journey)>);
    let rendered_ms = use_state(|| None::<f64>);

    let on_reply = {
        let dispatcher = run.dispatcher();
        let journey = journey.clone();
        let runner = runner.clone();
        Callback::from(move |reply: WorkerReply| match reply {
            WorkerReply::Progress { id, fraction } => {
                dispatcher.dispatch(RunAction::Progress { id, fraction })
            }
            WorkerReply::Partial { id, json } => match from_json::<PartialReport>(&json) {
                Ok(partial) => dispatcher.dispatch(RunAction::Partial {
                    id,
                    report: Rc::new(partial.report),
                    progress: PartialRun {
                        done: partial.done,
                        of: partial.of,
                    },
                }),
                Err(error) => dispatcher.dispatch(RunAction::Failed {
                    id,
                    message: format!("unreadable partial report: {error}"),
                }),
            },
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
            // The page already shows the run as cancelled (or superseded by the next one).
            WorkerReply::Cancelled { .. }
            | WorkerReply::Imported { .. }
            | WorkerReply::Unmapped { .. }
            | WorkerReply::Replayed { .. }
            | WorkerReply::LogScenario { .. } => {}
            WorkerReply::Crashed { message } => {
                // The next run starts a fresh worker (and so a fresh engine instance).
                let mut state = runner.borrow_mut();
                state.worker = None;
                let id = state.next_id;
                drop(state);
                dispatcher.dispatch(RunAction::Failed { id, message });
            }
        })
    };
    let start_run: Rc<dyn Fn(String)> = {
        let runner = runner.clone();
        let dispatcher = run.dispatcher();
        Rc::new(move |input: String| {
            // A run still going is superseded inside the worker (it stops at its next replication), which
            // keeps the journeys of the run on screen.
            let mut state = runner.borrow_mut();
            if state.worker.is_none() {
                match SimulationWorker::spawn(on_reply.clone()) {
                    Ok(worker) => state.worker = Some(worker),
                    Err(message) => {
                        let id = state.next_id;
                        drop(state);
                        dispatcher.dispatch(RunAction::Failed { id, message });
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
            drop(state);
            dispatcher.dispatch(RunAction::Started(id));
        })
    };
    {
        let runner = runner.clone();
        let start_run = start_run.clone();
        let dispatcher = run.dispatcher();
        let tickets = estimated_tickets(&workspace.scenario);
        // The simulation's input is written again only when the workspace itself changes, not on every render
        // (a run's progress re-renders the page many times); the run starts only when that text differs.
        let input = use_memo(SameWorkspace(workspace.clone()), |workspace| {
            input_json(&workspace.0)
        });
        use_effect_with(input, move |input| {
            if tickets > CONFIRM_ABOVE_TICKETS {
                let state = runner.borrow();
                if let Some(worker) = &state.worker {
                    worker.cancel(state.next_id);
                }
                drop(state);
                dispatcher.dispatch(RunAction::NeedsConfirmation { tickets });
            } else {
                start_run(input.to_string());
            }
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
                runner.borrow_mut().worker = None;
            }
        });
    }
    let cancel = {
        let runner = runner.clone();
        let dispatcher = run.dispatcher();
        Callback::from(move |()| {
            // The worker stops the run at its next replication and keeps the last complete run, so the
            // tickets on screen still open their journeys.
            let state = runner.borrow();
            if let Some(worker) = &state.worker {
                worker.cancel(state.next_id);
            }
            drop(state);
            dispatcher.dispatch(RunAction::Cancelled);
        })
    };
    let run_now = {
        let workspace = workspace.clone();
        Callback::from(move |()| start_run(input_json(&workspace)))
    };
    let open_journey = {
        let runner = runner.clone();
        Callback::from(move |index: usize| {
            let mut state = runner.borrow_mut();
            state.journey_index = index;
            let id = state.next_id;
            if let Some(worker) = &state.worker {
                worker.journey(id, index);
            }
        })
    };
    SimulationHandle {
        run,
        journey,
        rendered_ms,
        run_now,
        cancel,
        open_journey,
    }
}
