//! Baseline against variant: each headline metric's change with a 95% Welch confidence interval across replications.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::stats::mean;
use super::student_t::t_975;
use super::summary::Metrics;

/// What a metric's number measures, so the UI can format it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A share between 0 and 1 (shown as a percentage).
    Ratio,
    Seconds,
    /// A count of tickets or events.
    Count,
    /// Money in the policy's currency.
    Currency,
}

/// Which way a change is an improvement, so the UI can colour deltas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    Higher,
    Lower,
    /// Neither direction is good in itself (utilisation: too low wastes agents, too high builds queues).
    Neither,
}

/// One headline metric of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeadlineValue {
    /// Stable id, e.g. `escalation_rate.functional`, `sla.resolution.compliance`, `utilisation.billing`.
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub better: Better,
    /// `None` when the metric is undefined for the run (no tickets, no resolved tickets, …).
    pub value: Option<f64>,
}

/// A 95% confidence interval of `variant mean − baseline mean`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ConfidenceInterval {
    pub low: f64,
    pub high: f64,
    /// Welch–Satterthwaite degrees of freedom; `None` when neither side varies (the interval is a point).
    pub degrees_of_freedom: Option<f64>,
}

/// Whether a change stands out of the replication noise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeStatus {
    /// The interval excludes 0.
    Changed,
    /// The interval contains 0.
    WithinNoise,
    /// A side has fewer than 2 replications with a value: no interval.
    NotEnoughReplications,
    /// A side has no replication with a value.
    NoData,
}

impl ChangeStatus {
    pub fn describe(self) -> &'static str {
        match self {
            ChangeStatus::Changed => "changed",
            ChangeStatus::WithinNoise => "within noise",
            ChangeStatus::NotEnoughReplications => "not enough replications",
            ChangeStatus::NoData => "no data",
        }
    }
}

/// One headline metric, baseline against variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricChange {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub better: Better,
    /// Replications of each side where the metric had a value.
    pub baseline_replications: usize,
    pub variant_replications: usize,
    pub baseline_mean: Option<f64>,
    pub variant_mean: Option<f64>,
    /// `variant_mean − baseline_mean`.
    pub change: Option<f64>,
    pub interval: Option<ConfidenceInterval>,
    /// The interval contains 0; `None` without an interval.
    pub within_noise: Option<bool>,
    pub status: ChangeStatus,
}

/// Every headline metric, baseline against variant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub baseline_replications: usize,
    pub variant_replications: usize,
    pub changes: Vec<MetricChange>,
}

/// The headline metrics of a run, in a stable order.
pub fn headline_values(metrics: &Metrics) -> Vec<HeadlineValue> {
    let mut values = Vec::new();
    let mut push = |id: String, label: String, unit: Unit, better: Better, value: Option<f64>| {
        values.push(HeadlineValue {
            id,
            label,
            unit,
            better,
            value,
        });
    };
    push(
        "escalation_rate".into(),
        "Escalation rate".into(),
        Unit::Ratio,
        Better::Lower,
        metrics.escalation.rate,
    );
    for kind in &metrics.escalation.by_kind {
        push(
            format!("escalation_rate.{}", kind.kind.as_str()),
            format!("Escalation rate, {}", kind.kind.as_str()),
            Unit::Ratio,
            Better::Lower,
            kind.rate,
        );
    }
    push(
        "fcr".into(),
        "First contact resolution".into(),
        Unit::Ratio,
        Better::Higher,
        metrics.first_contact_resolution.rate,
    );
    for (id, name, short, time) in [
        (
            "first_response",
            "First response time",
            "First response",
            &metrics.first_response,
        ),
        (
            "resolution",
            "Resolution time",
            "Resolution",
            &metrics.resolution,
        ),
    ] {
        let stats = &time.calendar;
        push(
            format!("{id}.mean"),
            format!("{name}, mean"),
            Unit::Seconds,
            Better::Lower,
            stats.mean_seconds,
        );
        push(
            format!("{id}.median"),
            format!("{name}, median"),
            Unit::Seconds,
            Better::Lower,
            stats.median_seconds.map(|seconds| seconds as f64),
        );
        push(
            format!("{id}.p90"),
            format!("{name}, 90th percentile"),
            Unit::Seconds,
            Better::Lower,
            stats.p90_seconds.map(|seconds| seconds as f64),
        );
        if let Some(business) = &time.business {
            push(
                format!("{id}.business.median"),
                format!("{short} in business hours, median"),
                Unit::Seconds,
                Better::Lower,
                business.median_seconds.map(|seconds| seconds as f64),
            );
            push(
                format!("{id}.business.p90"),
                format!("{short} in business hours, 90th percentile"),
                Unit::Seconds,
                Better::Lower,
                business.p90_seconds.map(|seconds| seconds as f64),
            );
        }
    }
    for sla in &metrics.sla {
        let target = sla.target.as_str();
        let name = target.replace('_', " ");
        push(
            format!("sla.{target}.compliance"),
            format!("SLA compliance, {name}"),
            Unit::Ratio,
            Better::Higher,
            sla.compliance,
        );
        push(
            format!("sla.{target}.breaches"),
            format!("SLA breaches, {name}"),
            Unit::Count,
            Better::Lower,
            Some(sla.breached as f64),
        );
    }
    push(
        "abandonment_rate".into(),
        "Abandonment rate".into(),
        Unit::Ratio,
        Better::Lower,
        (metrics.tickets > 0).then(|| metrics.tickets_abandoned as f64 / metrics.tickets as f64),
    );
    push(
        "backlog.mean".into(),
        "Mean backlog".into(),
        Unit::Count,
        Better::Lower,
        metrics.backlog.mean,
    );
    for team in &metrics.teams {
        push(
            format!("utilisation.{}", team.team),
            format!("Utilisation, {}", team.team),
            Unit::Ratio,
            Better::Neither,
            team.utilisation,
        );
    }
    for team in metrics.teams.iter().filter(|team| !team.agents.is_empty()) {
        push(
            format!("load_spread.{}", team.team),
            format!("Load spread across agents, {}", team.team),
            Unit::Ratio,
            Better::Lower,
            team.load_spread,
        );
    }
    push(
        "cost_per_ticket".into(),
        "Cost per ticket".into(),
        Unit::Currency,
        Better::Lower,
        metrics.cost.per_ticket,
    );
    values
}

