//! Fuzz target: any text as a policy document — read, lint, compile, and route a ticket through it.
#![no_main]

use escalator::api::{lint, Engine};
use escalator::engine::ticket::{Channel, Priority, Ticket};
use escalator::engine::time::Instant;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = lint(text);
    if let Ok(engine) = Engine::compile(text) {
        let ticket = Ticket::new("billing", Priority::High, Channel::Email);
        let answer = engine.route(&ticket, Instant(1_772_816_100));
        let _ = serde_json::to_string(&answer);
        let _ = engine.receiver(&ticket);
    }
});
