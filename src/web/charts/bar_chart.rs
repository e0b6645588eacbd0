//! `BarChart`: vertical bars with labels, optionally stacked by segment and with a thin baseline marker per bar.

use yew::prelude::*;

use super::marks::{empty_message, legend, num, y_axis, Tone, VIEW_WIDTH};
use crate::view::scale::LinearScale;
use crate::view::values::ValueFormat;

/// One part of a bar; a bar with several segments is stacked bottom-up in order.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSegment {
    /// What the segment counts, such as `functional`; shown in the legend and tooltip.
    pub label: String,
    pub value: f64,
    pub tone: Tone,
}

/// A labelled bar (such as one day) and an optional baseline value drawn as a marker across it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub segments: Vec<BarSegment>,
    pub baseline: Option<f64>,
}

impl Bar {
    /// A single-segment bar.
    pub fn single(label: impl Into<String>, value: f64, tone: Tone) -> Bar {
        let label = label.into();
        Bar {
            segments: vec![BarSegment {
                label: String::new(),
                value,
                tone,
            }],
            label,
            baseline: None,
        }
    }

    /// The stacked total of the bar's segments.
    pub fn total(&self) -> f64 {
        self.segments.iter().map(|segment| segment.value).sum()
    }
}

#[derive(Properties, Debug, Clone, PartialEq)]
pub struct BarChartProps {
    /// What the chart shows, for screen readers (`aria-label`).
    pub title: AttrValue,
    pub bars: Vec<Bar>,
    #[prop_or_default]
    pub format: ValueFormat,
    /// A fixed top of the value axis (such as 1.0 for 100%), so the axis does not move as data changes.
    #[prop_or_default]
    pub max: Option<f64>,
    /// What the baseline markers stand for, in tooltips and the legend.
    #[prop_or(AttrValue::Static("Baseline"))]
    pub baseline_label: AttrValue,
    #[prop_or(240.0)]
    pub height: f64,
}

const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let height = props.height;
    let mut legend_entries: Vec<(String, Tone, bool)> = props
        .bars
        .iter()
        .flat_map(|bar| bar.segments.iter())
        .filter(|segment| !segment.label.is_empty())
        .map(|segment| (segment.label.clone(), segment.tone, false))
        .collect();
    if props.bars.iter().any(|bar| bar.baseline.is_some()) {
        legend_entries.push((props.baseline_label.to_string(), Tone::Neutral, true));
    }
    if props.bars.is_empty() {
        return html! {
            <figure class="chart chart-bars" data-testid="bar-chart">
                <svg class="chart-svg" viewBox={format!("0 0 {VIEW_WIDTH} {height}")} role="img" aria-label={props.title.clone()}>
                    { empty_message(VIEW_WIDTH, height, "No data yet") }
                </svg>
                { legend(&[]) }
            </figure>
        };
    }
    let data_max = props
        .bars
        .iter()
        .map(|bar| bar.total().max(bar.baseline.unwrap_or(0.0)))
        .fold(0.0_f64, f64::max);
    let ticks = props
        .format
        .ticks(0.0, props.max.unwrap_or(data_max).max(data_max), 5);
    let y = LinearScale::new((ticks.start, ticks.end), (height - BOTTOM, TOP));
    let slot = (VIEW_WIDTH - LEFT - RIGHT) / props.bars.len() as f64;
    let bar_width = (slot * 0.7).min(64.0);
    // Room for the longest label (about 7 units a character at the labels' size) and a gap.
    let longest = props
        .bars
        .iter()
        .map(|bar| bar.label.chars().count())
        .max()
        .unwrap_or(0);
    let label_room = (longest as f64 * 7.0 + 12.0).max(56.0);
    let label_every = (props.bars.len() as f64 * label_room / (VIEW_WIDTH - LEFT - RIGHT))
        .ceil()
        .max(1.0) as usize;

    let bars = props.bars.iter().enumerate().map(|(index, bar)| {
        let centre = LEFT + slot * (index as f64 + 0.5);
        let left = centre - bar_width / 2.0;
        let mut bottom = 0.0;
        let segments = bar.segments.iter().map(|segment| {
            let from = bottom;
            bottom += segment.value.max(0.0);
            let (top_y, bottom_y) = (y.map(bottom), y.map(from));
            let name = if segment.label.is_empty() { bar.label.clone() } else { format!("{} — {}", bar.label, segment.label) };
            html! {
                <rect class={classes!("chart-bar-segment", segment.tone.class())} data-label={segment.label.clone()}
                    x={num(left)} y={num(top_y)} width={num(bar_width)} height={num((bottom_y - top_y).max(0.0))}>
                    <title>{ format!("{name}: {}", props.format.value_label(segment.value)) }</title>
                </rect>
            }
        }).collect::<Html>();
        let baseline = bar.baseline.map(|value| {
            let at = num(y.map(value));
            html! {
                <line class="chart-baseline-mark" data-testid="bar-baseline" x1={num(left - 4.0)} x2={num(left + bar_width + 4.0)} y1={at.clone()} y2={at}>
                    <title>{ format!("{} — {}: {}", bar.label, props.baseline_label, props.format.value_label(value)) }</title>
                </line>
            }
        });
        let label = (index % label_every == 0).then(|| html! {
            <text class="chart-bar-label" x={num(centre)} y={num(height - 8.0)} text-anchor="middle">{ bar.label.clone() }</text>
        });
        html! {
            <g class="chart-bar" data-testid="bar" data-label={bar.label.clone()} data-value={bar.total().to_string()}>
                { segments }
                { for baseline }
                { for label }
            </g>
        }
    });
    html! {
        <figure class="chart chart-bars" data-testid="bar-chart">
            <svg class="chart-svg" viewBox={format!("0 0 {VIEW_WIDTH} {height}")} role="img" aria-label={props.title.clone()}>
                { y_axis(&ticks, y, props.format, LEFT, VIEW_WIDTH - RIGHT) }
                <g data-testid="bars">{ for bars }</g>
            </svg>
            { legend(&legend_entries) }
        </figure>
    }
}
