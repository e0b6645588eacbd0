//! A condition editor: the text form with inline errors as you type, beside a row builder for flat conditions.

use std::sync::atomic::{AtomicUsize, Ordering};

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::inputs::{Select, TextInput};
use crate::engine::condition::{Condition, ConditionError, Expr, FieldCatalog, Op};
use crate::view::condition_rows::{
    field_paths, is_attribute, operators_for, value_input, BuildError, BuilderForm, ConditionRow,
    Joiner, RowProblem, ValueInput, ATTRIBUTE_PREFIX,
};

/// One edit: the text as it now reads, and the condition when that text is valid.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionEdit {
    pub text: String,
    pub parsed: Option<Condition>,
}

#[derive(Properties, PartialEq)]
pub struct ConditionEditorProps {
    /// The text shown in the text box: what the user typed (may be invalid) or the condition's canonical text.
    pub text: String,
    /// Called with the new text on every edit, and with the parsed condition when it is valid.
    pub on_change: Callback<ConditionEdit>,
    #[prop_or_default]
    pub label: String,
    /// Prefix for the data-testids of the editor's parts.
    #[prop_or_default]
    pub testid: String,
}

/// The builder's rows and the text they were last in step with; when the text moves on, the rows follow it.
#[derive(Debug, Clone, PartialEq)]
struct BuilderDraft {
    text: String,
    form: BuilderForm,
}

/// What the builder side shows for the current text.
enum BuilderView {
    Rows(BuilderForm),
    Nested(Condition),
    WaitingForText,
}

fn next_editor_id() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("cond-editor-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Text form and builder side by side; every change reports a `ConditionEdit`.
#[component]
pub fn ConditionEditor(props: &ConditionEditorProps) -> Html {
    let id = use_state(next_editor_id);
    let draft = use_state(|| None::<BuilderDraft>);
    let catalog = FieldCatalog::ticket();
    let parsed = Condition::parse_checked(&props.text, &catalog);

    let builder = match ((*draft).as_ref(), &parsed) {
        (Some(draft), _) if draft.text == props.text => BuilderView::Rows(draft.form.clone()),
        (_, Ok(condition)) => match BuilderForm::from_condition(condition, &catalog) {
            Some(form) => BuilderView::Rows(form),
            None => BuilderView::Nested(condition.clone()),
        },
        (_, Err(_)) if props.text.trim().is_empty() => BuilderView::Rows(BuilderForm::starter()),
        (_, Err(_)) => BuilderView::WaitingForText,
    };

    let on_text = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let text = area.value();
            let parsed = Condition::parse_checked(&text, &FieldCatalog::ticket()).ok();
            on_change.emit(ConditionEdit { text, parsed });
        })
    };

    let on_form = {
        let on_change = props.on_change.clone();
        let draft = draft.clone();
        let current_text = props.text.clone();
        Callback::from(move |form: BuilderForm| {
            let text = match form.to_condition(&FieldCatalog::ticket()) {
                Ok(condition) => {
                    let text = condition.to_text();
                    if text != current_text {
                        on_change.emit(ConditionEdit {
                            text: text.clone(),
                            parsed: Some(condition),
                        });
                    }
                    text
                }
                Err(_) => current_text.clone(),
            };
            draft.set(Some(BuilderDraft { text, form }));
        })
    };

    let label = if props.label.is_empty() {
        "Condition".to_owned()
    } else {
        props.label.clone()
    };
    let error_id = format!("{}-error", *id);
    let error = parsed.as_ref().err();
    html! {
        <div class="cond-editor" data-testid={props.testid.clone()}>
            <div class="cond-text">
                <label class="cond-label" for={(*id).clone()}>{ format!("{label} — text") }</label>
                <textarea id={(*id).clone()} class="cond-textarea" rows="2" spellcheck="false"
                    value={props.text.clone()} oninput={on_text}
                    aria-invalid={error.is_some().to_string()}
                    aria-describedby={error.map(|_| error_id.clone())}
                    data-testid={format!("{}-text", props.testid)} />
                { match error {
                    Some(error) => error_view(&props.text, error, &error_id, &props.testid),
                    None => html! {
                        <p class="cond-ok" data-testid={format!("{}-ok", props.testid)}>{ "✓ valid condition" }</p>
                    },
                } }
            </div>
            <div class="cond-builder" role="group" aria-label={format!("{label} — builder")}>
                { builder_view(builder, &id, &props.testid, on_form) }
            </div>
        </div>
    }
}

