//! The wasm-bindgen surface of `crate::api` (wasm32 only): JSON strings across the boundary, errors thrown as
//! the JSON of an `ApiError`. The JS package (`js/`) wraps these into its public, typed functions.

#[cfg(feature = "js-engine")]
mod engine;
#[cfg(feature = "js-simulator")]
mod simulation;
#[cfg(feature = "js-tools")]
mod tools;

use wasm_bindgen::JsValue;

use crate::api::ApiError;

/// An `ApiError` as the value JS catches; the package turns it into an `EscalatorError`.
fn thrown(error: ApiError) -> JsValue {
    JsValue::from_str(&error.to_json())
}
