//! Small pieces shared by the chart components: colour tones, SVG number formatting and the plot frame.

use yew::prelude::*;

pub use crate::view::scale::num;
use crate::view::scale::{LinearScale, NiceTicks};
use crate::view::values::ValueFormat;

/// The colour of a mark, one of the playground's palette (set by `chart-tone-*` classes in style.css).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Brand,
    Accent,
    Functional,
    Hierarchical,
    Automatic,
    Ok,
    Warn,
    Bad,
    Neutral,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Tone::Brand => "chart-tone-brand",
            Tone::Accent => "chart-tone-accent",
            Tone::Functional => "chart-tone-functional",
            Tone::Hierarchical => "chart-tone-hierarchical",
            Tone::Automatic => "chart-tone-automatic",
            Tone::Ok => "chart-tone-ok",
            Tone::Warn => "chart-tone-warn",
            Tone::Bad => "chart-tone-bad",
            Tone::Neutral => "chart-tone-neutral",
        }
    }
}

/// The common view-box width of the charts; they scale to 100% of their container.
pub const VIEW_WIDTH: f64 = 1000.0;

/// Horizontal grid lines with value labels on the left of the plot area.
pub fn y_axis(
    ticks: &NiceTicks,
    y: LinearScale,
    format: ValueFormat,
    left: f64,
    right: f64,
) -> Html {
    let lines = ticks.values().into_iter().map(|value| {
        let at = num(y.map(value));
        html! {
            <g class="chart-tick">
                <line x1={num(left)} x2={num(right)} y1={at.clone()} y2={at.clone()} />
                <text x={num(left - 8.0)} y={at} dy="0.32em" text-anchor="end">{ format.tick_label(value, ticks.step) }</text>
            </g>
        }
    });
    html! { <g class="chart-axis chart-axis-y" data-testid="chart-y-ticks">{ for lines }</g> }
}

/// One legend entry per distinct (label, tone), in first-seen order; always present so the chart's height stays put.
pub fn legend(entries: &[(String, Tone, bool)]) -> Html {
    let mut seen: Vec<(String, Tone, bool)> = Vec::new();
    for entry in entries {
        if !seen
            .iter()
            .any(|(label, tone, _)| *label == entry.0 && *tone == entry.1)
        {
            seen.push(entry.clone());
        }
    }
    html! {
        <ul class="chart-legend" data-testid="chart-legend">
            { for seen.into_iter().map(|(label, tone, dashed)| html! {
                <li class={classes!(tone.class(), dashed.then_some("chart-dashed"))}>
                    <span class="chart-swatch" aria-hidden="true"></span>{ label }
                </li>
            }) }
        </ul>
    }
}

/// The message drawn inside an empty chart, keeping the chart's height.
pub fn empty_message(width: f64, height: f64, text: &str) -> Html {
    html! {
        <text class="chart-empty" data-testid="chart-empty" x={num(width / 2.0)} y={num(height / 2.0)} text-anchor="middle">{ text.to_owned() }</text>
    }
}
