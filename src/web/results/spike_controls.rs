//! The Simulate view's traffic spikes: each a window (day and hour from the scenario's start, length) where
//! the arrival rate is multiplied, optionally with only one category's tickets added.

use yew::prelude::*;

use crate::engine::time::{Instant, HOUR};
use crate::sim::scenario::Spike;
use crate::web::editor::inputs::{NumberInput, Select};
use crate::web::format;
use crate::web::shown_zone::use_shown_zone;
use crate::web::state::Action;
use crate::workspace::edit::{Edit, SpikeField};

#[derive(Properties, PartialEq)]
pub struct SpikeControlsProps {
    pub spikes: Vec<Spike>,
    /// The scenario's start, which spike days count from.
    pub start: Instant,
    /// The categories of the mix, which a spike may be limited to.
    pub categories: Vec<String>,
    pub dispatch: Callback<Action>,
}

fn set(dispatch: &Callback<Action>, spike: usize, field: SpikeField) {
    dispatch.emit(Action::Edit(Edit::SetSpike { spike, field }));
}

#[component]
pub fn SpikeControls(props: &SpikeControlsProps) -> Html {
    let zone = use_shown_zone();
    let d = &props.dispatch;
    let rows = props.spikes.iter().enumerate().map(|(index, spike)| {
        let hours_in = (spike.start.seconds_since(props.start) / HOUR).max(0);
        let (day, hour) = (hours_in / 24 + 1, hours_in % 24);
        let dispatch = d.clone();
        let on_day = Callback::from(move |day: f64| {
            set(&dispatch, index, SpikeField::StartHour((day.clamp(1.0, 367.0).round() as i64 - 1) * 24 + hour))
        });
        let dispatch = d.clone();
        let on_hour = Callback::from(move |hour: f64| {
            set(&dispatch, index, SpikeField::StartHour((day - 1) * 24 + (hour.round() as i64).clamp(0, 23)))
        });
        let dispatch = d.clone();
        let on_length = Callback::from(move |hours: f64| set(&dispatch, index, SpikeField::DurationHours(hours)));
        let dispatch = d.clone();
        let on_multiplier = Callback::from(move |times: f64| set(&dispatch, index, SpikeField::Multiplier(times)));
        let dispatch = d.clone();
        let on_category = Callback::from(move |category: String| {
            set(&dispatch, index, SpikeField::Category((!category.is_empty()).then_some(category)))
        });
        let dispatch = d.clone();
        let on_remove = Callback::from(move |_| dispatch.emit(Action::Edit(Edit::RemoveSpike(index))));
        let options: Vec<(String, String)> = std::iter::once((String::new(), "the usual mix".to_owned()))
            .chain(props.categories.iter().map(|category| (category.clone(), category.replace('_', " "))))
            .collect();
        let length = (spike.duration.seconds() as f64 / HOUR as f64 * 10.0).round() / 10.0;
        html! {
            <div class="spike" key={index} data-testid={format!("spike-{index}")}>
                <div class="spike-head">
                    <span class="handling-name">{ format!("Spike {}", index + 1) }</span>
                    <button type="button" class="cal-remove" onclick={on_remove} data-testid={format!("spike-remove-{index}")}
                        aria-label={format!("Remove spike {}", index + 1)}>{ "Remove" }</button>
                </div>
                <label class="control-row"><span class="hint">{ "Day (1 is the first)" }</span>
                    <NumberInput value={day as f64} on_change={on_day} min={1.0} label={format!("Day of spike {}", index + 1)} testid={format!("spike-day-{index}")} /></label>
                <label class="control-row"><span class="hint">{ "From hour (0–23)" }</span>
                    <NumberInput value={hour as f64} on_change={on_hour} label={format!("Hour spike {} starts", index + 1)} testid={format!("spike-hour-{index}")} /></label>
                <label class="control-row"><span class="hint">{ "Lasting (hours)" }</span>
                    <NumberInput value={length} on_change={on_length} min={1.0} label={format!("Hours spike {} lasts", index + 1)} testid={format!("spike-hours-{index}")} /></label>
                <label class="control-row"><span class="hint">{ "Rate × (1 is usual)" }</span>
                    <NumberInput value={spike.multiplier} on_change={on_multiplier} step={0.5} label={format!("Rate multiplier of spike {}", index + 1)} testid={format!("spike-multiplier-{index}")} /></label>
                <label class="control-row"><span class="hint">{ "Extra tickets of" }</span>
                    <Select {options} value={spike.category.clone().unwrap_or_default()} on_change={on_category}
                        label={format!("Category of spike {}'s extra tickets", index + 1)} testid={format!("spike-category-{index}")} /></label>
            </div>
        }
    });
    let dispatch = d.clone();
    let on_add = Callback::from(move |_| dispatch.emit(Action::Edit(Edit::AddSpike)));
    html! {
        <section class="panel" data-testid="spike-controls">
            <div class="panel-head"><h2>{ "Traffic spikes" }</h2></div>
            <div class="panel-body">
                if props.spikes.is_empty() {
                    <p class="hint">{ "No spikes: arrivals follow the workload's usual curve." }</p>
                } else {
                    <p class="hint">{ format!("Days and hours count from the scenario's start, {}.", format::instant(props.start, &zone)) }</p>
                }
                { for rows }
                <button type="button" class="cal-add spike-add" onclick={on_add} data-testid="spike-add">{ "Add a traffic spike" }</button>
            </div>
        </section>
    }
}
