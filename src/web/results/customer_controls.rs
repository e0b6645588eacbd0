//! The Simulate view's customers and learning: how long customers on each channel wait for a first response
//! before they give up, and whether first line learns from a knowledge base.

use yew::prelude::*;

use crate::engine::ticket::Channel;
use crate::sim::scenario::{Abandonment, KnowledgeBase};
use crate::web::editor::inputs::{Checkbox, NumberInput};
use crate::web::state::Action;
use crate::workspace::edit::{Edit, ScenarioField};

/// The learning a newly ticked knowledge base starts with (the example of docs/scenario-format.md).
const NEW_KNOWLEDGE_BASE: KnowledgeBase = KnowledgeBase {
    document_probability: 0.3,
    gain: 0.002,
    cap: 0.85,
};

#[derive(Properties, PartialEq)]
pub struct CustomerControlsProps {
    pub abandonment: Option<Abandonment>,
    pub knowledge_base: Option<KnowledgeBase>,
    pub dispatch: Callback<Action>,
}

fn set(dispatch: &Callback<Action>, field: ScenarioField) {
    dispatch.emit(Action::Edit(Edit::SetScenario(field)));
}

/// A probability shown as a percentage with one decimal.
fn percent(share: f64) -> f64 {
    (share * 1000.0).round() / 10.0
}

#[component]
pub fn CustomerControls(props: &CustomerControlsProps) -> Html {
    let d = &props.dispatch;
    let patience = Channel::ALL.iter().map(|&channel| {
        let own = props.abandonment.as_ref().and_then(|abandonment| {
            abandonment
                .channels
                .get(&channel)
                .or(abandonment.default.as_ref())
        });
        let minutes = own.map_or(0.0, |patience| {
            (patience.mean().seconds() as f64 / 6.0).round() / 10.0
        });
        let dispatch = d.clone();
        let on_change = Callback::from(move |minutes: f64| {
            let seconds = (minutes > 0.0).then(|| (minutes * 60.0).round().clamp(1.0, 1e9) as i64);
            set(&dispatch, ScenarioField::Patience { channel, seconds });
        });
        html! {
            <label class="control-row" key={channel.as_str()}>
                <span>{ channel.as_str() }</span>
                <NumberInput value={minutes} {on_change} step={1.0}
                    label={format!("Mean minutes a {} customer waits for a first response before giving up (0: never)", channel.as_str())}
                    testid={format!("patience-{}", channel.as_str())} />
            </label>
        }
    });
    let knowledge_base = props.knowledge_base;
    let dispatch = d.clone();
    let on_learning = Callback::from(move |on: bool| {
        set(
            &dispatch,
            ScenarioField::KnowledgeBase(
                on.then_some(knowledge_base.unwrap_or(NEW_KNOWLEDGE_BASE)),
            ),
        );
    });
    let learning_field =
        |label: &'static str,
         testid: &'static str,
         value: f64,
         change: fn(KnowledgeBase, f64) -> KnowledgeBase| {
            let dispatch = d.clone();
            let on_change = Callback::from(move |percent: f64| {
                let current = knowledge_base.unwrap_or(NEW_KNOWLEDGE_BASE);
                set(
                    &dispatch,
                    ScenarioField::KnowledgeBase(Some(change(current, percent / 100.0))),
                );
            });
            html! {
                <label class="control-row"><span class="hint">{ label }</span>
                    <NumberInput value={value} {on_change} step={0.1} label={label} {testid} /></label>
            }
        };
    html! {
        <section class="panel" data-testid="customer-controls">
            <div class="panel-head"><h2>{ "Customers and learning" }</h2></div>
            <div class="panel-body">
                <h3 class="control-group">{ "Patience" }</h3>
                <p class="hint">{ "Mean minutes a customer waits for a first response before giving up; 0: never." }</p>
                { for patience }
                <h3 class="control-group">{ "Knowledge base" }</h3>
                <Checkbox checked={knowledge_base.is_some()} on_change={on_learning}
                    label="Higher tiers document fixes, and first line resolves more of those categories" testid="knowledge-base" />
                if let Some(kb) = knowledge_base {
                    { learning_field("Fixes documented (%)", "kb-document", percent(kb.document_probability),
                        |kb, share| KnowledgeBase { document_probability: share, ..kb }) }
                    { learning_field("First-line resolve gain per fix (percentage points)", "kb-gain", (kb.gain * 10_000.0).round() / 100.0,
                        |kb, share| KnowledgeBase { gain: share, ..kb }) }
                    { learning_field("First-line resolve rate at most (%)", "kb-cap", percent(kb.cap),
                        |kb, share| KnowledgeBase { cap: share, ..kb }) }
                }
            </div>
        </section>
    }
}
