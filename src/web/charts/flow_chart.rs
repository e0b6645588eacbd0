//! `FlowChart`: who received what — teams in tier columns, ribbons ∝ tickets coloured by escalation kind.

use yew::prelude::*;

use super::marks::{empty_message, legend, num, Tone, VIEW_WIDTH};
use crate::view::flow_layout::{layout_flow, ribbon_path, FlowArea, FlowKind, FlowLink, FlowNode};

#[derive(Properties, Debug, Clone, PartialEq)]
pub struct FlowChartProps {
    /// What the chart shows, for screen readers (`aria-label`).
    pub title: AttrValue,
    /// Teams and the arrivals source; `column` 0 is the leftmost.
    pub nodes: Vec<FlowNode>,
    pub links: Vec<FlowLink>,
    /// Column headings by column number, such as `["Arrivals", "L1", "L2", "L3", "Management"]`.
    #[prop_or_default]
    pub columns: Vec<String>,
    #[prop_or(420.0)]
    pub height: f64,
}

const SIDE: f64 = 150.0;
const TOP: f64 = 30.0;
const BOTTOM: f64 = 10.0;
const NODE_WIDTH: f64 = 14.0;
const NODE_GAP: f64 = 14.0;

/// The tone of ribbons of each kind; first routing is neutral.
pub fn kind_tone(kind: FlowKind) -> Tone {
    match kind {
        FlowKind::Arrival => Tone::Neutral,
        FlowKind::Functional => Tone::Functional,
        FlowKind::Hierarchical => Tone::Hierarchical,
        FlowKind::Automatic => Tone::Automatic,
    }
}

#[component]
pub fn FlowChart(props: &FlowChartProps) -> Html {
    let height = props.height;
    let view_box = format!("0 0 {VIEW_WIDTH} {height}");
    if props.nodes.is_empty() {
        return html! {
            <figure class="chart chart-flow" data-testid="flow-chart">
                <svg class="chart-svg" viewBox={view_box} role="img" aria-label={props.title.clone()}>
                    { empty_message(VIEW_WIDTH, height, "No tickets yet") }
                </svg>
                { legend(&[]) }
            </figure>
        };
    }
    let area = FlowArea {
        left: SIDE,
        top: TOP,
        width: VIEW_WIDTH - 2.0 * SIDE,
        height: height - TOP - BOTTOM,
        node_width: NODE_WIDTH,
        node_gap: NODE_GAP,
    };
    let layout = layout_flow(&props.nodes, &props.links, area);
    let label_of = |id: &str| {
        props
            .nodes
            .iter()
            .find(|node| node.id == id)
            .map(|node| node.label.clone())
            .unwrap_or_default()
    };
    let ribbons = layout.links.iter().map(|placed| {
        let link = &props.links[placed.link];
        html! {
            <path class={classes!("chart-ribbon", kind_tone(link.kind).class())} data-testid="flow-link"
                data-from={link.from.clone()} data-to={link.to.clone()} data-kind={link.kind.name()} data-count={link.count.to_string()}
                d={ribbon_path(placed)}>
                <title>{ format!("{} → {}: {} tickets ({})", label_of(&link.from), label_of(&link.to), link.count, link.kind.name()) }</title>
            </path>
        }
    });
    let first_x = layout
        .nodes
        .iter()
        .map(|placed| placed.x)
        .fold(f64::MAX, f64::min);
    let nodes = layout.nodes.iter().map(|placed| {
        let node = &props.nodes[placed.node];
        let (text_x, anchor) = if placed.x > first_x {
            (placed.x + NODE_WIDTH + 6.0, "start")
        } else {
            (placed.x - 6.0, "end")
        };
        html! {
            <g class="chart-flow-node" data-testid="flow-node" data-id={node.id.clone()} data-count={node.count.to_string()}>
                <title>{ format!("{}: {} tickets", node.label, node.count) }</title>
                <rect x={num(placed.x)} y={num(placed.y)} width={num(NODE_WIDTH)} height={num(placed.height)} />
                <text x={num(text_x)} y={num(placed.y + placed.height / 2.0)} dy="0.32em" text-anchor={anchor}>
                    <tspan class="chart-flow-label">{ node.label.clone() }</tspan>
                    <tspan class="chart-flow-count">{ format!(" {}", node.count) }</tspan>
                </text>
            </g>
        }
    });
    let mut present: Vec<(usize, f64)> = layout
        .nodes
        .iter()
        .map(|placed| (props.nodes[placed.node].column, placed.x))
        .collect();
    present.sort_by_key(|entry| entry.0);
    present.dedup_by_key(|entry| entry.0);
    let headings = present.into_iter().filter_map(|(column, x)| {
        let title = props.columns.get(column)?;
        Some(html! { <text class="chart-flow-heading" x={num(x + NODE_WIDTH / 2.0)} y="16" text-anchor="middle">{ title.clone() }</text> })
    });
    let mut kinds: Vec<FlowKind> = props.links.iter().map(|link| link.kind).collect();
    kinds.sort_by_key(|kind| *kind as u8);
    kinds.dedup();
    let legend_entries: Vec<(String, Tone, bool)> = kinds
        .into_iter()
        .map(|kind| (kind.name().to_owned(), kind_tone(kind), false))
        .collect();
    html! {
        <figure class="chart chart-flow" data-testid="flow-chart">
            <svg class="chart-svg" viewBox={view_box} role="img" aria-label={props.title.clone()}>
                <g data-testid="flow-headings">{ for headings }</g>
                <g data-testid="flow-links">{ for ribbons }</g>
                <g data-testid="flow-nodes">{ for nodes }</g>
            </svg>
            { legend(&legend_entries) }
        </figure>
    }
}
