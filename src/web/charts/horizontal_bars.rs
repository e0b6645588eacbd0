//! `HorizontalBars`: one labelled bar per row (such as utilisation per team) with the value written at its end.

use yew::prelude::*;

use super::marks::{empty_message, num, Tone, VIEW_WIDTH};
use crate::view::scale::LinearScale;
use crate::view::values::ValueFormat;

/// One row: a label, its value and the bar's colour.
#[derive(Debug, Clone, PartialEq)]
pub struct HorizontalBar {
    pub label: String,
    pub value: f64,
    pub tone: Tone,
}

#[derive(Properties, Debug, Clone, PartialEq)]
pub struct HorizontalBarsProps {
    /// What the chart shows, for screen readers (`aria-label`).
    pub title: AttrValue,
    pub bars: Vec<HorizontalBar>,
    #[prop_or_default]
    pub format: ValueFormat,
    /// A fixed full-width value (such as 1.0 for 100% utilisation); otherwise the largest value.
    #[prop_or_default]
    pub max: Option<f64>,
    /// Rows the chart keeps room for, so fewer bars do not shrink it.
    #[prop_or(0)]
    pub min_rows: usize,
    /// What an empty chart says.
    #[prop_or_else(|| AttrValue::from("No data yet"))]
    pub empty: AttrValue,
}

const LABEL_WIDTH: f64 = 220.0;
const VALUE_WIDTH: f64 = 90.0;
const ROW_HEIGHT: f64 = 30.0;
const BAR_HEIGHT: f64 = 18.0;

#[component]
pub fn HorizontalBars(props: &HorizontalBarsProps) -> Html {
    let rows = props.bars.len().max(props.min_rows).max(1);
    let height = rows as f64 * ROW_HEIGHT + 8.0;
    let view_box = format!("0 0 {VIEW_WIDTH} {}", num(height));
    if props.bars.is_empty() {
        return html! {
            <figure class="chart chart-hbars" data-testid="horizontal-bars">
                <svg class="chart-svg" viewBox={view_box} role="img" aria-label={props.title.clone()}>
                    { empty_message(VIEW_WIDTH, height, &props.empty) }
                </svg>
            </figure>
        };
    }
    let data_max = props
        .bars
        .iter()
        .map(|bar| bar.value)
        .fold(0.0_f64, f64::max);
    let full = props.max.unwrap_or(data_max).max(data_max);
    let full = if full > 0.0 { full } else { 1.0 };
    let x = LinearScale::new((0.0, full), (LABEL_WIDTH, VIEW_WIDTH - VALUE_WIDTH));
    let rows = props
        .bars
        .iter()
        .map(|bar| (bar, x.map(bar.value.max(0.0)) - LABEL_WIDTH));
    let rows = rows.enumerate().map(|(index, (bar, width))| {
        let top = 4.0 + index as f64 * ROW_HEIGHT;
        let middle = num(top + ROW_HEIGHT / 2.0);
        let value = props.format.value_label(bar.value);
        html! {
            <g class={classes!("chart-hbar", bar.tone.class())} data-testid="hbar" data-label={bar.label.clone()} data-value={bar.value.to_string()}>
                <title>{ format!("{}: {value}", bar.label) }</title>
                <text class="chart-hbar-label" x={num(LABEL_WIDTH - 10.0)} y={middle.clone()} dy="0.32em" text-anchor="end">{ bar.label.clone() }</text>
                <rect class="chart-hbar-track" x={num(LABEL_WIDTH)} y={num(top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0)} width={num(VIEW_WIDTH - VALUE_WIDTH - LABEL_WIDTH)} height={num(BAR_HEIGHT)} />
                <rect class="chart-hbar-fill" x={num(LABEL_WIDTH)} y={num(top + (ROW_HEIGHT - BAR_HEIGHT) / 2.0)} width={num(width)} height={num(BAR_HEIGHT)} />
                <text class="chart-hbar-value" x={num(LABEL_WIDTH + width + 8.0)} y={middle} dy="0.32em">{ value }</text>
            </g>
        }
    });
    html! {
        <figure class="chart chart-hbars" data-testid="horizontal-bars">
            <svg class="chart-svg" viewBox={view_box} role="img" aria-label={props.title.clone()}>
                { for rows }
            </svg>
        </figure>
    }
}
