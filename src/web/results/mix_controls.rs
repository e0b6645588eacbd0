//! The Simulate view's ticket mix: relative weights of categories, priorities (overall and per category, or
//! impact × urgency pairs where the policy has a priority matrix), channels and customer segments, and the
//! share of tickets with each customer signal (overall and per category).

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::engine::condition::Signal;
use crate::engine::policy::PriorityMatrix;
use crate::engine::ticket::{Channel, Level, Priority};
use crate::sim::scenario::Mix;
use crate::web::editor::inputs::{Checkbox, NumberInput, Select, TextInput};
use crate::web::format::capitalise;
use crate::web::results::category_handling::categories_to_add;
use crate::web::results::category_signals::{percent, CategorySignals};
use crate::web::state::Action;
use crate::workspace::edit::{impact_urgency_key, Edit, ScenarioField};

#[derive(Properties, PartialEq)]
pub struct MixControlsProps {
    pub mix: Mix,
    /// The policy's impact × urgency matrix, which tickets drawn with an impact and an urgency go through.
    pub priority_matrix: Option<PriorityMatrix>,
    pub dispatch: Callback<Action>,
}

fn set(dispatch: &Callback<Action>, field: ScenarioField) {
    dispatch.emit(Action::Edit(Edit::SetScenario(field)));
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
        html! {
            <label class="control-row" key={signal.name()}>
                <span>{ format!("{name} (%)") }</span>
                <NumberInput value={percent(mix.signals.rate(signal))} {on_change} label={format!("Share of tickets where the customer {name}")} step={0.5}
                    testid={format!("signal-{}", signal.name())} />
            </label>
        }
    });
    let segment_total: f64 = mix.segments.values().sum();
    let segments: Html = mix
        .segments
        .iter()
        .map(|(segment, weight)| {
            let id = segment.clone();
            let on_change = d.reform(move |weight| {
                Action::Edit(Edit::SetScenario(ScenarioField::SegmentWeight {
                    segment: id.clone(),
                    weight,
                }))
            });
            weight_row(
                segment,
                *weight,
                segment_total,
                format!("mix-segment-{segment}"),
                on_change,
            )
        })
        .collect();
    html! {
        <section class="panel" data-testid="mix-controls">
            <div class="panel-head"><h2>{ "Ticket mix" }</h2><p>{ "Relative weights; 0 leaves a value out" }</p></div>
            <div class="panel-body">
                <h3 class="control-group">{ "Categories" }</h3>
                { categories }
                <h3 class="control-group">{ "Priorities" }</h3>
                if mix.impact_urgency.is_empty() {
                    { priorities }
                }
                <CategoryPriorities own={mix.priorities_by_category.clone()} categories={mix.categories.keys().cloned().collect::<Vec<_>>()} dispatch={d.clone()} />
                <ImpactUrgencyMix weights={mix.impact_urgency.clone()} matrix={props.priority_matrix} dispatch={d.clone()} />
                <h3 class="control-group">{ "Channels" }</h3>
                { channels }
                <h3 class="control-group">{ "Customer segments" }</h3>
                { segments }
                <AddSegment dispatch={d.clone()} />
                <h3 class="control-group">{ "Customer signals" }</h3>
                { for signals }
                <CategorySignals own={mix.signals_by_category.clone()} categories={mix.categories.keys().cloned().collect::<Vec<_>>()} dispatch={d.clone()} />
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ImpactUrgencyProps {
    weights: BTreeMap<String, f64>,
    matrix: Option<PriorityMatrix>,
    dispatch: Callback<Action>,
}

/// Whether tickets carry impact × urgency, and the weight of each pair with the priority the matrix gives it.
#[component]
fn ImpactUrgencyMix(props: &ImpactUrgencyProps) -> Html {
    let on = !props.weights.is_empty();
    let Some(matrix) = props.matrix else {
        return if on {
            html! { <p class="hint" role="note">{ "The scenario gives tickets impact × urgency, but the policy has no priority matrix: they get its default priority." }</p> }
        } else {
            Html::default()
        };
    };
    let dispatch = props.dispatch.clone();
    let on_toggle =
        Callback::from(move |on: bool| set(&dispatch, ScenarioField::ImpactUrgency(on)));
    let total: f64 = props.weights.values().sum();
    let rows = Level::ALL.iter().map(|&impact| {
        let cells = Level::ALL.iter().map(|&urgency| {
            let key = impact_urgency_key(impact, urgency);
            let weight = props.weights.get(&key).copied().unwrap_or(0.0);
            let share = if total > 0.0 { weight / total * 100.0 } else { 0.0 };
            let on_change = props.dispatch.reform(move |weight| {
                Action::Edit(Edit::SetScenario(ScenarioField::ImpactUrgencyWeight { impact, urgency, weight }))
            });
            let priority = matrix.cell(impact, urgency).as_str();
            html! {
                <td>
                    <NumberInput value={weight} {on_change} step={0.5} testid={format!("mix-impact-urgency-{key}")}
                        label={format!("Weight of impact {} and urgency {} (priority {priority})", impact.as_str(), urgency.as_str())} />
                    <span class="hint">{ format!(" {priority}, {share:.0}%") }</span>
                </td>
            }
        });
        html! { <tr><th scope="row">{ capitalise(impact.as_str()) }</th>{ for cells }</tr> }
    });
    html! {
        <>
            <Checkbox checked={on} on_change={on_toggle} testid="mix-impact-urgency"
                label="Tickets carry impact × urgency; the policy's priority matrix gives their priority" />
            if on {
                <table class="editor-table impact-urgency-mix" data-testid="impact-urgency-mix">
                    <caption>{ "Rows: impact. Columns: urgency. Each cell: its weight, the priority it gets and its share." }</caption>
                    <thead><tr><td></td>
                        { for Level::ALL.iter().map(|urgency| html! { <th>{ capitalise(urgency.as_str()) }</th> }) }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CategoryPrioritiesProps {
    own: BTreeMap<String, BTreeMap<Priority, f64>>,
    categories: Vec<String>,
    dispatch: Callback<Action>,
}

/// Categories that draw their own priorities (an outage is mostly critical): a weight per priority each,
/// added from the mix's categories and removed again.
#[component]
fn CategoryPriorities(props: &CategoryPrioritiesProps) -> Html {
    let d = &props.dispatch;
    let blocks = props.own.iter().map(|(category, weights)| {
        let total: f64 = weights.values().sum();
        let name = category.replace('_', " ");
        let rows = Priority::ALL.iter().map(|&priority| {
            let weight = weights.get(&priority).copied().unwrap_or(0.0);
            let owner = category.clone();
            let on_change = d.reform(move |weight| {
                Action::Edit(Edit::SetScenario(ScenarioField::CategoryPriorityWeight { category: owner.clone(), priority, weight }))
            });
            let share = if total > 0.0 { weight / total * 100.0 } else { 0.0 };
            html! {
                <label class="control-row" key={priority.as_str()}>
                    <span class="hint">{ format!("{} {share:.0}%", priority.as_str()) }</span>
                    <NumberInput value={weight} {on_change} step={0.5} testid={format!("mix-category-priority-{category}-{}", priority.as_str())}
                        label={format!("Weight of {} among {name} tickets", priority.as_str())} />
                </label>
            }
        });
        let (dispatch, owner) = (d.clone(), category.clone());
        let on_remove = Callback::from(move |_: MouseEvent| {
            set(&dispatch, ScenarioField::CategoryPriorities { category: owner.clone(), own: false })
        });
        html! {
            <div class="category-handling" key={category.clone()} data-testid={format!("mix-category-priorities-{category}")}>
                <div class="spike-head">
                    <span>{ format!("{name} tickets") }</span>
                    <button type="button" class="cal-remove" onclick={on_remove} data-testid={format!("mix-category-priorities-remove-{category}")}
                        aria-label={format!("{name} back to the mix's priorities")}>{ "Remove" }</button>
                </div>
                { for rows }
            </div>
        }
    });
    let addable = categories_to_add("Own priorities for…", &props.categories, |category| {
        props.own.contains_key(category)
    });
    let dispatch = d.clone();
    let on_add = Callback::from(move |category: String| {
        if !category.is_empty() {
            set(
                &dispatch,
                ScenarioField::CategoryPriorities {
                    category,
                    own: true,
                },
            );
        }
    });
    html! {
        <>
            if !props.own.is_empty() {
                <div data-testid="category-priorities">
                    <p class="hint">{ "Categories with their own priorities (they ignore impact × urgency):" }</p>
                    { for blocks }
                </div>
            }
            if addable.len() > 1 {
                <label class="control-row"><span class="hint">{ "A category with its own priorities" }</span>
                    <Select options={addable} value="" on_change={on_add} label="Give a category its own priority weights" testid="mix-category-priorities-add" /></label>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct AddSegmentProps {
    dispatch: Callback<Action>,
}

/// A box and a button that add a customer segment (such as `enterprise`) to the mix with weight 1.
#[component]
fn AddSegment(props: &AddSegmentProps) -> Html {
    let name = use_state(String::new);
    let on_name = {
        let name = name.clone();
        Callback::from(move |text: String| name.set(text))
    };
    let on_add = {
        let (name, dispatch) = (name.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let segment = name.trim().to_owned();
            if !segment.is_empty() {
                set(
                    &dispatch,
                    ScenarioField::SegmentWeight {
                        segment,
                        weight: 1.0,
                    },
                );
                name.set(String::new());
            }
        })
    };
    html! {
        <div class="control-row">
            <TextInput value={(*name).clone()} on_change={on_name} label="New customer segment" placeholder="enterprise" testid="mix-segment-new" />
            <button type="button" class="cal-add" onclick={on_add} disabled={name.trim().is_empty()} data-testid="mix-segment-add">{ "Add segment" }</button>
        </div>
    }
}
