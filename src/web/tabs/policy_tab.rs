//! The Policy view: every part of the escalation policy as an editor section, with lint findings beside the fields.

use yew::prelude::*;

use crate::engine::lint::Severity;
use crate::web::editor::authorisations::AuthorisationsSection;
use crate::web::editor::calendars::CalendarsSection;
use crate::web::editor::diagnostics;
use crate::web::editor::json::JsonSection;
use crate::web::editor::matrix::MatrixSection;
use crate::web::editor::priority_matrix::PriorityMatrixSection;
use crate::web::editor::rules::RulesSection;
use crate::web::editor::sla::SlaSection;
use crate::web::editor::teams::TeamsSection;
use crate::web::state::{Action, PlaygroundState};

/// The editor's sections: anchor, label, and the JSON paths whose findings they show.
const SECTIONS: [(&str, &str, &[&str]); 8] = [
    (
        "section-matrix",
        "Escalation matrix",
        &["escalation_matrix"],
    ),
    (
        "section-priority",
        "Priority matrix",
        &["priority_matrix", "default_priority"],
    ),
    (
        "section-rules",
        "Triggers and rules",
        &["triggers", "routing"],
    ),
    ("section-sla", "SLA policies", &["sla_policies"]),
    (
        "section-authorisations",
        "Authorisations",
        &["authorisations"],
    ),
    ("section-teams", "Teams and tiers", &["teams", "tiers"]),
    ("section-calendars", "Calendars", &["calendars"]),
    ("section-json", "Policy JSON", &[]),
];

#[derive(Properties, PartialEq)]
pub struct PolicyTabProps {
    pub state: UseReducerHandle<PlaygroundState>,
}

#[component]
pub fn PolicyTab(props: &PolicyTabProps) -> Html {
    let state = &props.state;
    let dispatch = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let workspace = state.workspace.clone();
    let all = state.diagnostics.clone();
    let counts = |severity: Severity| all.iter().filter(|d| d.severity == severity).count();
    html! {
        <main class="page editor-page">
            <nav class="column section-nav" aria-label="Policy sections">
                <section class="panel">
                    <ul class="section-links">
                        { for SECTIONS.iter().map(|(anchor, label, prefixes)| {
                            let findings = prefixes.iter().map(|prefix| diagnostics::under(&all, prefix).count()).sum::<usize>();
                            html! {
                                <li><a href={format!("#{anchor}")}>{ *label }
                                    if findings > 0 { <span class="badge">{ findings }</span> }
                                </a></li>
                            }
                        }) }
                    </ul>
                </section>
                <section class="panel">
                    <div class="panel-head"><h2>{ "Lint" }</h2>
                        <p data-testid="lint-summary">{ format!("{} errors, {} warnings", counts(Severity::Error), counts(Severity::Warning)) }</p>
                    </div>
                    <div class="panel-body">
                        { diagnostics::inline(&all, "") }
                        if all.is_empty() { <p class="hint">{ "No findings: the policy is consistent." }</p> }
                    </div>
                </section>
            </nav>
            <div class="column">
                <MatrixSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
                <PriorityMatrixSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
                <RulesSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
                <SlaSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
                <AuthorisationsSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
                <TeamsSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
                <CalendarsSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
                <JsonSection workspace={workspace.clone()} diagnostics={all.clone()} dispatch={dispatch.clone()} />
            </div>
        </main>
    }
}
