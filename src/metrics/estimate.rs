//! One run's headline metrics across its replications: the mean and a 95% Student-t confidence interval.

use serde::Serialize;

use super::compare::{headline_values, Better, Unit};
use super::stats::mean;
use super::student_t::t_975;
use super::summary::Metrics;

/// A headline metric's mean over the replications that had a value, with its interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub better: Better,
    pub replications: usize,
    pub mean: Option<f64>,
    /// Half the width of the 95% interval of the mean; `None` with fewer than 2 replications.
    pub half_width: Option<f64>,
}

/// Every headline metric of `runs` (one `Metrics` per replication), in the order of `headline_values`.
pub fn estimates(runs: &[Metrics]) -> Vec<Estimate> {
    let per_run: Vec<_> = runs.iter().map(headline_values).collect();
    let Some(first) = per_run.first() else {
        return Vec::new();
    };
    first
        .iter()
        .map(|head| {
            let values: Vec<f64> = per_run
                .iter()
                .filter_map(|run| run.iter().find(|value| value.id == head.id))
                .filter_map(|value| value.value)
                .collect();
            Estimate {
                id: head.id.clone(),
                label: head.label.clone(),
                unit: head.unit,
                better: head.better,
                replications: values.len(),
                mean: mean(&values),
                half_width: half_width(&values),
            }
        })
        .collect()
}

fn half_width(values: &[f64]) -> Option<f64> {
    let count = values.len();
    if count < 2 {
        return None;
    }
    let average = mean(values)?;
    let variance = values
        .iter()
        .map(|value| (value - average).powi(2))
        .sum::<f64>()
        / (count as f64 - 1.0);
    Some(t_975(count as f64 - 1.0) * (variance / count as f64).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_of_known_values() {
        // Mean 2, sample sd 1, n = 3: half width = t(2) · 1/√3 = 4.303 · 0.577 = 2.484.
        let width = half_width(&[1.0, 2.0, 3.0]).expect("three values");
        assert!((width - 2.484).abs() < 0.01, "{width}");
        assert_eq!(half_width(&[5.0]), None);
    }

    #[test]
    fn no_runs_no_estimates() {
        assert!(estimates(&[]).is_empty());
    }
}
