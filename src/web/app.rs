//! The playground's root component: loads the policy preset and wires the ticket form to the engine.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::engine::policy::Policy;
use crate::engine::route::route;
use crate::web::components::decision_view::DecisionView;
use crate::web::components::sla_timeline::SlaTimeline;
use crate::web::components::team_overview::TeamOverview;
use crate::web::components::ticket_form::TicketForm;
use crate::web::components::trace_table::TraceTable;
use crate::web::draft::TicketDraft;
use crate::web::policy_handle::PolicyHandle;

const DEFAULT_PRESET: &str = "presets/default.json";

/// The customer segments offered in the form.
const SEGMENTS: [&str; 3] = ["standard", "premium", "enterprise"];

#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Failed(String),
    Ready(PolicyHandle),
}

#[component]
pub fn App() -> Html {
    let loaded = use_state(|| Loaded::Loading);
    let draft = use_state(|| TicketDraft::new("", now_to_the_minute()));
    {
        let loaded = loaded.clone();
        let draft = draft.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                let result = load_policy(DEFAULT_PRESET).await;
                if let Loaded::Ready(policy) = &result {
                    if let Some(first) = policy.document().categories.first() {
                        let mut next = (*draft).clone();
                        next.category = first.id.clone();
                        draft.set(next);
                    }
                }
                loaded.set(result);
            });
        });
    }
    let on_change = {
        let draft = draft.clone();
        Callback::from(move |next| draft.set(next))
    };

    let policy_name = match &*loaded {
        Loaded::Ready(policy) => policy.document().name.clone(),
        _ => String::new(),
    };
    let body = match &*loaded {
        Loaded::Loading => html! { <p class="boot-message">{ "Loading the policy…" }</p> },
        Loaded::Failed(message) => html! {
            <div class="panel"><div class="error-box" role="alert">{ message.clone() }</div></div>
        },
        Loaded::Ready(policy) => {
            let document = policy.document();
            let categories = document
                .categories
                .iter()
                .map(|category| (category.id.clone(), category.name.clone()))
                .collect::<Vec<_>>();
            let segments = SEGMENTS.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
            let outcome = draft
                .to_ticket()
                .map(|(ticket, at)| (route(policy.compiled(), &ticket, at), at));
            let highlight = outcome
                .as_ref()
                .ok()
                .map(|(decision, _)| decision.team.clone());
            let results = match outcome {
                Ok((decision, created)) => html! {
                    <>
                        <DecisionView decision={decision.clone()} {created} />
                        <SlaTimeline decision={decision.clone()} {created} policy={policy.clone()} />
                        <TraceTable trace={decision.trace.clone()} />
                    </>
                },
                Err(problem) => html! {
                    <div class="panel"><div class="error-box" role="alert" data-testid="draft-error">{ problem.to_string() }</div></div>
                },
            };
            html! {
                <main class="page">
                    <div class="column">
                        <section class="panel">
                            <div class="panel-head"><h2>{ "Try a ticket" }</h2><p>{ "Who receives it, and why?" }</p></div>
                            <div class="panel-body">
                                <TicketForm draft={(*draft).clone()} {categories} {segments} {on_change} />
                            </div>
                        </section>
                        <TeamOverview policy={policy.clone()} {highlight} />
                    </div>
                    <div class="column">{ results }</div>
                </main>
            }
        }
    };
    html! {
        <>
            <header class="topbar">
                <div class="brand"><img src="favicon.svg" alt="" />{ "Escalator" }<small>{ "escalation-matrix playground" }</small></div>
                if !policy_name.is_empty() {
                    <div class="policy-name">{ "Policy: " }<strong>{ policy_name }</strong></div>
                }
            </header>
            { body }
        </>
    }
}

/// Fetches, parses and compiles a policy file served next to the page.
async fn load_policy(url: &str) -> Loaded {
    let text = match fetch_text(url).await {
        Ok(text) => text,
        Err(message) => return Loaded::Failed(format!("Could not load {url}: {message}")),
    };
    let policy = match Policy::from_json(&text) {
        Ok(policy) => policy,
        Err(error) => return Loaded::Failed(format!("{url} is not a valid policy: {error}")),
    };
    match policy.compile() {
        Ok(compiled) => Loaded::Ready(PolicyHandle::new(compiled)),
        Err(errors) => Loaded::Failed(format!("{url} has errors:\n{errors}")),
    }
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|err| err.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response.text().await.map_err(|err| err.to_string())
}

/// The current UTC time as `YYYY-MM-DDTHH:MM`, the form's format.
fn now_to_the_minute() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(16).collect()
}
