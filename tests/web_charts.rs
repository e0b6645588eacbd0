//! Wasm tests (headless Chromium) for the SVG chart components, each mounted into a page (the geometry they
//! draw is tested natively in `tests/view.rs`).
#![cfg(target_arch = "wasm32")]

mod charts_fixture;
mod dom;

use charts_fixture::flow_sample;
use escalator::engine::calendar::NamedZone;
use escalator::view::time_axis::day_label;
use escalator::web::charts::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;
/// Monday 9 March 2026, 00:00 UTC.
const MONDAY: i64 = 1_773_014_400;

// ---- helpers ----

#[wasm_bindgen_test]
async fn a_line_chart_over_a_few_hours_labels_hours() {
    let points: Vec<(i64, f64)> = (0..=6)
        .map(|hour| (MONDAY + (8 + hour) * HOUR, hour as f64))
        .collect();
    let series = vec![LineSeries {
        label: "Queue".into(),
        points,
        tone: Tone::Brand,
        dashed: false,
    }];
    let root = render(html! { <LineChart title="Queue today" {series} /> }).await;
    assert_eq!(
        texts(&root, "[data-testid=chart-x-ticks] text"),
        vec!["08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00"]
    );
    assert_eq!(all(&root, ".chart-point").len(), 7);
}

// ---- rendering ----

#[derive(Properties, PartialEq)]
struct ShowProps {
    chart: Html,
}

#[component]
fn Show(props: &ShowProps) -> Html {
    props.chart.clone()
}

async fn render(chart: Html) -> Element {
    let root = dom::fresh_root();
    yew::Renderer::<Show>::with_root_and_props(root.clone(), ShowProps { chart }).render();
    yew::scheduler::flush().await;
    root
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|element| element.text_content().unwrap_or_default())
        .collect()
}

