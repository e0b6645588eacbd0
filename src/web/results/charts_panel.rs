//! The results charts: backlog over time, escalation rate per day or week, first-line resolve rate per day,
//! response-time distributions, load and utilisation per team (and per agent where a team assigns tickets to
//! agents), and the flow of who received what — each against the baseline when pinned.

use yew::prelude::*;

use crate::engine::journey::EscalationKind;
use crate::metrics::{Metrics, PeriodMetrics};
use crate::sim::report::SimulationReport;
use crate::web::charts::{
    Bar, BarChart, FlowChart, FlowKind, FlowLink, FlowNode, Histogram, HistogramData,
    HorizontalBar, HorizontalBars, LineChart, LineSeries, Tone, ValueFormat,
};

#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    pub report: std::rc::Rc<SimulationReport>,
    pub baseline: Option<std::rc::Rc<SimulationReport>>,
    /// The legend's names for the report and the baseline ("This run" and "Baseline" by default).
    #[prop_or_default]
    pub names: Option<(AttrValue, AttrValue)>,
}

/// Escalation rate per day, week or month.
#[derive(Clone, Copy, PartialEq)]
enum Period {
    Day,
    Week,
    Month,
}

#[component]
pub fn ChartsPanel(props: &ChartsPanelProps) -> Html {
    let period = use_state(|| Period::Day);
    let report = &props.report;
    let baseline = props.baseline.as_deref();
    let first = report.metrics.first();
    let (this_name, baseline_name) = props
        .names
        .clone()
        .unwrap_or_else(|| ("This run".into(), "Baseline".into()));

    let base_metrics = baseline.and_then(|b| b.metrics.first());
    let against_baseline = |points: fn(&Metrics) -> Vec<(i64, f64)>, tone: Tone| {
        let mut series = vec![LineSeries {
            label: this_name.to_string(),
            points: first.map(points).unwrap_or_default(),
            tone,
            dashed: false,
        }];
        series.extend(base_metrics.map(|base| LineSeries {
            label: baseline_name.to_string(),
            points: points(base),
            tone: Tone::Neutral,
            dashed: true,
        }));
        series
    };
    let backlog_series = against_baseline(backlog_points, Tone::Brand);

    let periods = |metrics: &Metrics| match *period {
        Period::Day => metrics.daily.clone(),
        Period::Week => metrics.weekly.clone(),
        Period::Month => metrics.monthly.clone(),
    };
    let current_periods = first.map(periods).unwrap_or_default();
    let baseline_periods = baseline
        .and_then(|b| b.metrics.first())
        .map(periods)
        .unwrap_or_default();
    let bars: Vec<Bar> = current_periods
        .iter()
        .enumerate()
        .map(|(i, p)| Bar {
            baseline: baseline_periods
                .get(i)
                .and_then(|b: &PeriodMetrics| b.escalation_rate),
            ..Bar::single(
                p.label.clone(),
                p.escalation_rate.unwrap_or(0.0),
                Tone::Brand,
            )
        })
        .collect();

    let utilisation: Vec<HorizontalBar> = first
        .map(|m| {
            m.teams
                .iter()
                .map(|t| HorizontalBar {
                    label: team_name(report, &t.team),
                    value: t.utilisation.unwrap_or(0.0),
                    tone: Tone::Accent,
                })
                .collect()
        })
        .unwrap_or_default();
    let by_category = first.map(category_bars).unwrap_or_default();
    let by_kind: Vec<HorizontalBar> = first
        .map(|m| {
            m.escalation
                .by_kind
                .iter()
                .map(|kind| HorizontalBar {
                    label: crate::web::format::capitalise(kind.kind.as_str()),
                    value: kind.rate.unwrap_or(0.0),
                    tone: Tone::Brand,
                })
                .collect()
        })
        .unwrap_or_default();
    let by_tier: Vec<HorizontalBar> = first
        .map(|m| {
            m.escalation
                .by_tier
                .iter()
                .map(|tier| HorizontalBar {
                    label: tier.tier.clone(),
                    value: tier.rate.unwrap_or(0.0),
                    tone: Tone::Brand,
                })
                .collect()
        })
        .unwrap_or_default();
    let escalated_out: Vec<HorizontalBar> = first
        .map(|m| {
            let mut teams: Vec<_> = m.teams.iter().filter(|t| t.received > 0).collect();
            teams.sort_by_key(|t| std::cmp::Reverse(t.received));
            teams
                .into_iter()
                .take(BUSIEST_BARS)
                .map(|t| HorizontalBar {
                    label: team_name(report, &t.team),
                    value: t.escalated_out as f64 / t.received as f64,
                    tone: Tone::Brand,
                })
                .collect()
        })
        .unwrap_or_default();
    let received: Vec<HorizontalBar> = first
        .map(|m| {
            m.teams
                .iter()
                .map(|t| HorizontalBar {
                    label: team_name(report, &t.team),
                    value: t.received as f64,
                    tone: Tone::Brand,
                })
                .collect()
        })
        .unwrap_or_default();
    let resolve_series = against_baseline(first_line_points, Tone::Accent);
    let per_agent = first.map(|m| agent_charts(report, m)).unwrap_or_default();
    let (nodes, links, columns) = flow_view(report);
    let select_period = |value: Period| {
        let period = period.clone();
        Callback::from(move |_: MouseEvent| period.set(value))
    };
    html! {
        <div class="charts-grid">
            <section class="panel chart-panel wide">
                <div class="panel-head"><h2>{ "Backlog over time" }</h2><p>{ "Open tickets, hourly (first replication)." }</p></div>
                <div class="panel-body"><LineChart title="Backlog over time" series={backlog_series} format={ValueFormat::Count} /></div>
            </section>
            <section class="panel chart-panel wide">
                <div class="panel-head"><h2>{ "Escalation rate" }</h2>
                    <div class="segmented" role="group" aria-label="Period">
                        <button class={classes!((*period == Period::Day).then_some("selected"))} aria-pressed={(*period == Period::Day).to_string()} onclick={select_period(Period::Day)}>{ "per day" }</button>
                        <button class={classes!((*period == Period::Week).then_some("selected"))} aria-pressed={(*period == Period::Week).to_string()} onclick={select_period(Period::Week)}>{ "per week" }</button>
                        <button class={classes!((*period == Period::Month).then_some("selected"))} aria-pressed={(*period == Period::Month).to_string()} onclick={select_period(Period::Month)}>{ "per month" }</button>
                    </div>
                </div>
                <div class="panel-body"><BarChart title="Escalation rate per period" {bars} format={ValueFormat::Percent} /></div>
            </section>
            <section class="panel chart-panel wide" data-testid="chart-first-line-resolve">
                <div class="panel-head"><h2>{ "First-line resolve rate" }</h2><p>{ "Per day: tickets resolved by the team that first received them, never escalated ÷ tickets created (first replication). Knowledge-base learning raises it." }</p></div>
                <div class="panel-body"><LineChart title="First-line resolve rate per day" series={resolve_series} format={ValueFormat::Percent} /></div>
            </section>
            <section class="panel chart-panel">
                <div class="panel-head"><h2>{ "First response time" }</h2></div>
                <div class="panel-body"><Histogram title="First response time distribution" data={HistogramData::Seconds(report.first_response_seconds.clone())} tone={Tone::Accent} /></div>
            </section>
            <section class="panel chart-panel">
                <div class="panel-head"><h2>{ "Resolution time" }</h2></div>
                <div class="panel-body"><Histogram title="Resolution time distribution" data={HistogramData::Seconds(report.resolution_seconds.clone())} tone={Tone::Brand} /></div>
            </section>
            <section class="panel chart-panel">
                <div class="panel-head"><h2>{ "Tickets received per team" }</h2></div>
                <div class="panel-body"><HorizontalBars title="Tickets received per team" bars={received} format={ValueFormat::Count} min_rows={report.teams.len()} /></div>
            </section>
            <section class="panel chart-panel">
                <div class="panel-head"><h2>{ "Utilisation per team" }</h2><p>{ "Busy agent time ÷ staffed time." }</p></div>
                <div class="panel-body"><HorizontalBars title="Utilisation per team" bars={utilisation} format={ValueFormat::Percent} max={Some(1.0)} min_rows={report.teams.len()} /></div>
            </section>
            { for per_agent }
            <section class="panel chart-panel" data-testid="chart-by-kind">
                <div class="panel-head"><h2>{ "Escalation rate by kind" }</h2><p>{ "Tickets with at least one escalation of the kind ÷ all tickets." }</p></div>
                <div class="panel-body"><HorizontalBars title="Escalation rate by kind" bars={by_kind} format={ValueFormat::Percent} max={Some(1.0)} min_rows={3} /></div>
            </section>
            <section class="panel chart-panel" data-testid="chart-by-category">
                <div class="panel-head"><h2>{ "Escalation rate by category" }</h2><p>{ format!("The {BUSIEST_BARS} categories with the most tickets.") }</p></div>
                <div class="panel-body"><HorizontalBars title="Escalation rate by category" bars={by_category} format={ValueFormat::Percent} max={Some(1.0)} /></div>
            </section>
            <section class="panel chart-panel" data-testid="chart-by-tier">
                <div class="panel-head"><h2>{ "Escalation rate by tier" }</h2><p>{ "Tickets escalated out of a tier ÷ tickets it received." }</p></div>
                <div class="panel-body"><HorizontalBars title="Escalation rate by tier" bars={by_tier} format={ValueFormat::Percent} max={Some(1.0)}
                    empty={if first.is_some() { "The teams here have no tiers" } else { "No data yet" }} /></div>
            </section>
            <section class="panel chart-panel" data-testid="chart-by-team">
                <div class="panel-head"><h2>{ "Escalations out of each team" }</h2><p>{ format!("Escalations leaving the team ÷ assignments it received; the {BUSIEST_BARS} busiest teams.") }</p></div>
                <div class="panel-body"><HorizontalBars title="Escalations out of each team" bars={escalated_out} format={ValueFormat::Percent} min_rows={report.teams.len().min(BUSIEST_BARS)} /></div>
            </section>
            <section class="panel chart-panel wide">
                <div class="panel-head"><h2>{ "Who received what" }</h2><p>{ "Arrivals routed to teams, then escalations between teams by kind (first replication)." }</p></div>
                <div class="panel-body"><FlowChart title="Flow of tickets between teams" {nodes} {links} {columns} /></div>
            </section>
        </div>
    }
}

