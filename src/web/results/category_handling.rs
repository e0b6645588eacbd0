//! One team's per-category handling in the Simulate view: categories whose tickets take their own time or
//! are resolved at their own rate in that team, added from the mix's categories, edited and removed.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::sim::scenario::{HandlingOverride, TimeDistribution};
use crate::web::editor::inputs::{NumberInput, Select};
use crate::web::state::Action;
use crate::workspace::edit::{CategoryHandlingField, Edit, ScenarioField};

#[derive(Properties, PartialEq)]
pub struct CategoryHandlingProps {
    pub team: String,
    pub team_name: String,
    pub overrides: BTreeMap<String, HandlingOverride>,
    /// The team's own time and resolve share, which a category without its own follows.
    pub team_time: TimeDistribution,
    pub team_resolve: f64,
    /// The mix's categories, which can be given their own handling.
    pub categories: Vec<String>,
    pub dispatch: Callback<Action>,
}

/// A select's options for giving a category something of its own: a prompt (empty value), then each category
/// of `categories` that does not already have it.
pub fn categories_to_add(
    prompt: &str,
    categories: &[String],
    has: impl Fn(&str) -> bool,
) -> Vec<(String, String)> {
    std::iter::once((String::new(), prompt.to_owned()))
        .chain(
            categories
                .iter()
                .filter(|category| !has(category))
                .map(|category| (category.clone(), category.replace('_', " "))),
        )
        .collect()
}

#[component]
pub fn CategoryHandling(props: &CategoryHandlingProps) -> Html {
    let edit = |category: &str, field: fn(f64) -> CategoryHandlingField| {
        let (team, category) = (props.team.clone(), category.to_owned());
        props.dispatch.reform(move |value: f64| {
            Action::Edit(Edit::SetScenario(ScenarioField::HandlingCategory {
                team: team.clone(),
                category: category.clone(),
                field: field(value),
            }))
        })
    };
    let rows = props.overrides.iter().map(|(category, own)| {
        let minutes = own.time.unwrap_or(props.team_time).mean().seconds() as f64 / 60.0;
        let resolve = own.resolve.unwrap_or(props.team_resolve);
        let on_minutes = edit(category, |minutes| {
            CategoryHandlingField::Mean((minutes * 60.0).round().clamp(1.0, 1e9) as i64)
        });
        let on_resolve = edit(category, |percent| CategoryHandlingField::Resolve(percent / 100.0));
        let on_remove = edit(category, |_| CategoryHandlingField::Remove).reform(|_: MouseEvent| 0.0);
        let name = category.replace('_', " ");
        let testid = format!("{}-{category}", props.team);
        html! {
            <div class="category-handling" key={category.clone()} data-testid={format!("category-handling-{testid}")}>
                <div class="spike-head">
                    <span>{ name.clone() }</span>
                    <button type="button" class="cal-remove" onclick={on_remove} data-testid={format!("category-handling-remove-{testid}")}
                        aria-label={format!("{name} back to {}'s handling", props.team_name)}>{ "Remove" }</button>
                </div>
                <label class="control-row"><span class="hint">{ "Minutes per ticket (mean)" }</span>
                    <NumberInput value={(minutes * 10.0).round() / 10.0} on_change={on_minutes} min={0.1} step={1.0}
                        label={format!("Mean handling minutes of {name} in {}", props.team_name)} testid={format!("category-handling-minutes-{testid}")} /></label>
                <label class="control-row"><span class="hint">{ "Resolved here (%)" }</span>
                    <NumberInput value={(resolve * 1000.0).round() / 10.0} on_change={on_resolve} step={5.0}
                        label={format!("Share of {name} tickets {} resolves", props.team_name)} testid={format!("category-handling-resolve-{testid}")} /></label>
            </div>
        }
    });
    let addable = categories_to_add("Own handling for…", &props.categories, |category| {
        props.overrides.contains_key(category)
    });
    let (team, dispatch) = (props.team.clone(), props.dispatch.clone());
    let on_add = Callback::from(move |category: String| {
        if !category.is_empty() {
            dispatch.emit(Action::Edit(Edit::SetScenario(
                ScenarioField::HandlingCategory {
                    team: team.clone(),
                    category,
                    field: CategoryHandlingField::Add,
                },
            )));
        }
    });
    html! {
        <>
            { for rows }
            if addable.len() > 1 {
                <label class="control-row"><span class="hint">{ "A category handled differently" }</span>
                    <Select options={addable} value="" on_change={on_add}
                        label={format!("Give a category its own handling in {}", props.team_name)} testid={format!("category-handling-add-{}", props.team)} /></label>
            }
        </>
    }
}
