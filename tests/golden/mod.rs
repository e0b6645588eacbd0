//! The golden run whose journeys must be identical natively and in wasm32: scenario, model and fingerprint.

use escalator::sim::reference_models::MatrixModel;
use escalator::sim::Scenario;

use crate::support;

/// Tickets in the golden run.
pub const TICKETS: usize = 385;
/// `journeys_fingerprint` of the golden run, recorded from the native build.
pub const FINGERPRINT: u64 = 362_520_002_931_577_957;

/// A week of the four-team matrix with office hours, signals, refunds and a 4 h first-response SLA.
pub const REFERENCE_WEEK: &str = include_str!("../fixtures/reference-week.json");

/// One Monday of the four-team matrix with office hours, signals, refunds and a 4 h first-response SLA.
pub fn scenario() -> Scenario {
    let mut week: serde_json::Value =
        serde_json::from_str(REFERENCE_WEEK).expect("the fixture is JSON");
    week["workload"]["horizon"] = "1d".into();
    let text = week.to_string();
    match Scenario::from_json(&text) {
        Ok(scenario) => scenario,
        Err(err) => panic!("golden scenario parses: {err}"),
    }
}

pub fn model() -> MatrixModel {
    support::matrix_model(true, 4)
}