/// The error under the text box: message, hint, and the text with the offending span marked.
fn error_view(text: &str, error: &ConditionError, id: &str, testid: &str) -> Html {
    let position = match (error.line(), error.column()) {
        (Some(line), Some(column)) => format!("line {line}, column {column}: "),
        _ => String::new(),
    };
    let excerpt = error
        .span()
        .filter(|_| !text.trim().is_empty())
        .and_then(|span| {
            let before = text.get(..span.start)?;
            let marked = text.get(span.clone())?;
            let after = text.get(span.end..)?;
            Some(html! {
                <pre class="cond-excerpt" aria-hidden="true">
                    { before }
                    <mark class={classes!("cond-mark", marked.is_empty().then_some("cond-caret"))}>
                        { if marked.is_empty() { " " } else { marked } }
                    </mark>
                    { after }
                </pre>
            })
        });
    html! {
        <div class="cond-error" id={id.to_owned()} aria-live="polite"
            data-testid={format!("{testid}-error")}>
            { excerpt.unwrap_or_default() }
            <p class="cond-message">
                <span class="cond-where">{ position }</span>{ error.message.clone() }
            </p>
            if let Some(help) = &error.help {
                <p class="cond-help">{ format!("Hint: {help}") }</p>
            }
        </div>
    }
}

fn builder_view(
    builder: BuilderView,
    id: &str,
    testid: &str,
    on_form: Callback<BuilderForm>,
) -> Html {
    match builder {
        BuilderView::Rows(form) => rows_view(&form, id, testid, on_form),
        BuilderView::Nested(condition) => html! {
            <div class="cond-nested" data-testid={format!("{testid}-outline")}>
                <p class="cond-note">{ "This condition nests groups; edit nested conditions in the text form." }</p>
                <ul class="cond-outline">{ outline(condition.expr()) }</ul>
            </div>
        },
        BuilderView::WaitingForText => html! {
            <p class="cond-note" data-testid={format!("{testid}-waiting")}>
                { "The builder follows the text once it is a valid condition." }
            </p>
        },
    }
}

/// A read-only tree of a nested condition.
fn outline(expr: &Expr) -> Html {
    let group = |title: &str, members: &[Expr]| {
        html! {
            <li>
                <span class="cond-group">{ title.to_owned() }</span>
                <ul>{ for members.iter().map(outline) }</ul>
            </li>
        }
    };
    match expr {
        Expr::All(members) => group("all of", members),
        Expr::Any(members) => group("any of", members),
        Expr::Not(inner) => group("not", std::slice::from_ref(inner.as_ref())),
        Expr::Test(test) => html! { <li><code>{ test.to_string() }</code></li> },
    }
}

