//! Small browser services: the clock, the URL fragment, file downloads and the clipboard.

use wasm_bindgen::JsCast;

/// The current UTC time as `YYYY-MM-DDTHH:MM`, the ticket form's format.
pub fn now_to_the_minute() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(16).collect()
}

/// The browser's own IANA time zone (`Europe/Rome`), when it says.
pub fn time_zone() -> Option<String> {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
}

/// Milliseconds from the page's time origin, for measuring.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or(0.0)
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        let path = window.location().pathname().unwrap_or_default();
        if let Ok(history) = window.history() {
            let _address_bar_only =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

/// The page's address with the given fragment.
pub fn address_with_fragment(fragment: &str) -> String {
    let base = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}#{fragment}")
}

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime_type: &str, content: &str) {
    let blob = gloo::file::Blob::new_with_options(content, Some(mime_type));
    let url = gloo::file::ObjectUrl::from(blob);
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(element) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = element.dyn_into::<web_sys::HtmlAnchorElement>() else {
        return;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
}

/// Copies text to the clipboard (best effort: browsers may refuse without a user gesture).
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _promise_ignored = window.navigator().clipboard().write_text(text);
    }
}
