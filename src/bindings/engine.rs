//! Routing and SLA plans for JS: what the widget and the package's `compile`/`route`/`slaPlan` call.

use wasm_bindgen::prelude::*;

use super::thrown;
use crate::api::{ApiError, Engine};
use crate::engine::calendar::provide_zone;

/// A compiled policy held in Wasm memory; route as many tickets through it as needed.
#[wasm_bindgen]
pub struct CompiledPolicyHandle {
    engine: Engine,
}

#[wasm_bindgen]
impl CompiledPolicyHandle {
    /// Reads and compiles a policy document (JSON text).
    #[wasm_bindgen(constructor)]
    pub fn new(policy_json: &str) -> Result<CompiledPolicyHandle, JsValue> {
        Engine::compile(policy_json)
            .map(|engine| CompiledPolicyHandle { engine })
            .map_err(thrown)
    }

    /// Who receives the ticket and what decided it (no trace).
    pub fn receiver(&self, ticket_json: &str) -> Result<String, JsValue> {
        self.engine.receiver_json(ticket_json).map_err(thrown)
    }

    /// The full decision at `at` (RFC 3339) with trace, planned escalations, SLA plan and local times.
    pub fn route(&self, ticket_json: &str, at: &str) -> Result<String, JsValue> {
        self.engine.route_json(ticket_json, at).map_err(thrown)
    }

    /// The SLA plan at `at`, or `null` when no SLA policy applies.
    #[wasm_bindgen(js_name = slaPlan)]
    pub fn sla_plan(&self, ticket_json: &str, at: &str) -> Result<String, JsValue> {
        self.engine.sla_plan_json(ticket_json, at).map_err(thrown)
    }
}

/// Makes an IANA zone known from its TZif bytes (the widget's build has no zone database of its own).
#[wasm_bindgen(js_name = provideTimeZone)]
pub fn provide_time_zone(name: &str, tzif: &[u8]) -> Result<(), JsValue> {
    provide_zone(name, tzif).map_err(|message| {
        thrown(ApiError::new(
            "time-zone",
            "policy",
            message,
            "check that the widget's wasm/tz/ folder is served next to widget.js",
        ))
    })
}
