//! How chart values read on axes and labels: counts, percentages (from fractions) or durations (from seconds).

use super::durations::duration_ticks;
use super::scale::{format_tick, nice_ticks, NiceTicks};
use crate::format::duration as format_duration;

/// The unit of a chart's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ValueFormat {
    /// Plain numbers (tickets, agents).
    #[default]
    Count,
    /// Fractions shown as percentages: 0.25 reads `25%`.
    Percent,
    /// Seconds shown as durations: 5400 reads `1h 30m`.
    Duration,
}

impl ValueFormat {
    /// Nice ticks for values in [min, max] with about `target_count` intervals.
    pub fn ticks(self, min: f64, max: f64, target_count: usize) -> NiceTicks {
        match self {
            ValueFormat::Count => nice_ticks(min, max, target_count),
            ValueFormat::Percent => {
                let ticks = nice_ticks(min * 100.0, max * 100.0, target_count);
                NiceTicks {
                    start: ticks.start / 100.0,
                    end: ticks.end / 100.0,
                    step: ticks.step / 100.0,
                }
            }
            ValueFormat::Duration => duration_ticks(min, max, target_count),
        }
    }

    /// A tick label for ticks `step` apart.
    pub fn tick_label(self, value: f64, step: f64) -> String {
        match self {
            ValueFormat::Count => format_tick(value, step),
            ValueFormat::Percent => format!("{}%", format_tick(value * 100.0, step * 100.0)),
            ValueFormat::Duration => format_duration(value),
        }
    }

    /// A value label for a mark: counts with up to one decimal, percentages with one decimal below 10%.
    pub fn value_label(self, value: f64) -> String {
        match self {
            ValueFormat::Count if value.fract() == 0.0 => format!("{value:.0}"),
            ValueFormat::Count => format!("{value:.1}"),
            ValueFormat::Percent => {
                let percent = (value * 1000.0).round() / 10.0;
                let decimals = usize::from(percent.abs() < 10.0 && percent.fract() != 0.0);
                format!("{percent:.decimals$}%")
            }
            ValueFormat::Duration => format_duration(value),
        }
    }
}