/// Compares the replications of a baseline run with those of a variant, metric by metric.
/// Metrics appear in the baseline's order, then those only the variant has.
pub fn compare(baseline: &[Metrics], variant: &[Metrics]) -> Comparison {
    compare_sides(baseline, variant, Baseline::Replications)
}

/// Simulated runs against what was observed (an imported log replayed through a policy): the observed
/// figure is a fact, without replication noise, so each interval is the one-sample 95% t interval of the
/// runs' mean minus it, and needs 2 or more runs.
pub fn compare_with_observed(observed: &Metrics, runs: &[Metrics]) -> Comparison {
    compare_sides(std::slice::from_ref(observed), runs, Baseline::Observed)
}

/// What the baseline side is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Baseline {
    /// Replications, with noise of their own.
    Replications,
    /// One observation, exact.
    Observed,
}

fn compare_sides(baseline: &[Metrics], variant: &[Metrics], kind: Baseline) -> Comparison {
    let mut order: Vec<HeadlineValue> = Vec::new();
    let mut samples: HashMap<String, [Vec<f64>; 2]> = HashMap::new();
    for (side, runs) in [baseline, variant].into_iter().enumerate() {
        for run in runs {
            for value in headline_values(run) {
                let entry = samples.entry(value.id.clone()).or_insert_with(|| {
                    order.push(value.clone());
                    [Vec::new(), Vec::new()]
                });
                if let Some(number) = value.value.filter(|number| number.is_finite()) {
                    entry[side].push(number);
                }
            }
        }
    }
    let changes = order
        .into_iter()
        .map(|head| {
            let [before, after] = samples.remove(&head.id).unwrap_or_default();
            change_of(head, &before, &after, kind)
        })
        .collect();
    Comparison {
        baseline_replications: baseline.len(),
        variant_replications: variant.len(),
        changes,
    }
}

fn change_of(head: HeadlineValue, before: &[f64], after: &[f64], kind: Baseline) -> MetricChange {
    let baseline_mean = mean(before);
    let variant_mean = mean(after);
    let change = baseline_mean.zip(variant_mean).map(|(b, v)| v - b);
    let interval = change.and_then(|difference| match kind {
        Baseline::Replications => welch_interval(difference, before, after),
        Baseline::Observed => Some(interval(difference, &[noise(after)?])),
    });
    let within_noise = interval.map(|range| range.low <= 0.0 && 0.0 <= range.high);
    let status = match (change, within_noise) {
        (None, _) => ChangeStatus::NoData,
        (Some(_), None) => ChangeStatus::NotEnoughReplications,
        (Some(_), Some(true)) => ChangeStatus::WithinNoise,
        (Some(_), Some(false)) => ChangeStatus::Changed,
    };
    MetricChange {
        id: head.id,
        label: head.label,
        unit: head.unit,
        better: head.better,
        baseline_replications: before.len(),
        variant_replications: after.len(),
        baseline_mean,
        variant_mean,
        change,
        interval,
        within_noise,
        status,
    }
}

/// Welch's 95% interval of the difference of means; `None` when a side has fewer than 2 values.
pub fn welch_interval(
    difference: f64,
    before: &[f64],
    after: &[f64],
) -> Option<ConfidenceInterval> {
    Some(interval(difference, &[noise(before)?, noise(after)?]))
}

/// A side's share of the squared standard error (variance / n) and its n; `None` for fewer than 2 values.
fn noise(values: &[f64]) -> Option<(f64, f64)> {
    let n = values.len() as f64;
    Some((sample_variance(values)? / n, n))
}

/// The 95% interval around `difference` with the sides' noise, Welch–Satterthwaite degrees of freedom
/// (with one side, the one-sample t interval); a point when no side varies.
fn interval(difference: f64, sides: &[(f64, f64)]) -> ConfidenceInterval {
    let squared_error: f64 = sides.iter().map(|(share, _)| share).sum();
    if squared_error <= 0.0 {
        return ConfidenceInterval {
            low: difference,
            high: difference,
            degrees_of_freedom: None,
        };
    }
    let degrees_of_freedom = squared_error.powi(2)
        / sides
            .iter()
            .map(|(share, n)| share.powi(2) / (n - 1.0))
            .sum::<f64>();
    let half_width = t_975(degrees_of_freedom) * squared_error.sqrt();
    ConfidenceInterval {
        low: difference - half_width,
        high: difference + half_width,
        degrees_of_freedom: Some(degrees_of_freedom),
    }
}

/// Unbiased sample variance (divisor n − 1); `None` for fewer than 2 values.
fn sample_variance(values: &[f64]) -> Option<f64> {
    if values.len() < 2 {
        return None;
    }
    let average = mean(values)?;
    let squares: f64 = values.iter().map(|value| (value - average).powi(2)).sum();
    Some(squares / (values.len() as f64 - 1.0))
}