fn rows_view(form: &BuilderForm, id: &str, testid: &str, on_form: Callback<BuilderForm>) -> Html {
    let catalog = FieldCatalog::ticket();
    let problems = match form.to_condition(&catalog) {
        Err(BuildError::InvalidRows(problems)) => problems,
        _ => Vec::new(),
    };
    let set_joiner = |joiner: Joiner| {
        let form = form.clone();
        let on_form = on_form.clone();
        Callback::from(move |_: Event| {
            on_form.emit(BuilderForm {
                joiner,
                ..form.clone()
            })
        })
    };
    let add = {
        let form = form.clone();
        let on_form = on_form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut form = form.clone();
            form.rows.push(ConditionRow::blank());
            on_form.emit(form);
        })
    };
    let joiner_name = format!("{id}-joiner");
    let several = form.rows.len() > 1;
    html! {
        <>
            <fieldset class="cond-joiner" data-testid={format!("{testid}-joiner")}>
                <legend>{ "Combine" }</legend>
                <label class="cond-radio">
                    <input type="radio" name={joiner_name.clone()} checked={form.joiner == Joiner::All}
                        onchange={set_joiner(Joiner::All)} disabled={!several}
                        data-testid={format!("{testid}-match-all")} />
                    { "match all" }
                </label>
                <label class="cond-radio">
                    <input type="radio" name={joiner_name} checked={form.joiner == Joiner::Any}
                        onchange={set_joiner(Joiner::Any)} disabled={!several}
                        data-testid={format!("{testid}-match-any")} />
                    { "match any" }
                </label>
            </fieldset>
            if form.rows.is_empty() {
                <p class="cond-note" data-testid={format!("{testid}-no-rows")}>
                    { "Add at least one condition: there is no condition that always holds." }
                </p>
            }
            <ol class="cond-rows">
                { for form.rows.iter().enumerate().map(|(index, row)| {
                    let problem = problems.iter().find(|problem| problem.row == index);
                    row_view(form, index, row, problem, testid, &on_form)
                }) }
            </ol>
            <button type="button" class="cond-add" onclick={add} data-testid={format!("{testid}-add")}>
                { "+ add condition" }
            </button>
        </>
    }
}

