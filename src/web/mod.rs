//! The browser layer (wasm32 only): the yew playground and the JS API over the engine.

mod app;
mod browser;
pub mod charts;
mod components;
pub mod editor;
mod format;
mod log_import;
mod panic_panel;
mod playground;
mod policy_handle;
mod presets;
pub mod results;
mod shared_text_props;
mod shown_zone;
mod simulation;
pub mod state;
mod storage;
mod tabs;
mod worker_client;

use wasm_bindgen::prelude::*;

/// Mounts the playground into the element with the given id (index.html calls this after `init`).
#[wasm_bindgen]
pub fn start_playground(root_id: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let root = document
        .get_element_by_id(root_id)
        .ok_or_else(|| JsValue::from_str(&format!("no element with id {root_id:?}")))?;
    panic_panel::install();
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
    Ok(())
}
