//! Fuzz target: any bytes as a ticket log; what reads must give well-formed journeys, problems with a row,
//! and metrics, and a refusal must carry a code.
#![no_main]

use escalator::engine::journey::EventKind;
use escalator::import::{read_log, Reader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match read_log(data, &Reader::default()) {
        Ok(log) => {
            for journey in &log.journeys {
                assert!(matches!(journey.events[0].kind, EventKind::Created));
                assert!(journey
                    .events
                    .windows(2)
                    .all(|pair| pair[0].at.0 <= pair[1].at.0));
            }
            assert!(log.problems.iter().all(|problem| problem.row > 0));
            let metrics = log.metrics();
            assert_eq!(metrics.tickets, log.journeys.len() as u64);
        }
        Err(error) => assert!(!error.code().is_empty()),
    }
});
