//! Queueing-theory formulas (Erlang C for M/M/c) used to validate the simulator and in benchmarks.

/// An M/M/c queue: Poisson arrivals at `arrival_rate`, `servers` servers each serving at `service_rate`
/// (both rates per the same time unit). Stable only when `arrival_rate < servers · service_rate`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MmcQueue {
    pub arrival_rate: f64,
    pub service_rate: f64,
    pub servers: u32,
}

impl MmcQueue {
    /// Offered load in Erlangs, λ/μ.
    pub fn offered_load(&self) -> f64 {
        self.arrival_rate / self.service_rate
    }

    /// Server utilisation ρ = λ/(cμ).
    pub fn utilisation(&self) -> f64 {
        self.offered_load() / f64::from(self.servers)
    }

    /// Erlang C: the probability that an arriving customer has to wait.
    /// Computed through the Erlang B recursion B(k) = a·B(k−1)/(k + a·B(k−1)), which is numerically stable.
    pub fn probability_of_waiting(&self) -> f64 {
        let load = self.offered_load();
        let mut erlang_b = 1.0;
        for k in 1..=self.servers {
            erlang_b = load * erlang_b / (f64::from(k) + load * erlang_b);
        }
        let rho = self.utilisation();
        erlang_b / (1.0 - rho + rho * erlang_b)
    }

    /// Mean wait in queue, Wq = C / (cμ − λ).
    pub fn mean_wait(&self) -> f64 {
        self.probability_of_waiting()
            / (f64::from(self.servers) * self.service_rate - self.arrival_rate)
    }

    /// Mean time in system, W = Wq + 1/μ.
    pub fn mean_time_in_system(&self) -> f64 {
        self.mean_wait() + 1.0 / self.service_rate
    }

    /// Service level under first-come-first-served: P(wait ≤ t) = 1 − C·e^{−(cμ−λ)t}.
    pub fn service_level(&self, t: f64) -> f64 {
        let drain_rate = f64::from(self.servers) * self.service_rate - self.arrival_rate;
        1.0 - self.probability_of_waiting() * libm::exp(-drain_rate * t)
    }
}

/// Two M/M/c stations in tandem where a share `escalation_share` of the first station's
/// departures go on to the second (a Jackson network): λ₂ = p·λ₁ and W = W₁ + p·W₂.
pub fn tandem_mean_time_in_system(
    first: MmcQueue,
    second_service_rate: f64,
    second_servers: u32,
    escalation_share: f64,
) -> f64 {
    let second = MmcQueue {
        arrival_rate: escalation_share * first.arrival_rate,
        service_rate: second_service_rate,
        servers: second_servers,
    };
    first.mean_time_in_system() + escalation_share * second.mean_time_in_system()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erlang_c_matches_published_values() {
        // Single server: M/M/1 has C = ρ and Wq = ρ/(μ−λ).
        let mm1 = MmcQueue {
            arrival_rate: 0.5,
            service_rate: 1.0,
            servers: 1,
        };
        assert!((mm1.probability_of_waiting() - 0.5).abs() < 1e-12);
        assert!((mm1.mean_wait() - 1.0).abs() < 1e-12);
        // Textbook call-centre example: 2 Erlangs on 3 servers gives C = 4/9.
        let mm3 = MmcQueue {
            arrival_rate: 2.0,
            service_rate: 1.0,
            servers: 3,
        };
        assert!((mm3.probability_of_waiting() - 4.0 / 9.0).abs() < 1e-12);
        assert!((mm3.service_level(0.0) - 5.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn tandem_adds_the_escalated_share() {
        let first = MmcQueue {
            arrival_rate: 0.5,
            service_rate: 1.0,
            servers: 1,
        };
        // Second station: λ₂ = 0.25, μ = 1 → W₂ = 1/(1 − 0.25) = 4/3; W₁ = 2.
        let total = tandem_mean_time_in_system(first, 1.0, 1, 0.5);
        assert!((total - (2.0 + 0.5 * 4.0 / 3.0)).abs() < 1e-12);
    }
}
