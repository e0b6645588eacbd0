//! The small preview of a handling-time distribution in the Simulate view: its density over 0 to 3× the
//! mean, scaled so the tallest point is 1.

use crate::sim::scenario::TimeDistribution;

/// How many points a curve has.
pub const POINTS: usize = 48;

/// What the preview draws.
#[derive(Debug, Clone, PartialEq)]
pub enum DensityPreview {
    /// Every ticket takes the mean: one spike, at this share of the drawn range (1/3).
    Spike(f64),
    /// `(x, y)` points, x from 0 to 1 across 0 to 3× the mean, y from 0 to 1.
    Curve(Vec<(f64, f64)>),
}

/// The preview of `distribution`.
pub fn density_preview(distribution: &TimeDistribution) -> DensityPreview {
    let mean = distribution.mean().seconds() as f64;
    let density: Box<dyn Fn(f64) -> f64> = match *distribution {
        TimeDistribution::Fixed(_) => return DensityPreview::Spike(1.0 / 3.0),
        TimeDistribution::Exponential { .. } => Box::new(move |t: f64| (-t / mean).exp()),
        TimeDistribution::Lognormal { cv, .. } if cv <= 0.0 => {
            return DensityPreview::Spike(1.0 / 3.0)
        }
        TimeDistribution::Lognormal { cv, .. } => {
            let sigma_squared = (cv * cv).ln_1p();
            let mu = mean.ln() - sigma_squared / 2.0;
            Box::new(move |t: f64| {
                if t <= 0.0 {
                    0.0
                } else {
                    (-(t.ln() - mu).powi(2) / (2.0 * sigma_squared)).exp() / t
                }
            })
        }
    };
    let ys: Vec<f64> = (0..POINTS)
        .map(|i| density(3.0 * mean * i as f64 / (POINTS - 1) as f64))
        .collect();
    let tallest = ys.iter().copied().fold(0.0, f64::max);
    let scale = if tallest > 0.0 && tallest.is_finite() {
        1.0 / tallest
    } else {
        0.0
    };
    DensityPreview::Curve(
        ys.iter()
            .enumerate()
            .map(|(i, y)| (i as f64 / (POINTS - 1) as f64, y * scale))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::duration::Duration;

    fn curve(distribution: TimeDistribution) -> Vec<(f64, f64)> {
        match density_preview(&distribution) {
            DensityPreview::Curve(points) => points,
            DensityPreview::Spike(at) => panic!("a spike at {at}, not a curve"),
        }
    }

    #[test]
    fn an_exponential_starts_at_its_top_and_falls_to_e_to_the_minus_three() {
        let points = curve(TimeDistribution::Exponential {
            mean: Duration::minutes(20),
        });
        assert_eq!(points.len(), POINTS);
        assert_eq!(points[0], (0.0, 1.0));
        let (x, y) = points[POINTS - 1];
        assert_eq!(x, 1.0);
        assert!((y - (-3.0f64).exp()).abs() < 1e-12, "{y}");
        assert!(points.windows(2).all(|pair| pair[1].1 < pair[0].1));
    }

    #[test]
    fn a_lognormal_rises_to_its_mode_before_the_mean_then_falls() {
        let points = curve(TimeDistribution::Lognormal {
            mean: Duration::minutes(30),
            cv: 0.8,
        });
        assert_eq!(points[0].1, 0.0);
        let top = points
            .iter()
            .position(|&(_, y)| y == 1.0)
            .expect("a tallest point");
        // The mode is exp(mu - sigma²) = mean / (1 + cv²)^(3/2), at about 0.41 of the mean here: 0.14 of the range.
        assert!(
            (points[top].0 - 0.14).abs() < 0.03,
            "the top at {}",
            points[top].0
        );
        assert!(points.iter().all(|&(_, y)| (0.0..=1.0).contains(&y)));
    }

    #[test]
    fn a_fixed_time_or_a_lognormal_without_spread_is_a_spike_at_the_mean() {
        let spike = DensityPreview::Spike(1.0 / 3.0);
        let fixed = TimeDistribution::Fixed(Duration::minutes(5));
        assert_eq!(density_preview(&fixed), spike);
        let flat = TimeDistribution::Lognormal {
            mean: Duration::minutes(5),
            cv: 0.0,
        };
        assert_eq!(density_preview(&flat), spike);
    }
}
