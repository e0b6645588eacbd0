//! The page's last word when the engine panics: a panel with the message and where it happened, and a link
//! that reloads the page with the autosaved workspace. Built with plain DOM calls, since yew may be mid-render.

use std::panic::PanicHookInfo;

use wasm_bindgen::prelude::*;

/// Installs the panic hook through yew, which would otherwise put its own console-only hook in place when
/// the playground mounts.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(show));
}

fn show(info: &PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&JsValue::from_str(&format!(
        "Escalator panicked: {message}"
    )));
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if document.get_element_by_id("panic-panel").is_some() {
        return;
    }
    let _a_panel_that_cannot_be_built_leaves_the_console_message = build(&document, &message);
}

fn build(document: &web_sys::Document, message: &str) -> Result<(), JsValue> {
    let element = |tag: &str, class: &str, text: &str| -> Result<web_sys::Element, JsValue> {
        let node = document.create_element(tag)?;
        if !class.is_empty() {
            node.set_class_name(class);
        }
        node.set_text_content(Some(text));
        Ok(node)
    };
    let panel = document.create_element("div")?;
    panel.set_id("panic-panel");
    panel.set_class_name("panic-panel");
    panel.set_attribute("role", "alertdialog")?;
    panel.set_attribute("aria-labelledby", "panic-title")?;
    panel.set_attribute("data-testid", "panic-panel")?;
    let title = element("h2", "", "Escalator stopped")?;
    title.set_id("panic-title");
    panel.append_child(&title)?;
    let explanation = element(
        "p",
        "",
        "Something went wrong inside the engine and this page cannot go on. Your work up to your last \
         change is saved in this browser: reloading opens it again.",
    )?;
    panel.append_child(&explanation)?;
    let details = element("pre", "panic-message", message)?;
    panel.append_child(&details)?;
    let reload = element("a", "button primary", "Reload with your work")?;
    // A plain link, so reloading needs none of the stopped module's code.
    reload.set_attribute("href", "")?;
    reload.set_attribute("data-testid", "panic-reload")?;
    panel.append_child(&reload)?;
    document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?
        .append_child(&panel)?;
    Ok(())
}

/// Panics on purpose, so the end-to-end test can check the panel (`import("./pkg/playground.js")` then
/// `debugPanic()`); nothing in the page calls it.
#[wasm_bindgen(js_name = debugPanic)]
pub fn debug_panic() {
    panic!("debug panic requested (a test of the panic panel)");
}