/// Utilisation per agent, one chart per team that hands tickets to individuals, with how unevenly the work
/// is spread.
fn agent_charts(report: &SimulationReport, metrics: &Metrics) -> Vec<Html> {
    metrics
        .teams
        .iter()
        .filter(|team| !team.agents.is_empty())
        .map(|team| {
            let name = team_name(report, &team.team);
            let bars: Vec<HorizontalBar> = team
                .agents
                .iter()
                .map(|agent| HorizontalBar {
                    label: agent.agent.clone(),
                    value: agent.utilisation.unwrap_or(0.0),
                    tone: Tone::Accent,
                })
                .collect();
            let spread = team.load_spread.map_or_else(
                || "no work yet".to_owned(),
                |spread| format!("{spread:.2} (0: every agent busy as long)"),
            );
            let title = format!("Utilisation per agent in {name}");
            html! {
                <section class="panel chart-panel" key={team.team.clone()} data-testid={format!("chart-agents-{}", team.team)}>
                    <div class="panel-head"><h2>{ title.clone() }</h2>
                        <p>{ format!("Busy time ÷ the team's staffed time. Load spread: {spread}.") }</p></div>
                    <div class="panel-body"><HorizontalBars {title} {bars} format={ValueFormat::Percent} max={Some(1.0)} /></div>
                </section>
            }
        })
        .collect()
}

