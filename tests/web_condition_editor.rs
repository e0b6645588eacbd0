//! Wasm tests of the condition editor: builder rows to conditions and back, rejected rows, and the rendered inline error.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use escalator::engine::condition::{Condition, FieldCatalog, FieldType, Op};
use escalator::view::condition_rows::{
    operators_for, value_input, BuildError, BuilderForm, ConditionRow, Joiner, ValueInput,
};
use escalator::web::editor::condition_editor::{
    ConditionEdit, ConditionEditor, ConditionEditorProps,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlSelectElement, HtmlTextAreaElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn catalog() -> FieldCatalog {
    FieldCatalog::ticket()
}

fn parse(text: &str) -> Condition {
    Condition::parse_checked(text, &catalog()).expect("valid condition")
}

fn row(path: &str, op: Op, value: &str) -> ConditionRow {
    ConditionRow {
        path: path.to_owned(),
        negated: false,
        op,
        value: value.to_owned(),
    }
}

fn form_of(text: &str) -> Option<BuilderForm> {
    BuilderForm::from_condition(&parse(text), &catalog())
}

#[wasm_bindgen_test]
fn flat_conditions_become_rows_and_come_back_unchanged() {
    let texts = [
        "category == \"billing\"",
        "category in [\"billing\", \"refund\"] and amount > 500 and not signals.abusive",
        "signals.abusive or signals.demands_manager",
        "priority >= high and channel not in [email, web]",
        "segment starts_with \"enterprise\" or category contains \"pay\"",
        "amount exists and not amount > 500",
        "urgency > low and impact >= medium",
        "attributes.plan == \"enterprise\" and attributes.seats >= 100 and attributes.vip",
        "attributes.code == \"100\"",
        "attributes.tags in [\"a\", 2, true]",
        "signals.threatens_review == false",
        "amount < -12.5",
    ];
    for text in texts {
        let condition = parse(text);
        let form = BuilderForm::from_condition(&condition, &catalog())
            .unwrap_or_else(|| panic!("{text} is flat"));
        let rebuilt = form.to_condition(&catalog()).expect("rows are valid");
        assert_eq!(rebuilt, condition, "{text}");
        assert_eq!(rebuilt.to_text(), condition.to_text(), "{text}");
    }
}

#[wasm_bindgen_test]
fn rows_show_values_as_people_type_them() {
    let form = form_of(
        "category in [\"billing\", \"refund\"] and priority >= high and not signals.abusive and attributes.code == \"100\"",
    )
    .expect("flat");
    assert_eq!(form.joiner, Joiner::All);
    assert_eq!(
        form.rows,
        vec![
            row("category", Op::In, "billing, refund"),
            row("priority", Op::Ge, "high"),
            ConditionRow {
                negated: true,
                ..row("signals.abusive", Op::Eq, "true")
            },
            row("attributes.code", Op::Eq, "\"100\""),
        ]
    );
    assert_eq!(
        form_of("channel == chat or amount > 5").map(|f| f.joiner),
        Some(Joiner::Any)
    );
}

#[wasm_bindgen_test]
fn rows_build_the_canonical_condition() {
    let form = BuilderForm {
        joiner: Joiner::Any,
        rows: vec![
            row("category", Op::NotIn, " spam ,test, "),
            row("priority", Op::Eq, "critical"),
            ConditionRow {
                negated: true,
                ..row("attributes.plan", Op::StartsWith, "ent")
            },
            row("amount", Op::Ge, " 1000 "),
            row("channel", Op::Exists, "ignored"),
        ],
    };
    let condition = form.to_condition(&catalog()).expect("valid rows");
    assert_eq!(
        condition.to_text(),
        "category not in [\"spam\", \"test\"] or priority == critical or not attributes.plan starts_with \"ent\" or amount >= 1000 or channel exists"
    );
    let single = BuilderForm {
        joiner: Joiner::Any,
        rows: vec![row("signals.abusive", Op::Eq, "true")],
    };
    assert_eq!(
        single.to_condition(&catalog()).expect("valid").to_text(),
        "signals.abusive"
    );
}

#[wasm_bindgen_test]
fn text_values_cannot_inject_syntax() {
    let form = BuilderForm {
        joiner: Joiner::All,
        rows: vec![row("category", Op::Eq, "x\" or signals.abusive or \"")],
    };
    let condition = form.to_condition(&catalog()).expect("any text is a value");
    assert_eq!(condition.tests().count(), 1);
    assert_eq!(
        condition.to_text(),
        "category == \"x\\\" or signals.abusive or \\\"\""
    );
}

#[wasm_bindgen_test]
fn invalid_rows_are_rejected_with_their_index_and_reason() {
    let form = BuilderForm {
        joiner: Joiner::All,
        rows: vec![
            row("category", Op::Eq, "billing"),
            row("amount", Op::Gt, "lots"),
            row("priority", Op::Eq, "urgent"),
            row("category", Op::In, " , "),
            row("attributes.", Op::Eq, "x"),
            row("attributes.9lives", Op::Eq, "x"),
            row("segment", Op::Eq, "  "),
            row("channel", Op::Lt, "email"),
        ],
    };
    let Err(BuildError::InvalidRows(problems)) = form.to_condition(&catalog()) else {
        panic!("rows 1 to 7 are invalid");
    };
    let summary: Vec<(usize, &str)> = problems
        .iter()
        .map(|problem| (problem.row, problem.message.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, "\"lots\" is not a number"),
            (2, "unknown priority \"urgent\""),
            (3, "list at least one value"),
            (4, "name the attribute"),
            (5, "\"9lives\" is not an attribute name"),
            (6, "enter a value"),
            (7, "`<` does not apply to channel field \"channel\""),
        ]
    );
    assert_eq!(
        problems[1].help.as_deref(),
        Some("use critical, high, medium or low")
    );
    let empty = BuilderForm {
        joiner: Joiner::All,
        rows: Vec::new(),
    };
    assert_eq!(empty.to_condition(&catalog()), Err(BuildError::NoRows));
}

