//! Wasm tests (headless Chromium) for the SVG chart components: the pure helpers, and each component mounted into a page.
#![cfg(target_arch = "wasm32")]

use escalator::web::charts::durations::nice_duration_step;
use escalator::web::charts::flow_layout::{layout_flow, ribbon_path, FlowArea};
use escalator::web::charts::histogram_bins::{bin_durations, duration_markers};
use escalator::web::charts::scale::{
    format_tick, nice_step, nice_step_at_least, nice_ticks, LinearScale,
};
use escalator::web::charts::time_axis::{day_label, day_ticks, time_ticks};
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
fn nice_steps_are_one_two_or_five_times_a_power_of_ten() {
    assert_eq!(nice_step(0.8), 1.0);
    assert_eq!(nice_step(0.7), 0.5);
    assert_eq!(nice_step(1.3), 1.0);
    assert_eq!(nice_step(2.2), 2.0);
    assert_eq!(nice_step(3.0), 2.0);
    assert_eq!(nice_step(4.6), 5.0);
    assert_eq!(nice_step(7.2), 10.0);
    assert!((nice_step(0.031) - 0.02).abs() < 1e-12);
    assert_eq!(nice_step(0.0), 1.0);
    assert_eq!(nice_step_at_least(1.3), 2.0);
    assert_eq!(nice_step_at_least(3.0), 5.0);
    assert_eq!(nice_step_at_least(130.0), 200.0);
}

