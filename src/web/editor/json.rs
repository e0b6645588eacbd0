//! The whole policy as JSON text, for what no form covers: edits apply when the text is a valid policy.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::engine::policy::Policy;
use crate::web::editor::SectionProps;
use crate::web::state::Action;

#[component]
pub fn JsonSection(props: &SectionProps) -> Html {
    let current = props.workspace.policy.to_json();
    let text = use_state(|| current.clone());
    let error = use_state(|| None::<String>);
    {
        let text = text.clone();
        let error = error.clone();
        use_effect_with(current.clone(), move |current| {
            if error.is_none() {
                text.set(current.clone());
            }
        });
    }
    let oninput = {
        let text = text.clone();
        let error = error.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let typed = area.value();
            text.set(typed.clone());
            match Policy::from_json(&typed) {
                Ok(policy) => {
                    error.set(None);
                    dispatch.emit(Action::edit("policy-json", move |workspace| {
                        workspace.policy = policy.clone();
                        workspace.condition_drafts.clear();
                    }));
                }
                Err(problem) => error.set(Some(problem.to_string())),
            }
        })
    };
    html! {
        <section class="panel" id="section-json">
            <div class="panel-head"><h2>{ "Policy JSON" }</h2><p>{ "Every field; applied as soon as it is a valid policy (see docs/policy-format.md)." }</p></div>
            <div class="panel-body">
                if let Some(message) = &*error {
                    <div class="error-box inline" role="alert" data-testid="json-error">{ message.clone() }</div>
                }
                <textarea class="json-editor mono" spellcheck="false" value={(*text).clone()} {oninput}
                    aria-label="Policy JSON" data-testid="policy-json" rows="24" />
            </div>
        </section>
    }
}
