//! Same seed, same journeys in wasm32: the golden run must give the fingerprint recorded natively.
#![cfg(target_arch = "wasm32")]

mod golden;
mod support;

use escalator::sim::fingerprint::journeys_fingerprint;
use escalator::sim::simulate;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn golden_run_matches_the_native_fingerprint() {
    let run = simulate(&golden::scenario(), &golden::model(), 0).expect("valid");
    assert_eq!(run.journeys.len(), golden::TICKETS);
    assert_eq!(journeys_fingerprint(&run.journeys), golden::FINGERPRINT);
}