#[wasm_bindgen_test]
fn nice_ticks_cover_the_data_with_round_values() {
    let ticks = nice_ticks(0.0, 87.0, 5);
    assert_eq!(ticks.step, 20.0);
    assert_eq!(ticks.values(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    assert_eq!(
        nice_ticks(0.0, 110.0, 5).values(),
        vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]
    );
    let ticks = nice_ticks(0.0, 0.3, 3);
    assert_eq!(ticks.values(), vec![0.0, 0.1, 0.2, 0.3]);
    assert_eq!(
        nice_ticks(5.0, 5.0, 5).values(),
        vec![0.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    );
    assert_eq!(
        nice_ticks(f64::NAN, f64::NAN, 4).values().last(),
        Some(&1.0)
    );
}

#[wasm_bindgen_test]
fn ticks_ignore_floating_point_noise_at_the_ends() {
    assert_eq!(
        nice_ticks(0.0, 0.05 * 6.0, 3).values(),
        vec![0.0, 0.1, 0.2, 0.3]
    );
}

#[wasm_bindgen_test]
fn tick_labels_have_just_enough_decimals() {
    assert_eq!(format_tick(40.0, 20.0), "40");
    assert_eq!(format_tick(0.30000000000000004, 0.1), "0.3");
    assert_eq!(format_tick(0.25, 0.05), "0.25");
    assert_eq!(format_tick(-0.0, 0.5), "0.0");
}

#[wasm_bindgen_test]
fn linear_scales_map_and_reverse() {
    let y = LinearScale::new((0.0, 100.0), (200.0, 0.0));
    assert_eq!(y.map(0.0), 200.0);
    assert_eq!(y.map(25.0), 150.0);
    assert_eq!(y.map(100.0), 0.0);
    assert_eq!(LinearScale::new((3.0, 3.0), (10.0, 20.0)).map(3.0), 10.0);
}

#[wasm_bindgen_test]
fn percent_and_duration_formats_tick_in_their_own_units() {
    let percent = ValueFormat::Percent.ticks(0.0, 0.23, 5);
    assert_eq!(percent.values().len(), 6);
    assert_eq!(
        ValueFormat::Percent.tick_label(percent.values()[5], percent.step),
        "25%"
    );
    assert_eq!(ValueFormat::Percent.value_label(0.125), "12%");
    assert_eq!(ValueFormat::Percent.value_label(0.042), "4.2%");
    assert_eq!(ValueFormat::Percent.value_label(0.05 + 0.02), "7%");
    let duration = ValueFormat::Duration.ticks(0.0, 10.0 * HOUR as f64, 5);
    assert_eq!(duration.step, 2.0 * HOUR as f64);
    assert_eq!(
        ValueFormat::Duration.tick_label(duration.values()[2], duration.step),
        "4h"
    );
}

#[wasm_bindgen_test]
fn duration_steps_are_whole_minutes_hours_days_or_weeks() {
    assert_eq!(
        nice_duration_step(50.0 * MINUTE as f64 / 7.0),
        10.0 * MINUTE as f64
    );
    assert_eq!(nice_duration_step(40.0 * MINUTE as f64), HOUR as f64);
    assert_eq!(nice_duration_step(5.0 * HOUR as f64), 6.0 * HOUR as f64);
    assert_eq!(nice_duration_step(30.0 * HOUR as f64), 2.0 * DAY as f64);
    assert_eq!(
        nice_duration_step(20.0 * DAY as f64),
        5.0 * 7.0 * DAY as f64
    );
    assert_eq!(nice_duration_step(12.0), 20.0);
}

#[wasm_bindgen_test]
fn day_ticks_fall_on_utc_midnights_and_thin_out() {
    assert_eq!(day_label(MONDAY), "Mon 9");
    assert_eq!(day_label(MONDAY + 6 * DAY + 3 * HOUR), "Sun 15");
    let week = day_ticks(MONDAY - HOUR, MONDAY + 6 * DAY + HOUR, 10);
    assert_eq!(week, (0..7).map(|n| MONDAY + n * DAY).collect::<Vec<_>>());
    let month = day_ticks(MONDAY, MONDAY + 27 * DAY, 7);
    assert_eq!(month.len(), 7);
    assert_eq!(month[1] - month[0], 4 * DAY);
    assert!(day_ticks(MONDAY + HOUR, MONDAY + 2 * HOUR, 5).is_empty());
}

#[wasm_bindgen_test]
fn short_spans_tick_in_hours_and_long_ones_in_days() {
    let labels = |ticks: Vec<(i64, String)>| {
        ticks
            .into_iter()
            .map(|(_, label)| label)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        labels(time_ticks(
            MONDAY + 9 * HOUR,
            MONDAY + 12 * HOUR + 30 * MINUTE,
            10
        )),
        vec!["09:00", "10:00", "11:00", "12:00"]
    );
    assert_eq!(
        labels(time_ticks(MONDAY + 9 * HOUR, MONDAY + 17 * HOUR, 4)),
        vec!["09:00", "12:00", "15:00"]
    );
    assert_eq!(
        labels(time_ticks(MONDAY - 6 * HOUR, MONDAY + 18 * HOUR, 5)),
        vec!["18:00", "Mon 9", "06:00", "12:00", "18:00"]
    );
    assert_eq!(
        labels(time_ticks(MONDAY, MONDAY + 3 * DAY, 10)),
        vec!["Mon 9", "Tue 10", "Wed 11", "Thu 12"]
    );
}

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

#[wasm_bindgen_test]
fn durations_bin_into_nice_widths_from_zero() {
    let seconds = [0, 5 * MINUTE, 14 * MINUTE, 59 * MINUTE, 2 * HOUR + 1];
    let bins = bin_durations(&seconds, 8);
    let width = bins[0].to - bins[0].from;
    assert_eq!(width, 30.0 * MINUTE as f64);
    assert_eq!(bins.len(), 5);
    assert_eq!(
        bins.iter().map(|bin| bin.count).collect::<Vec<_>>(),
        vec![3, 1, 0, 0, 1]
    );
    assert_eq!(
        bins.iter().map(|bin| bin.count).sum::<u64>(),
        seconds.len() as u64
    );
    assert!(bin_durations(&[], 8).is_empty());
}

#[wasm_bindgen_test]
fn markers_use_nearest_rank_like_the_metrics() {
    let markers = duration_markers(&[40, 10, 30, 20]).expect("values");
    assert_eq!(markers.mean, 25.0);
    assert_eq!(markers.median, 20.0);
    assert_eq!(markers.p90, 40.0);
    assert!(duration_markers(&[]).is_none());
}

fn flow_sample() -> (Vec<FlowNode>, Vec<FlowLink>) {
    let node = |id: &str, column, count| FlowNode {
        id: id.to_owned(),
        label: id.to_uppercase(),
        column,
        count,
    };
    let link = |from: &str, to: &str, kind, count| FlowLink {
        from: from.to_owned(),
        to: to.to_owned(),
        kind,
        count,
    };
    (
        vec![
            node("arrivals", 0, 100),
            node("general", 1, 80),
            node("billing", 1, 20),
            node("technical", 2, 30),
            node("supervisors", 4, 5),
        ],
        vec![
            link("arrivals", "general", FlowKind::Arrival, 80),
            link("arrivals", "billing", FlowKind::Arrival, 20),
            link("general", "technical", FlowKind::Functional, 30),
            link("general", "supervisors", FlowKind::Hierarchical, 4),
            link("billing", "supervisors", FlowKind::Automatic, 1),
            link("general", "nowhere", FlowKind::Functional, 3),
        ],
    )
}

const AREA: FlowArea = FlowArea {
    left: 100.0,
    top: 20.0,
    width: 800.0,
    height: 400.0,
    node_width: 10.0,
    node_gap: 20.0,
};

#[wasm_bindgen_test]
fn flow_layout_scales_nodes_and_ribbons_by_count() {
    let (nodes, links) = flow_sample();
    let layout = layout_flow(&nodes, &links, AREA);
    // Column 1 is the fullest: 80 + 20 tickets plus one gap fill the 400 units.
    assert!((layout.units_per_ticket - 3.8).abs() < 1e-9);
    let heights: Vec<f64> = layout.nodes.iter().map(|node| node.height).collect();
    assert!((heights[1] - 304.0).abs() < 1e-9);
    assert!((heights[2] - 76.0).abs() < 1e-9);
    // Present columns 0, 1, 2, 4 sit evenly from left to right.
    let xs: Vec<i64> = layout
        .nodes
        .iter()
        .map(|node| node.x.round() as i64)
        .collect();
    assert_eq!(xs, vec![100, 363, 363, 627, 890]);
    // The link to an unknown node is left out; the rest keep input order.
    assert_eq!(
        layout
            .links
            .iter()
            .map(|link| link.link)
            .collect::<Vec<_>>(),
        vec![0, 1, 2, 3, 4]
    );
    assert!((layout.links[2].thickness - 30.0 * 3.8).abs() < 1e-9);
}

#[wasm_bindgen_test]
fn flow_ribbons_stack_at_both_ends_in_the_order_of_the_other_end() {
    let (nodes, links) = flow_sample();
    let layout = layout_flow(&nodes, &links, AREA);
    let general = layout.nodes[1];
    // Out of general: technical (column 2) first, then supervisors (column 4).
    assert_eq!(layout.links[2].source_y, general.y);
    assert!((layout.links[3].source_y - (general.y + 30.0 * 3.8)).abs() < 1e-9);
    // Into supervisors: general (above) first, then billing.
    let supervisors = layout.nodes[4];
    assert_eq!(layout.links[3].target_y, supervisors.y);
    assert!((layout.links[4].target_y - (supervisors.y + 4.0 * 3.8)).abs() < 1e-9);
    assert_eq!(layout, layout_flow(&nodes, &links, AREA));
    let path = ribbon_path(&layout.links[0]);
    assert!(
        path.starts_with("M110.0,") && path.ends_with(" Z"),
        "{path}"
    );
    assert_eq!(path.matches('C').count(), 2);
}

#[wasm_bindgen_test]
fn a_flow_without_links_still_places_its_nodes() {
    let (nodes, _) = flow_sample();
    let layout = layout_flow(&nodes, &[], AREA);
    assert_eq!(layout.nodes.len(), 5);
    assert!(layout.links.is_empty());
    assert!(layout.nodes.iter().all(|node| node.height >= 2.0));
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
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
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
                day_label(MONDAY + day * DAY),
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
    let bars = vec![
        Bar {
            label: "Week 1".into(),
            segments: vec![
                segment("functional", 0.12, Tone::Functional),
                segment("hierarchical", 0.03, Tone::Hierarchical),
                segment("automatic", 0.05, Tone::Automatic),
            ],
            baseline: None,
        },
        Bar {
            label: "Week 2".into(),
            segments: vec![
                segment("functional", 0.08, Tone::Functional),
                segment("hierarchical", 0.02, Tone::Hierarchical),
                segment("automatic", 0.04, Tone::Automatic),
            ],
            baseline: None,
        },
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
