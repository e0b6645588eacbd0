//! The Simulate view: workload, mix and staffing controls, a run in a Web Worker, and the results.

use yew::prelude::*;

use crate::web::policy_handle::PolicyHandle;
use crate::web::state::PlaygroundState;

#[derive(Properties, PartialEq)]
pub struct SimulateTabProps {
    pub policy: PolicyHandle,
    pub state: UseReducerHandle<PlaygroundState>,
}

#[component]
pub fn SimulateTab(props: &SimulateTabProps) -> Html {
    let scenario = &props.state.workspace.scenario;
    html! {
        <main class="page single">
            <section class="panel"><div class="panel-head"><h2>{ "Simulate" }</h2>
                <p>{ format!("{} replications, seed {}", scenario.replications, scenario.seed) }</p></div>
            </section>
        </main>
    }
}