/// Categories and teams shown by escalation rate: the busiest ones, so a log with hundreds stays readable.
const BUSIEST_BARS: usize = 12;

fn category_bars(metrics: &Metrics) -> Vec<HorizontalBar> {
    let mut categories: Vec<_> = metrics.escalation.by_category.iter().collect();
    categories.sort_by(|a, b| {
        b.tickets
            .cmp(&a.tickets)
            .then_with(|| a.category.cmp(&b.category))
    });
    categories
        .into_iter()
        .take(BUSIEST_BARS)
        .map(|category| HorizontalBar {
            label: category.category.clone(),
            value: category.rate.unwrap_or(0.0),
            tone: Tone::Brand,
        })
        .collect()
}

/// Each day's first-line resolve rate at the day's start; days without new tickets have none.
fn first_line_points(metrics: &Metrics) -> Vec<(i64, f64)> {
    metrics
        .daily
        .iter()
        .filter_map(|day| Some((day.start.0, day.first_line_resolve_rate?)))
        .collect()
}

fn backlog_points(metrics: &Metrics) -> Vec<(i64, f64)> {
    metrics
        .backlog
        .samples
        .iter()
        .map(|s| (s.at.0, s.open as f64))
        .collect()
}

fn team_name(report: &SimulationReport, id: &str) -> String {
    report
        .teams
        .iter()
        .find(|t| t.id == id)
        .map(|t| t.name.clone())
        .unwrap_or_else(|| id.to_owned())
}

/// Nodes per team in columns by tier level, an Arrivals node, and links by escalation kind.
fn flow_view(report: &SimulationReport) -> (Vec<FlowNode>, Vec<FlowLink>, Vec<String>) {
    let mut levels: Vec<u32> = report.teams.iter().map(|t| t.level).collect();
    levels.sort_unstable();
    levels.dedup();
    let column_of = |level: u32| 1 + levels.iter().position(|l| *l == level).unwrap_or(0);
    let received = |id: &str| {
        report
            .flows
            .iter()
            .filter(|f| f.to == id)
            .map(|f| f.count)
            .sum::<u64>()
    };
    let arrivals = report.arrivals();
    let mut nodes = vec![FlowNode {
        id: "arrivals".to_owned(),
        label: "Arrivals".to_owned(),
        column: 0,
        count: arrivals,
    }];
    nodes.extend(
        report
            .teams
            .iter()
            .filter(|t| received(&t.id) > 0)
            .map(|t| FlowNode {
                id: t.id.clone(),
                label: t.name.clone(),
                column: column_of(t.level),
                count: received(&t.id),
            }),
    );
    let links = report
        .flows
        .iter()
        .map(|f| FlowLink {
            from: f.from.clone().unwrap_or_else(|| "arrivals".to_owned()),
            to: f.to.clone(),
            kind: match f.kind {
                None => FlowKind::Arrival,
                Some(EscalationKind::Functional) => FlowKind::Functional,
                Some(EscalationKind::Hierarchical) => FlowKind::Hierarchical,
                Some(EscalationKind::Automatic) => FlowKind::Automatic,
            },
            count: f.count,
        })
        .collect();
    let mut columns = vec!["Arrivals".to_owned()];
    columns.extend(levels.iter().map(|l| format!("L{l}")));
    (nodes, links, columns)
}
