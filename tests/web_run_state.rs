//! Wasm tests of the Simulate view's run state: a partial report is shown at once, the finished run replaces it,
//! and only finished runs become the previous run the live strip compares with.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use escalator::engine::policy::Policy;
use escalator::sim::report::SimulationReport;
use escalator::sim::{run_scenario, Scenario};
use escalator::web::results::run_state::{PartialRun, RunAction, RunState};
use wasm_bindgen_test::*;
use yew::Reducible;

fn report() -> Rc<SimulationReport> {
    let policy = Policy::from_json(include_str!("../www/presets/default.json")).expect("policy");
    let mut scenario: serde_json::Value =
        serde_json::from_str(include_str!("../www/presets/normal-week.json")).expect("scenario");
    scenario["workload"]["horizon"] = serde_json::json!(1);
    scenario["replications"] = serde_json::json!(1);
    let scenario = Scenario::from_json(&scenario.to_string()).expect("scenario");
    let result = run_scenario(&scenario, &policy).expect("runs");
    Rc::new(SimulationReport::new(&policy, &result))
}

fn same(shown: &Option<Rc<SimulationReport>>, report: &Rc<SimulationReport>) -> bool {
    shown
        .as_ref()
        .is_some_and(|shown| Rc::ptr_eq(shown, report))
}

const ONE_OF_THREE: PartialRun = PartialRun { done: 1, of: 3 };

fn partial(id: u32, report: &Rc<SimulationReport>) -> RunAction {
    RunAction::Partial {
        id,
        report: report.clone(),
        progress: ONE_OF_THREE,
    }
}

fn finished(id: u32, report: &Rc<SimulationReport>) -> RunAction {
    RunAction::Finished {
        id,
        report: report.clone(),
        elapsed_ms: 1.0,
    }
}

#[wasm_bindgen_test]
fn a_partial_report_shows_at_once_and_only_finished_runs_become_the_previous_run() {
    let reports: Vec<Rc<SimulationReport>> = (0..5).map(|_| report()).collect();
    let state = Rc::new(RunState::default())
        .reduce(RunAction::Started(1))
        .reduce(partial(1, &reports[0]));
    assert!(
        same(&state.report, &reports[0]),
        "the first replication shows"
    );
    assert_eq!(state.partial, Some(ONE_OF_THREE));
    assert_eq!((state.shown, state.generation), (1, 0));

    let state = state.reduce(finished(1, &reports[1]));
    assert!(same(&state.report, &reports[1]));
    assert!(
        state.previous.is_none(),
        "a partial report is never the previous run"
    );
    assert_eq!(state.partial, None);
    assert_eq!((state.shown, state.generation), (2, 1));

    let state = state
        .reduce(RunAction::Started(2))
        .reduce(partial(2, &reports[2]));
    assert!(
        same(&state.previous, &reports[1]),
        "the finished run is the previous one"
    );
    let state = state
        .reduce(RunAction::Started(3))
        .reduce(partial(2, &reports[4]));
    assert!(
        same(&state.report, &reports[2]),
        "a superseded run's report is ignored"
    );
    let state = state
        .reduce(partial(3, &reports[3]))
        .reduce(finished(3, &reports[4]));
    assert!(same(&state.report, &reports[4]));
    assert!(
        same(&state.previous, &reports[1]),
        "a run superseded after its first replication does not become the previous run"
    );
}
