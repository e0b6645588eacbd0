//! The editing tools for JS: lint findings and condition parsing (the package's `lint` and `parseCondition`).

use wasm_bindgen::prelude::*;

use super::thrown;
use crate::api;

/// Every lint finding of a policy document, as a JSON array.
#[wasm_bindgen]
pub fn lint(policy_json: &str) -> Result<String, JsValue> {
    api::lint(policy_json)
        .map(|diagnostics| serde_json::to_string(&diagnostics).unwrap_or_default())
        .map_err(thrown)
}

/// A condition's text form read and checked: `{text, json, fields}`.
#[wasm_bindgen(js_name = parseCondition)]
pub fn parse_condition(text: &str) -> Result<String, JsValue> {
    api::parse_condition(text)
        .map(|parsed| serde_json::to_string(&parsed).unwrap_or_default())
        .map_err(thrown)
}