fn attr(element: &Element, name: &str) -> String {
    element.get_attribute(name).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn line_chart_draws_each_series_with_day_labels_and_bands() {
    let hourly = |scale: f64| {
        (0..=72)
            .map(|hour| (MONDAY + hour * HOUR, scale * (hour % 24) as f64))
            .collect()
    };
    let chart = html! {
        <LineChart title="Backlog over time" format={ValueFormat::Count}
            series={vec![
                LineSeries { label: "Run".into(), points: hourly(2.0), tone: Tone::Brand, dashed: false },
                LineSeries { label: "Baseline".into(), points: hourly(1.0), tone: Tone::Neutral, dashed: true },
            ]}
            bands={vec![TimeBand { from: MONDAY + 12 * HOUR, to: MONDAY + 18 * HOUR, label: "Spike".into() }]} />
    };
    let root = render(chart).await;
    let svg = &all(&root, "svg")[0];
    assert_eq!(attr(svg, "role"), "img");
    assert_eq!(attr(svg, "aria-label"), "Backlog over time");
    assert!(attr(svg, "viewBox").starts_with("0 0 1000 260"));
    let series = all(&root, "[data-testid=line-series] > g");
    assert_eq!(series.len(), 2);
    assert_eq!(attr(&series[0], "data-points"), "73");
    assert!(attr(&series[1], "class").contains("chart-dashed"));
    assert_eq!(all(&series[0], "path").len(), 1);
    assert_eq!(all(&root, "[data-testid=line-bands] rect").len(), 1);
    assert_eq!(
        texts(&root, "[data-testid=chart-x-ticks] text"),
        vec!["Mon 9", "Tue 10", "Wed 11", "Thu 12"]
    );
    assert_eq!(
        texts(&root, "[data-testid=chart-y-ticks] text"),
        vec!["0", "10", "20", "30", "40", "50"]
    );
    assert_eq!(
        texts(&root, "[data-testid=chart-legend] li"),
        vec!["Run", "Baseline"]
    );
}

#[wasm_bindgen_test]
async fn an_empty_line_chart_says_so_at_the_same_height() {
    let root = render(html! { <LineChart title="Backlog" series={Vec::new()} /> }).await;
    assert_eq!(
        texts(&root, "[data-testid=chart-empty]"),
        vec!["No data yet"]
    );
    assert!(attr(&all(&root, "svg")[0], "viewBox").ends_with(" 260"));
}

#[wasm_bindgen_test]
async fn bar_chart_draws_bars_baselines_and_percent_ticks() {
    let bars: Vec<Bar> = (0..7)
        .map(|day| Bar {
            baseline: Some(0.10),
            ..Bar::single(
                day_label(MONDAY + day * DAY, &NamedZone::utc()),
                0.05 * day as f64,
                Tone::Brand,
            )
        })
        .collect();
    let root = render(
        html! { <BarChart title="Escalation rate per day" format={ValueFormat::Percent} {bars} /> },
    )
    .await;
    let bars = all(&root, "[data-testid=bar]");
    assert_eq!(bars.len(), 7);
    assert_eq!(attr(&bars[0], "data-label"), "Mon 9");
    assert_eq!(all(&root, "[data-testid=bar-baseline]").len(), 7);
    assert_eq!(texts(&root, ".chart-bar-label")[6], "Sun 15");
    assert_eq!(
        texts(&root, "[data-testid=chart-y-ticks] text"),
        vec!["0%", "5%", "10%", "15%", "20%", "25%", "30%"]
    );
    assert_eq!(
        texts(&root, "[data-testid=bar] rect title")[1],
        "Tue 10: 5%"
    );
    assert!(texts(&root, "[data-testid=bar] rect title")[3].ends_with(": 15%"));
}

#[wasm_bindgen_test]
async fn a_stacked_bar_chart_has_one_segment_per_kind_and_a_legend() {
    let segment = |label: &str, value, tone| BarSegment {
        label: label.into(),
        value,
        tone,
    };
    let week = |label: &str, [functional, hierarchical, automatic]: [f64; 3]| Bar {
        label: label.into(),
        segments: vec![
            segment("functional", functional, Tone::Functional),
            segment("hierarchical", hierarchical, Tone::Hierarchical),
            segment("automatic", automatic, Tone::Automatic),
        ],
        baseline: None,
    };
    let bars = vec![
        week("Week 1", [0.12, 0.03, 0.05]),
        week("Week 2", [0.08, 0.02, 0.04]),
    ];
    let root = render(html! { <BarChart title="Escalation rate by kind" format={ValueFormat::Percent} max={Some(0.5)} {bars} /> }).await;
    assert_eq!(all(&root, "[data-testid=bar] rect").len(), 6);
    assert_eq!(all(&root, "rect.chart-tone-automatic").len(), 2);
    assert_eq!(
        texts(&root, "[data-testid=chart-legend] li"),
        vec!["functional", "hierarchical", "automatic"]
    );
    assert_eq!(
        texts(&root, "[data-testid=chart-y-ticks] text")
            .last()
            .map(String::as_str),
        Some("50%")
    );
}

#[wasm_bindgen_test]
async fn horizontal_bars_write_each_value_at_the_end() {
    let bar = |label: &str, value| HorizontalBar {
        label: label.into(),
        value,
        tone: Tone::Accent,
    };
    let bars = vec![
        bar("General support", 0.82),
        bar("Technical", 0.455),
        bar("Billing", 0.3),
    ];
    let root = render(html! { <HorizontalBars title="Utilisation per team" format={ValueFormat::Percent} max={Some(1.0)} {bars} min_rows={5} /> }).await;
    assert_eq!(all(&root, "[data-testid=hbar]").len(), 3);
    assert_eq!(
        texts(&root, ".chart-hbar-label"),
        vec!["General support", "Technical", "Billing"]
    );
    assert_eq!(texts(&root, ".chart-hbar-value"), vec!["82%", "46%", "30%"]);
    let fills = all(&root, ".chart-hbar-fill");
    assert_eq!(attr(&fills[0], "width"), "565.8");
    assert!(attr(&all(&root, "svg")[0], "viewBox").ends_with(" 158.0"));
}

#[wasm_bindgen_test]
async fn histogram_bins_raw_seconds_and_marks_mean_median_p90() {
    let mut seconds: Vec<i64> = (1..=100).map(|n| n * 3 * MINUTE).collect();
    seconds.push(0);
    let root = render(html! { <Histogram title="First response time" data={HistogramData::Seconds(seconds)} target_bins={10} /> }).await;
    let bins = all(&root, "[data-testid=histogram-bins] rect");
    assert_eq!(bins.len(), 11);
    let counts: u64 = bins
        .iter()
        .map(|bin| attr(bin, "data-count").parse::<u64>().unwrap_or(0))
        .sum();
    assert_eq!(counts, 101);
    assert_eq!(
        texts(&root, "[data-testid=chart-x-ticks] text")[..3],
        ["0", "30m", "1h"]
    );
    assert_eq!(
        attr(
            &all(&root, "[data-testid=histogram-median]")[0],
            "data-value"
        ),
        "9000"
    );
    assert_eq!(
        texts(&root, "[data-testid=histogram-p90] text"),
        vec!["p90 4h 30m"]
    );
    assert_eq!(all(&root, "[data-testid=histogram-markers] > g").len(), 3);
}

#[wasm_bindgen_test]
async fn histogram_draws_precomputed_bins_without_markers() {
    let bins = vec![
        HistogramBin {
            from: 0.0,
            to: 3600.0,
            count: 4,
        },
        HistogramBin {
            from: 3600.0,
            to: 7200.0,
            count: 9,
        },
    ];
    let root =
        render(html! { <Histogram title="Resolution time" data={HistogramData::Bins(bins)} /> })
            .await;
    assert_eq!(all(&root, "[data-testid=histogram-bins] rect").len(), 2);
    assert!(all(&root, "[data-testid=histogram-markers] > g").is_empty());
    assert_eq!(
        texts(&root, "[data-testid=chart-y-ticks] text"),
        vec!["0", "2", "4", "6", "8", "10"]
    );
    assert_eq!(
        texts(&root, "[data-testid=chart-x-ticks] text"),
        vec!["0", "1h", "2h"]
    );
}

#[wasm_bindgen_test]
async fn histogram_counts_tick_in_whole_tickets() {
    let root = render(html! { <Histogram title="Resolution time" data={HistogramData::Seconds(vec![60, 3000])} /> }).await;
    assert_eq!(
        texts(&root, "[data-testid=chart-y-ticks] text"),
        vec!["0", "1"]
    );
}

#[wasm_bindgen_test]
async fn flow_chart_draws_nodes_links_by_kind_and_column_headings() {
    let (nodes, links) = flow_sample();
    let columns: Vec<String> = ["Arrivals", "L1", "L2", "L3", "Management"]
        .map(String::from)
        .to_vec();
    let root =
        render(html! { <FlowChart title="Who received what" {nodes} {links} {columns} /> }).await;
    assert_eq!(all(&root, "[data-testid=flow-node]").len(), 5);
    let links = all(&root, "[data-testid=flow-link]");
    assert_eq!(links.len(), 5);
    assert_eq!(attr(&links[2], "data-kind"), "functional");
    assert!(attr(&links[3], "class").contains("chart-tone-hierarchical"));
    assert_eq!(
        texts(&links[0], "title"),
        vec!["ARRIVALS → GENERAL: 80 tickets (routed)"]
    );
    assert_eq!(
        texts(&root, "[data-testid=flow-headings] text"),
        vec!["Arrivals", "L1", "L2", "Management"]
    );
    assert_eq!(
        texts(&root, "[data-testid=chart-legend] li"),
        vec!["routed", "functional", "hierarchical", "automatic"]
    );
    assert_eq!(texts(&root, ".chart-flow-label")[3], "TECHNICAL");
}
