//! Validates the simulator against queueing theory: Erlang C for one 24/7 team, a Jackson network for two tiers.
//!
//! Tolerances come from batch means: after a warm-up, the tickets (in arrival order) are split into
//! 20 batches of several thousand, long compared with the queue's relaxation time, so batch means
//! are close to independent. With 20 batches the standardised error follows Student's t with 19
//! degrees of freedom; |t| > 4 happens with probability below 0.1 %, so a correct simulator passes
//! `|simulated − theory| ≤ 4 · SE` for almost every seed. Each test also checks that SE itself is
//! small (a few % of the value), so the tolerance is tight enough for a wrong model to fail.

use escalator::engine::journey::{EventKind, Journey};
use escalator::sim::queueing::{tandem_mean_time_in_system, MmcQueue};
use escalator::sim::reference_models::MatrixModel;
use escalator::sim::{simulate, Scenario};

const WARM_UP: usize = 2_000;
const BATCHES: usize = 20;

fn scenario(per_hour: f64, days: u32, handling: &str, seed: u64) -> Scenario {
    let text = format!(
        r#"{{
            "policy": "reference",
            "workload": {{"start": "2026-03-02T00:00:00Z", "horizon": {days}, "arrivals": {{"constant": {{"per_hour": {per_hour}}}}}}},
            "mix": {{"categories": {{"general": 1}}}},
            "handling": {handling},
            "seed": {seed}
        }}"#
    );
    match Scenario::from_json(&text) {
        Ok(scenario) => scenario,
        Err(err) => panic!("test scenario does not parse: {err}"),
    }
}

/// Seconds from creation to the first agent starting work.
fn wait(journey: &Journey) -> f64 {
    journey
        .events
        .iter()
        .find_map(|event| match event.kind {
            EventKind::Started { .. } => Some(event.at.seconds_since(journey.created_at) as f64),
            _ => None,
        })
        .unwrap_or(f64::NAN)
}

fn time_in_system(journey: &Journey) -> f64 {
    journey
        .resolved_at()
        .map_or(f64::NAN, |at| at.seconds_since(journey.created_at) as f64)
}

/// (grand mean, standard error) over batch means of `value` after the warm-up.
fn batch_means(journeys: &[Journey], value: impl Fn(&Journey) -> f64) -> (f64, f64) {
    let kept = &journeys[WARM_UP..];
    let size = kept.len() / BATCHES;
    let means: Vec<f64> = kept
        .chunks_exact(size)
        .take(BATCHES)
        .map(|batch| batch.iter().map(&value).sum::<f64>() / size as f64)
        .collect();
    let mean = means.iter().sum::<f64>() / BATCHES as f64;
    let variance = means.iter().map(|m| (m - mean).powi(2)).sum::<f64>() / (BATCHES - 1) as f64;
    (mean, (variance / BATCHES as f64).sqrt())
}

fn assert_matches(
    name: &str,
    (simulated, standard_error): (f64, f64),
    theory: f64,
    max_relative_error: f64,
) {
    println!("{name}: simulated {simulated:.5} ± {standard_error:.5} (SE), theory {theory:.5}");
    assert!(
        standard_error <= max_relative_error * theory.abs(),
        "{name}: standard error {standard_error} too large for a meaningful test"
    );
    assert!(
        (simulated - theory).abs() <= 4.0 * standard_error,
        "{name}: simulated {simulated} vs theory {theory} (SE {standard_error})"
    );
}

#[test]
fn one_team_around_the_clock_is_an_erlang_c_queue() {
    // λ = 10/h, mean handling 40 min (μ = 1.5/h), c = 8: ρ ≈ 0.83. 2000 days ≈ 480 000 tickets.
    let queue = MmcQueue {
        arrival_rate: 10.0,
        service_rate: 1.5,
        servers: 8,
    };
    let handling = r#"{"default": {"time": {"exponential": {"mean": "40m"}}}}"#;
    let model = MatrixModel::single_team("support", 8);
    let run = simulate(&scenario(10.0, 2000, handling, 42), &model, 0).expect("valid scenario");
    assert_eq!(run.open_tickets, 0);
    let journeys = &run.journeys;
    assert!(journeys.len() > 470_000, "{} tickets", journeys.len());

    let waited = batch_means(journeys, |j| f64::from(u8::from(wait(j) > 0.0)));
    assert_matches("P(wait > 0)", waited, queue.probability_of_waiting(), 0.02);
    let mean_wait_hours = batch_means(journeys, |j| wait(j) / 3600.0);
    assert_matches("mean wait (h)", mean_wait_hours, queue.mean_wait(), 0.06);
    let answered_in_ten_minutes = batch_means(journeys, |j| f64::from(u8::from(wait(j) <= 600.0)));
    assert_matches(
        "P(wait ≤ 10 min)",
        answered_in_ten_minutes,
        queue.service_level(10.0 / 60.0),
        0.02,
    );
}

#[test]
fn two_tiers_in_tandem_match_the_jackson_network() {
    // Tier 1: λ₁ = 10/h, 40 min, 8 agents, resolves 70 %; tier 2: λ₂ = 3/h, 60 min, 4 agents (ρ₂ = 0.75).
    let first = MmcQueue {
        arrival_rate: 10.0,
        service_rate: 1.5,
        servers: 8,
    };
    let share = 0.3;
    let handling = r#"{
        "default": {"time": {"exponential": {"mean": "40m"}}},
        "teams": {
            "tier1": {"resolve": 0.7},
            "tier2": {"time": {"exponential": {"mean": "60m"}}, "resolve": 1.0}
        }
    }"#;
    let model = MatrixModel::tandem(("tier1", 8), ("tier2", 4));
    let run = simulate(&scenario(10.0, 2000, handling, 7), &model, 0).expect("valid scenario");
    assert_eq!(run.open_tickets, 0);
    let journeys = &run.journeys;

    let escalated = batch_means(journeys, |j| {
        f64::from(u8::from(j.escalations().count() > 0))
    });
    assert_matches("escalation share", escalated, share, 0.01);
    let theory = tandem_mean_time_in_system(first, 1.0, 4, share);
    let in_system_hours = batch_means(journeys, |j| time_in_system(j) / 3600.0);
    assert_matches("mean time in system (h)", in_system_hours, theory, 0.015);
}
