//! Keeps docs/scenario-format.md honest: every JSON example parses, and the full example runs.

mod support;

use escalator::sim::reference_models::MatrixModel;
use escalator::sim::{resolve_policy, run_scenario, simulate, Scenario};

fn examples() -> Vec<String> {
    let doc = include_str!("../docs/scenario-format.md");
    doc.split("```json")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_example_in_the_doc_parses() {
    let examples = examples();
    assert_eq!(examples.len(), 4, "the doc has four JSON examples");
    for (index, example) in examples.iter().enumerate() {
        if let Err(err) = Scenario::from_json(example) {
            panic!("example {index} does not parse: {err}");
        }
    }
}

#[test]
fn the_full_example_runs_through_the_matrix_model() {
    let scenario = Scenario::from_json(&examples()[0]).expect("example parses");
    assert_eq!(scenario.replications, 5);
    let model = support::matrix_model(true, 4);
    let run = simulate(&scenario, &model, 0).expect("example fits the matrix");
    // About 7 × 400 × mean weekday factor (0.843) ≈ 2 360 tickets plus the spike's extras.
    assert!(
        (2_200..3_200).contains(&run.journeys.len()),
        "{}",
        run.journeys.len()
    );
    assert_eq!(run.open_tickets, 0);
}

#[test]
fn the_bare_example_runs_through_one_team() {
    let scenario = Scenario::from_json(&examples()[1]).expect("example parses");
    let run = simulate(&scenario, &MatrixModel::single_team("support", 8), 0).expect("valid");
    // 30 days × 24 h × 10/h = 7 200 expected; Poisson SD ≈ 85.
    assert!(
        (6_850..7_550).contains(&run.journeys.len()),
        "{}",
        run.journeys.len()
    );
}

#[test]
fn the_override_example_tightens_the_default_policy_and_runs() {
    let scenario = Scenario::from_json(&examples()[3]).expect("example parses");
    let policy = resolve_policy(&scenario, |name| {
        (name == "default").then(|| include_str!("../www/presets/default.json").to_owned())
    })
    .expect("the default policy with the override");
    let compiled = policy.compile().expect("compiles");
    let standard = &compiled.sla_policies[2];
    assert_eq!(standard.id, "standard");
    let low = standard.targets[escalator::engine::ticket::Priority::Low as usize];
    assert_eq!(
        low.first_response,
        4 * 3600,
        "tightened from 8 business hours"
    );
    let result = run_scenario(&scenario, &policy).expect("runs");
    // 7 days × 24 h × 14/h = 2 352 expected; Poisson SD ≈ 48.
    let tickets = result.runs[0].journeys.len();
    assert!((2_150..2_550).contains(&tickets), "{tickets}");
    assert_eq!(result.metrics[0].tickets as usize, tickets);
}

#[test]
fn the_waiting_example_asks_customers_and_pausing_keeps_resolution_compliance_higher() {
    use escalator::engine::journey::{EventKind, SlaTarget};
    let scenario = Scenario::from_json(&examples()[2]).expect("example parses");
    assert!(scenario.waiting.is_some());
    let default = include_str!("../www/presets/default.json");
    let policy = |pause: bool| {
        let mut policy = resolve_policy(&scenario, |name| {
            (name == "default").then(|| default.to_owned())
        })
        .expect("the default policy");
        for sla in &mut policy.sla_policies {
            sla.pause_when_waiting = pause;
        }
        policy
    };
    let compliance = |pause: bool| {
        let result = run_scenario(&scenario, &policy(pause)).expect("runs");
        let journeys = &result.runs[0].journeys;
        let waited = journeys
            .iter()
            .filter(|journey| {
                journey
                    .events
                    .iter()
                    .any(|e| e.kind == EventKind::WaitingOnCustomer)
            })
            .count();
        assert!(
            waited * 5 > journeys.len(),
            "{waited} of {} waited",
            journeys.len()
        );
        result.metrics[0]
            .sla
            .iter()
            .find(|sla| sla.target == SlaTarget::Resolution)
            .and_then(|sla| sla.compliance)
            .expect("resolution is measured")
    };
    let (paused, running) = (compliance(true), compliance(false));
    assert!(paused > running, "paused {paused}, running {running}");
}
