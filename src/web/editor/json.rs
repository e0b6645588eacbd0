//! The whole policy as JSON text, for what no form covers: applied when it is a valid policy, otherwise kept
//! as a draft in the workspace (so a reload does not lose it) with the error and its location shown.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::engine::policy::Policy;
use crate::web::editor::SectionProps;
use crate::web::state::Action;
use crate::workspace::edit::Edit;

#[component]
pub fn JsonSection(props: &SectionProps) -> Html {
    let workspace = &props.workspace;
    let text = workspace
        .policy_json_draft
        .clone()
        .unwrap_or_else(|| workspace.policy.to_json());
    let error = workspace
        .policy_json_draft
        .as_deref()
        .and_then(|draft| Policy::from_json(draft).err())
        .map(|problem| problem.to_string());
    let oninput = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            dispatch.emit(Action::Edit(Edit::SetPolicyJson(area.value())));
        })
    };
    html! {
        <section class="panel" id="section-json">
            <div class="panel-head"><h2>{ "Policy JSON" }</h2><p>{ "Every field; applied as soon as it is a valid policy (see docs/policy-format.md)." }</p></div>
            <div class="panel-body">
                if let Some(message) = error {
                    <div class="error-box inline" role="alert" data-testid="json-error">{ message }</div>
                }
                <textarea class="json-editor mono" spellcheck="false" value={text} {oninput}
                    aria-label="Policy JSON" data-testid="policy-json" rows="24" />
            </div>
        </section>
    }
}
