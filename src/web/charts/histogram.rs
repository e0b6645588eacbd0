//! `Histogram`: the distribution of durations (first response, resolution) with mean, median and p90 markers.

use yew::prelude::*;

use super::marks::{empty_message, num, y_axis, Tone, VIEW_WIDTH};
use crate::format::duration as format_duration;
use crate::view::histogram_bins::{bin_durations, duration_markers, DurationMarkers, HistogramBin};
use crate::view::scale::{LinearScale, NiceTicks};
use crate::view::values::ValueFormat;

/// What the histogram counts: raw durations in seconds (binned here) or bins worked out elsewhere.
#[derive(Debug, Clone, PartialEq)]
pub enum HistogramData {
    Seconds(Vec<i64>),
    Bins(Vec<HistogramBin>),
}

#[derive(Properties, Debug, Clone, PartialEq)]
pub struct HistogramProps {
    /// What the chart shows, for screen readers (`aria-label`).
    pub title: AttrValue,
    pub data: HistogramData,
    /// Markers to draw; for raw seconds they are computed when left out.
    #[prop_or_default]
    pub markers: Option<DurationMarkers>,
    #[prop_or(Tone::Accent)]
    pub tone: Tone,
    /// About how many buckets raw seconds are split into.
    #[prop_or(24)]
    pub target_bins: usize,
    #[prop_or(240.0)]
    pub height: f64,
}

const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
/// Room above the bars for the three marker labels, staggered so close markers stay readable.
const TOP: f64 = 44.0;
const BOTTOM: f64 = 28.0;

#[component]
pub fn Histogram(props: &HistogramProps) -> Html {
    let height = props.height;
    let (bins, markers) = match &props.data {
        HistogramData::Seconds(seconds) => (
            bin_durations(seconds, props.target_bins),
            props.markers.or_else(|| duration_markers(seconds)),
        ),
        HistogramData::Bins(bins) => (bins.clone(), props.markers),
    };
    let view_box = format!("0 0 {VIEW_WIDTH} {height}");
    let (Some(first), Some(last)) = (bins.first(), bins.last()) else {
        return html! {
            <figure class="chart chart-histogram" data-testid="histogram">
                <svg class="chart-svg" viewBox={view_box} role="img" aria-label={props.title.clone()}>
                    { empty_message(VIEW_WIDTH, height, "No durations yet") }
                </svg>
            </figure>
        };
    };
    let x = LinearScale::new((first.from, last.to), (LEFT, VIEW_WIDTH - RIGHT));
    let max_count = bins.iter().map(|bin| bin.count).max().unwrap_or(0);
    let ticks = ValueFormat::Count.ticks(0.0, max_count as f64, 4);
    let ticks = if ticks.step < 1.0 {
        NiceTicks {
            start: 0.0,
            end: (max_count as f64).max(1.0),
            step: 1.0,
        }
    } else {
        ticks
    };
    let y = LinearScale::new((ticks.start, ticks.end), (height - BOTTOM, TOP));
    let label_every = (bins.len() as f64 * 64.0 / (VIEW_WIDTH - LEFT - RIGHT))
        .ceil()
        .max(1.0) as usize;

    let bars = bins.iter().map(|bin| {
        let (left, right) = (x.map(bin.from), x.map(bin.to));
        let top = y.map(bin.count as f64);
        html! {
            <rect class="chart-bin" data-count={bin.count.to_string()} x={num(left + 1.0)} y={num(top)}
                width={num((right - left - 2.0).max(1.0))} height={num((height - BOTTOM - top).max(0.0))}>
                <title>{ format!("{} – {}: {} tickets", format_duration(bin.from), format_duration(bin.to), bin.count) }</title>
            </rect>
        }
    });
    let edges = bins
        .iter()
        .map(|bin| bin.from)
        .chain(std::iter::once(last.to));
    let x_ticks = edges.enumerate().filter(|(index, _)| index % label_every == 0).map(|(_, edge)| html! {
        <text x={num(x.map(edge))} y={num(height - 8.0)} text-anchor="middle">{ format_duration(edge) }</text>
    });
    let marker_views = markers.into_iter().flat_map(|markers| {
        [("mean", markers.mean), ("median", markers.median), ("p90", markers.p90)]
    }).enumerate().map(|(index, (name, value))| {
        let at = num(x.map(value.clamp(first.from, last.to)));
        let label = format!("{name} {}", format_duration(value));
        html! {
            <g class={classes!("chart-marker", format!("chart-marker-{name}"))} data-testid={format!("histogram-{name}")} data-value={value.to_string()}>
                <title>{ label.clone() }</title>
                <line x1={at.clone()} x2={at.clone()} y1={num(15.0 + 13.0 * index as f64)} y2={num(height - BOTTOM)} />
                <text x={at} y={num(11.0 + 13.0 * index as f64)} text-anchor="middle">{ label }</text>
            </g>
        }
    });
    html! {
        <figure class={classes!("chart", "chart-histogram", props.tone.class())} data-testid="histogram">
            <svg class="chart-svg" viewBox={view_box} role="img" aria-label={props.title.clone()}>
                { y_axis(&ticks, y, ValueFormat::Count, LEFT, VIEW_WIDTH - RIGHT) }
                <g data-testid="histogram-bins">{ for bars }</g>
                <g class="chart-axis chart-axis-x" data-testid="chart-x-ticks">{ for x_ticks }</g>
                <g data-testid="histogram-markers">{ for marker_views }</g>
            </svg>
        </figure>
    }
}
