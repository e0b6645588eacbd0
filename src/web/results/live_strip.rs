//! A compact strip of the simulated headline metrics for the editing views, so every edit's effect shows at once.

use yew::prelude::*;

use crate::web::results::cards::MetricCards;
use crate::web::results::run_state::RunStatus;
use crate::web::simulation::SimulationHandle;

/// The metrics a support lead watches while editing.
const LIVE: [&str; 5] = [
    "escalation_rate",
    "fcr",
    "sla.first_response.compliance",
    "sla.resolution.compliance",
    "backlog.mean",
];

#[derive(Properties, PartialEq)]
pub struct LiveStripProps {
    pub sim: SimulationHandle,
    pub scenario: String,
}

#[component]
pub fn LiveStrip(props: &LiveStripProps) -> Html {
    let run = &props.sim.run;
    let busy = matches!(run.status, RunStatus::Running { .. });
    let waiting = matches!(run.status, RunStatus::AwaitingConfirmation { .. });
    let Some(report) = &run.report else {
        let text = if waiting {
            "The scenario is big enough to wait for Run (Simulate view)."
        } else {
            "Simulating the scenario…"
        };
        return html! { <div class="live-strip empty" data-testid="live-strip">{ text }</div> };
    };
    let reference = run.reference();
    html! {
        <div class={classes!("live-strip", busy.then_some("busy"))} data-testid="live-strip" aria-live="polite">
            <div class="live-title">
                <strong>{ "Simulated: " }</strong>{ props.scenario.clone() }
                <span class="hint">{ if let (true, Some(partial)) = (busy, run.partial) {
                    format!(" — {} of {} replications, refining…", partial.done, partial.of)
                } else if busy {
                    " — updating…".to_owned()
                } else if waiting {
                    " — not updated: the edited scenario waits for Run in the Simulate view".to_owned()
                } else {
                    format!(" — {} tickets", report.tickets.len())
                } }</span>
            </div>
            <MetricCards metrics={report.metrics.clone()} only={LIVE.to_vec()}
                reference={reference.map(|(r, label)| (r.metrics.clone(), label.to_owned()))} />
        </div>
    }
}
