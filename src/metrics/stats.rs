//! Statistics helpers: ratios that are undefined on empty input, means, nearest-rank percentiles.

use serde::{Deserialize, Serialize};

/// `numerator / denominator`, or `None` when the denominator is zero.
pub fn ratio(numerator: u64, denominator: u64) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// Arithmetic mean, or `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Nearest-rank percentile of values sorted ascending: the value at 1-based rank `ceil(p / 100 × n)`,
/// rank at least 1. `None` for no values. Always one of the observed values.
pub fn nearest_rank(sorted: &[i64], percent: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len() as u64;
    let rank = (u64::from(percent) * n).div_ceil(100).clamp(1, n);
    sorted.get(rank as usize - 1).copied()
}

/// Mean, median (nearest-rank 50th percentile) and 90th percentile (nearest rank) of durations in seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DurationStats {
    pub count: u64,
    pub mean_seconds: Option<f64>,
    pub median_seconds: Option<i64>,
    pub p90_seconds: Option<i64>,
}

impl DurationStats {
    /// Summarises the durations; sorts them in place.
    pub fn from_seconds(durations: &mut [i64]) -> DurationStats {
        durations.sort_unstable();
        let count = durations.len() as u64;
        let total: i128 = durations.iter().map(|&seconds| i128::from(seconds)).sum();
        DurationStats {
            count,
            mean_seconds: (count > 0).then(|| total as f64 / count as f64),
            median_seconds: nearest_rank(durations, 50),
            p90_seconds: nearest_rank(durations, 90),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_picks_observed_values() {
        let sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        assert_eq!(nearest_rank(&sorted, 50), Some(50));
        assert_eq!(nearest_rank(&sorted, 90), Some(90));
        assert_eq!(nearest_rank(&sorted, 91), Some(100));
        assert_eq!(nearest_rank(&sorted, 0), Some(10));
        assert_eq!(nearest_rank(&[7], 90), Some(7));
        assert_eq!(nearest_rank(&[1, 2, 3, 4], 50), Some(2));
        assert_eq!(nearest_rank(&[], 50), None);
    }

    #[test]
    fn duration_stats_of_unsorted_values() {
        let mut values = vec![300, 100, 200, 900, 500];
        let stats = DurationStats::from_seconds(&mut values);
        assert_eq!(stats.count, 5);
        assert_eq!(stats.mean_seconds, Some(400.0));
        assert_eq!(stats.median_seconds, Some(300));
        assert_eq!(stats.p90_seconds, Some(900));
    }

    #[test]
    fn empty_input_is_undefined_not_nan() {
        let stats = DurationStats::from_seconds(&mut []);
        assert_eq!(stats.count, 0);
        assert_eq!(stats.mean_seconds, None);
        assert_eq!(stats.median_seconds, None);
        assert_eq!(ratio(3, 0), None);
        assert_eq!(ratio(1, 4), Some(0.25));
        assert_eq!(mean(&[]), None);
        assert_eq!(mean(&[1.0, 2.0]), Some(1.5));
    }
}
