//! Categories whose customers send signals at their own rates (refund requests demand a manager more
//! often): a share per signal each, added from the mix's categories and removed again.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::engine::condition::Signal;
use crate::sim::scenario::SignalRates;
use crate::web::editor::inputs::{NumberInput, Select};
use crate::web::results::category_handling::categories_to_add;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, ScenarioField};

#[derive(Properties, PartialEq)]
pub struct CategorySignalsProps {
    pub own: BTreeMap<String, SignalRates>,
    pub categories: Vec<String>,
    pub dispatch: Callback<Action>,
}

/// A share as a percentage to one decimal, as the signal boxes show it.
pub fn percent(share: f64) -> f64 {
    (share * 1000.0).round() / 10.0
}

#[component]
pub fn CategorySignals(props: &CategorySignalsProps) -> Html {
    let d = &props.dispatch;
    let blocks = props.own.iter().map(|(category, rates)| {
        let name = category.replace('_', " ");
        let rows = Signal::ALL.iter().map(|&signal| {
            let owner = category.clone();
            let on_change = d.reform(move |value: f64| {
                Action::Edit(Edit::SetScenario(ScenarioField::CategorySignalRate {
                    category: owner.clone(),
                    signal,
                    probability: value / 100.0,
                }))
            });
            let signal_name = signal.name().replace('_', " ");
            html! {
                <label class="control-row" key={signal.name()}>
                    <span class="hint">{ format!("{signal_name} (%)") }</span>
                    <NumberInput value={percent(rates.rate(signal))} {on_change} step={0.5}
                        testid={format!("mix-category-signal-{category}-{}", signal.name())}
                        label={format!("Share of {name} tickets where the customer {signal_name}")} />
                </label>
            }
        });
        let owner = category.clone();
        let on_remove = d.reform(move |_: MouseEvent| {
            Action::Edit(Edit::SetScenario(ScenarioField::CategorySignals {
                category: owner.clone(),
                own: false,
            }))
        });
        html! {
            <div class="category-handling" key={category.clone()} data-testid={format!("mix-category-signals-{category}")}>
                <div class="spike-head">
                    <span>{ format!("{name} tickets") }</span>
                    <button type="button" class="cal-remove" onclick={on_remove} data-testid={format!("mix-category-signals-remove-{category}")}
                        aria-label={format!("{name} back to the mix's signal rates")}>{ "Remove" }</button>
                </div>
                { for rows }
            </div>
        }
    });
    let addable = categories_to_add("Own signal rates for…", &props.categories, |category| {
        props.own.contains_key(category)
    });
    let on_add = d.reform(|category: String| {
        Action::Edit(Edit::SetScenario(ScenarioField::CategorySignals {
            category,
            own: true,
        }))
    });
    html! {
        <>
            if !props.own.is_empty() {
                <div data-testid="category-signals">
                    <p class="hint">{ "Categories with their own signal rates (the rates above apply to the rest):" }</p>
                    { for blocks }
                </div>
            }
            if addable.len() > 1 {
                <label class="control-row"><span class="hint">{ "A category with its own signal rates" }</span>
                    <Select options={addable} value="" on_change={on_add} label="Give a category its own signal rates" testid="mix-category-signals-add" /></label>
            }
        </>
    }
}
