//! The compact Sankey layout behind `FlowChart`: columns left to right, node heights and ribbon widths ∝ counts.

use super::scale::num;

/// Why a ticket moved along a link: its first routing (from arrivals) or an escalation of one of the three kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlowKind {
    Arrival,
    Functional,
    Hierarchical,
    Automatic,
}

impl FlowKind {
    pub fn name(self) -> &'static str {
        match self {
            FlowKind::Arrival => "routed",
            FlowKind::Functional => "functional",
            FlowKind::Hierarchical => "hierarchical",
            FlowKind::Automatic => "automatic",
        }
    }
}

/// A team (or the arrivals source) in a column (0 = leftmost), with the number of tickets it received.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowNode {
    pub id: String,
    pub label: String,
    pub column: usize,
    pub count: u64,
}

/// Tickets that went from one node to another.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLink {
    pub from: String,
    pub to: String,
    pub kind: FlowKind,
    pub count: u64,
}

/// The drawing area and spacing of the layout, in view-box units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlowArea {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    pub node_width: f64,
    pub node_gap: f64,
}

/// A node's rectangle; `node` indexes the input nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedNode {
    pub node: usize,
    pub x: f64,
    pub y: f64,
    pub height: f64,
}

/// A ribbon from the source's right edge to the target's left edge; `link` indexes the input links,
/// the y values are the ribbon's top at each end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedLink {
    pub link: usize,
    pub source_x: f64,
    pub source_y: f64,
    pub target_x: f64,
    pub target_y: f64,
    pub thickness: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FlowLayout {
    pub nodes: Vec<PlacedNode>,
    /// Links whose ends are both known nodes, in input order.
    pub links: Vec<PlacedLink>,
    /// View-box units per ticket.
    pub units_per_ticket: f64,
}

/// The smallest height a node is drawn with, so that nodes with few tickets stay visible.
const MIN_NODE_HEIGHT: f64 = 2.0;

/// Lays the nodes out in their columns (in input order, centred vertically) and stacks each node's ribbons
/// in the order of the nodes at their other ends. A node is as tall as the largest of its count, its
/// incoming and its outgoing tickets, so its ribbons always fit. Same input, same layout.
pub fn layout_flow(nodes: &[FlowNode], links: &[FlowLink], area: FlowArea) -> FlowLayout {
    let index_of = |id: &str| nodes.iter().position(|node| node.id == id);
    let known: Vec<(usize, usize, usize)> = links
        .iter()
        .enumerate()
        .filter_map(|(link, flow)| Some((link, index_of(&flow.from)?, index_of(&flow.to)?)))
        .collect();
    let size: Vec<f64> = nodes
        .iter()
        .enumerate()
        .map(|(index, node)| {
            let incoming: u64 = known
                .iter()
                .filter(|k| k.2 == index)
                .map(|k| links[k.0].count)
                .sum();
            let outgoing: u64 = known
                .iter()
                .filter(|k| k.1 == index)
                .map(|k| links[k.0].count)
                .sum();
            node.count.max(incoming).max(outgoing) as f64
        })
        .collect();

    let mut columns: Vec<usize> = nodes.iter().map(|node| node.column).collect();
    columns.sort_unstable();
    columns.dedup();
    let members =
        |column: usize| (0..nodes.len()).filter(move |&index| nodes[index].column == column);
    let units_per_ticket = columns
        .iter()
        .filter_map(|&column| {
            let total: f64 = members(column).map(|index| size[index]).sum();
            let gaps = (members(column).count().saturating_sub(1)) as f64 * area.node_gap;
            (total > 0.0).then(|| ((area.height - gaps).max(0.0)) / total)
        })
        .fold(f64::INFINITY, f64::min);
    let units_per_ticket = if units_per_ticket.is_finite() {
        units_per_ticket
    } else {
        0.0
    };
    let column_step = if columns.len() > 1 {
        (area.width - area.node_width) / (columns.len() - 1) as f64
    } else {
        0.0
    };

    let mut placed: Vec<PlacedNode> = nodes
        .iter()
        .enumerate()
        .map(|(node, _)| PlacedNode {
            node,
            x: 0.0,
            y: 0.0,
            height: 0.0,
        })
        .collect();
    for (rank, &column) in columns.iter().enumerate() {
        let heights: Vec<(usize, f64)> = members(column)
            .map(|index| (index, (size[index] * units_per_ticket).max(MIN_NODE_HEIGHT)))
            .collect();
        let used: f64 = heights.iter().map(|(_, height)| height).sum::<f64>()
            + heights.len().saturating_sub(1) as f64 * area.node_gap;
        let mut y = area.top + ((area.height - used) / 2.0).max(0.0);
        for (index, height) in heights {
            placed[index] = PlacedNode {
                node: index,
                x: area.left + rank as f64 * column_step,
                y,
                height,
            };
            y += height + area.node_gap;
        }
    }

    let position = |index: usize| (placed[index].x, placed[index].y);
    let mut source_offset = vec![0.0; nodes.len()];
    let mut target_offset = vec![0.0; nodes.len()];
    let mut by_target = known.clone();
    by_target.sort_by(|a, b| {
        position(a.2)
            .partial_cmp(&position(b.2))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut source_y = vec![0.0; links.len()];
    for &(link, from, _) in &by_target {
        source_y[link] = placed[from].y + source_offset[from];
        source_offset[from] += links[link].count as f64 * units_per_ticket;
    }
    let mut by_source = known.clone();
    by_source.sort_by(|a, b| {
        position(a.1)
            .partial_cmp(&position(b.1))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut target_y = vec![0.0; links.len()];
    for &(link, _, to) in &by_source {
        target_y[link] = placed[to].y + target_offset[to];
        target_offset[to] += links[link].count as f64 * units_per_ticket;
    }
    let placed_links = known
        .iter()
        .map(|&(link, from, to)| PlacedLink {
            link,
            source_x: placed[from].x + area.node_width,
            source_y: source_y[link],
            target_x: placed[to].x,
            target_y: target_y[link],
            thickness: links[link].count as f64 * units_per_ticket,
        })
        .collect();
    FlowLayout {
        nodes: placed,
        links: placed_links,
        units_per_ticket,
    }
}

/// The SVG path of a ribbon: two cubic Bézier edges, closed. Drawn at least one unit thick.
pub fn ribbon_path(link: &PlacedLink) -> String {
    let thickness = link.thickness.max(1.0);
    let bend = ((link.target_x - link.source_x).abs() / 2.0).max(40.0);
    let (x0, y0, x1, y1) = (link.source_x, link.source_y, link.target_x, link.target_y);
    format!(
        "M{},{} C{},{} {},{} {},{} L{},{} C{},{} {},{} {},{} Z",
        num(x0),
        num(y0),
        num(x0 + bend),
        num(y0),
        num(x1 - bend),
        num(y1),
        num(x1),
        num(y1),
        num(x1),
        num(y1 + thickness),
        num(x1 - bend),
        num(y1 + thickness),
        num(x0 + bend),
        num(y0 + thickness),
        num(x0),
        num(y0 + thickness),
    )
}
