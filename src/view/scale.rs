//! Linear scales and "nice" axis ticks (steps of 1, 2 or 5 × 10ⁿ) shared by the SVG charts.

/// Maps a value domain linearly onto a pixel range (either may be reversed, as for a y-axis).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearScale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl LinearScale {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// The pixel position of `value`; an empty domain maps everything to the start of the range.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 || !value.is_finite() {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Evenly spaced tick values from `start` to `end` inclusive, `step` apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NiceTicks {
    pub start: f64,
    pub end: f64,
    pub step: f64,
}

impl NiceTicks {
    /// The tick values, rounded so that 0.1 + 0.2 shows as 0.3.
    pub fn values(&self) -> Vec<f64> {
        let count = ((self.end - self.start) / self.step).round() as usize;
        let decimals = step_decimals(self.step) as i32;
        let factor = 10f64.powi(decimals);
        (0..=count)
            .map(|index| ((self.start + index as f64 * self.step) * factor).round() / factor)
            .collect()
    }
}

/// The step of the form 1, 2 or 5 × 10ⁿ nearest to `raw` (on a log scale), so that axes get about as
/// many ticks as asked for (1 for non-positive input).
pub fn nice_step(raw: f64) -> f64 {
    nice_step_by(raw, [2f64.sqrt(), 10f64.sqrt(), 50f64.sqrt()])
}

/// The smallest step of the form 1, 2 or 5 × 10ⁿ that is at least `raw` (1 for non-positive input).
pub fn nice_step_at_least(raw: f64) -> f64 {
    nice_step_by(raw, [1.0, 2.0, 5.0])
}

/// Rounds `raw`'s leading digits up to 1, 2, 5 or 10 at the given thresholds.
fn nice_step_by(raw: f64, thresholds: [f64; 3]) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let fraction = raw / magnitude - STEP_TOLERANCE;
    let nice = if fraction <= thresholds[0] {
        1.0
    } else if fraction <= thresholds[1] {
        2.0
    } else if fraction <= thresholds[2] {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

/// Ticks covering [min, max] with about `target_count` intervals and a nice step. An empty or
/// degenerate range becomes 0..1 (or 0..max for a single positive value) so axes always have scale.
pub fn nice_ticks(min: f64, max: f64, target_count: usize) -> NiceTicks {
    let (min, max) = match (min.is_finite(), max.is_finite()) {
        (true, true) if max > min => (min, max),
        (true, _) if min > 0.0 => (0.0, min),
        (true, _) if min < 0.0 => (min, 0.0),
        _ => (0.0, 1.0),
    };
    let step = nice_step((max - min) / target_count.max(1) as f64);
    NiceTicks {
        start: snapped_floor(min / step) * step,
        end: snapped_ceil(max / step) * step,
        step,
    }
}

/// Rounding tolerance in steps, so that 0.30000000000000004 / 0.1 counts as 3 steps, not 4.
const STEP_TOLERANCE: f64 = 1e-9;

/// `floor`, ignoring floating-point noise just below a whole number of steps.
pub fn snapped_floor(steps: f64) -> f64 {
    (steps + STEP_TOLERANCE).floor()
}

/// `ceil`, ignoring floating-point noise just above a whole number of steps.
pub fn snapped_ceil(steps: f64) -> f64 {
    (steps - STEP_TOLERANCE).ceil()
}

/// How many decimals a tick label needs for ticks `step` apart (0 for steps of 1 and above).
pub fn step_decimals(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) || step >= 1.0 {
        return 0;
    }
    (-step.log10().floor()).max(0.0) as usize
}

/// A tick label: the value with just enough decimals for its step.
pub fn format_tick(value: f64, step: f64) -> String {
    let decimals = step_decimals(step);
    let text = format!("{value:.decimals$}");
    if text.starts_with('-') && text.trim_start_matches(['-', '0', '.']).is_empty() {
        text[1..].to_owned()
    } else {
        text
    }
}

/// An SVG coordinate with one decimal, enough at any screen size for a 1000-unit-wide view box.
pub fn num(value: f64) -> String {
    format!("{value:.1}")
}