#[wasm_bindgen_test]
fn nested_conditions_are_not_flattened() {
    assert_eq!(
        form_of("(category == \"refund\" or category == \"chargeback\") and amount > 500"),
        None
    );
    assert_eq!(
        form_of("not (channel == social or segment == \"trial\")"),
        None
    );
    assert_eq!(form_of("category in [\"a,b\", \"c\"]"), None);
    assert!(form_of("not signals.abusive").is_some());
}

#[wasm_bindgen_test]
fn operators_and_value_inputs_follow_the_field_type() {
    assert_eq!(
        operators_for(Some(FieldType::Bool)),
        vec![Op::Eq, Op::Ne, Op::Exists]
    );
    assert_eq!(
        operators_for(Some(FieldType::Channel)),
        vec![Op::Eq, Op::Ne, Op::In, Op::NotIn, Op::Exists]
    );
    assert!(!operators_for(Some(FieldType::Text)).contains(&Op::Lt));
    assert!(!operators_for(Some(FieldType::Number)).contains(&Op::Contains));
    assert_eq!(operators_for(Some(FieldType::Dynamic)).len(), Op::ALL.len());
    assert_eq!(
        value_input(Some(FieldType::Level), Op::Eq),
        ValueInput::Choice(vec!["high", "medium", "low"])
    );
    assert_eq!(
        value_input(Some(FieldType::Bool), Op::Eq),
        ValueInput::Choice(vec!["true", "false"])
    );
    assert_eq!(
        value_input(Some(FieldType::Number), Op::Gt),
        ValueInput::Number
    );
    assert_eq!(
        value_input(Some(FieldType::Text), Op::Contains),
        ValueInput::Text
    );
    assert_eq!(
        value_input(Some(FieldType::Priority), Op::Exists),
        ValueInput::Nothing
    );
    assert_eq!(
        value_input(Some(FieldType::Channel), Op::In),
        ValueInput::List(vec!["email", "chat", "phone", "web", "social"])
    );
}

#[wasm_bindgen_test]
fn changing_a_rows_field_keeps_what_still_fits() {
    let catalog = catalog();
    let text_row = row("category", Op::Contains, "pay");
    let to_segment = text_row.with_path("segment", &catalog);
    assert_eq!(to_segment, row("segment", Op::Contains, "pay"));
    let to_channel = text_row.with_path("channel", &catalog);
    assert_eq!(to_channel, row("channel", Op::Eq, "email"));
    let to_signal = row("amount", Op::Gt, "5").with_path("signals.abusive", &catalog);
    assert_eq!(to_signal, row("signals.abusive", Op::Eq, "true"));
    let list_to_one = row("channel", Op::In, "chat, web").with_op(Op::Ne, &catalog);
    assert_eq!(list_to_one, row("channel", Op::Ne, "chat"));
}

/// Mounts the editor into a fresh div and returns it with the edits it reported.
async fn mount(text: &str) -> (Element, Rc<RefCell<Vec<ConditionEdit>>>) {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("attached");
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
