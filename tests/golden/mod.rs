//! The golden run whose journeys must be identical natively and in wasm32: scenario, model and fingerprint.

use escalator::sim::reference_models::MatrixModel;
use escalator::sim::Scenario;

use crate::support;

/// Tickets in the golden run.
pub const TICKETS: usize = 385;
/// `journeys_fingerprint` of the golden run, recorded from the native build.
pub const FINGERPRINT: u64 = 362_520_002_931_577_957;

/// One Monday of the four-team matrix with office hours, signals, refunds and a 4 h first-response SLA.
pub fn scenario() -> Scenario {
    let text = r#"{
        "policy": "reference",
        "workload": {
            "start": "2026-03-02T00:00:00Z",
            "horizon": "1d",
            "arrivals": {"daily": {
                "volume": 400,
                "intraday": [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0.5, 0.5, 0.5, 0.5, 0.5],
                "weekday_factors": [1, 1, 1, 1, 1, 0.3, 0.2]
            }}
        },
        "mix": {
            "categories": {"account": 4, "payment": 2, "refund": 1, "bug": 2, "outage": 0.2},
            "priorities": {"critical": 0.05, "high": 0.2, "medium": 0.5, "low": 0.25},
            "channels": {"email": 5, "chat": 3, "phone": 2},
            "signals": {"demands_manager": 0.02, "abusive": 0.01},
            "amounts": {"refund": {"lognormal": {"mean": 200, "cv": 1.5}}}
        },
        "handling": {
            "default": {"time": {"lognormal": {"mean": "30m", "cv": 0.8}}, "resolve": 0.9},
            "teams": {
                "general": {"time": {"exponential": {"mean": "12m"}}, "resolve": 0.8,
                            "categories": {"bug": {"resolve": 0.3}}},
                "supervisors": {"time": {"fixed": "20m"}, "resolve": 1.0}
            }
        },
        "seed": 11
    }"#;
    match Scenario::from_json(text) {
        Ok(scenario) => scenario,
        Err(err) => panic!("golden scenario parses: {err}"),
    }
}

pub fn model() -> MatrixModel {
    support::matrix_model(true, 4)
}
