//! Seeded random numbers that give the same values natively and in wasm32 (ChaCha8 streams, libm maths).

use rand_chacha::rand_core::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// One independent random stream. Only 64-bit integers, IEEE arithmetic and `libm` functions are used,
/// so every platform draws the same sequence of values for the same seed and stream.
#[derive(Debug, Clone)]
pub struct RandomStream {
    rng: ChaCha8Rng,
}

impl RandomStream {
    pub fn new(seed: u64, stream: u64) -> RandomStream {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        RandomStream { rng }
    }

    /// Uniform in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        p > 0.0 && self.uniform() < p
    }

    /// Exponential with mean 1.
    pub fn unit_exponential(&mut self) -> f64 {
        -libm::log(1.0 - self.uniform())
    }

    /// Standard normal (Box–Muller, one value per call).
    pub fn standard_normal(&mut self) -> f64 {
        let radius = libm::sqrt(-2.0 * libm::log(1.0 - self.uniform()));
        radius * libm::cos(std::f64::consts::TAU * self.uniform())
    }

    /// Lognormal with the given mean and coefficient of variation.
    pub fn lognormal(&mut self, mean: f64, cv: f64) -> f64 {
        let sigma_squared = libm::log1p(cv * cv);
        let mu = libm::log(mean) - sigma_squared / 2.0;
        libm::exp(mu + libm::sqrt(sigma_squared) * self.standard_normal())
    }

    /// Picks an index by cumulative weights (`cumulative` ascending, last element the total).
    pub fn pick(&mut self, cumulative: &[f64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0.0);
        let target = self.uniform() * total;
        cumulative
            .iter()
            .position(|&edge| target < edge)
            .unwrap_or(cumulative.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_and_stream_repeat_and_streams_differ() {
        let mut a = RandomStream::new(7, 1);
        let mut b = RandomStream::new(7, 1);
        let mut c = RandomStream::new(7, 2);
        let first: Vec<f64> = (0..5).map(|_| a.uniform()).collect();
        let again: Vec<f64> = (0..5).map(|_| b.uniform()).collect();
        let other: Vec<f64> = (0..5).map(|_| c.uniform()).collect();
        assert_eq!(first, again);
        assert_ne!(first, other);
    }

    #[test]
    fn exponential_and_lognormal_means_are_right() {
        let mut rng = RandomStream::new(3, 0);
        let n = 200_000;
        let exp_mean = (0..n).map(|_| rng.unit_exponential()).sum::<f64>() / n as f64;
        // Standard error of the mean of Exp(1) over 200k draws is 1/sqrt(200k) ≈ 0.0022; allow 4 SE.
        assert!((exp_mean - 1.0).abs() < 0.009, "{exp_mean}");
        let logn_mean = (0..n).map(|_| rng.lognormal(10.0, 0.5)).sum::<f64>() / n as f64;
        // SD is 5, so SE ≈ 5/sqrt(200k) ≈ 0.011; allow 4 SE.
        assert!((logn_mean - 10.0).abs() < 0.045, "{logn_mean}");
    }

    #[test]
    fn pick_follows_weights() {
        let mut rng = RandomStream::new(11, 0);
        let cumulative = [1.0, 4.0];
        let n = 100_000;
        let second = (0..n).filter(|_| rng.pick(&cumulative) == 1).count() as f64 / n as f64;
        // p = 0.75, SE = sqrt(0.75·0.25/100k) ≈ 0.0014; allow 4 SE.
        assert!((second - 0.75).abs() < 0.006, "{second}");
    }
}