fn row_view(
    form: &BuilderForm,
    index: usize,
    row: &ConditionRow,
    problem: Option<&RowProblem>,
    testid: &str,
    on_form: &Callback<BuilderForm>,
) -> Html {
    let catalog = FieldCatalog::ticket();
    let field_type = catalog.field_type(&row.path);
    let number = index + 1;
    let row_testid = format!("{testid}-row-{index}");
    let replace = {
        let form = form.clone();
        let on_form = on_form.clone();
        move |change: Box<dyn Fn(&ConditionRow) -> ConditionRow>| {
            let mut form = form.clone();
            if let Some(row) = form.rows.get_mut(index) {
                *row = change(row);
            }
            on_form.emit(form);
        }
    };
    let on_field = {
        let replace = replace.clone();
        Callback::from(move |choice: String| {
            replace(Box::new(move |row| {
                let path = if choice == ATTRIBUTE_PREFIX && is_attribute(&row.path) {
                    row.path.clone()
                } else {
                    choice.clone()
                };
                row.with_path(&path, &FieldCatalog::ticket())
            }))
        })
    };
    let on_attribute = {
        let replace = replace.clone();
        Callback::from(move |name: String| {
            let path = format!("{ATTRIBUTE_PREFIX}{}", name.trim());
            replace(Box::new(move |row| ConditionRow {
                path: path.clone(),
                ..row.clone()
            }))
        })
    };
    let on_negated = {
        let replace = replace.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let negated = input.checked();
            replace(Box::new(move |row| ConditionRow {
                negated,
                ..row.clone()
            }))
        })
    };
    let on_op = {
        let replace = replace.clone();
        Callback::from(move |symbol: String| {
            if let Some(op) = Op::from_symbol(&symbol) {
                replace(Box::new(move |row| {
                    row.with_op(op, &FieldCatalog::ticket())
                }))
            }
        })
    };
    let on_value = {
        let replace = replace.clone();
        Callback::from(move |value: String| {
            replace(Box::new(move |row| ConditionRow {
                value: value.clone(),
                ..row.clone()
            }))
        })
    };
    let remove = {
        let form = form.clone();
        let on_form = on_form.clone();
        Callback::from(move |_: MouseEvent| {
            let mut form = form.clone();
            form.rows.remove(index);
            on_form.emit(form);
        })
    };

    let mut field_options: Vec<(String, String)> = field_paths(&catalog)
        .into_iter()
        .map(|path| (path.clone(), path))
        .collect();
    field_options.push((ATTRIBUTE_PREFIX.to_owned(), "attribute…".to_owned()));
    let field_choice = if is_attribute(&row.path) {
        ATTRIBUTE_PREFIX.to_owned()
    } else {
        row.path.clone()
    };
    let op_options = operators_for(field_type)
        .into_iter()
        .map(|op| (op.symbol().to_owned(), op.symbol().to_owned()))
        .collect::<Vec<_>>();
    let value_label = format!("Value of condition {number}");
    let value_testid = format!("{row_testid}-value");
    let value = match value_input(field_type, row.op) {
        ValueInput::Nothing => html! { <span class="cond-novalue">{ "—" }</span> },
        ValueInput::Choice(choices) => html! {
            <Select options={choices.iter().map(|c| ((*c).to_owned(), (*c).to_owned())).collect::<Vec<_>>()}
                value={row.value.clone()} on_change={on_value} label={value_label} testid={value_testid} />
        },
        ValueInput::Number => html! {
            <NumberText value={row.value.clone()} on_change={on_value} label={value_label} testid={value_testid} />
        },
        ValueInput::Text => html! {
            <TextInput value={row.value.clone()} on_change={on_value} label={value_label}
                invalid={problem.is_some()} testid={value_testid} />
        },
        ValueInput::List(choices) => {
            let placeholder = if choices.is_empty() {
                "a, b, c".to_owned()
            } else {
                choices.join(", ")
            };
            html! {
                <TextInput value={row.value.clone()} on_change={on_value}
                    label={format!("{value_label} (comma-separated)")} placeholder={placeholder}
                    invalid={problem.is_some()} testid={value_testid} />
            }
        }
    };
    html! {
        <li class={classes!("cond-row", problem.is_some().then_some("cond-row-invalid"))} data-testid={row_testid.clone()}>
            <div class="cond-row-controls">
                <label class="cond-not" title="Negate this condition">
                    <input type="checkbox" checked={row.negated} onchange={on_negated}
                        aria-label={format!("Negate condition {number}")} data-testid={format!("{row_testid}-not")} />
                    { "not" }
                </label>
                <span class="cond-field">
                    <Select options={field_options} value={field_choice} on_change={on_field}
                        label={format!("Field of condition {number}")} testid={format!("{row_testid}-field")} />
                    if is_attribute(&row.path) {
                        <TextInput value={row.path.trim_start_matches(ATTRIBUTE_PREFIX).to_owned()}
                            on_change={on_attribute} placeholder="name"
                            label={format!("Attribute name of condition {number}")}
                            testid={format!("{row_testid}-attribute")} />
                    }
                </span>
                <span class="cond-op">
                    <Select options={op_options} value={row.op.symbol().to_owned()} on_change={on_op}
                        label={format!("Operator of condition {number}")} testid={format!("{row_testid}-op")} />
                </span>
                <span class="cond-value">{ value }</span>
                <button type="button" class="cond-remove" onclick={remove}
                    aria-label={format!("Remove condition {number}")} title="Remove"
                    data-testid={format!("{row_testid}-remove")}>{ "×" }</button>
            </div>
            if let Some(problem) = problem {
                <p class="cond-row-problem" data-testid={format!("{row_testid}-problem")}>
                    { problem.message.clone() }
                    if let Some(help) = &problem.help {
                        <span class="cond-help">{ format!(" — {help}") }</span>
                    }
                </p>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct NumberTextProps {
    value: String,
    on_change: Callback<String>,
    label: String,
    testid: String,
}

/// A number box that reports exactly what is typed (a text box with a numeric keyboard, so a half-typed
/// `12.` or `-` stays in the box instead of being cleared as a browser number input would), and the row
/// says when it is not a number yet.
#[component]
fn NumberText(props: &NumberTextProps) -> Html {
    let on_change = props.on_change.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        on_change.emit(input.value());
    });
    html! {
        <input type="text" inputmode="decimal" class="number" value={props.value.clone()} {oninput}
            aria-label={props.label.clone()} data-testid={props.testid.clone()} />
    }
}
