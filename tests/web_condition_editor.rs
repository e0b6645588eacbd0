//! Wasm tests of the rendered condition editor: the inline error, what typing reports, and the builder rows
//! (the rows' logic is tested natively in `tests/condition_rows.rs`).
#![cfg(target_arch = "wasm32")]

mod dom;

use std::cell::RefCell;
use std::rc::Rc;

use escalator::engine::condition::{Condition, FieldCatalog};
use escalator::web::editor::condition_editor::{
    ConditionEdit, ConditionEditor, ConditionEditorProps,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlSelectElement, HtmlTextAreaElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn parse(text: &str) -> Condition {
    Condition::parse_checked(text, &FieldCatalog::ticket()).expect("valid condition")
}

/// Mounts the editor into a fresh div and returns it with the edits it reported.
async fn mount(text: &str) -> (Element, Rc<RefCell<Vec<ConditionEdit>>>) {
    let root = dom::fresh_root();
    let edits = Rc::new(RefCell::new(Vec::new()));
    let seen = edits.clone();
    let props = ConditionEditorProps {
        text: text.to_owned(),
        on_change: Callback::from(move |edit: ConditionEdit| seen.borrow_mut().push(edit)),
        label: "Rule condition".to_owned(),
        testid: "cond".to_owned(),
    };
    yew::Renderer::<ConditionEditor>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, edits)
}

fn find(root: &Element, testid: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .expect("selector")
}

#[wasm_bindgen_test]
async fn invalid_text_shows_the_error_inline_with_the_span_marked() {
    let (root, _) = mount("priority == urgent").await;
    let error = find(&root, "cond-error").expect("error element");
    let shown = error.text_content().unwrap_or_default();
    assert!(shown.contains("unknown priority \"urgent\""), "{shown}");
    assert!(
        shown.contains("use critical, high, medium or low"),
        "{shown}"
    );
    assert!(shown.contains("line 1, column 13"), "{shown}");
    let mark = error
        .query_selector("mark")
        .expect("selector")
        .expect("marked span");
    assert_eq!(mark.text_content().as_deref(), Some("urgent"));
    let area = find(&root, "cond-text").expect("text box");
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(find(&root, "cond-waiting").is_some());
    assert!(find(&root, "cond-ok").is_none());
}

#[wasm_bindgen_test]
async fn typing_reports_the_text_and_the_condition_only_when_valid() {
    let (root, edits) = mount("category == \"billing\"").await;
    assert!(find(&root, "cond-error").is_none());
    let area: HtmlTextAreaElement = find(&root, "cond-text")
        .expect("text box")
        .dyn_into()
        .expect("textarea");
    for typed in ["amount >", "amount > 500"] {
        area.set_value(typed);
        let event = web_sys::InputEvent::new("input").expect("event");
        area.dispatch_event(&event).expect("dispatched");
    }
    yew::scheduler::flush().await;
    let edits = edits.borrow();
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[0].text, "amount >");
    assert_eq!(edits[0].parsed, None);
    assert_eq!(edits[1].text, "amount > 500");
    assert_eq!(edits[1].parsed, Some(parse("amount > 500")));
}

#[wasm_bindgen_test]
async fn the_builder_shows_rows_for_flat_conditions_and_an_outline_for_nested_ones() {
    let (root, edits) = mount("channel == chat and amount > 5").await;
    let field: HtmlSelectElement = find(&root, "cond-row-1-field")
        .expect("second row")
        .dyn_into()
        .expect("select");
    assert_eq!(field.value(), "amount");
    let op: HtmlSelectElement = find(&root, "cond-row-0-op")
        .expect("first row operator")
        .dyn_into()
        .expect("select");
    let offered: Vec<String> = (0..op.length())
        .filter_map(|index| op.item(index))
        .filter_map(|option| option.text_content())
        .collect();
    assert_eq!(offered, ["==", "!=", "in", "not in", "exists"]);
    let any = find(&root, "cond-match-any").expect("match any");
    any.unchecked_ref::<web_sys::HtmlElement>().click();
    yew::scheduler::flush().await;
    assert_eq!(
        edits.borrow().last().map(|edit| edit.text.clone()),
        Some("channel == chat or amount > 5".to_owned())
    );

    let (nested, _) = mount("(category == \"a\" or category == \"b\") and amount > 5").await;
    let outline = find(&nested, "cond-outline").expect("outline");
    let shown = outline.text_content().unwrap_or_default();
    assert!(
        shown.contains("edit nested conditions in the text form"),
        "{shown}"
    );
    assert!(shown.contains("any of"), "{shown}");
    assert!(find(&nested, "cond-row-0").is_none());
}

fn type_into(element: Element, typed: &str) {
    let input: web_sys::HtmlInputElement = element.dyn_into().expect("input");
    input.set_value(typed);
    let event = web_sys::InputEvent::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn an_added_row_waits_for_its_value_before_the_condition_changes() {
    let (root, edits) = mount("channel == chat").await;
    let add: web_sys::HtmlElement = find(&root, "cond-add")
        .expect("add button")
        .dyn_into()
        .expect("button");
    add.click();
    yew::scheduler::flush().await;
    let problem = find(&root, "cond-row-1-problem").expect("new row says what it needs");
    assert_eq!(problem.text_content().as_deref(), Some("enter a value"));
    assert!(
        edits.borrow().is_empty(),
        "an incomplete row changes nothing"
    );

    type_into(
        find(&root, "cond-row-1-value").expect("value box"),
        "billing",
    );
    yew::scheduler::flush().await;
    assert!(find(&root, "cond-row-1-problem").is_none());
    let last = edits.borrow().last().cloned().expect("an edit");
    assert_eq!(last.text, "channel == chat and category == \"billing\"");
    assert_eq!(last.parsed, Some(parse(&last.text)));
}
