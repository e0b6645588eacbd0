//! Same seed, same journeys in wasm32: the golden run must give the fingerprint recorded natively.
#![cfg(target_arch = "wasm32")]

mod golden;
mod real_policy;
mod support;

use escalator::sim::fingerprint::journeys_fingerprint;
use escalator::sim::{simulate, EnginePolicyModel};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn golden_run_matches_the_native_fingerprint() {
    let run = simulate(&golden::scenario(), &golden::model(), 0).expect("valid");
    assert_eq!(run.journeys.len(), golden::TICKETS);
    assert_eq!(journeys_fingerprint(&run.journeys), golden::FINGERPRINT);
}

#[wasm_bindgen_test]
fn real_policy_run_matches_the_native_fingerprint() {
    let scenario = real_policy::golden_scenario();
    let policy = real_policy::policy_of(&scenario)
        .compile()
        .expect("compiles");
    let model = EnginePolicyModel::new(policy).expect("a small policy");
    let run = simulate(&scenario, &model, 0).expect("valid");
    assert_eq!(run.journeys.len(), real_policy::GOLDEN_TICKETS);
    assert_eq!(
        journeys_fingerprint(&run.journeys),
        real_policy::GOLDEN_FINGERPRINT
    );
}
