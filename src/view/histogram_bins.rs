//! Histogram binning of durations with nice bucket widths, and the mean/median/p90 markers (metrics' nearest rank).

use crate::metrics::DurationStats;

use super::durations::nice_duration_step;

/// A bucket [from, to) of durations in seconds and how many fall in it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HistogramBin {
    pub from: f64,
    pub to: f64,
    pub count: u64,
}

/// Mean, median and 90th percentile of the durations, in seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DurationMarkers {
    pub mean: f64,
    pub median: f64,
    pub p90: f64,
}

/// Buckets of one nice width (minutes, hours, days) from 0 covering every value, about `target_bins` of them.
/// Negative values count in the first bucket. No values give no buckets.
pub fn bin_durations(seconds: &[i64], target_bins: usize) -> Vec<HistogramBin> {
    let Some(&max) = seconds.iter().max() else {
        return Vec::new();
    };
    let width = nice_duration_step(max.max(1) as f64 / target_bins.max(1) as f64);
    let count = ((max as f64 / width).floor() as usize + 1).max(1);
    let mut bins: Vec<HistogramBin> = (0..count)
        .map(|index| HistogramBin {
            from: index as f64 * width,
            to: (index + 1) as f64 * width,
            count: 0,
        })
        .collect();
    for &value in seconds {
        let index = ((value.max(0) as f64 / width).floor() as usize).min(count - 1);
        bins[index].count += 1;
    }
    bins
}

/// The markers for the durations as the metrics define them (nearest-rank percentiles); `None` for no values.
pub fn duration_markers(seconds: &[i64]) -> Option<DurationMarkers> {
    let stats = DurationStats::from_seconds(&mut seconds.to_vec());
    Some(DurationMarkers {
        mean: stats.mean_seconds?,
        median: stats.median_seconds? as f64,
        p90: stats.p90_seconds? as f64,
    })
}
