//! The Simulate view's ticket mix: relative weights of categories, priorities and channels, and the share of
//! tickets with each customer signal.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::engine::condition::Signal;
use crate::engine::ticket::{Channel, Priority};
use crate::sim::scenario::Mix;
use crate::web::editor::inputs::NumberInput;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, ScenarioField};

#[derive(Properties, PartialEq)]
pub struct MixControlsProps {
    pub mix: Mix,
    pub dispatch: Callback<Action>,
}

/// One weight row: the name, its share of the whole, and the weight's box.
fn weight_row(
    name: &str,
    weight: f64,
    total: f64,
    testid: String,
    on_change: Callback<f64>,
) -> Html {
    let share = if total > 0.0 {
        weight / total * 100.0
    } else {
        0.0
    };
    html! {
        <label class="control-row" key={testid.clone()}>
            <span>{ name.replace('_', " ") }<span class="hint">{ format!(" {share:.0}%") }</span></span>
            <NumberInput value={weight} {on_change} label={format!("Weight of {}", name.replace('_', " "))} step={0.5} {testid} />
        </label>
    }
}

/// The rows of one weighted attribute (test ids `mix-<attribute>-<value>`), every value of `all` listed (a weight of 0 leaves it out of the mix).
fn weight_rows<K: Ord + Copy + 'static>(
    attribute: &'static str,
    weights: &BTreeMap<K, f64>,
    all: &[K],
    name: fn(K) -> &'static str,
    field: fn(K, f64) -> ScenarioField,
    dispatch: &Callback<Action>,
) -> Html {
    let total: f64 = weights.values().sum();
    all.iter()
        .map(|&key| {
            let weight = weights.get(&key).copied().unwrap_or(0.0);
            let on_change =
                dispatch.reform(move |weight| Action::Edit(Edit::SetScenario(field(key, weight))));
            weight_row(
                name(key),
                weight,
                total,
                format!("mix-{attribute}-{}", name(key)),
                on_change,
            )
        })
        .collect()
}

#[component]
pub fn MixControls(props: &MixControlsProps) -> Html {
    let mix = &props.mix;
    let d = &props.dispatch;
    let total: f64 = mix.categories.values().sum();
    let categories: Html = mix
        .categories
        .iter()
        .map(|(category, weight)| {
            let id = category.clone();
            let on_change = d.reform(move |weight| {
                Action::Edit(Edit::SetScenario(ScenarioField::MixWeight {
                    category: id.clone(),
                    weight,
                }))
            });
            weight_row(
                category,
                *weight,
                total,
                format!("mix-{category}"),
                on_change,
            )
        })
        .collect();
    let priorities = weight_rows(
        "priority",
        &mix.priorities,
        &Priority::ALL,
        Priority::as_str,
        |priority, weight| ScenarioField::PriorityWeight { priority, weight },
        d,
    );
    let channels = weight_rows(
        "channel",
        &mix.channels,
        &Channel::ALL,
        Channel::as_str,
        |channel, weight| ScenarioField::ChannelWeight { channel, weight },
        d,
    );
    let signals = Signal::ALL.iter().map(|&signal| {
        let on_change = d.reform(move |percent: f64| {
            Action::Edit(Edit::SetScenario(ScenarioField::SignalRate {
                signal,
                probability: percent / 100.0,
            }))
        });
        let name = signal.name().replace('_', " ");
        let percent = (mix.signals.rate(signal) * 1000.0).round() / 10.0;
        html! {
            <label class="control-row" key={signal.name()}>
                <span>{ format!("{name} (%)") }</span>
                <NumberInput value={percent} {on_change} label={format!("Share of tickets where the customer {name}")} step={0.5}
                    testid={format!("signal-{}", signal.name())} />
            </label>
        }
    });
    let by_category = mix.priorities_by_category.len() + mix.signals_by_category.len();
    html! {
        <section class="panel" data-testid="mix-controls">
            <div class="panel-head"><h2>{ "Ticket mix" }</h2><p>{ "Relative weights; 0 leaves a value out" }</p></div>
            <div class="panel-body">
                <h3 class="control-group">{ "Categories" }</h3>
                { categories }
                <h3 class="control-group">{ "Priorities" }</h3>
                { priorities }
                if !mix.impact_urgency.is_empty() {
                    <p class="hint">{ "Tickets carry impact × urgency from the scenario file; the policy's priority matrix gives their priority." }</p>
                }
                <h3 class="control-group">{ "Channels" }</h3>
                { channels }
                <h3 class="control-group">{ "Customer signals" }</h3>
                { for signals }
                if by_category > 0 {
                    <p class="hint">{ format!("{by_category} categories have their own priorities or signals in the scenario file; these apply to the rest.") }</p>
                }
            </div>
        </section>
    }
}
