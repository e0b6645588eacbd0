//! Fuzz target: any text as a scenario for the default policy — read, check the limits, and run it when it
//! is small enough for a fuzzing iteration.
#![no_main]

use escalator::api::SimulationJob;
use libfuzzer_sys::fuzz_target;

const POLICY: &str = include_str!("../../../www/presets/default.json");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(job) = SimulationJob::new(Some(POLICY), text) else {
        return;
    };
    if job.expected_tickets() <= 200.0 {
        let _ = job.finish_report();
    }
});
