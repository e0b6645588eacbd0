//! Page helpers shared by the Wasm component tests.

use web_sys::Element;

/// A fresh, empty `div` attached to the page's body, to mount one component into.
pub fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("a page with a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("the div is attached");
    root
}
