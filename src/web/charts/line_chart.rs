//! `LineChart`: one or more series over time (x = UTC seconds), with day labels in the shown zone, value
//! ticks and shaded bands.

use yew::prelude::*;

use super::marks::{empty_message, legend, num, y_axis, Tone, VIEW_WIDTH};
use crate::view::scale::LinearScale;
use crate::view::time_axis::{moment_label, time_ticks};
use crate::view::values::ValueFormat;
use crate::web::shown_zone::use_shown_zone;

/// A named series of (UTC seconds, value) points, drawn in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    pub label: String,
    pub points: Vec<(i64, f64)>,
    pub tone: Tone,
    /// Dashed, as for a baseline run.
    pub dashed: bool,
}

/// A shaded stretch of time, such as a spike or closed hours.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeBand {
    pub from: i64,
    pub to: i64,
    pub label: String,
}

#[derive(Properties, Debug, Clone, PartialEq)]
pub struct LineChartProps {
    /// What the chart shows, for screen readers (`aria-label`).
    pub title: AttrValue,
    pub series: Vec<LineSeries>,
    #[prop_or_default]
    pub bands: Vec<TimeBand>,
    #[prop_or_default]
    pub format: ValueFormat,
    /// The view-box height; the chart keeps it whatever the data.
    #[prop_or(260.0)]
    pub height: f64,
    /// Points per series above which point markers are left out (lines only).
    #[prop_or(60)]
    pub max_point_marks: usize,
}

const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

#[component]
pub fn LineChart(props: &LineChartProps) -> Html {
    let zone = use_shown_zone();
    let height = props.height;
    let points = || props.series.iter().flat_map(|series| series.points.iter());
    let x_min = points().map(|&(at, _)| at).min();
    let x_max = points().map(|&(at, _)| at).max();
    let legend_entries: Vec<(String, Tone, bool)> = props
        .series
        .iter()
        .map(|series| (series.label.clone(), series.tone, series.dashed))
        .collect();
    let (Some(x_min), Some(x_max)) = (x_min, x_max) else {
        return html! {
            <figure class="chart chart-line" data-testid="line-chart">
                <svg class="chart-svg" viewBox={format!("0 0 {VIEW_WIDTH} {height}")} role="img" aria-label={props.title.clone()}>
                    { empty_message(VIEW_WIDTH, height, "No data yet") }
                </svg>
                { legend(&[]) }
            </figure>
        };
    };
    let y_min = points().map(|&(_, value)| value).fold(0.0_f64, f64::min);
    let y_max = points().map(|&(_, value)| value).fold(0.0_f64, f64::max);
    let ticks = props.format.ticks(y_min, y_max, 5);
    let x = LinearScale::new((x_min as f64, x_max as f64), (LEFT, VIEW_WIDTH - RIGHT));
    let y = LinearScale::new((ticks.start, ticks.end), (height - BOTTOM, TOP));

    let bands = props.bands.iter().filter(|band| band.to > x_min && band.from < x_max).map(|band| {
        let from = x.map(band.from.max(x_min) as f64);
        let to = x.map(band.to.min(x_max) as f64);
        html! {
            <rect class="chart-band" x={num(from)} y={num(TOP)} width={num((to - from).max(0.0))} height={num(height - BOTTOM - TOP)}>
                <title>{ format!("{}: {} – {}", band.label, moment_label(band.from, &zone), moment_label(band.to, &zone)) }</title>
            </rect>
        }
    });
    let x_ticks = time_ticks(x_min, x_max, 10, &zone).into_iter().map(|(at, label)| {
        let at_x = num(x.map(at as f64));
        html! {
            <g class="chart-tick">
                <line x1={at_x.clone()} x2={at_x.clone()} y1={num(TOP)} y2={num(height - BOTTOM + 4.0)} />
                <text x={at_x} y={num(height - 8.0)} text-anchor="middle">{ label }</text>
            </g>
        }
    });
    let series = props.series.iter().enumerate().map(|(index, series)| {
        let mut sorted = series.points.clone();
        sorted.sort_by_key(|&(at, _)| at);
        let path: String = sorted
            .iter()
            .enumerate()
            .map(|(n, &(at, value))| {
                format!("{}{},{}", if n == 0 { "M" } else { " L" }, num(x.map(at as f64)), num(y.map(value)))
            })
            .collect();
        let marks = (sorted.len() <= props.max_point_marks).then(|| {
            sorted.iter().map(|&(at, value)| html! {
                <circle class="chart-point" cx={num(x.map(at as f64))} cy={num(y.map(value))} r="3">
                    <title>{ format!("{} — {}: {}", series.label, moment_label(at, &zone), props.format.value_label(value)) }</title>
                </circle>
            }).collect::<Html>()
        });
        html! {
            <g class={classes!("chart-series", series.tone.class(), series.dashed.then_some("chart-dashed"))}
                data-testid={format!("line-series-{index}")} data-label={series.label.clone()} data-points={sorted.len().to_string()}>
                <title>{ series.label.clone() }</title>
                <path class="chart-line-path" d={path} />
                { for marks }
            </g>
        }
    });
    html! {
        <figure class="chart chart-line" data-testid="line-chart">
            <svg class="chart-svg" viewBox={format!("0 0 {VIEW_WIDTH} {height}")} role="img" aria-label={props.title.clone()}>
                <g data-testid="line-bands">{ for bands }</g>
                { y_axis(&ticks, y, props.format, LEFT, VIEW_WIDTH - RIGHT) }
                <g class="chart-axis chart-axis-x" data-testid="chart-x-ticks">{ for x_ticks }</g>
                <g data-testid="line-series">{ for series }</g>
            </svg>
            { legend(&legend_entries) }
        </figure>
    }
}
