//! The priority matrix as a grid: impact down, urgency across, each cell the priority a ticket with that
//! impact and urgency gets; and the default priority of a ticket with neither.

use yew::prelude::*;

use crate::engine::ticket::{Level, Priority};
use crate::web::editor::diagnostics;
use crate::web::editor::inputs::Select;
use crate::web::editor::SectionProps;
use crate::web::format::capitalise;
use crate::web::state::Action;
use crate::workspace::edit::Edit;

fn priority_options() -> Vec<(String, String)> {
    Priority::ALL
        .iter()
        .map(|p| (p.as_str().to_owned(), capitalise(p.as_str())))
        .collect()
}

#[component]
pub fn PriorityMatrixSection(props: &SectionProps) -> Html {
    let policy = &props.workspace.policy;
    let dispatch = &props.dispatch;
    let on_default = dispatch.reform(|value: String| {
        Action::Edit(Edit::SetDefaultPriority(
            Priority::parse(&value).unwrap_or(Priority::Medium),
        ))
    });
    let body = match &policy.priority_matrix {
        None => {
            let on_add = dispatch.reform(|_: MouseEvent| Action::Edit(Edit::AddPriorityMatrix));
            html! {
                <>
                    <p class="hint">{ "No priority matrix: a ticket without a priority gets the default below, and Try a ticket offers no impact × urgency." }</p>
                    <button onclick={on_add} data-testid="add-priority-matrix">{ "+ Add an impact × urgency matrix" }</button>
                </>
            }
        }
        Some(matrix) => {
            let on_remove =
                dispatch.reform(|_: MouseEvent| Action::Edit(Edit::RemovePriorityMatrix));
            html! {
                <>
                    <table class="editor-table priority-grid" data-testid="priority-matrix">
                        <caption>{ "Priority of a ticket by its impact (rows) and urgency (columns)" }</caption>
                        <thead><tr><th>{ "Impact \\ urgency" }</th>
                            { for Level::ALL.iter().map(|urgency| html! { <th>{ capitalise(urgency.as_str()) }</th> }) }
                        </tr></thead>
                        <tbody>{ for Level::ALL.iter().map(|&impact| html! {
                            <tr>
                                <th scope="row">{ capitalise(impact.as_str()) }</th>
                                { for Level::ALL.iter().map(|&urgency| {
                                    let on_change = dispatch.reform(move |value: String| {
                                        Action::Edit(Edit::SetPriorityCell {
                                            impact,
                                            urgency,
                                            priority: Priority::parse(&value).unwrap_or(Priority::Medium),
                                        })
                                    });
                                    html! {
                                        <td><Select options={priority_options()} value={matrix.cell(impact, urgency).as_str().to_owned()} {on_change}
                                            label={format!("Priority for {} impact and {} urgency", impact.as_str(), urgency.as_str())}
                                            testid={format!("priority-{}-{}", impact.as_str(), urgency.as_str())} /></td>
                                    }
                                }) }
                            </tr>
                        }) }</tbody>
                    </table>
                    <button onclick={on_remove} data-testid="remove-priority-matrix">{ "Remove the matrix" }</button>
                </>
            }
        }
    };
    html! {
        <section class="panel" id="section-priority">
            <div class="panel-head"><h2>{ "Priority matrix" }</h2><p>{ "Impact × urgency gives a ticket its priority when it has none." }</p></div>
            <div class="panel-body">
                { body }
                <label class="control-row">{ "Default priority " }
                    <Select options={priority_options()} value={policy.default_priority.as_str().to_owned()} on_change={on_default}
                        label="Default priority" testid="default-priority" />
                </label>
                { diagnostics::inline(&props.diagnostics, "priority_matrix") }
                { diagnostics::inline(&props.diagnostics, "default_priority") }
            </div>
        </section>
    }
}
