//! The rule trace: every trigger and rule considered, the match highlighted, misses with the condition that failed.

use yew::prelude::*;

use crate::engine::trace::{Outcome, Trace};

#[derive(Properties, PartialEq)]
pub struct TraceTableProps {
    pub trace: Trace,
}

#[component]
pub fn TraceTable(props: &TraceTableProps) -> Html {
    let rows = props.trace.steps.iter().map(|step| {
        let (class, outcome, why) = match &step.outcome {
            Outcome::Matched => ("matched", "Matched", html! { <>{ "→ " }<strong>{ step.to.clone() }</strong></> }),
            Outcome::Failed { condition, saw } => (
                "missed",
                "No match",
                html! { <>{ "failed at " }<code>{ condition.clone() }</code>{ format!(" — ticket has {saw}") }</> },
            ),
            Outcome::NotEvaluated => ("skipped", "Skipped", html! { { "an earlier rule already matched" } }),
        };
        html! {
            <tr class={classes!("trace-row", class)} data-step={step.id.clone()} data-outcome={class}>
                <td><span class="hint">{ step.stage.as_str() }</span><br/><strong>{ step.id.clone() }</strong></td>
                <td><code>{ step.condition.clone() }</code>
                    if !step.description.is_empty() { <div class="hint">{ step.description.clone() }</div> }
                </td>
                <td><span class={classes!("outcome", class)}>{ outcome }</span><div class="why">{ why }</div></td>
            </tr>
        }
    });
    html! {
        <section class="panel">
            <div class="panel-head"><h2>{ "Rule trace" }</h2><p>{ "Triggers first, then routing rules, then the escalation matrix rows that name who receives first; the first match wins." }</p></div>
            <table class="trace" data-testid="trace">
                <thead><tr><th>{ "Step" }</th><th>{ "Condition" }</th><th>{ "Outcome" }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </section>
    }
}
