//! Valid but absurd scenarios are refused with their JSON path before any work starts (`sim::limits`):
//! the cases that used to abort on a huge allocation, run out of memory or hang.

use escalator::engine::policy::Policy;
use escalator::sim::{run_scenario, Scenario, ScenarioError};
use serde_json::{json, Value};

fn policy() -> Policy {
    Policy::from_json(include_str!("../www/presets/default.json")).expect("default preset")
}

fn normal_week() -> Value {
    serde_json::from_str(include_str!("../www/presets/normal-week.json")).expect("preset")
}

fn refused(change: impl FnOnce(&mut Value)) -> ScenarioError {
    let mut value = normal_week();
    change(&mut value);
    let scenario = Scenario::from_json(&value.to_string()).expect("a valid scenario document");
    run_scenario(&scenario, &policy()).expect_err("the run is refused")
}

#[test]
fn four_billion_replications_are_refused_at_replications() {
    let error = refused(|value| value["replications"] = json!(4_294_967_295_u32));
    assert!(error.over_limit);
    assert_eq!(error.path, "replications");
    assert!(error.message.contains("1000"), "{}", error.message);
}

#[test]
fn a_million_tickets_an_hour_is_refused_at_the_arrivals() {
    let error = refused(|value| {
        value["workload"]["arrivals"] = json!({"constant": {"per_hour": 1_000_000}});
    });
    assert!(error.over_limit);
    assert_eq!(error.path, "workload.arrivals");
}

#[test]
fn an_endless_horizon_without_arrivals_is_refused_not_run() {
    let error = refused(|value| {
        value["workload"]["horizon"] = json!(1_000_000_000_000_i64);
        value["workload"]["arrivals"] = json!({"constant": {"per_hour": 0}});
    });
    assert!(error.over_limit);
    assert_eq!(error.path, "workload.horizon");
}

#[test]
fn ten_years_of_a_busy_desk_is_refused() {
    let error = refused(|value| value["workload"]["horizon"] = json!(3_650));
    assert!(error.over_limit);
    assert_eq!(error.path, "workload.arrivals");
    assert!(
        error.message.contains("tickets per replication"),
        "{}",
        error.message
    );
}

#[test]
fn many_replications_of_a_big_run_are_refused_at_replications() {
    let error = refused(|value| {
        value["workload"]["horizon"] = json!(365);
        value["replications"] = json!(100);
    });
    assert!(error.over_limit);
    assert_eq!(error.path, "replications");
}

#[test]
fn runs_outside_the_calendar_years_are_refused() {
    for start in [
        "1900-01-01T00:00:00Z",
        "9999-01-01T00:00:00Z",
        "2200-12-25T00:00:00Z",
    ] {
        let error = refused(|value| value["workload"]["start"] = json!(start));
        assert!(error.over_limit, "{start}");
        assert_eq!(error.path, "workload.start", "{start}");
    }
}

#[test]
fn a_drain_of_years_is_refused() {
    let error = refused(|value| value["workload"]["drain"] = json!("1000d"));
    assert_eq!(error.path, "workload.drain");
}

#[test]
fn an_ordinary_week_is_within_every_limit() {
    let scenario = Scenario::from_json(&normal_week().to_string()).expect("preset");
    assert!(run_scenario(&scenario, &policy()).is_ok());
}

#[test]
fn a_big_but_allowed_run_is_estimated_above_the_confirmation_threshold() {
    use escalator::sim::limits::{estimated_tickets, CONFIRM_ABOVE_TICKETS};
    let week = Scenario::from_json(&normal_week().to_string()).expect("preset");
    let estimate = estimated_tickets(&week);
    assert!(
        (11_000.0..13_000.0).contains(&estimate),
        "five replications of about 2,400 tickets: {estimate}"
    );
    assert!(
        estimate < CONFIRM_ABOVE_TICKETS,
        "the preset runs at every edit"
    );
    let mut value = normal_week();
    value["workload"]["horizon"] = json!(91);
    value["replications"] = json!(30);
    let quarter = Scenario::from_json(&value.to_string()).expect("scenario");
    assert!(
        estimated_tickets(&quarter) > CONFIRM_ABOVE_TICKETS,
        "a quarter × 30 asks first"
    );
    assert!(
        run_scenario_is_allowed(&quarter),
        "and is still within the limits"
    );
}

/// Whether the scenario is within every limit (preparing it checks them), without running it.
fn run_scenario_is_allowed(scenario: &Scenario) -> bool {
    let compiled = policy().compile().expect("the preset compiles");
    let model = escalator::sim::EnginePolicyModel::new(compiled).expect("model");
    escalator::sim::prepared::PreparedScenario::new(scenario, &model).is_ok()
}
